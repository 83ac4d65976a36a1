import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { makeTestDoc, testContext } from '../../pipeline/test-helpers.js';
import { placesStage, type PlaceSpan } from './places-stage.js';

function places(text: string, layers = {}): PlaceSpan[] {
  return (placesStage.run(makeTestDoc(text, { layers }), testContext()) as { places: PlaceSpan[] }).places;
}

/** sentence -> expected "surface>name/country" for each place found, in order. */
const CASES: readonly (readonly [string, readonly string[]])[] = [
  ['Serbs erected barricades near Jarinje and in Zvechani.', ['Jarinje>Jarinje/XK', 'Zvechani>Zvečan/XK']],
  ['Pristina accused Belgrade of supporting protesters in Leposavich.', ['Pristina>Pristina/XK', 'Belgrade>Belgrade/RS', 'Leposavich>Leposaviq/XK']],
  ['Units of the Nis Corps arrived at the Raska border with Kosovo.', ['Raska>Raška/RS', 'Kosovo>Kosovo/XK']],
  ['Washington said Kosovo Police must withdraw from Zubin Potok.', ['Washington>Washington/US', 'Kosovo>Kosovo/XK', 'Zubin Potok>Zubin Potok/XK']],
  ['Jordan Peterson visited Amman, the capital of Jordan.', ['Amman>Amman/JO', 'Jordan>Jordan/JO']],
  ['The governor of Georgia met officials in Atlanta and Savannah.', ['Georgia>Georgia/US', 'Atlanta>Atlanta/US', 'Savannah>Savannah/US']],
  ['Protesters gathered in Tbilisi, the capital of Georgia.', ['Tbilisi>Tbilisi/GE', 'Georgia>Georgia/GE']],
  ['Albin Kurti met Milan Novak in Brussels.', ['Brussels>Brussels/BE']],
  ['In Belgrade, President Jordan met officials.', ['Belgrade>Belgrade/RS']],
  ['The United States and the Kosovo and Metohija question.', ['United States>United States/US', 'Kosovo and Metohija>Kosovo/XK']],
  ['Well, nothing happened in Paris, Texas.', ['Paris>Paris/US', 'Texas>Texas/US']],
];

test('sentences yield the expected places', () => {
  for (const [text, expected] of CASES) {
    const got = places(text).filter((p) => p.lat !== null).map((p) => `${p.text}>${p.name}/${p.country}`);
    assert.deepEqual(got, expected, text);
  }
});

test('an unknown name after a place cue stays unresolved', () => {
  const [p] = places('Police blocked the road in the village of Srbovica.');
  assert.equal(p?.text, 'Srbovica');
  assert.equal(p?.lat, null);
  assert.ok((p?.confidence ?? 1) < 0.5);
});

test('role, precision and feature follow the sentence', () => {
  const [jarinje, kosovo] = places('Serbs clashed with police near Jarinje in northern Kosovo.');
  assert.equal(jarinje?.role, 'event');
  assert.equal(jarinje?.feature, 'crossing');
  assert.equal(jarinje?.precision, 2);
  assert.equal(kosovo?.precision, 3);
  const [belgrade] = places('Belgrade said the talks would go on.');
  assert.equal(belgrade?.role, 'mention');
  assert.equal(belgrade?.precision, 1);
});

test('a name inside an entity the entities stage marked as an organisation is skipped', () => {
  const text = 'The Mitrovica Rovers beat the team from Zvecan.';
  const got = places(text, { entities: [{ start: 4, end: 20, label: 'entity', kind: 'org' }] });
  assert.deepEqual(got.map((p) => p.text), ['Zvecan']);
});

test('spans are inside the text, sorted, and point at their text', () => {
  fc.assert(fc.property(fc.array(fc.constantFrom('Kosovo', 'in', 'Zvečan', 'Nis Corps', 'near', 'Belgrade', '.', 'Mr', 'Jarinje', ' ', '\n'), { maxLength: 30 }), (words) => {
    const text = words.join(' ');
    const got = places(text);
    let last = -1;
    for (const p of got) {
      assert.ok(p.start >= 0 && p.end <= text.length && p.start < p.end);
      assert.ok(p.start >= last);
      assert.equal(text.slice(p.start, p.end), p.text);
      last = p.start;
    }
  }), { numRuns: 60 });
});

test('a street no gazetteer holds is placed in the town the text resolved, with low confidence', async () => {
  const { resolveToponyms } = await import('./resolve-places.js');
  const { sharedGazetteer } = await import('./gazetteer.js');
  const text = 'Police in Alexandria closed Quayside Street on Monday.';
  const mentions = [{ start: 10, end: 20, text: 'Alexandria' }, { start: 28, end: 43, text: 'Quayside Street' }];
  const [town, street] = resolveToponyms(sharedGazetteer(), mentions);
  assert.equal(text.slice(28, 43), 'Quayside Street');
  assert.equal(street?.match, 'street');
  assert.equal(street?.entry?.index, town?.entry?.index);
  assert.ok((street?.confidence ?? 1) < 0.5);
});

test('a name overlapping a non-place entity is not a place, while a state entity still is', () => {
  const text = "NATO's troops left Serbia.";
  const doc = makeTestDoc(text, {
    layers: {
      entities: [
        { start: 0, end: 4, label: 'international_organisation', kind: 'international_organisation' },
        { start: 19, end: 25, label: 'state', kind: 'state' },
      ] as never,
    },
  });
  const found = (placesStage.run(doc, testContext()) as { places: PlaceSpan[] }).places;
  assert.deepEqual(found.map((p) => p.text), ['Serbia']);
});

test('a county in running text is a place of district precision', () => {
  const county = places('Deputies searched a farm in Laurel County, Kentucky on Sunday.').find((p) => p.text === 'Laurel County');
  assert.equal(county?.feature, 'admin2');
  assert.equal(county?.admin1, 'KY');
  assert.equal(county?.precision, 2);
});
