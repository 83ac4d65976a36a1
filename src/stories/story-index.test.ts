import assert from 'node:assert/strict';
import { test } from 'node:test';
import { estimateContainment, minhash } from './minhash.js';
import { createPublisherFamilies } from './publisher.js';
import { createStoryIndex } from './story-index.js';
import { storyDoc, twoDevelopments } from './test-docs.js';

const WIRE = 'Shots were fired at a police patrol near the roadblock outside Brnjak early on Friday, police said, and the crossing was closed while officers searched the area for cartridge cases and witnesses.';

test('a near-copy scores high containment and an unrelated text does not', () => {
  const a = minhash(WIRE);
  const b = minhash(`Our view: the globalists lie. ${WIRE} Share this.`);
  const c = minhash('The court in Mitrovica ordered thirty days of house arrest for the truck driver on Saturday evening.');
  assert.ok(estimateContainment(a, b) > 0.7);
  assert.ok(estimateContainment(a, c) < 0.2);
});

test('an acronym and the full outlet name are one publisher family, in either order', () => {
  const f = createPublisherFamilies();
  assert.equal(f.resolve('BWS'), f.resolve('Balkan Wire Service'));
  const g = createPublisherFamilies();
  assert.equal(g.resolve('Balkan Wire Service'), g.resolve('BWS'));
  assert.equal(g.resolve('Barjak Online'), g.resolve('barjak.example'));
  assert.notEqual(g.resolve('Barjak Online'), g.resolve('UraMost'));
});

test('a reprint joins its original story and does not count as an independent source', () => {
  const index = createStoryIndex();
  index.add(storyDoc({ id: 'wire', outlet: 'Balkan Wire Service', text: WIRE }));
  const r = index.add(storyDoc({ id: 'blog', outlet: 'Truthline Daily', text: `They will not tell you this. ${WIRE}`, day: '2022-10-15' }));
  assert.equal(r.reprintOf, 'wire');
  assert.equal(index.stories().length, 1);
  const [inc] = index.incidents();
  assert.equal(inc!.reports.length, 2);
  assert.equal(inc!.independentConfirmations, 1);
});

test('independent reports of one act merge into one incident, and a denial is a contradiction', () => {
  const index = createStoryIndex();
  index.add(storyDoc({ id: 'a', outlet: 'Balkan Wire Service', text: WIRE }));
  index.add(storyDoc({ id: 'b', outlet: 'Prishtina Courier', text: 'An armed group opened fire on a patrol at Brnjak overnight, police sources told the Courier, injuring nobody.', event: { quantities: { participants: 20, fatalities: null, injured: null } } }));
  index.add(storyDoc({ id: 'c', outlet: 'Barjak Online', text: 'No shot came from the people at the barricade at Brnjak, locals insist, calling it a staged provocation.', event: { certainty: 'denied', quantities: { participants: 3, fatalities: null, injured: null } } }));
  const incidents = index.incidents();
  assert.equal(incidents.length, 1);
  const inc = incidents[0]!;
  assert.equal(inc.independentConfirmations, 2);
  assert.deepEqual(inc.contradictions.map((c) => c.kind), ['denial']);
  const denial = inc.contradictions[0]!;
  assert.deepEqual(denial.sides[1]!.sources, ['barjak']);
});

test('the same act far away or a week later is another incident', () => {
  const index = createStoryIndex();
  index.add(storyDoc({ id: 'a', outlet: 'Balkan Wire Service', text: WIRE }));
  index.add(storyDoc({ id: 'b', outlet: 'UraMost', text: 'Shots were fired in Raška.', event: { place: { name: 'Raška', text: 'Raška', country: 'RS', admin1: null, admin2: null, lat: 43.29, lon: 20.61, geonameid: null, precision: 1, basis: 'sentence', start: 0, end: 1 } } }));
  index.add(storyDoc({ id: 'c', outlet: 'UraMost', text: 'Shots again at Brnjak.', day: '2022-10-24' }));
  assert.equal(index.incidents().length, 3);
});

test('differing numbers and differing doers are recorded side by side', () => {
  const index = createStoryIndex();
  const police = [{ id: 'kb:XK:police', text: 'police', class: 'state', start: 0, end: 1 }];
  const serbs = [{ id: 'kb:group:kosovo-serbs', text: 'Serbs', class: 'civilians', start: 0, end: 1 }];
  index.add(storyDoc({ id: 'a', outlet: 'Barjak Online', text: 'Police fired at people near Brnjak, seventeen injured.', event: { actors: police, quantities: { participants: null, fatalities: null, injured: 17 } } }));
  index.add(storyDoc({ id: 'b', outlet: 'Balkan Wire Service', text: 'Serbs fired at the police near Brnjak, five injured.', event: { actors: serbs, quantities: { participants: null, fatalities: null, injured: 5 } } }));
  const [inc] = index.incidents();
  assert.deepEqual(inc!.contradictions.map((c) => c.kind).sort(), ['actors', 'numbers']);
});

test('adding a document twice changes nothing', () => {
  const index = createStoryIndex();
  const d = storyDoc({ id: 'a', outlet: 'UraMost', text: WIRE });
  const first = index.add(d);
  assert.deepEqual(index.add(d), first);
  assert.equal(index.incidents()[0]!.reports.length, 1);
});

function partitionOf(index: ReturnType<typeof createStoryIndex>): string[] {
  return index.stories().map((s) => [...s.documents].sort().join(',')).sort();
}

test('reports of one development across outlets join one story; another development on the same days is another story', () => {
  const index = createStoryIndex();
  for (const d of twoDevelopments()) index.add(d);
  assert.deepEqual(partitionOf(index), ['arrest-courier,arrest-wire', 'protest-barjak,protest-uramost']);
});

test('an undated document naming a day of another season does not join the story; the same day of the year lets it', () => {
  const text = 'Police detained a truck driver at the Brnjak crossing on May 28, and residents blocked the regional road near the Gazivode dam with trucks.';
  const yearless = (t: string, day: string) => ({ dates: [{ start: t.indexOf(day), end: t.indexOf(day) + day.length, label: 'date', text: day, value: { start: null, end: null }, precision: 1, anchor: 'none', flags: ['year-unknown'] }] });
  const other = createStoryIndex();
  for (const d of twoDevelopments()) other.add(d);
  const far = other.add(storyDoc({ id: 'undated-may', outlet: 'Frontline Opinion', title: 'Truck driver detained at Brnjak crossing', text, day: null, layers: yearless(text, 'May 28') }));
  assert.equal(far.newStory, true);
  const same = createStoryIndex();
  for (const d of twoDevelopments()) same.add(d);
  const octText = text.replace('May 28', 'Oct 14');
  const near = same.add(storyDoc({ id: 'undated-oct', outlet: 'Frontline Opinion', title: 'Truck driver detained at Brnjak crossing', text: octText, day: null, layers: yearless(octText, 'Oct 14') }));
  assert.equal(near.newStory, false);
  assert.equal(near.story, same.document('arrest-wire')!.story);
});

test('a denial coded as another act answers the report of the same development from another outlet', () => {
  const index = createStoryIndex();
  const army = { entities: [{ start: 0, end: 5, label: 'org', id: 'kb:RS:armed-forces', name: 'Serbian Armed Forces' }] };
  const mitrovica = { name: 'Mitrovica', text: 'Mitrovica', country: 'XK', admin1: null, admin2: null, lat: 42.89, lon: 20.87, geonameid: null, precision: 1, basis: 'sentence', start: 0, end: 1 };
  const territory = { name: 'Kosovo', text: 'Kosovo', country: 'XK', admin1: null, admin2: null, lat: null, lon: null, geonameid: null, precision: 3, basis: 'sentence', start: 0, end: 1 };
  index.add(storyDoc({ id: 'claim', outlet: 'Eurasia Herald', title: 'Armed clashes in Mitrovica, army units reported at the line', text: 'Armed clashes broke out in Mitrovica on Sunday and army units were reported at the line, media said.', event: { place: mitrovica, certainty: 'reported' }, layers: { entities: army.entities } }));
  index.add(storyDoc({ id: 'denial', outlet: 'Balkan Wire Service', title: 'Ministry denies army units crossed the line near Mitrovica', text: 'The defence ministry said army units had not crossed the line near Mitrovica and had not entered the territory.', event: { type: 'MOBILIZE', label: 'MOBILIZE', certainty: 'denied', place: territory, actors: [{ id: 'kb:RS:armed-forces', text: 'army units', class: 'military', start: 0, end: 1 }] }, layers: { entities: army.entities } }));
  assert.equal(index.stories().length, 1);
  const claim = index.incidents().find((i) => i.reports.some((r) => r.document === 'claim'))!;
  const c = claim.contradictions.find((x) => x.kind === 'denial');
  assert.ok(c, 'the denial is on the claimed incident');
  assert.deepEqual(c.sides.map((s) => s.reports.map((r) => r.document)), [['claim'], ['denial']]);
  assert.deepEqual(c.sides.map((s) => s.sources), [['eurasia-herald'], ['balkan-wire-service']]);
});

test('old stories leave the hot set and the reprint buckets stay bounded as documents accumulate', () => {
  const index = createStoryIndex({ hotDays: 5 });
  const start = Date.parse('2022-01-01T00:00:00Z');
  for (let n = 0; n < 3000; n++) {
    const day = new Date(start + Math.floor(n / 30) * 86_400_000).toISOString().slice(0, 10);
    const topic = Math.floor(n / 10);
    const hashes = new Uint32Array(128).map((_, i) => (n * 2654435761 + i * 40503) >>> 0);
    index.addFacts({
      id: `d${n}`, title: null, outlet: `Outlet ${n % 7}`, origin: null, day, dayOfYear: null,
      features: new Map([[`w:topic${topic}`, 2], [`w:word${n % 50}`, 1], [`e:actor${topic % 40}`, 1]]),
      signature: { hashes, shingles: 100 }, events: [],
    });
  }
  const stats = index.stats();
  assert.equal(stats.documents, 3000);
  // About a hundred days of news; only the last week or so is searched.
  assert.ok(stats.hotDocuments <= 30 * 7, `hot documents ${stats.hotDocuments}`);
  assert.ok(stats.buckets <= 64 * 30 * 11, `bucket entries ${stats.buckets}`);
  assert.ok(stats.hotStories < stats.stories / 5, `hot ${stats.hotStories} of ${stats.stories}`);
});

/** A place for hand-built events: a town or spot named in the sentence unless `basis` says otherwise. */
function place(name: string, lat: number, lon: number, o: { basis?: string; precision?: number; country?: string; admin2?: string | null } = {}): Record<string, unknown> {
  return { name, text: name, country: o.country ?? 'XK', admin1: null, admin2: o.admin2 ?? null, lat, lon, geonameid: null, precision: o.precision ?? 1, basis: o.basis ?? 'sentence', start: 0, end: 1 };
}

test('three outlets report one shooting at a crossing with different verbs and place precision: one incident', () => {
  const index = createStoryIndex();
  const title = 'Shooting at the Brnjak crossing';
  index.add(storyDoc({ id: 'wire', outlet: 'Balkan Wire Service', title, text: WIRE, event: { type: 'ASSAULT', trigger: 'fired' } }));
  // "clash" coded as another type of the same family, placed only at the nearby town, dated by publication.
  index.add(storyDoc({ id: 'courier', outlet: 'Prishtina Courier', title, text: 'Gunmen clashed with a police patrol near Zubin Potok overnight, the Courier has learned.', day: '2022-10-15', event: { trigger: 'clashed', place: place('Zubin Potok', 42.914, 20.69), date: { start: '2022-10-15', end: '2022-10-15', precision: 1, basis: 'published' } } }));
  // Only the country is named, and the act is placed by the doer's seat ("the police of Pristina").
  index.add(storyDoc({ id: 'herald', outlet: 'Eurasia Herald', title, text: 'Shooting in Kosovo: the police of Pristina say their car was hit by bullets.', event: { trigger: 'shooting', place: place('Kosovo', 42.6, 20.9, { precision: 3 }), actors: [{ id: null, text: 'unknown gunmen', class: 'unknown', start: 0, end: 1 }] } }));
  const incidents = index.incidents();
  assert.equal(incidents.length, 1, incidents.map((i) => `${i.id} ${i.place?.name}`).join(', '));
  assert.equal(incidents[0]!.independentConfirmations, 3);
  assert.equal(incidents[0]!.place?.name, 'Brnjak');
});

test('two shootings 100 km apart on the same day are two incidents, even in one story', () => {
  const index = createStoryIndex();
  index.add(storyDoc({ id: 'a', outlet: 'Balkan Wire Service', text: WIRE }));
  index.add(storyDoc({ id: 'b', outlet: 'Balkan Wire Service', text: `${WIRE} Separately, shots were fired at a patrol near Gjilan.`, events: [{ place: place('Gjilan', 42.46, 21.47) }] }));
  const incidents = index.incidents();
  assert.equal(index.stories().length, 1);
  assert.equal(incidents.length, 2);
  assert.deepEqual(incidents.map((i) => i.place?.name).sort(), ['Brnjak', 'Gjilan']);
});

test('reports inside one document that retell the same act join one incident; a recap of another month does not', () => {
  const index = createStoryIndex();
  index.add(storyDoc({
    id: 'a',
    outlet: 'UraMost',
    text: 'Shots were fired at a patrol at Brnjak. The patrol car was hit twice, police said. In August a customs officer was assaulted at Brnjak.',
    events: [
      { trigger: 'hit', place: place('Brnjak', 42.953, 20.594, { basis: 'paragraph' }), date: { start: '2022-10-13', end: '2022-10-14', precision: 2, basis: 'published' } },
      { trigger: 'assaulted', date: { start: '2022-08-01', end: '2022-08-31', precision: 3, basis: 'text' } },
    ],
  }));
  const incidents = index.incidents();
  assert.equal(incidents.length, 2);
  assert.equal(incidents.find((i) => i.date?.start === '2022-10-14')!.reports.length, 2);
});

test('an undated report joins the act of its story at the same place; acts of different families stay apart', () => {
  const index = createStoryIndex();
  const title = 'Shots at the Brnjak crossing';
  index.add(storyDoc({ id: 'a', outlet: 'Balkan Wire Service', title, text: WIRE }));
  index.add(storyDoc({ id: 'b', outlet: 'Frontline Opinion', title, text: WIRE.replace('Friday', 'the night'), day: null, event: { date: null } }));
  index.add(storyDoc({ id: 'c', outlet: 'UraMost', title, text: `Residents blocked the road at Brnjak. ${WIRE}`, event: { type: 'PROTEST', label: 'PROTEST' } }));
  const byFamily = index.incidents().map((i) => `${i.family}:${i.reports.length}`).sort();
  assert.deepEqual(byFamily, ['assault:2', 'protest:1']);
});

test('a town 25 km away is another act, unless the place was only the document\'s', () => {
  const index = createStoryIndex();
  const title = 'Shots near the crossing';
  index.add(storyDoc({ id: 'a', outlet: 'Balkan Wire Service', title, text: WIRE }));
  // Leposavić is about 25 km from Brnjak: named in the sentence, it is another shooting.
  index.add(storyDoc({ id: 'b', outlet: 'UraMost', title, text: `${WIRE} Shots in Leposavic too.`, event: { place: place('Leposavić', 43.1, 20.8) } }));
  // A town 19 km west only as the document's place (its dateline): the report may be of the Brnjak act.
  index.add(storyDoc({ id: 'c', outlet: 'Prishtina Courier', title, text: `DATELINE TOWN - ${WIRE}`, event: { place: place('Dateline Town', 42.953, 20.36, { basis: 'document' }) } }));
  const incidents = index.incidents();
  assert.equal(incidents.length, 2);
  assert.deepEqual(incidents.map((i) => i.reports.map((r) => r.document).sort().join(',')).sort(), ['a,c', 'b']);
});
