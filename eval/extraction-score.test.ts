import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { extractionScore, scorePage, shingles, tokenize } from './extraction-score.js';

describe('tokenize', () => {
  it('splits on anything that is not a letter, digit or underscore, keeping case', () => {
    assert.deepEqual(tokenize('Police, in Łódź: 3 km—north_east!'), ['Police', 'in', 'Łódź', '3', 'km', 'north_east']);
  });

  it('reads Cyrillic, Greek and CJK letters as word characters', () => {
    assert.deepEqual(tokenize('Москва (@Reporter42) Αθήνα 北京市'), ['Москва', 'Reporter42', 'Αθήνα', '北京市']);
  });

  it('keeps letters outside the Basic Multilingual Plane whole', () => {
    assert.deepEqual(tokenize('a 𝐀𝐁 b'), ['a', '𝐀𝐁', 'b']);
  });

  it('finds no tokens in punctuation and white space alone', () => {
    assert.deepEqual(tokenize(' — … ! \n'), []);
  });
});

describe('shingles', () => {
  it('counts repeated 4-grams as a multiset, as the benchmark does', () => {
    const counts = shingles('a b c d a b c d');
    assert.equal(counts.get('a b c d'), 2);
    assert.equal(counts.size, 4);
  });

  it('gives a text under four tokens one shorter shingle, and an empty text none', () => {
    assert.deepEqual([...shingles('one two three')], [['one two three', 1]]);
    assert.equal(shingles('').size, 0);
  });
});

describe('scorePage', () => {
  it('gives identical texts precision, recall and F1 of 1', () => {
    const page = scorePage('The convoy reached the border at dawn.', 'The convoy reached the border at dawn.');
    assert.deepEqual([page.precision, page.recall, page.f1, page.exact], [1, 1, 1, true]);
  });

  it('ignores white space and punctuation differences, which tokens do not see', () => {
    const page = scorePage('The convoy reached the border, at dawn.', 'The  convoy\nreached the border at dawn');
    assert.equal(page.f1, 1);
  });

  it('gives disjoint texts 0', () => {
    const page = scorePage('one two three four five', 'six seven eight nine ten');
    assert.deepEqual([page.precision, page.recall, page.f1], [0, 0, 0]);
  });

  it('scores texts shorter than four tokens by their single shingle', () => {
    assert.equal(scorePage('Breaking news', 'Breaking news').f1, 1);
    assert.equal(scorePage('Breaking news', 'Breaking').f1, 0);
  });

  it('is case-sensitive, because the benchmark does not lowercase', () => {
    assert.equal(scorePage('Police closed the bridge', 'police closed the bridge').f1, 0);
  });

  it('counts extra text against precision and missing text against recall', () => {
    const truth = 'a b c d e f g';
    const extra = scorePage(truth, `${truth} x y z`);
    assert.equal(extra.recall, 1);
    assert.equal(extra.precision, 4 / 7);
    const missing = scorePage(truth, 'a b c d e');
    assert.equal(missing.precision, 1);
    assert.equal(missing.recall, 2 / 4);
  });

  it('leaves an empty prediction out of precision and scores its recall 0', () => {
    const page = scorePage('a b c d e', '');
    assert.equal(page.precision, null);
    assert.equal(page.recall, 0);
  });

  it('leaves a page with empty truth and empty prediction out of both averages', () => {
    const page = scorePage('', '');
    assert.deepEqual([page.precision, page.recall], [null, null]);
  });
});

describe('extractionScore', () => {
  it('averages precision and recall over pages, then takes F1 of the averages', () => {
    const pages = [scorePage('a b c d e f g', 'a b c d e f g x y z'), scorePage('a b c d e', 'a b c d e')];
    const score = extractionScore(pages);
    const precision = (4 / 7 + 1) / 2;
    assert.equal(score.precision, precision);
    assert.equal(score.recall, 1);
    assert.equal(score.f1, (2 * precision) / (precision + 1));
    assert.equal(score.accuracy, 0.5);
  });

  it('lets an empty prediction cost recall only', () => {
    const score = extractionScore([scorePage('a b c d', 'a b c d'), scorePage('e f g h', '')]);
    assert.equal(score.precision, 1);
    assert.equal(score.recall, 0.5);
  });

  it('returns zeros rather than NaN when no page enters an average', () => {
    assert.deepEqual(extractionScore([]), { pages: 0, precision: 0, recall: 0, f1: 0, accuracy: 0 });
  });

  it('keeps every score between 0 and 1 for any texts', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (truth, prediction) => {
        const page = scorePage(truth, prediction);
        for (const value of [page.precision ?? 0, page.recall ?? 0, page.f1]) assert.ok(value >= 0 && value <= 1);
        assert.equal(scorePage(truth, truth).f1, tokenize(truth).length > 0 ? 1 : 0);
      }),
    );
  });
});
