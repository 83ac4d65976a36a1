import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { tokenize } from './tokenize.js';
import { foldForTokeniser } from './fold-for-tokeniser.js';

function words(text: string): string[] {
  return tokenize(text).tokens.map((t) => text.slice(t.start, t.end));
}
function sentences(text: string): string[] {
  return tokenize(text).sentences.map((s) => text.slice(s.start, s.end));
}

test('folding keeps the length and folds South Slavic letters', () => {
  const text = 'Vučić Đorđe Leposavić Šćž Ëçë';
  const folded = foldForTokeniser(text);
  assert.equal(folded.length, text.length);
  assert.equal(folded, 'Vucic Dorde Leposavic Scz Ece');
});

const TOKEN_CASES: readonly (readonly [string, string, readonly string[]])[] = [
  ['names with č ć š ž đ stay whole', 'Vučić met Đorđe in Leposavić and Zvečan, Žitkovac.', ['Vučić', 'met', 'Đorđe', 'in', 'Leposavić', 'and', 'Zvečan', ',', 'Žitkovac', '.']],
  ['Cyrillic words', 'Вучић је у Звечану.', ['Вучић', 'је', 'у', 'Звечану', '.']],
  ['CJK is split into words', '北京是中国的首都。', ['北京', '是', '中国', '的', '首都', '。']],
  ['flags, skin tones and ZWJ families are one token each', 'Flags 🇷🇸🇽🇰 👍🏽 👨‍👩‍👧 1️⃣ end', ['Flags', '🇷🇸', '🇽🇰', '👍🏽', '👨‍👩‍👧', '1️⃣', 'end']],
  ['URLs, emails, hashtags and mentions', 'See https://example.org/a?b=1, me@x.org #Kosovo @kfor', ['See', 'https://example.org/a?b=1', ',', 'me@x.org', '#Kosovo', '@kfor']],
  ['numbers with separators and units', 'About 5,000 people, 7km away, 1.5 hours', ['About', '5,000', 'people', ',', '7', 'km', 'away', ',', '1.5', 'hours']],
  ['combining accents stay on their letter', 'cafe\u0301 ok', ['cafe\u0301', 'ok']],
  ['odd spaces separate tokens', 'a\u00a0b\u2009c\u200bd\r\ne\tf', ['a', 'b', 'c', 'd', 'e', 'f']],
];

for (const [name, text, expected] of TOKEN_CASES) {
  test(`tokens: ${name}`, () => assert.deepEqual(words(text), expected));
}

test('token labels', () => {
  const text = 'Vučić 5,000 28th . https://a.org x@y.org #tag @who 🇷🇸 $';
  const labels = tokenize(text).tokens.map((t) => t.label);
  assert.deepEqual(labels, ['word', 'number', 'ordinal', 'punct', 'url', 'email', 'hashtag', 'mention', 'emoji', 'currency']);
});

const SENTENCE_CASES: readonly (readonly [string, string, readonly string[]])[] = [
  ['full stops', 'Shots were heard. Police came.', ['Shots were heard.', 'Police came.']],
  ['a title line without a stop', 'Serbian troops on alert\n\nThe army said so.', ['Serbian troops on alert', 'The army said so.']],
  ['single line breaks (comment lines)', 'Good luck to him\nNot likely', ['Good luck to him', 'Not likely']],
  ['abbreviations do not end a sentence', 'Mr. Smith met U.S. envoys.', ['Mr. Smith met U.S. envoys.']],
  ['diacritics do not break sentences', 'Vučić spoke. Kurti answered.', ['Vučić spoke.', 'Kurti answered.']],
  ['CJK full stops', '北京很好。你好吗？', ['北京很好。', '你好吗？']],
];

for (const [name, text, expected] of SENTENCE_CASES) {
  test(`sentences: ${name}`, () => assert.deepEqual(sentences(text), expected));
}

test('empty and whitespace-only texts give no tokens', () => {
  assert.deepEqual(tokenize(''), { tokens: [], sentences: [] });
  assert.deepEqual(tokenize(' \n\n\t'), { tokens: [], sentences: [] });
});

// Text drawn from the pieces that trouble tokenisers: accents, Cyrillic, CJK, emoji, URLs, odd spaces.
const piece = fc.constantFrom(
  'Vučić', 'Đorđe', 'Звечан', '北京', '中国的', '🇷🇸', '👍🏽', '👨‍👩‍👧', '1️⃣', 'e\u0301', 'https://x.org/a?b=1', 'a@b.org',
  '#tag', '@who', '5,000', '10: 15', '14:30', "can't", 'U.S.', '.', ',', '!', '"', '(', ')', '\u200b', '\ud83d',
  ' ', ' ', '\n', '\n\n', '\t', '\u00a0', 'word', 'Mr.', '—', '…',
);
const hostile = fc.array(fc.oneof(piece, fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 40 }).map((parts) => parts.join(''));
const isSeparator = /^[\s\u200b-\u200d\u2060\ufeff]*$/;

test('property: tokens are sorted, disjoint, inside the text, never split a surrogate pair, and only separators lie between them', () => {
  fc.assert(
    fc.property(hostile, (text) => {
      const { tokens, sentences: sents } = tokenize(text);
      let pos = 0;
      for (const t of tokens) {
        assert.ok(t.start >= pos && t.end > t.start && t.end <= text.length, `bad token [${t.start}, ${t.end})`);
        assert.match(text.slice(pos, t.start), isSeparator);
        for (const edge of [t.start, t.end]) {
          const before = text.charCodeAt(edge - 1);
          const after = text.charCodeAt(edge);
          assert.ok(!(before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff), `surrogate pair split at ${edge}`);
        }
        pos = t.end;
      }
      assert.match(text.slice(pos), isSeparator);
      let sentencePos = 0;
      for (const s of sents) {
        assert.ok(s.start >= sentencePos && s.end > s.start && s.end <= text.length);
        assert.ok(!text.slice(s.start, s.end).includes('\n'), 'a sentence crosses a line break');
        sentencePos = s.end;
      }
    }),
    { numRuns: 300 },
  );
});
