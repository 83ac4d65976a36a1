/**
 * The entities stage's own word tokens: words and single punctuation marks with their offsets and
 * name keys. Kept apart from the tokens stage so entities requires no other layer, and because
 * alias matching needs punctuation as tokens ("Serbia ' s", "U . N .") on both sides alike.
 */
import { nameKey } from './name-key.js';

/** One word or punctuation mark of a text. */
export interface WordToken {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** nameKey(text): what alias matching compares. */
  readonly key: string;
  readonly isWord: boolean;
}

const TOKEN = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;

/** Splits a text into words and punctuation marks. */
export function wordTokens(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index;
    const surface = match[0];
    const isWord = /[\p{L}\p{N}]/u.test(surface);
    tokens.push({ start, end: start + surface.length, text: surface, key: isWord ? nameKey(surface) : surface.replace(/[’‘`´]/, "'"), isWord });
  }
  return tokens;
}

/** Whether two neighbouring tokens may belong to one name: nothing but spaces between, no line break. */
export function joined(text: string, left: WordToken, right: WordToken): boolean {
  const gap = text.slice(left.end, right.start);
  return gap.length <= 2 && !/[^ \t\u00a0]/.test(gap);
}

/** Whether a token starts with a capital letter (any script). */
export function isCapitalised(token: WordToken): boolean {
  const first = token.text[0] ?? '';
  return first !== first.toLowerCase() && first === first.toUpperCase();
}

/** Whether a word token is written all in capitals (an acronym or a shouted headline). */
export function isAllCaps(token: WordToken): boolean {
  return token.isWord && token.text === token.text.toUpperCase() && token.text !== token.text.toLowerCase();
}
