import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findPhrases, phraseTable, stem, wordTokens } from './phrase-matcher.js';

test('inflected forms share one stem', () => {
  const cases: readonly (readonly string[])[] = [
    ['arrest', 'arrests', 'arrested', 'arresting'],
    ['close', 'closed', 'closes', 'closing'],
    ['clash', 'clashes'],
    ['barricade', 'barricades'],
    ['rally', 'rallies', 'rallied'],
    ['plan', 'planned'],
  ];
  for (const forms of cases) assert.deepEqual(new Set(forms.map(stem)).size, 1, forms.join(' '));
});

test('phrases match with gaps, alternatives and exact words', () => {
  const table = phraseTable([['=closed _ crossing|border', 'close'], ['tear gas', 'gas'], ['=met', 'met']] as const);
  const cases: readonly (readonly [string, readonly string[]])[] = [
    ['Police closed the Brnjak and Jarinje crossings', ['close']],
    ['They closed the border', ['close']],
    ['Officers fired tear gas', ['gas']],
    ['The leaders met in Brussels', ['met']],
    ['The leaders meet in Brussels', []],
    ['Police closed a road far away from any crossing at all today', []],
  ];
  for (const [text, want] of cases) {
    const got = findPhrases(table, wordTokens(text, 0, text.length)).map((m) => m.phrase.value);
    assert.deepEqual(got, want, text);
  }
});

test('word tokens point into the text', () => {
  const text = 'Vučić’s army, re-deployed.';
  for (const t of wordTokens(text, 0, text.length)) assert.equal(text.slice(t.start, t.end).toLowerCase().replace(/’/g, "'"), t.lower);
});
