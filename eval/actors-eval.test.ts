import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { actorsEval, sameActorName, scoreActors } from './actors-eval.js';
import { absentMessage, sharedDir } from './shared-data.js';
import type { EntitySpan } from '../src/stages/entities/entities-stage.js';

function entity(start: number, end: number, name: string): EntitySpan {
  return { start, end, label: 'person', text: '', id: 'x', name, kind: 'person', role: null, country: null, affiliation: null, linked: true, via: 'alias', confidence: 1 };
}

describe('actors evaluation', () => {
  it('compares names ignoring case, diacritics and a parenthesised gloss', () => {
    assert.ok(sameActorName('Aleksandar Vučić', 'aleksandar vucic'));
    assert.ok(sameActorName('Quint (France, Italy)', 'Quint'));
    assert.ok(!sameActorName('Kosovo Police', 'Kosovo Police special units'));
  });

  it('counts a gold actor when an entity overlapping a mention has its name', () => {
    const text = 'Then the EU and Vucic spoke.';
    const result = scoreActors(text, [entity(9, 11, 'European Union'), entity(16, 21, 'Someone Else')], [
      { mentions: ['the EU'], name: 'European Union', kind: 'international organization' },
      { mentions: ['Vucic'], name: 'Aleksandar Vučić', kind: 'person' },
    ]);
    assert.equal(result.found, 1);
    assert.deepEqual(result.misses.map((m) => [m.name, m.got]), [['Aleksandar Vučić', ['Someone Else']]]);
  });

  const gold = join(sharedDir(), 'seeds', 'gold');
  it('finds at least 90% of the seed gold actors', { skip: existsSync(gold) ? false : absentMessage(gold, 'the seed actors check') }, () => {
    const result = actorsEval();
    assert.ok(result.found / result.total >= 0.9, `${result.found}/${result.total}`);
  });
});
