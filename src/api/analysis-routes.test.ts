import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { defaultConfig } from '../config.js';
import type { Doc } from '../doc/types.js';
import { storyDoc } from '../stories/test-docs.js';
import { createApp } from './app.js';
import { distinct, json, suiteStore } from './test-helpers.js';

const config = defaultConfig();

const RASKA = { name: 'Raška', text: 'Raška', country: 'RS', admin1: null, admin2: null, lat: 43.29, lon: 20.61, geonameid: null, precision: 1, basis: 'sentence', start: 0, end: 5 };
const POLICE = [{ id: 'kb:XK:police', text: 'police', class: 'state', start: 0, end: 6 }];

/** Invented documents: three reports of one shooting at Brnjak (one a denial), a protest in Raška, an undated threat. */
function fixtures(): Doc[] {
  return [
    storyDoc({ id: 'a000000000000001', outlet: 'Balkan Wire Service', text: 'Shots were fired at a police patrol near the roadblock outside Brnjak early on Friday, police said.' }),
    storyDoc({
      id: 'a000000000000002',
      outlet: 'Prishtina Courier',
      text: 'An armed group opened fire on a patrol at Brnjak overnight, police sources told the Courier, and twenty men took part.',
      event: { quantities: { participants: 20, fatalities: null, injured: null }, certainty: 'reported', evidence: { start: 0, end: 60 } },
    }),
    storyDoc({
      id: 'a000000000000003',
      outlet: 'Barjak Online',
      text: 'No shot came from the people at the barricade at Brnjak, locals insist, calling it a staged provocation.',
      event: { certainty: 'denied', quantities: { participants: 3, fatalities: null, injured: null }, start: 3, end: 7 },
    }),
    storyDoc({
      id: 'a000000000000004',
      outlet: 'UraMost',
      day: '2022-11-02',
      text: 'Hundreds protested in Raška against the arrests; police watched from the square.',
      event: { type: 'PROTEST', label: 'PROTEST', actors: POLICE, recipients: [], place: RASKA, evidence: { start: 0, end: 48 } },
    }),
    {
      ...storyDoc({
        id: 'a000000000000005',
        outlet: 'UraMost',
        text: 'A commenter threatened to block the road again.',
        event: { type: 'THREATEN', label: 'THREATEN', scope: 'comment', scopeIndex: 0, date: null, place: null, certainty: 'alleged' },
      }),
      published: { date: null, time: null, not_before: null, not_after: null, updated: null, evidence: null },
    },
  ];
}

describe('events, stories, incidents and contradictions', () => {
  const fixture = suiteStore('sitrep-analysis-', fixtures);
  let app: ReturnType<typeof createApp>;
  before(() => {
    app = createApp({ store: fixture.store, config, token: null, revisionTtlMs: 0 });
  });

  test('openapi.json documents the new routes and their schemas', async () => {
    const doc = await json(await app.request('/api/openapi.json'));
    for (const path of ['/api/events', '/api/stories', '/api/incidents', '/api/contradictions']) assert.ok(doc.paths[path]?.get, `GET ${path}`);
    for (const schema of ['Event', 'EventPage', 'Incident', 'IncidentReport', 'Story', 'LedgerItem', 'QuotedSpan']) assert.ok(doc.components.schemas[schema], schema);
    const names = doc.paths['/api/events'].get.parameters.map((p: { name: string }) => p.name).sort();
    assert.deepEqual(names, ['actor', 'bbox', 'certainty', 'cursor', 'limit', 'outlet', 'scope', 'since', 'type', 'until']);
  });

  test('every event names its document, and its evidence span is that text', async () => {
    const page = await json(await app.request('/api/events'));
    assert.equal(page.items.length, 5);
    assert.equal(page.next, null);
    // Dated events by day, the undated one last.
    assert.deepEqual(page.items.map((e: { document: string }) => e.document.slice(-1)), ['1', '2', '3', '4', '5']);
    for (const event of page.items) {
      const doc = await json(await app.request(`/api/documents/${event.document}/text`));
      assert.equal(doc.text.slice(event.evidence.start, event.evidence.end), event.evidence.text);
      assert.equal(doc.text.slice(event.trigger.start, event.trigger.end), event.trigger.text);
      assert.equal(event.id, `${event.document}/${event.event}`);
    }
  });

  test('event filters: type, certainty, outlet, actor, scope, bbox and the day window', async () => {
    const ids = async (query: string): Promise<string[]> =>
      (await json(await app.request(`/api/events?${query}`))).items.map((e: { document: string }) => e.document.slice(-1));
    assert.deepEqual(await ids('type=protest'), ['4']);
    assert.deepEqual(await ids('type=PROTEST,THREATEN'), ['4', '5']);
    assert.deepEqual(await ids('certainty=denied'), ['3']);
    assert.deepEqual(await ids('certainty=asserted,reported'), ['1', '2', '4']);
    assert.deepEqual(await ids('outlet=uramost'), ['4', '5']);
    assert.deepEqual(await ids('actor=kb:XK:police'), ['1', '2', '3', '4', '5']);
    assert.deepEqual(await ids('actor=Police&type=PROTEST'), ['4']);
    assert.deepEqual(await ids('scope=comment'), ['5']);
    assert.deepEqual(await ids('bbox=20.5,43.2,20.7,43.4'), ['4']);
    assert.deepEqual(await ids('since=2022-10-15'), ['4']);
    assert.deepEqual(await ids('until=2022-10-14'), ['1', '2', '3']);
    assert.deepEqual(await ids('since=2023-01-01'), []);
  });

  test('event pages follow the cursor through every event exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { items: { id: string }[]; next: string | null } = await json(
        await app.request(`/api/events?limit=2${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`),
      );
      seen.push(...page.items.map((e) => e.id));
      cursor = page.next;
      pages += 1;
    } while (cursor !== null && pages < 10);
    assert.equal(pages, 3);
    assert.equal(seen.length, 5);
    assert.equal(new Set(seen).size, 5);
  });

  test('bad filters and cursors are 400s with the field named', async () => {
    for (const query of ['type=BOMB', 'certainty=sure', 'scope=page', 'bbox=1,2,3', 'bbox=20,44,21,43', 'since=yesterday', 'limit=0', 'cursor=nonsense']) {
      const response = await app.request(`/api/events?${query}`);
      assert.equal(response.status, 400, query);
      const body = (await response.json()) as { error: { code: string } };
      assert.ok(['bad-request', 'bad-cursor'].includes(body.error.code), `${query}: ${body.error.code}`);
    }
    assert.equal((await app.request('/api/incidents?story=x1')).status, 400);
    assert.equal((await app.request('/api/contradictions?kind=lies')).status, 400);
  });

  test('the three reports of the shooting are one incident: two independent sources, a denial, each report with its evidence', async () => {
    const page = await json(await app.request('/api/incidents'));
    const shooting = page.items.find((i: { type: string }) => i.type === 'ASSAULT');
    assert.ok(shooting);
    assert.equal(shooting.reports.length, 3);
    assert.equal(shooting.independent_sources, 2);
    assert.deepEqual(shooting.place.name, 'Brnjak');
    assert.ok(shooting.contradictions.some((c: { kind: string }) => c.kind === 'denial'));
    for (const report of shooting.reports) {
      const doc = await json(await app.request(`/api/documents/${report.document}/text`));
      assert.equal(doc.text.slice(report.evidence.start, report.evidence.end), report.evidence.text);
      assert.ok(report.title);
    }
    assert.deepEqual((await json(await app.request('/api/incidents?type=PROTEST'))).items.map((i: { place: { name: string } }) => i.place.name), ['Raška']);
    assert.equal((await json(await app.request('/api/incidents?min_sources=2'))).items.length, 1);
    assert.deepEqual((await json(await app.request('/api/incidents?bbox=20.5,43.2,20.7,43.4'))).items.map((i: { type: string }) => i.type), ['PROTEST']);
    assert.equal((await json(await app.request('/api/incidents?since=2022-11-01'))).items.length, 1);
    const one = await json(await app.request('/api/incidents?limit=1'));
    assert.equal(one.items.length, 1);
    assert.ok(one.next);
    const two = await json(await app.request(`/api/incidents?limit=1&cursor=${encodeURIComponent(one.next)}`));
    assert.notEqual(two.items[0].id, one.items[0].id);
  });

  test('the contradiction ledger carries each side with its reports and evidence', async () => {
    const page = await json(await app.request('/api/contradictions?kind=denial'));
    assert.equal(page.items.length, 1);
    const denial = page.items[0];
    assert.equal(denial.type, 'ASSAULT');
    assert.deepEqual(denial.sides.map((s: { claim: string }) => s.claim), ['happened', 'denied']);
    const denied = denial.sides[1].reports[0];
    assert.equal(denied.document, 'a000000000000003');
    assert.equal(denied.certainty, 'denied');
    assert.match(denied.evidence.text, /No shot came/);
  });

  test('stories list their documents and incidents', async () => {
    const page = await json(await app.request('/api/stories'));
    const documents = page.items.flatMap((s: { documents: { id: string }[] }) => s.documents.map((d) => d.id));
    assert.equal(new Set(documents).size, 5);
    const incidents = page.items.flatMap((s: { incidents: string[] }) => s.incidents);
    assert.equal(incidents.length, (await json(await app.request('/api/incidents'))).items.length);
  });

  test('derived data is built once per store revision, and ETags revalidate without rebuilding', async () => {
    const before = fixture.walks();
    const first = await app.request('/api/incidents');
    await app.request('/api/contradictions');
    await app.request('/api/stories?since=2022-01-01');
    await app.request('/api/events?type=ASSAULT');
    assert.equal(fixture.walks(), before, 'no walk of the store: all were built by the earlier tests at this revision');
    const tag = first.headers.get('etag');
    assert.match(tag ?? '', /^W\/"r/);
    const again = await app.request('/api/incidents', { headers: { 'If-None-Match': tag ?? '' } });
    assert.equal(again.status, 304);
    assert.equal(again.headers.get('etag'), tag);
    const other = await app.request('/api/incidents?type=ASSAULT', { headers: { 'If-None-Match': tag ?? '' } });
    assert.equal(other.status, 200, 'another query is another tag');

    // A new document is a new revision: rebuilt once, new tags.
    await fixture.store.putDocument(distinct(storyDoc({ id: 'a000000000000006', outlet: 'Kosovo Online', text: 'Gunfire was heard again near Brnjak on Friday, witnesses said.' })));
    const changed = await app.request('/api/incidents', { headers: { 'If-None-Match': tag ?? '' } });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get('etag'), tag);
    await app.request('/api/contradictions');
    assert.equal(fixture.walks(), before + 1, 'stories rebuilt once for the new revision');
    await app.request('/api/events');
    await app.request('/api/events?limit=1');
    assert.equal(fixture.walks(), before + 2, 'events rebuilt once for the new revision');
  });
});
