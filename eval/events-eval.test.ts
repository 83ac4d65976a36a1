import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EventSpan } from '../src/stages/events/event-span.js';
import { dateFits, formatEventsReport, goldAttributionKind, parsePloverGsr, ploverGsrEval, scoreSeedEvents, seedEventsEval } from './events-eval.js';
import { absentMessage, sharedDir, sharedPath } from './shared-data.js';
import { join } from 'node:path';

test('gold attributions read as attribution kinds', () => {
  const cases: readonly (readonly [string, string])[] = [
    ['author', 'outlet'], ['unnamed sources', 'unnamed-sources'], ['unofficial information', 'unnamed-sources'],
    ['media publications', 'media'], ['Jerusalem Post', 'media'], ['local outlets and social media', 'social-media'],
    ['@someone (tweet)', 'tweet'], ['Some Minister', 'speaker'],
  ];
  for (const [gold, kind] of cases) assert.equal(goldAttributionKind(gold), kind, gold);
});

test('dates fit by overlap, and an unknown gold date admits no confident day', () => {
  const day = (start: string, end = start, precision: 1 | 2 | 3 = 1): EventSpan['date'] => ({ start, end, precision, basis: 'text' });
  const cases: readonly (readonly [string, EventSpan['date'], boolean])[] = [
    ['2022-07-31', day('2022-07-30', '2022-07-31', 2), true],
    ['2022-12-11/2022-12-12', day('2022-12-12'), true],
    ['2022-12-11/2022-12-12', day('2022-12-13'), false],
    ['2022-07-31', null, false],
    ['unknown', null, true],
    ['unknown (no year)', day('2023-05-28'), false],
    ['unknown', day('2023-05-20', '2023-05-30', 3), true],
  ];
  for (const [gold, predicted, want] of cases) assert.equal(dateFits(gold, predicted), want, `${gold} vs ${JSON.stringify(predicted)}`);
});

test('the GSR format parses with trailing commas', () => {
  const records = parsePloverGsr('[{"id": "d", "event": "DOCUMENT",}, {"id": "a", "event": "AGREE", "text": "They agreed.", "source": [{"actorText": "They",},],},]');
  assert.deepEqual(records.map((r) => r.id), ['a']);
});

test('a hand-made seed record is scored: recall, precision, certainty and the denial check', () => {
  const event = (over: Partial<EventSpan>): EventSpan => ({
    start: 0, end: 1, label: 'MOBILIZE', id: 'e1', rank: 1, type: 'MOBILIZE', mode: 'troops', trigger: 'x', rule: '', acled: null,
    actors: [], recipients: [], place: { name: 'Kosovo', text: 'Kosovo', country: 'XK', admin1: null, admin2: null, lat: 42.6, lon: 20.9, geonameid: 1, precision: 3, basis: 'sentence', start: 0, end: 1 },
    date: { start: '2022-07-30', end: '2022-07-31', precision: 2, basis: 'published' }, quantities: { participants: null, fatalities: null, injured: null },
    evidence: { start: 0, end: 1 }, scope: 'article', scopeIndex: null, attribution: { kind: 'speaker', entity: null, text: 'm', cue: null }, certainty: 'denied', salience: 1, ...over,
  } as EventSpan);
  const raw = {
    file: 'x.txt',
    places: [{ name: 'Kosovo', country: 'XK', kind: 'territory', lat: 42.6, lon: 20.9 }],
    events: [
      { id: 'e1', required: true, type: 'MOBILIZE', date: '2022-07-31', place: 'Kosovo', attribution: 'Ministry', certainty: 'denied' },
      { id: 'e2', required: true, type: 'ASSAULT', date: '2022-07-31', place: 'Kosovo', attribution: 'author', certainty: 'asserted' },
    ],
  };
  const result = scoreSeedEvents(raw, [
    event({}),
    event({ id: 'e2', rank: 2, type: 'PROTEST', label: 'PROTEST' }),
    event({ id: 'e3', rank: 3, type: 'ASSAULT', label: 'ASSAULT', scope: 'comment', certainty: 'alleged' }),
  ]);
  assert.deepEqual(result.requiredFound, ['e1']);
  assert.deepEqual(result.requiredMissed, ['e2']);
  assert.equal(result.predicted, 2);
  assert.equal(result.predictedMatching, 1);
  assert.equal(result.certaintyAgree, 1);
  assert.equal(result.attributionAgree, 1);
  assert.equal(result.deniedAgree, 1);
  assert.equal(result.commentMatches, 1);
});

test('the seeds and the PLOVER GSR are scored when present', async (t) => {
  const root = sharedDir();
  if (!sharedPath(root, 'seeds', 'gold')) {
    t.skip(absentMessage(join(root, 'seeds', 'gold'), 'the seeds events evaluation'));
    return;
  }
  const seeds = await seedEventsEval(root);
  const gsr = await ploverGsrEval(root);
  assert.ok(seeds);
  assert.equal(seeds.totals.commentMatches, 0, 'no comment event counts as the article\'s');
  assert.equal(seeds.totals.deniedAgree, seeds.totals.denied, 'every denied gold event is predicted denied');
  assert.match(formatEventsReport(seeds, gsr), /required recall/);
});
