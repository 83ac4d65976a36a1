import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { defaultConfig } from '../config.js';
import type { Doc } from '../doc/types.js';
import { buildReport } from '../report/index.js';
import { openStore } from '../store/open-store.js';
import { storyDoc } from '../stories/test-docs.js';
import { createApp } from './app.js';
import { distinct, json, suiteStore } from './test-helpers.js';

const config = defaultConfig();

const RASKA = { name: 'Raška', text: 'Raška', country: 'RS', admin1: null, admin2: null, lat: 43.29, lon: 20.61, geonameid: null, precision: 1, basis: 'sentence', start: 0, end: 5 };

/** Invented documents: a shooting at Brnjak (two reports and a denial), a protest in Raška, a threat the day after. */
function fixtures(): Doc[] {
  return [
    storyDoc({ id: 'b000000000000001', outlet: 'Balkan Wire Service', text: 'Shots were fired at a police patrol near the roadblock outside Brnjak early on Friday, police said.' }),
    storyDoc({
      id: 'b000000000000002',
      outlet: 'Prishtina Courier',
      text: 'Serb extremists opened fire on a patrol at Brnjak overnight, police sources told the Courier, in a terrorist attack.',
      event: { certainty: 'reported' },
    }),
    storyDoc({
      id: 'b000000000000003',
      outlet: 'Barjak Online',
      text: 'No shot came from the people at the barricade at Brnjak, locals insist; the so-called police of the regime in Pristina staged it.',
      event: { certainty: 'denied', start: 3, end: 7 },
    }),
    storyDoc({
      id: 'b000000000000004',
      outlet: 'UraMost',
      day: '2022-11-02',
      text: 'Hundreds protested in Raška against the arrests; police watched from the square.',
      event: { type: 'PROTEST', label: 'PROTEST', place: RASKA, evidence: { start: 0, end: 48 } },
    }),
    storyDoc({
      id: 'b000000000000005',
      outlet: 'Barjak Online',
      day: '2022-11-03',
      text: 'The minister threatened to send the army to Raška if the arrests went on.',
      event: { type: 'THREATEN', label: 'THREATEN', place: RASKA, certainty: 'asserted' },
    }),
  ];
}

describe('framing, escalation, camps and alerts', () => {
  const fixture = suiteStore('sitrep-picture-', fixtures);
  let app: ReturnType<typeof createApp>;
  before(() => {
    app = createApp({ store: fixture.store, config, token: null, revisionTtlMs: 0 });
  });

  test('openapi.json documents the four routes', async () => {
    const doc = await json(await app.request('/api/openapi.json'));
    for (const path of ['/api/framing', '/api/escalation', '/api/camps', '/api/alerts']) assert.ok(doc.paths[path]?.get, `GET ${path}`);
    for (const schema of ['FramingMarker', 'FramingProfile', 'FramingPage', 'Escalation', 'EscalationDay', 'CampsPage', 'CampStance', 'Alert', 'AlertList']) assert.ok(doc.components.schemas[schema], schema);
    const names = doc.paths['/api/framing'].get.parameters.map((p: { name: string }) => p.name).sort();
    assert.deepEqual(names, ['cursor', 'document', 'limit', 'outlet', 'technique']);
  });

  test('framing markers are spans of their documents, filterable by outlet, document and technique; profiles per outlet', async () => {
    const all = await json(await app.request('/api/framing'));
    assert.ok(all.items.length >= 3, `markers: ${all.items.length}`);
    for (const marker of all.items) {
      const doc = await json(await app.request(`/api/documents/${marker.document}/text`));
      assert.equal(doc.text.slice(marker.start, marker.end), marker.text);
    }
    const techniques = new Set(all.items.map((m: { technique: string }) => m.technique));
    assert.ok(techniques.has('name-calling'));
    const barjak = await json(await app.request('/api/framing?outlet=barjak%20online'));
    assert.ok(barjak.items.length > 0);
    assert.ok(barjak.items.every((m: { outlet: string }) => m.outlet === 'Barjak Online'));
    assert.deepEqual(barjak.profiles.map((p: { outlet: string }) => p.outlet), ['Barjak Online']);
    assert.equal(barjak.profiles[0].markers, barjak.items.length);
    const one = await json(await app.request('/api/framing?document=b000000000000002'));
    assert.ok(one.items.length > 0 && one.items.every((m: { document: string }) => m.document === 'b000000000000002'));
    const called = await json(await app.request('/api/framing?technique=name-calling'));
    assert.ok(called.items.every((m: { technique: string }) => m.technique === 'name-calling'));
    // Pages.
    const first = await json(await app.request('/api/framing?limit=1'));
    assert.equal(first.items.length, 1);
    assert.ok(first.next);
    const second = await json(await app.request(`/api/framing?limit=1&cursor=${encodeURIComponent(first.next)}`));
    assert.notEqual(second.items[0].id, first.items[0].id);
    assert.equal((await app.request('/api/framing?technique=lies')).status, 400);
    assert.equal((await app.request('/api/framing?document=nope')).status, 400);
  });

  test('escalation per region and day agrees with the report, every value naming incidents of /api/incidents', async () => {
    const body = await json(await app.request('/api/escalation'));
    assert.deepEqual(body.series.map((s: { region: string }) => s.region), ['RS', 'XK']);
    const xk = body.series.find((s: { region: string }) => s.region === 'XK');
    assert.equal(xk.days.length, 1);
    assert.ok(xk.days[0].physical.value > 0);
    assert.equal(xk.days[0].rhetoric.value, 0);
    const rs = body.series.find((s: { region: string }) => s.region === 'RS');
    assert.deepEqual(rs.days.map((d: { day: string }) => d.day), ['2022-11-02', '2022-11-03']);
    assert.ok(rs.days[1].rhetoric.value > 0);
    // The total is the report's own escalation series.
    const report = buildReport(fixtures());
    assert.deepEqual(
      body.total.map((d: { day: string; physical: { value: number }; rhetoric: { value: number } }) => [d.day, d.physical.value, d.rhetoric.value]),
      report.escalation.map((d) => [d.day, d.physical, d.rhetoric]),
    );
    const incidents = await json(await app.request('/api/incidents'));
    const byId = new Map(incidents.items.map((i: { id: string; type: string }) => [i.id, i]));
    for (const day of body.total) {
      for (const id of day.physical.incidents) assert.ok(['ASSAULT', 'PROTEST', 'MOBILIZE', 'COERCE'].includes((byId.get(id) as { type: string }).type), id);
      for (const id of day.rhetoric.incidents) assert.ok(['THREATEN', 'ACCUSE', 'REJECT'].includes((byId.get(id) as { type: string }).type), id);
    }
    // Filters.
    assert.deepEqual((await json(await app.request('/api/escalation?region=rs'))).series.map((s: { region: string }) => s.region), ['RS']);
    assert.deepEqual((await json(await app.request('/api/escalation?since=2022-11-03'))).total.map((d: { day: string }) => d.day), ['2022-11-03']);
    assert.deepEqual((await json(await app.request('/api/escalation?until=2022-10-31'))).series.map((s: { region: string }) => s.region), ['XK']);
    assert.equal((await app.request('/api/escalation?since=soon')).status, 400);
  });

  test('camps: the example camps by default, who reports and who denies the shooting, and counts', async () => {
    const body = await json(await app.request('/api/camps'));
    assert.equal(body.source, 'example');
    assert.ok(body.camps.some((c: { name: string }) => c.name === 'Serbian government line'));
    const incidents = await json(await app.request('/api/incidents?type=ASSAULT'));
    const shooting = body.items.find((i: { incident: string }) => i.incident === incidents.items[0].id);
    assert.ok(shooting, 'the shooting, under the id /api/incidents gives it');
    const stance = (camp: string) => shooting.camps.find((s: { camp: string }) => s.camp === camp);
    assert.equal(stance('Serbian government line').stance, 'denies');
    assert.deepEqual(stance('Serbian government line').documents, ['b000000000000003']);
    assert.equal(stance('Kosovo government line').stance, 'reports');
    assert.equal(stance('Russian state media').stance, 'silent');
    const serbian = body.counts.find((c: { camp: string }) => c.camp === 'Serbian government line');
    assert.equal(serbian.denies, 1);
    assert.equal(serbian.reports + serbian.denies + serbian.silent, body.items.length);
    const filtered = await json(await app.request('/api/camps?camp=russian%20state%20media'));
    assert.equal(filtered.items.length, 0);
  });

  test('camps given to the app replace the example', async () => {
    const other = createApp({ store: fixture.store, config, token: null, revisionTtlMs: 0, camps: [{ name: 'Wire', outlets: ['Balkan Wire Service'] }] });
    const body = await json(await other.request('/api/camps'));
    assert.equal(body.source, 'configured');
    assert.deepEqual(body.camps, [{ name: 'Wire', outlets: ['Balkan Wire Service'], speakers: [] }]);
    assert.equal(body.counts[0].reports, 1);
  });

  test('alerts are the report’s, with incidents of /api/incidents', async () => {
    const body = await json(await app.request('/api/alerts'));
    const report = buildReport(fixtures(), { alerts: { physicalThreshold: config.alerts.physicalThreshold, newActor: config.alerts.newActor, physicalAfterRhetoric: config.alerts.physicalAfterRhetoric } });
    assert.deepEqual(body.items.map((a: { rule: string; day: string; region: string }) => `${a.rule} ${a.region} ${a.day}`), report.alerts.map((a) => `${a.rule} ${a.region} ${a.day}`));
    const ids = new Set((await json(await app.request('/api/incidents'))).items.map((i: { id: string }) => i.id));
    for (const alert of body.items) for (const id of alert.incidents) assert.ok(ids.has(id), id);
    assert.equal((await app.request('/api/alerts?rule=maybe')).status, 400);
  });

  test('built once per store revision; ETags revalidate', async () => {
    await app.request('/api/framing');
    const before = fixture.walks();
    const first = await app.request('/api/escalation');
    await app.request('/api/camps');
    await app.request('/api/alerts?region=XK');
    assert.equal(fixture.walks(), before, 'no new walk of the store at this revision');
    const tag = first.headers.get('etag') ?? '';
    assert.match(tag, /^W\/"r/);
    assert.equal((await app.request('/api/escalation', { headers: { 'If-None-Match': tag } })).status, 304);
    await fixture.store.putDocument(distinct(storyDoc({ id: 'b000000000000006', outlet: 'Kosovo Online', text: 'Gunfire was heard again near Brnjak on Friday, witnesses said.' })));
    const changed = await app.request('/api/escalation', { headers: { 'If-None-Match': tag } });
    assert.equal(changed.status, 200);
    await app.request('/api/framing');
    assert.equal(fixture.walks(), before + 2, 'the report and the stories rebuilt once each');
  });
});

describe('alert rules through the API', () => {
  const TOKEN = 'alert-rules-test-token-0123456789';

  test('read openly, changed only with the token, and the alerts and their ETag follow the change', async () => {
    const store = await openStore(':memory:');
    try {
      for (const doc of fixtures()) await store.putDocument(distinct(doc));
      const app = createApp({ store, config, token: TOKEN, revisionTtlMs: 0 });
      const rules = await json(await app.request('/api/alerts/rules'));
      assert.deepEqual(rules, { physicalThreshold: config.alerts.physicalThreshold, newActor: config.alerts.newActor, physicalAfterRhetoric: config.alerts.physicalAfterRhetoric });

      const put = (body: unknown, token?: string): Promise<Response> =>
        Promise.resolve(app.request('/api/alerts/rules', { method: 'PUT', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) }));
      assert.equal((await put({ newActor: false })).status, 401);
      assert.equal((await put({ physicalThreshold: -1 }, TOKEN)).status, 422);
      assert.equal((await put({ webhook: 'http://x' }, TOKEN)).status, 422, 'the webhook stays in the config file');

      const before = await app.request('/api/alerts');
      const tag = before.headers.get('etag') ?? '';
      const alertsBefore = (await json(before)).items as { rule: string }[];
      assert.ok(!alertsBefore.some((a) => a.rule === 'threshold'), 'no day reaches the default threshold in the fixtures');

      const lower = { physicalThreshold: 0.1 };
      const changed = await json(await put(lower, TOKEN));
      assert.deepEqual(changed, { ...rules, ...lower }, 'fields not sent keep their value');
      const after = await app.request('/api/alerts', { headers: { 'If-None-Match': tag } });
      assert.equal(after.status, 200, 'the old ETag no longer matches');
      const alertsAfter = (await json(after)).items as { rule: string }[];
      assert.ok(alertsAfter.some((a) => a.rule === 'threshold'), 'a lower threshold raises threshold alerts');
      const report = buildReport(fixtures(), { alerts: { ...rules, ...lower } });
      assert.deepEqual(alertsAfter.map((a) => a.rule), report.alerts.map((a) => a.rule));
    } finally {
      await store.close();
    }
  });
});
