import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { detectLanguage } from './detect-language.js';

describe('detectLanguage', () => {
  const cases: [string, string | null][] = [
    ['Police reopened the road near the lake on Monday after two days of protests, officials said.', 'en'],
    ['Полиција је у понедељак поново отворила пут код језера после два дана протеста, саопштили су званичници.', 'sr'],
    ['Полиция в понедельник вновь открыла дорогу у озера после двух дней протестов, сообщили официальные лица.', 'ru'],
    ['Policia e rihapi rrugën pranë liqenit të hënën pas dy ditësh protestash, thanë zyrtarët në qytet.', 'sq'],
    ['Too short.', null],
  ];
  for (const [text, expected] of cases) {
    it(`labels "${text.slice(0, 30)}…" as ${expected}`, () => {
      assert.equal(detectLanguage(text), expected);
    });
  }
});
