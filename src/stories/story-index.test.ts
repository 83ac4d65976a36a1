import assert from 'node:assert/strict';
import { test } from 'node:test';
import { estimateContainment, minhash } from './minhash.js';
import { createPublisherFamilies } from './publisher.js';
import { createStoryIndex } from './story-index.js';
import { storyDoc } from './test-docs.js';

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
