import assert from 'node:assert/strict';
import { test } from 'node:test';
import { storyDoc } from '../stories/test-docs.js';
import { buildReport } from './build-report.js';
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
  assert.deepEqual(Object.keys(report).sort(), ['anomalies', 'escalation', 'framing', 'generated', 'stories']);
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
