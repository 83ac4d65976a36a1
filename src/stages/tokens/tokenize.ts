/**
 * Tokens and sentences over a whole text: wink-nlp's tokeniser and sentence splitter, with the
 * corrections this project's texts need (measured on the sample articles):
 *  - wink splits words at letters outside Latin-1 (`Vu|č|i|ć`): it reads a same-length folded copy;
 *  - wink splits emoji sequences (flags, skin tones, ZWJ families) into code points: adjacent
 *    emoji pieces are regrouped into grapheme clusters;
 *  - wink keeps a run of CJK as one token: such tokens are re-segmented with Intl.Segmenter;
 *  - wink never ends a sentence at a line break, but titles, captions and comments are lines:
 *    every line break ends a sentence.
 */
import winkNLP, { type ItemSentence } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Span } from '../../doc/types.js';
import { foldForTokeniser } from './fold-for-tokeniser.js';

/** What a token is. */
export type TokenKind =
  | 'word'
  | 'number'
  | 'ordinal'
  | 'time'
  | 'punct'
  | 'symbol'
  | 'currency'
  | 'emoji'
  | 'emoticon'
  | 'url'
  | 'email'
  | 'hashtag'
  | 'mention';

/** A token: a half-open range of Doc.text; its text is `doc.text.slice(start, end)`. */
export interface TokenSpan extends Span {
  readonly label: TokenKind;
}

/** A sentence (or a line, for titles and comments): from its first token's start to its last token's end. */
export interface SentenceSpan extends Span {
  readonly label: 'sentence';
}

/** Tokens and sentences of one text. */
export interface Tokenized {
  readonly tokens: readonly TokenSpan[];
  readonly sentences: readonly SentenceSpan[];
}

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | null = null;

// Loading the model takes ~100 ms, so it happens on first use, once per process (or worker).
function getNlp(): Nlp {
  nlp ??= winkNLP(model, ['sbd']);
  return nlp;
}

const WINK_KINDS: Readonly<Record<string, TokenKind>> = {
  word: 'word', wordRP: 'word', alpha: 'word', shortForm: 'word', apos: 'punct', decade: 'number',
  number: 'number', ordinal: 'ordinal', time: 'time', url: 'url', email: 'email', mention: 'mention',
  hashtag: 'hashtag', emoji: 'emoji', emoticon: 'emoticon', currency: 'currency', punctuation: 'punct',
  symbol: 'symbol',
};

// Characters a reader does not see; standing alone they separate tokens like whitespace does.
const INVISIBLE = /^[\s\u200b-\u200d\u2060\ufeff]*$/;
// Pieces wink cuts an emoji sequence into: pictographs, regional indicators, skin tones, ZWJ,
// variation selectors, keycap mark and tag characters.
const EMOJI_PIECE = /^(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|[\u200d\ufe0e\ufe0f\u20e3]|[\u{e0020}-\u{e007f}]|[#*0-9])+$/u;
const NON_ASCII = /[^\x00-\x7f]/;
const MARKS = /^[\p{M}\u200d\ufe0e\ufe0f]+$/u;
const EMOJI_CORE = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });
const cjkWords = new Intl.Segmenter('zh', { granularity: 'word' });

interface RawToken {
  start: number;
  end: number;
  type: string;
}

/** Tokens and sentences of `text`; the text outside tokens is whitespace or invisible format characters. */
export function tokenize(text: string): Tokenized {
  // 1. wink over the folded copy; offsets are rebuilt from token lengths and preceding spaces.
  const folded = foldForTokeniser(text);
  const doc = getNlp().readDoc(folded);
  const its = getNlp().its;
  const values = doc.tokens().out();
  const types = doc.tokens().out(its.type);
  const spaces = doc.tokens().out(its.precedingSpaces);
  const raw: RawToken[] = [];
  let pos = 0;
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i] as string;
    pos += (spaces[i] as string).length;
    // wink is lossless on everything measured; if it ever is not, find the token rather than drift.
    if (!folded.startsWith(value, pos)) {
      const found = folded.indexOf(value, pos);
      if (found < 0) continue;
      pos = found;
    }
    raw.push({ start: pos, end: pos + value.length, type: types[i] as string });
    pos += value.length;
  }

  // 2. Where wink ends sentences, as offsets (its spans are inclusive token indices).
  const sentenceEnds: number[] = [];
  doc.sentences().each((sentence: ItemSentence) => {
    const span = sentence.out(its.span) as unknown as readonly [number, number];
    const last = raw[Math.min(span[1], raw.length - 1)];
    if (last !== undefined) sentenceEnds.push(last.end);
  });

  // 3. Regroup emoji pieces, re-segment CJK, drop whitespace, label.
  const tokens: TokenSpan[] = [];
  for (let i = 0; i < raw.length; i += 1) {
    const token = raw[i] as RawToken;
    const value = text.slice(token.start, token.end);
    // Fast path for the common case, a plain ASCII token that needs none of the corrections below.
    if (!NON_ASCII.test(value) && token.type !== 'url') {
      if (token.type !== 'tabCRLF' && !INVISIBLE.test(value)) tokens.push({ start: token.start, end: token.end, label: kindOf(value, token.type) });
      continue;
    }
    if (INVISIBLE.test(value)) continue;
    // A mark wink cut off (keycap, variation selector, combining accent) belongs to the token before it.
    const previous = tokens[tokens.length - 1];
    if (MARKS.test(value) && previous !== undefined && previous.end === token.start) {
      tokens[tokens.length - 1] = { ...previous, end: token.end, label: value.includes('\u20e3') ? 'emoji' : previous.label };
      continue;
    }
    if (EMOJI_PIECE.test(value) && (EMOJI_CORE.test(value) || token.type === 'emoji')) {
      let end = token.end;
      while (i + 1 < raw.length) {
        const next = raw[i + 1] as RawToken;
        if (next.start !== end || !EMOJI_PIECE.test(text.slice(next.start, next.end))) break;
        end = next.end;
        i += 1;
      }
      for (const g of graphemes.segment(text.slice(token.start, end))) {
        const start = token.start + g.index;
        tokens.push({ start, end: start + g.segment.length, label: EMOJI_CORE.test(g.segment) ? 'emoji' : kindOf(g.segment, 'unk') });
      }
      continue;
    }
    if (CJK.test(value)) {
      for (const w of cjkWords.segment(value)) {
        if (INVISIBLE.test(w.segment)) continue;
        const start = token.start + w.index;
        tokens.push({ start, end: start + w.segment.length, label: w.isWordLike === true ? 'word' : kindOf(w.segment, 'unk') });
      }
      continue;
    }
    if (token.type === 'url') {
      // Sentence punctuation after a link is not part of it (the usual linkify rule); a closing
      // bracket stays when the link opened one, as Wikipedia links do.
      const trail = /[.,;:!?'"\])]+$/.exec(value)?.[0] ?? '';
      let keep = value.length - trail.length;
      if (trail.startsWith(')') && value.slice(0, keep).includes('(')) keep += 1;
      if (keep > 0 && keep < value.length) {
        tokens.push({ start: token.start, end: token.start + keep, label: 'url' });
        for (let k = keep; k < value.length; k += 1) tokens.push({ start: token.start + k, end: token.start + k + 1, label: 'punct' });
        continue;
      }
    }
    tokens.push({ start: token.start, end: token.end, label: kindOf(value, token.type) });
  }
  return { tokens, sentences: splitSentences(text, tokens, sentenceEnds) };
}

/** Our label for a token wink typed `winkType`; wink's "unk" (Cyrillic, Greek, odd symbols) by its characters. */
function kindOf(value: string, winkType: string): TokenKind {
  const kind = WINK_KINDS[winkType];
  if (kind !== undefined) return kind;
  if (/\p{L}/u.test(value)) return 'word';
  if (/^\p{N}+$/u.test(value)) return 'number';
  if (/^\p{P}+$/u.test(value)) return 'punct';
  if (/\p{Extended_Pictographic}/u.test(value)) return 'emoji';
  return 'symbol';
}

const FULL_WIDTH_END = /^[。！？]+$/;

// A sentence ends where wink ends one, and at every line break.
function splitSentences(text: string, tokens: readonly TokenSpan[], ends: readonly number[]): SentenceSpan[] {
  const sentences: SentenceSpan[] = [];
  const first = tokens[0];
  if (first === undefined) return sentences;
  let start = first.start;
  let previousEnd = first.end;
  let e = 0;
  for (let i = 1; i < tokens.length; i += 1) {
    const token = tokens[i] as TokenSpan;
    while (e < ends.length && (ends[e] as number) < previousEnd) e += 1;
    const winkEnd = e < ends.length && (ends[e] as number) <= token.start;
    const previous = tokens[i - 1] as TokenSpan;
    // wink does not know CJK full stops.
    const cjkEnd = previous.label === 'punct' && FULL_WIDTH_END.test(text.slice(previous.start, previous.end));
    if (winkEnd || cjkEnd || text.slice(previousEnd, token.start).includes('\n')) {
      sentences.push({ start, end: previousEnd, label: 'sentence' });
      start = token.start;
    }
    previousEnd = token.end;
  }
  sentences.push({ start, end: previousEnd, label: 'sentence' });
  return sentences;
}
