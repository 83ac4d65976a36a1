import { test } from 'node:test';
import assert from 'node:assert/strict';
import taxonomy from '../../../data/events/acled-taxonomy.json' with { type: 'json' };
import { eventsDoc, eventsOf } from './test-docs.js';

// Invented one-event reports, two per ACLED sub-event type, worded as news snippets are.
const SNIPPETS: readonly (readonly [string, string])[] = [
  ['Armed clash', 'Government troops clashed with militants near the town of Kadoma on Tuesday, leaving four fighters dead.'],
  ['Armed clash', 'Islamist fighters ambushed a military convoy on the road to the river port.'],
  ['Government regains territory', 'The army recaptured the town of Belo from insurgents after a week of fighting.'],
  ['Government regains territory', 'Government forces regained control of three villages previously held by rebels.'],
  ['Non-state actor overtakes territory', 'Insurgents seized control of the town of Mora after soldiers withdrew.'],
  ['Non-state actor overtakes territory', 'Rebels took over the town after heavy fighting with the army.'],
  ['Chemical weapon', 'Government helicopters dropped barrels of chlorine gas on a residential district, residents said.'],
  ['Chemical weapon', 'A poison gas attack killed dozens in the besieged suburb.'],
  ['Air/drone strike', 'A drone strike hit a vehicle carrying militants near the border, killing three.'],
  ['Air/drone strike', 'Warplanes bombed rebel positions in the hills overnight.'],
  ['Suicide bomb', 'A suicide bomber blew himself up at a crowded market, killing twelve people.'],
  ['Suicide bomb', 'A suicide attack on a police station killed five officers.'],
  ['Shelling/artillery/missile attack', 'Mortar rounds hit a market, killing five people.'],
  ['Shelling/artillery/missile attack', 'A missile struck an apartment building in the city.'],
  ['Remote explosive/landmine/IED', 'A roadside bomb exploded as a police patrol passed, wounding two officers.'],
  ['Remote explosive/landmine/IED', 'Two farmers were killed when their tractor hit a landmine.'],
  ['Grenade', 'Unknown assailants threw a grenade into a bar, injuring six people.'],
  ['Grenade', 'Attackers lobbed grenades at a police post.'],
  ['Sexual violence', 'Soldiers raped two women in the village, a rights group said.'],
  ['Sexual violence', 'Three women were gang-raped by armed men near the camp.'],
  ['Attack', 'Gunmen shot dead a civilian on his farm near the town.'],
  ['Attack', 'Unidentified gunmen attacked a passenger bus, killing four travellers.'],
  ['Abduction/forced disappearance', 'Bandits abducted twenty students from a boarding school.'],
  ['Abduction/forced disappearance', 'Armed men took five passengers hostage on the highway.'],
  ['Peaceful protest', 'Hundreds of teachers marched to parliament to demand higher wages.'],
  ['Peaceful protest', 'Nurses went on strike at the main hospital over unpaid salaries.'],
  ['Protest with intervention', 'Police fired tear gas to disperse protesters who had blocked the main road.'],
  ['Protest with intervention', 'Riot police broke up a protest by opposition supporters.'],
  ['Excessive force against protesters', 'Security forces opened fire on protesters, killing three demonstrators.'],
  ['Excessive force against protesters', 'Police used live ammunition against demonstrators, killing one.'],
  ['Violent demonstration', 'Rioters threw stones at police and set tyres on fire in the town centre.'],
  ['Violent demonstration', 'Protesters clashed with police and burned vehicles in the capital.'],
  ['Mob violence', 'A mob lynched a man suspected of theft in the market.'],
  ['Mob violence', 'Residents beat a suspected thief to death in the market.'],
  ['Agreement', 'The government and the rebels signed a ceasefire agreement in the capital.'],
  ['Agreement', 'The two armed groups signed a memorandum of understanding to end hostilities.'],
  ['Arrests', 'Police arrested the leader of the opposition party at his home.'],
  ['Arrests', 'Police rounded up thirty suspected gang members in the slum.'],
  ['Change to group/activity', 'Two rebel factions merged to form a new armed group.'],
  ['Change to group/activity', 'A senior commander defected to the government with 50 fighters.'],
  ['Disrupted weapons use', 'Army engineers defused an explosive device found under a bridge.'],
  ['Disrupted weapons use', 'Air defence systems intercepted four drones over the capital.'],
  ['Headquarters or base established', 'The rebels established a base in the forest near the border.'],
  ['Headquarters or base established', 'Insurgents set up a camp in the forest.'],
  ['Looting/property destruction', 'Looters ransacked shops in the market overnight.'],
  ['Looting/property destruction', 'Militants set fire to a school in the village.'],
  ['Non-violent transfer of territory', 'Rebels handed over control of the town to government forces without a fight.'],
  ['Non-violent transfer of territory', 'The militia withdrew from the city and government troops took over its positions peacefully.'],
  ['Other', 'The government imposed a curfew in the northern province.'],
  ['Other', 'Authorities declared a state of emergency in the region.'],
];

test('every ACLED sub-event type has snippets here', () => {
  const covered = new Set(SNIPPETS.map(([sub]) => sub));
  for (const sub of Object.keys(taxonomy.subEvents)) assert.ok(covered.has(sub), `no snippet for ${sub}`);
});

test('each snippet is coded with its ACLED sub-event type, event type and disorder type', async () => {
  const wrong: string[] = [];
  for (const [sub, text] of SNIPPETS) {
    const doc = await eventsDoc(`Report\n${text}`, { published: '2023-05-30' });
    const coded = eventsOf(doc).filter((e) => e.evidence.start > 0 && e.acled !== null);
    const top = coded[0];
    if (top?.acled?.sub_event_type !== sub) {
      wrong.push(`${text} -> ${coded.map((e) => `${e.type}[${e.trigger}] ${e.acled?.sub_event_type}`).join('; ') || 'nothing coded'}`);
      continue;
    }
    const entry = (taxonomy.subEvents as Record<string, { event_type: string; disorder_type: string }>)[sub]!;
    assert.equal(top.acled.event_type, entry.event_type, text);
    assert.equal(top.acled.disorder_type, entry.disorder_type, text);
  }
  assert.deepEqual(wrong, []);
});

test('the same words in a single-line input (a title, nothing else) are coded too', async () => {
  const doc = await eventsDoc('Gunmen kidnapped three aid workers on the road to the capital.', { published: '2023-05-30' });
  assert.equal(eventsOf(doc).find((e) => e.acled !== null)?.acled?.sub_event_type, 'Abduction/forced disappearance');
});

test('denied, expected and hypothetical events are not ACLED-coded', async () => {
  const doc = await eventsDoc('Report\nThe ministry denied that soldiers had shelled the village.', { published: '2023-05-30' });
  const e = eventsOf(doc).find((x) => x.type === 'ASSAULT');
  assert.ok(e);
  assert.equal(e.certainty, 'denied');
  assert.equal(e.acled, null);
});
