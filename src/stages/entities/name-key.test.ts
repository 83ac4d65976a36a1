import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { nameKey, sameName, slug } from './name-key.js';

describe('nameKey', () => {
  const cases: readonly (readonly [string, string])[] = [
    ['Vučić', 'vucic'],
    ['Vucic', 'vucic'],
    ['Vuchich', 'vucic'],
    ['Вучић', 'vucic'],
    ['Вучич', 'vucic'],
    ['VUČIĆ', 'vucic'],
    ['Đurić', 'djuric'],
    ['Djuric', 'djuric'],
    ['Zakharova', 'zaharova'],
    ['Vetëvendosje', 'vetevendosje'],
    ['Priština', 'pristina'],
    ['Prishtina', 'pristina'],
    ['Kosovo’s', "kosovo's"],
  ];
  for (const [input, key] of cases) {
    it(`folds "${input}" to "${key}"`, () => assert.equal(nameKey(input), key));
  }

  it('compares names across scripts and transliterations', () => {
    assert.ok(sameName('Aleksandar Vučić', 'Aleksandar Vuchich'));
    assert.ok(!sameName('Vučić', 'Vučević'));
  });

  it('makes ids from names without diacritics or spaces', () => {
    assert.equal(slug('Dejan Pantić'), 'dejan-pantic');
    assert.equal(slug('63rd Airborne Brigade'), '63rd-airborne-brigade');
  });
});
