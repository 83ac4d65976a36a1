import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsDoc, eventsOf } from './test-docs.js';

interface Case {
  readonly text: string;
  readonly type: string;
  readonly mode?: string;
  readonly sub?: string | null;
  readonly certainty?: string;
  readonly attribution?: string;
}

// Invented sentences, one event each worth checking; the headline (most salient) event is compared.
const CASES: readonly Case[] = [
  { text: 'Police arrested five men in Zvečan on Monday.', type: 'COERCE', mode: 'arrest', sub: 'Arrests', certainty: 'asserted', attribution: 'outlet' },
  { text: 'Two civilians were killed by gunmen near Mitrovica.', type: 'ASSAULT', sub: 'Attack' },
  { text: 'Police fired tear gas to disperse hundreds of protesters in Zubin Potok.', type: 'ASSAULT', mode: 'crowd-control', sub: 'Protest with intervention' },
  { text: 'Rebels seized control of the town after heavy fighting.', type: 'ASSAULT', sub: 'Non-state actor overtakes territory' },
  { text: 'A drone strike hit a village near Raška.', type: 'ASSAULT', sub: 'Air/drone strike' },
  { text: 'Artillery shelled the outskirts of the town overnight.', type: 'ASSAULT', sub: 'Shelling/artillery/missile attack' },
  { text: 'A roadside bomb exploded under a patrol vehicle.', type: 'ASSAULT', sub: 'Remote explosive/landmine/IED' },
  { text: 'Gunmen kidnapped three workers on the highway.', type: 'ASSAULT', sub: 'Abduction/forced disappearance' },
  { text: 'About 300 people protested peacefully in Pristina.', type: 'PROTEST', sub: 'Peaceful protest' },
  { text: 'Angry rioters threw stones at the police station.', type: 'PROTEST', sub: 'Violent demonstration' },
  { text: 'The two sides signed a ceasefire agreement in Brussels.', type: 'AGREE', sub: 'Agreement' },
  { text: 'Militants established a base in the hills.', type: 'MOBILIZE', sub: 'Headquarters or base established' },
  { text: 'Looters ransacked shops in the old market.', type: 'COERCE', sub: 'Looting/property destruction' },
  { text: 'The army will deploy troops to the border.', type: 'MOBILIZE', sub: null, certainty: 'expected' },
  { text: 'According to unnamed sources, special forces are approaching the border.', type: 'MOBILIZE', certainty: 'reported', attribution: 'unnamed-sources' },
  { text: 'Troops allegedly opened fire on the crowd.', type: 'ASSAULT', certainty: 'alleged' },
  { text: 'The ministry denied that troops had crossed the border.', type: 'MOBILIZE', sub: null, certainty: 'denied', attribution: 'speaker' },
  { text: 'The army has not crossed the administrative line.', type: 'MOBILIZE', certainty: 'denied' },
  { text: 'Local media reported gunfire near the border.', type: 'ASSAULT', certainty: 'reported', attribution: 'media' },
  { text: 'Residents could build barricades if the police come.', type: 'PROTEST', certainty: 'hypothetical' },
  { text: 'The foreign minister condemned the decision.', type: 'ACCUSE', sub: null },
  { text: 'The government rejected the proposal.', type: 'REJECT' },
  { text: 'The president threatened to impose sanctions.', type: 'THREATEN' },
  { text: 'The mayor called on residents to stay calm.', type: 'REQUEST' },
];

test('the headline event of each sentence is typed, coded and hedged as expected', async () => {
  for (const c of CASES) {
    const doc = await eventsDoc(`Report\n${c.text}`, { published: '2023-05-30' });
    const events = eventsOf(doc).filter((e) => e.evidence.start > 0);
    const e = events.find((x) => x.type === c.type);
    assert.ok(e, `${c.text}: no ${c.type} event among ${events.map((x) => x.type).join(', ')}`);
    if (c.mode !== undefined) assert.equal(e.mode, c.mode, c.text);
    if (c.sub !== undefined) assert.equal(e.acled?.sub_event_type ?? null, c.sub, c.text);
    if (c.certainty !== undefined) assert.equal(e.certainty, c.certainty, c.text);
    if (c.attribution !== undefined) assert.equal(e.attribution.kind, c.attribution, c.text);
  }
});

test('passive voice makes the agent the actor and the subject the recipient', async () => {
  const doc = await eventsDoc('Report\nTwo civilians were killed by gunmen near Mitrovica.', { published: '2023-05-30' });
  const e = eventsOf(doc).find((x) => x.type === 'ASSAULT')!;
  assert.deepEqual(e.actors.map((a) => a.text), ['gunmen']);
  assert.deepEqual(e.recipients.map((a) => a.text), ['civilians']);
  assert.equal(e.quantities.fatalities, 2);
  assert.equal(e.place?.name.startsWith('Mitrovic'), true);
});

test('an undated article gets no invented day; a dated sentence gets its day', async () => {
  const undated = await eventsDoc('Report\nPolice arrested five men in Zvečan.');
  assert.equal(eventsOf(undated)[0]?.date, null);
  const dated = await eventsDoc('Report\nPolice arrested five men in Zvečan on 3 May 2023.');
  assert.deepEqual(eventsOf(dated)[0]?.date, { start: '2023-05-03', end: '2023-05-03', precision: 1, basis: 'text' });
});

test('the layer is sorted by offset, ids follow salience, and spans are the trigger inside the evidence', async () => {
  const doc = await eventsDoc('Troops clash with protesters in Zvečan\nThe mayor called on residents to stay calm.\nPolice fired tear gas at protesters in Zvečan.', { published: '2023-05-30' });
  const layer = doc.layers.events!;
  for (let i = 1; i < layer.length; i += 1) assert.ok(layer[i - 1]!.start <= layer[i]!.start);
  const events = eventsOf(doc);
  assert.equal(events[0]!.id, 'e1');
  assert.equal(events[0]!.evidence.start, 0, 'the title event comes first');
  for (const e of events) {
    assert.equal(doc.text.slice(e.start, e.end), e.trigger);
    assert.ok(e.evidence.start <= e.start && e.end <= e.evidence.end);
  }
});

test('a headline restating the body event and a repeat in the next sentence merge into one event with duplicates', async () => {
  const doc = await eventsDoc('Police arrest five men in Zvečan\nPolice arrested five men in Zvečan on Monday. The arrests were made at dawn.', { published: '2023-05-30' });
  const arrests = eventsOf(doc).filter((e) => e.type === 'COERCE');
  assert.equal(arrests.length, 1, arrests.map((e) => e.trigger).join(', '));
  assert.equal(arrests[0]!.id, 'e1', 'the merged event keeps the headline salience');
  assert.deepEqual((arrests[0]!.duplicates ?? []).map((d) => d.trigger).sort(), ['arrest', 'arrests']);
});

test('figurative and question uses of triggers are not events', async () => {
  for (const text of ['The opposition called the law an attack on freedoms.', 'The minister faced a political attack over the budget.', 'When asked about the border, the mayor smiled.']) {
    const doc = await eventsDoc(`Report\n${text}`, { published: '2023-05-30' });
    const events = eventsOf(doc).filter((e) => e.evidence.start > 0 && (e.type === 'ASSAULT' || e.type === 'REQUEST'));
    assert.deepEqual(events.map((e) => e.trigger), [], text);
  }
});

test('what a request asks for is not an event of its own', async () => {
  const doc = await eventsDoc('Report\nThe envoy urged both sides to withdraw their troops and release the prisoners.', { published: '2023-05-30' });
  assert.deepEqual(eventsOf(doc).filter((e) => e.evidence.start > 0).map((e) => e.type), ['REQUEST']);
});

test('hedges reach their own clause; plans, relayed speech and witnesses set certainty', async () => {
  const cases: readonly { readonly text: string; readonly type: string; readonly certainty: string; readonly attribution?: string }[] = [
    { text: 'Police said they had arrested two men, with a unit reportedly stationed at the gate.', type: 'COERCE', certainty: 'asserted' },
    { text: 'According to local sources, the militia will put up roadblocks on the highway.', type: 'PROTEST', certainty: 'expected' },
    { text: 'The general was quoted as saying that he condemned the decision.', type: 'ACCUSE', certainty: 'reported' },
    { text: 'Residents of the village heard gunfire overnight.', type: 'ASSAULT', certainty: 'reported', attribution: 'unnamed-sources' },
    { text: 'It is reported that troops were deployed to the border.', type: 'MOBILIZE', certainty: 'reported', attribution: 'unnamed-sources' },
  ];
  for (const c of cases) {
    const doc = await eventsDoc(`Report\n${c.text}`, { published: '2023-05-30' });
    const e = eventsOf(doc).find((x) => x.evidence.start > 0 && x.type === c.type);
    assert.ok(e, `${c.text}: no ${c.type}`);
    assert.equal(e.certainty, c.certainty, c.text);
    if (c.attribution) assert.equal(e.attribution.kind, c.attribution, c.text);
  }
});

function bodyEvents(doc: Awaited<ReturnType<typeof eventsDoc>>): ReturnType<typeof eventsOf> {
  return eventsOf(doc).filter((e) => e.evidence.start > doc.text.indexOf('\n'));
}

test('a sentence with no place takes the best place of the sentence before it, not its last-named one', async () => {
  const doc = await eventsDoc('Report\nHundreds of people rallied in Zvečan, near the border with Serbia. Police later fired tear gas.', { published: '2023-05-30' });
  const e = bodyEvents(doc).find((x) => x.type === 'ASSAULT');
  assert.equal(e?.place?.name, 'Zvečan');
  assert.equal(e?.place?.basis, 'paragraph');
});

test('a town named in the paragraph just before outranks the headline country', async () => {
  const doc = await eventsDoc('Report\nTension rose in Kosovo this week.\n\nProtesters gathered outside the town hall in Zvečan.\n\nPolice fired tear gas at them.', { published: '2023-05-30' });
  assert.equal(bodyEvents(doc).find((x) => x.type === 'ASSAULT')?.place?.name, 'Zvečan');
});

test('"of" makes a place only after a word of place: "the orders of Belgrade" is no scene', async () => {
  const doc = await eventsDoc('Report\nOn the orders of Belgrade, police were sent to the north of Kosovo.', { published: '2023-05-30' });
  const e = bodyEvents(doc).find((x) => x.type === 'MOBILIZE');
  assert.equal(e?.place?.country, 'XK');
});

test('an event with no place or date of its own folds into the located telling of it', async () => {
  const doc = await eventsDoc('Report\nTension rose in Kosovo this week.\n\nClashes broke out overnight.\n\nIn Zvečan, police clashed with protesters near the bridge.', { published: '2023-05-30' });
  const clashes = bodyEvents(doc).filter((x) => x.type === 'ASSAULT');
  assert.equal(clashes.length, 1, clashes.map((e) => `${e.trigger}@${e.place?.name}`).join(', '));
  assert.equal(clashes[0]!.place?.name, 'Zvečan');
  assert.deepEqual((clashes[0]!.duplicates ?? []).map((d) => d.trigger), ['Clashes']);
});

test('a denied or expected telling does not fold into an asserted one', async () => {
  const doc = await eventsDoc('Report\nPolice clashed with protesters in Zvečan.\n\nThe ministry denied that clashes took place.', { published: '2023-05-30' });
  assert.deepEqual(bodyEvents(doc).filter((x) => x.type === 'ASSAULT').map((e) => e.certainty).sort(), ['asserted', 'denied']);
});

test('triggers governed by a citation, a goal or a future ruled out are not events', async () => {
  for (const text of [
    'According to the peace agreement, police may not enter the villages.',
    'The decree is a step toward the expulsion of journalists.',
    'Officials met to prevent clashes between the two villages.',
    'There will be no surrender, the minister said.',
  ]) {
    const doc = await eventsDoc(`Report\n${text}`, { published: '2023-05-30' });
    const events = bodyEvents(doc).filter((e) => ['AGREE', 'COERCE', 'ASSAULT', 'RETREAT'].includes(e.type));
    assert.deepEqual(events.map((e) => `${e.type}[${e.trigger}]`), [], text);
  }
});

test('what a threat threatens, a refusal refuses and an offer offers has not happened', async () => {
  const cases: readonly (readonly [string, string])[] = [
    ['The commander warned that if protesters attack the base, troops will open fire.', 'THREATEN'],
    ['The government refused to lift the curfew.', 'REJECT'],
    ['The rebels agreed to withdraw their fighters from the town.', 'AGREE'],
    ['The minister threatened to impose sanctions on the company.', 'THREATEN'],
  ];
  for (const [text, type] of cases) {
    const doc = await eventsDoc(`Report\n${text}`, { published: '2023-05-30' });
    assert.deepEqual(bodyEvents(doc).map((e) => e.type), [type], text);
  }
});

test('an event in a subordinate clause is background: the main clause event leads', async () => {
  const doc = await eventsDoc('Report\nThe charity suspended deliveries after gunmen attacked its trucks.', { published: '2023-05-30' });
  assert.equal(bodyEvents(doc)[0]?.type, 'SANCTION');
});

test('PLOVER types without a physical act have triggers of their own', async () => {
  const cases: readonly (readonly [string, string])[] = [
    ['The governor lifted the curfew in the eastern districts.', 'CONCEDE'],
    ['The two navies shared intelligence on smuggling routes.', 'COOPERATE'],
    ['The agency delivered food aid to the flooded villages.', 'AID'],
    ['The bank froze loans to the ministry over the scandal.', 'SANCTION'],
    ['The rebel unit surrendered to the army on Friday.', 'RETREAT'],
    ['The two states restored diplomatic ties after a decade.', 'SUPPORT'],
    ['The union complained to the labour court about the dismissals.', 'ACCUSE'],
    ['The rebels said they will release the prisoners on Sunday.', 'AGREE'],
    ['The dockers stopped work at the port over wages.', 'PROTEST'],
  ];
  for (const [text, type] of cases) {
    const doc = await eventsDoc(`Report\n${text}`, { published: '2023-05-30' });
    assert.equal(bodyEvents(doc)[0]?.type, type, `${text}: ${bodyEvents(doc).map((e) => e.type).join(', ')}`);
  }
});
