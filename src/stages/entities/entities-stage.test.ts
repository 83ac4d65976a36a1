import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runStages } from '../../pipeline/runner.js';
import { makeTestDoc, testContext } from '../../pipeline/test-helpers.js';
import { entitiesStage, findEntities, type EntitySpan } from './entities-stage.js';
import { buildKnowledgeBase, loadKnowledgeBase } from './knowledge-base.js';

const kb = loadKnowledgeBase();

interface Expected {
  readonly text: string;
  readonly id?: string;
  readonly name?: string;
  readonly kind?: string;
  readonly role?: string;
  readonly via?: string;
  readonly metonym?: true;
  readonly linked?: boolean;
}

// Invented sentences; "Kosovo" somewhere switches on the Western Balkans pack's context.
const cases: readonly { readonly sentence: string; readonly expect: readonly Expected[]; readonly absent?: readonly string[] }[] = [
  {
    sentence: 'Serbian President Aleksandar Vučić spoke in Kosovo.',
    expect: [{ text: 'Aleksandar Vučić', id: 'kb:person:aleksandar-vucic', name: 'Aleksandar Vučić', kind: 'person', role: 'President of Serbia' }],
    absent: ['Kosovo'],
  },
  {
    sentence: 'Aleksandar Vuchich arrived. Later Вучић and Vucic left.',
    expect: [
      { text: 'Aleksandar Vuchich', id: 'kb:person:aleksandar-vucic' },
      { text: 'Вучић', id: 'kb:person:aleksandar-vucic' },
      { text: 'Vucic', id: 'kb:person:aleksandar-vucic' },
    ],
  },
  {
    sentence: 'Goran Petrovski, the mayor of Lipovac, spoke. Petrovski then left.',
    expect: [
      { text: 'Goran Petrovski', id: 'x:person:goran-petrovski', kind: 'person', role: 'mayor of Lipovac', linked: false },
      { text: 'Petrovski', id: 'x:person:goran-petrovski', via: 'back-reference' },
    ],
  },
  {
    sentence: 'Belgrade warned on Monday. Talks were held in Belgrade.',
    expect: [{ text: 'Belgrade', id: 'kb:RS:government', name: 'Government of Serbia', via: 'metonym', metonym: true }],
    absent: ['in Belgrade'],
  },
  {
    sentence: 'Pristina is trying to expel the Serbs, Kosovo officials said.',
    expect: [
      { text: 'Pristina', id: 'kb:XK:government', metonym: true },
      { text: 'Serbs', id: 'kb:group:kosovo-serbs', kind: 'communal_group' },
    ],
  },
  {
    sentence: 'In northern Kosovo the Albanian police detained a man.',
    expect: [{ text: 'Albanian police', id: 'kb:XK:police', name: 'Kosovo Police', via: 'ethnonym-label' }],
  },
  {
    sentence: 'The Albanian police arrested a smuggler near Durrës.',
    expect: [{ text: 'Albanian police', id: 'kb:AL:police', name: 'Police of Albania' }],
  },
  {
    sentence: "Serbia's Defence Ministry denied that the 72nd Special Operations Brigade or the 5th Mechanised Battalion moved.",
    expect: [
      { text: "Serbia's Defence Ministry", id: 'kb:RS:ministry-of-defence', name: 'Ministry of Defence of Serbia' },
      { text: '72nd Special Operations Brigade', id: 'kb:RS:72nd-special-operations-brigade', kind: 'military_unit' },
      { text: '5th Mechanised Battalion', id: 'x:military_unit:5th-mecanised-battalion', kind: 'military_unit', linked: false },
    ],
  },
  {
    sentence: 'Russian Foreign Ministry spokeswoman Maria Zakharova criticised the regime in Pristina and KFOR.',
    expect: [
      { text: 'Russian Foreign Ministry', id: 'kb:RU:ministry-of-foreign-affairs' },
      { text: 'Maria Zakharova', role: 'spokeswoman, Russian Foreign Ministry' },
      { text: 'regime in Pristina', id: 'kb:XK:government' },
      { text: 'KFOR', kind: 'international_force' },
    ],
  },
  {
    sentence: 'Former policeman Marko Ilić was detained by Kosovo police; the EU and NATO called for calm.',
    expect: [
      { text: 'Marko Ilić', kind: 'person', role: 'Former policeman', linked: false },
      { text: 'Kosovo police', id: 'kb:XK:police' },
      { text: 'EU', id: 'kb:org:eu', name: 'European Union' },
      { text: 'NATO', id: 'kb:org:nato' },
    ],
  },
  {
    sentence: 'A statement by France, Italy, Germany, the United Kingdom and the United States followed.',
    expect: [{ text: 'France, Italy, Germany, the United Kingdom and the United States', id: 'kb:org:quint', via: 'members' }],
  },
  {
    sentence: 'On Monday, March protests began. The Ministry announced nothing.',
    expect: [],
    absent: ['On Monday', 'Monday', 'March'],
  },
];

function find(spans: readonly EntitySpan[], text: string): EntitySpan | undefined {
  return spans.find((s) => s.text === text);
}

describe('entitiesStage', () => {
  for (const { sentence, expect, absent } of cases) {
    it(`reads actors in "${sentence}"`, () => {
      const spans = findEntities(sentence, kb);
      for (const want of expect) {
        const got = find(spans, want.text);
        assert.ok(got, `no entity "${want.text}" among ${JSON.stringify(spans.map((s) => s.text))}`);
        for (const [key, value] of Object.entries(want)) {
          assert.deepEqual((got as unknown as Record<string, unknown>)[key], value, `${want.text}.${key}`);
        }
        assert.equal(sentence.slice(got.start, got.end), got.text);
      }
      for (const text of absent ?? []) assert.equal(find(spans, text), undefined, `"${text}" should not be an entity`);
    });
  }

  it('links a KB surname alone when the document gives no full name', () => {
    const spans = findEntities('Kurti said the barricades must go.', kb);
    assert.equal(find(spans, 'Kurti')?.id, 'kb:person:albin-kurti');
    assert.equal(find(spans, 'Kurti')?.via, 'surname');
  });

  it('prefers a full name in the same document over a KB surname', () => {
    const spans = findEntities('Local farmer Dragan Kurti said so. Kurti added more.', kb);
    assert.equal(spans.filter((s) => s.text === 'Kurti')[0]?.id, 'x:person:dragan-kurti');
  });

  it('does not switch contextual aliases on outside their context', () => {
    const spans = findEntities('Serbs and Croats met in Vienna.', kb);
    assert.equal(find(spans, 'Serbs'), undefined);
  });

  it('reads packs users add, and their entries win over generated ones', () => {
    const custom = buildKnowledgeBase(
      [
        {
          pack: 'test',
          source: 'test',
          licence: 'CC0-1.0',
          states: [{ iso2: 'RS', name: 'Serbia', demonyms: ['Serbian'], capitals: ['Belgrade'] }],
          entries: [{ id: 'kb:RS:police', name: 'Serbian Police', kind: 'police', aliases: [] }],
        },
      ],
      kb.cues,
    );
    const spans = findEntities('The Serbian police said nothing.', custom);
    assert.equal(find(spans, 'Serbian police')?.name, 'Serbian Police');
  });

  it('keeps the runner contract: spans inside the text, sorted, one declared layer', async () => {
    const doc = makeTestDoc('Belgrade warned that KFOR and EULEX must act. Vucic said Aleksandar Vucic agreed.');
    const { failures, doc: out } = await runStages(doc, [entitiesStage], testContext());
    assert.deepEqual(failures, []);
    assert.ok((out.layers.entities ?? []).length >= 4);
    assert.equal(out.stages.entities, 1);
  });
});
