import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedGazetteer } from './gazetteer.js';
import { geocodeArticle } from './geocode-article.js';
import { distanceKm, resolveToponyms, type ResolvedToponym } from './resolve-places.js';

const g = sharedGazetteer();

/** Resolves the given surfaces of `text` as gold spans (every one names a place). */
function gold(text: string, surfaces: readonly string[]): ResolvedToponym[] {
  let from = 0;
  const mentions = surfaces.map((s) => {
    const start = text.indexOf(s, from);
    assert.ok(start >= 0, `${s} is in the text`);
    from = start + s.length;
    return { start, end: start + s.length, text: s };
  });
  return resolveToponyms(g, mentions, { demonyms: true, knownPlaces: true });
}

const where = (r: ResolvedToponym | undefined): string => (r?.entry ? `${r.entry.name}/${r.entry.country}.${r.entry.admin1}` : 'null');

test('a US county is an entry of its own, placed in the state the text names', () => {
  const [county, state] = gold('Deputies in Laurel County, Kentucky searched the woods.', ['Laurel County', 'Kentucky']);
  assert.equal(county?.entry?.feature, 'admin2');
  assert.equal(where(county), 'Laurel County/US.KY');
  assert.equal(where(state), 'Kentucky/US.KY');
});

test('names that exist in several states resolve together to the state where they all lie', () => {
  // Alexandria and Evansville are towns of Douglas County, Minnesota; each name alone would go
  // to a larger namesake (Alexandria, Egypt or Virginia; Evansville, Indiana).
  const text = 'Volunteers from Alexandria and Evansville met at the Douglas County fairgrounds.';
  const got = gold(text, ['Alexandria', 'Evansville', 'Douglas County']);
  assert.notEqual(gold('Volunteers from Evansville met.', ['Evansville'])[0]?.entry?.admin1, 'MN');
  for (const r of got) assert.equal(r.entry?.admin1, 'MN', `${r.mention.text}: ${where(r)}`);
});

test('a building or event named after a place is resolved through that place', () => {
  const [venue] = gold('Crowds filled the Dubai Autodrome for the final race.', ['Dubai Autodrome']);
  assert.equal(venue?.match, 'part');
  assert.equal(venue?.entry?.name, 'Dubai');
});

test('an unknown landmark with gold spans is placed at the document locality, with low confidence', () => {
  const text = 'The fire started at Quillfeather Hall in Halifax, Nova Scotia, late on Sunday.';
  const [hall, town] = gold(text, ['Quillfeather Hall', 'Halifax', 'Nova Scotia']);
  assert.equal(hall?.match, 'guess');
  assert.equal(hall?.entry?.index, town?.entry?.index);
  assert.equal(town?.entry?.country, 'CA');
  assert.ok((hall?.confidence ?? 1) < 0.5);
});

test('without gold spans an unknown name stays unresolved rather than guessed', () => {
  const got = resolveToponyms(g, [{ start: 0, end: 17, text: 'Quillfeather Hall' }, { start: 21, end: 28, text: 'Halifax' }]);
  assert.equal(got[0]?.entry, null);
});

test('a street with gold spans lies in the town the text is about', () => {
  const [street] = gold('Shots were fired on Hampton Avenue in St. Louis, police said.', ['Hampton Avenue', 'St. Louis']);
  assert.equal(street?.entry?.name, 'St. Louis');
});

test('an acronym is not the town whose name spells it', () => {
  const [eu] = gold('Ministers said the EU would answer within a week.', ['EU']);
  assert.equal(eu?.entry?.name, 'European Union');
});

test('a state demonym and a continent adjective resolve to their areas', () => {
  const [ohio, europe] = gold('Ohioans watched European markets fall.', ['Ohioans', 'European']);
  assert.equal(where(ohio), 'Ohio/US.OH');
  assert.equal(europe?.entry?.feature, 'continent');
});

test('provinces and states beyond North America are in the gazetteer', () => {
  const [karnataka, limpopo] = gold('Farmers in Karnataka and Limpopo face drought.', ['Karnataka', 'Limpopo']);
  assert.equal(where(karnataka).split('.')[0], 'Karnataka/IN');
  assert.equal(where(limpopo).split('.')[0], 'Limpopo/ZA');
  assert.ok(distanceKm(karnataka!.entry!.lat, karnataka!.entry!.lon, 14.7, 75.8) < 161);
});

test('a country name beats a town that has it only as an alternate name', () => {
  const [kosovo] = gold('Clashes in Zvečan and Leposavić spread across Kosovo.', ['Zvečan', 'Leposavić', 'Kosovo']).slice(2);
  assert.equal(where(kosovo), 'Kosovo/XK.');
});

test('geocodeArticle with gold spans returns coordinates for every span it can place', () => {
  const text = 'Rain hit Tamil Nadu and the Indian Ocean coast.';
  const out = geocodeArticle(g, text, { toponyms: [{ start: 9, end: 19 }, { start: 28, end: 40 }] });
  assert.deepEqual(out.map((t) => t.name), ['Tamil Nadu', 'Indian Ocean']);
  assert.ok(out.every((t) => t.lat !== null && t.lon !== null));
});

test('a country name with no company in the text yields to a namesake town among the text places', () => {
  const [myerstown, lebanon] = gold('Crews from Myerstown, Annville and Lebanon fought the barn fire.', ['Myerstown', 'Annville', 'Lebanon']).filter((r) => r.mention.text !== 'Annville');
  assert.equal(where(myerstown), 'Myerstown/US.PA');
  assert.equal(where(lebanon), 'Lebanon/US.PA');
  const [country] = gold('Aid convoys reached Lebanon on Monday.', ['Lebanon']);
  assert.equal(country?.entry?.feature, 'country');
});

test('a landmark the news names by itself is that landmark', () => {
  const [house] = gold('Aides at the White House declined to comment.', ['White House']);
  assert.equal(house?.entry?.feature, 'landmark');
  assert.ok(distanceKm(house!.entry!.lat, house!.entry!.lon, 38.9, -77.04) < 5);
});
