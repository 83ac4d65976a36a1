import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateArticles } from './generate-articles.js';
import { measureWinkFloor } from './wink-floor.js';

describe('measureWinkFloor', () => {
  it('counts the tokens of every text', () => {
    const floor = measureWinkFloor(['Shots were fired near Jarinje.', 'KFOR said nothing!'], { warmupTexts: 0 });
    assert.equal(floor.texts, 2);
    assert.equal(floor.tokens, 6 + 4);
    assert.equal(floor.bytes, 30 + 18);
  });

  it('reports a time and rates for generated articles', () => {
    const texts = Array.from(generateArticles(50), (a) => a.content);
    const floor = measureWinkFloor(texts);
    assert.ok(floor.tokens > 50 * 100);
    assert.ok(floor.seconds > 0);
    assert.ok(floor.tokensPerSecond > 0 && floor.mbPerSecond > 0);
  });

  it('accepts any iterable, and an empty one', () => {
    assert.equal(measureWinkFloor(new Set(['one two'])).tokens, 2);
    assert.equal(measureWinkFloor([]).tokens, 0);
  });
});
