import assert from 'node:assert/strict';
import { test } from 'node:test';
import { storyDoc, twoDevelopments } from '../stories/test-docs.js';
import { buildReport } from './build-report.js';
import { deliverAlerts, escalationAlerts } from './alerts.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';

const HOSTILE = `<script>alert(1)</script> "quoted" 'single' javascript:alert(2) <img src=x onerror=alert(3)>`;

function docs() {
  return [
    storyDoc({ id: 'a', outlet: 'Balkan Wire Service', text: `Shots were fired at a police patrol near Brnjak. ${HOSTILE}` }),
    storyDoc({ id: 'b', outlet: HOSTILE, text: 'Shots were fired near Brnjak overnight, the Courier learnt from its sources on Friday.', event: { certainty: 'denied' } }),
  ];
}

test('the JSON report carries stories, incidents with reports, sources, camps and contradictions', () => {
  const report = buildReport(docs(), { camps: [{ name: 'wire', outlets: ['BWS'] }] });
  assert.deepEqual(Object.keys(report).sort(), ['alerts', 'anomalies', 'escalation', 'framing', 'framingProfiles', 'generated', 'stories']);
  const inc = report.stories[0]!.incidents[0]!;
  assert.deepEqual(Object.keys(inc.reports[0]!).slice(0, 4), ['document', 'event', 'certainty', 'attribution']);
  assert.equal(inc.contradictions[0]!.kind, 'denial');
  assert.deepEqual(inc.camps, [{ camp: 'wire', stance: 'reports', documents: ['a'] }]);
  assert.deepEqual(report.escalation, [{ day: '2022-10-14', physical: 1, rhetoric: 0, incidents: [inc.id] }]);
  assert.ok(JSON.parse(JSON.stringify(report)));
});

test('camps are empty without a camps config, and filters drop incidents outside the window or region', () => {
  assert.deepEqual(buildReport(docs()).stories[0]!.incidents[0]!.camps, []);
  assert.equal(buildReport(docs(), { since: '2022-10-15' }).stories.length, 0);
  assert.equal(buildReport(docs(), { region: 'RS' }).stories.length, 0);
  assert.equal(buildReport(docs(), { region: 'xk' }).stories.length, 1);
});

test('the HTML report escapes hostile text and has no script, no external URL and no javascript: link', () => {
  const html = renderHtml(buildReport(docs()));
  assert.ok(!html.includes('<script'));
  assert.ok(!html.includes('<img'));
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(html.includes('&quot;quoted&quot; &#39;single&#39;'));
  assert.ok(!/href="javascript:/i.test(html));
  assert.ok(!/(src|href)="https?:/i.test(html));
  assert.ok(html.includes('<svg'));
  assert.ok(html.includes('class="incident"'));
});

test('the Markdown report has every section and escapes hostile text', () => {
  const md = renderMarkdown(buildReport(docs()));
  for (const section of ['# Situation report', '## Timeline', '## Stories and incidents', '## Contradictions', '## Framing', '## Anomalies', '## Escalation']) assert.ok(md.includes(section), section);
  assert.ok(!md.includes('<script>'));
  assert.ok(!md.includes('<img'));
  assert.ok(md.includes('\\(2\\)'));
});

test('the report groups documents the same way whatever order they come in', () => {
  const all = twoDevelopments();
  const partition = (docs: typeof all) => buildReport(docs).stories.map((s) => s.documents.map((d) => d.id).sort().join(',')).sort();
  const expected = partition(all);
  assert.equal(expected.length, 2);
  assert.deepEqual(partition([...all].reverse()), expected);
  assert.deepEqual(partition([all[2]!, all[0]!, all[3]!, all[1]!]), expected);
});

test('framing markers are spans of the article text with their technique, profiled by outlet and counted per incident', () => {
  const text = 'The regime in Belgrade sent its so-called patrols again; puppet masters abroad cheer the brutal raid on the village.';
  const report = buildReport([
    storyDoc({ id: 'loud', outlet: 'Loud Tabloid', text }),
    storyDoc({ id: 'calm', outlet: 'Quiet Agency', text: 'A police patrol went to the village near the crossing, police said.' }),
  ]);
  const loud = report.framing.filter((m) => m.document === 'loud');
  assert.deepEqual(loud.map((m) => [m.technique, text.slice(m.start, m.end)]), [
    ['name-calling', 'The regime in Belgrade'],
    ['name-calling', 'so-called patrols'],
    ['name-calling', 'puppet masters'],
    ['loaded-language', 'brutal'],
  ]);
  assert.deepEqual(report.framingProfiles.map((p) => [p.outlet, p.markers]), [['Loud Tabloid', 4], ['Quiet Agency', 0]]);
  const inc = report.stories.flatMap((s) => s.incidents).find((i) => i.reports.some((r) => r.document === 'loud'))!;
  assert.equal(inc.framing['name-calling'], 3);
});

test('alerts: a threshold crossed, a new actor in a region, the first physical act after rhetoric; delivered as lines and to a webhook', async () => {
  const army = [{ id: 'kb:RS:armed-forces', text: 'army', class: 'military', start: 0, end: 1 }];
  const docs = [
    storyDoc({ id: 'words', outlet: 'Agency', text: 'The minister warned of consequences at Brnjak.', day: '2022-10-13', event: { type: 'THREATEN', label: 'THREATEN' } }),
    storyDoc({ id: 'shots', outlet: 'Agency', text: 'Shots were fired at Brnjak and the army moved in.', day: '2022-10-14', event: { actors: army }, events: [{ type: 'MOBILIZE', label: 'MOBILIZE', actors: army }] }),
  ];
  const report = buildReport(docs);
  assert.deepEqual(report.alerts.map((a) => [a.rule, a.day, a.region]).sort(), [
    ['new-actor', '2022-10-14', 'XK'],
    ['physical-after-rhetoric', '2022-10-14', 'XK'],
    ['threshold', '2022-10-14', 'XK'],
  ]);
  assert.deepEqual(escalationAlerts([], {}), []);
  const lines: string[] = [];
  const posted: string[] = [];
  const fakeFetch = (async (_url: string, init: { body: string }) => {
    posted.push(init.body);
    return new Response('ok');
  }) as unknown as typeof fetch;
  const result = await deliverAlerts(report.alerts, { write: (l) => lines.push(l), webhook: 'http://127.0.0.1:9/hook', fetch: fakeFetch });
  assert.equal(lines.length, 3);
  assert.ok(lines.every((l) => l.startsWith('ALERT 2022-10-14 XK')));
  assert.equal(result.posted, true);
  assert.equal(JSON.parse(posted[0]!).alerts.length, 3);
});
