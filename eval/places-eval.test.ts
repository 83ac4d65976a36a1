import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { PlaceSpan } from '../src/stages/places/places-stage.js';
import { placesEval, scorePlaces } from './places-eval.js';
import { absentMessage, sharedDir, sharedPath } from './shared-data.js';

const place = (text: string, lat: number | null, lon: number | null, extra: Partial<PlaceSpan> = {}): PlaceSpan => ({
  start: 0, end: text.length, label: 'place', text, name: text, country: 'XK', lat, lon, geonameid: null, admin1: null, admin2: null,
  feature: 'town', precision: 1, role: 'mention', confidence: 0.9, ...extra,
});

test('a gold place counts as found within 25 km, areas by country code', () => {
  const gold = {
    file: 'x.txt',
    places: [
      { name: 'Zvečan', country: 'XK', kind: 'town', lat: 42.9075, lon: 20.8403, mentions: [] },
      { name: 'Kosovo', country: 'XK', kind: 'territory', lat: 42.6, lon: 20.9, mentions: [] },
      { name: 'Raška', country: 'RS', kind: 'town', lat: 43.2856, lon: 20.6136, mentions: [] },
    ],
    not_places: [{ mention: 'Nis' }],
    unresolved_places: [{ mention: 'Srbovica' }],
  };
  const r = scorePlaces(gold, [
    place('Zvechan', 42.95, 20.85), place('Kosovo', 42.58, 21, { feature: 'territory' }), place('Nis', 43.3, 21.9),
    place('Srbovica', 42.7, 20.8, { confidence: 0.3 }),
  ]);
  assert.deepEqual(r.found, ['Zvečan', 'Kosovo']);
  assert.deepEqual(r.missed, ['Raška']);
  assert.deepEqual(r.falsePlaces, ['Nis']);
  assert.deepEqual(r.wronglyResolved, []);
});

test('every seed gold place is found and no not-place is output', (t) => {
  if (!sharedPath(sharedDir(), 'seeds', 'gold')) {
    t.skip(absentMessage(join(sharedDir(), 'seeds', 'gold'), 'the seeds places check'));
    return;
  }
  const result = placesEval()!;
  assert.equal(result.totals.found, result.totals.gold, JSON.stringify(result.files.map((f) => [f.file, f.missed])));
  assert.equal(result.totals.falsePlaces, 0);
  assert.equal(result.totals.wronglyResolved, 0);
});
