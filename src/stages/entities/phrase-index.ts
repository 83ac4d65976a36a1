/**
 * Multi-word phrase look-up over word tokens, longest match first, with the house rule on case:
 * an acronym alias ("EU") matches only capitals, a capitalised alias ("Kosovo Police") only a
 * capitalised first word, a lower-case alias ("gendarmerie") any case.
 */
import { wordTokens, joined, isAllCaps, isCapitalised, type WordToken } from './word-tokens.js';

/** How strictly a phrase's first word must match in case. */
export type CaseMode = 'upper' | 'capital' | 'any';

/** One phrase of an index, with what it stands for. */
export interface Phrase<T> {
  readonly keys: readonly string[];
  readonly caseMode: CaseMode;
  readonly value: T;
}

/** Phrases by the key of their first token, longest first. */
export type PhraseIndex<T> = ReadonlyMap<string, readonly Phrase<T>[]>;

/** A match: the phrases that matched (all of one length) and the token index just past them. */
export interface PhraseMatch<T> {
  readonly end: number;
  readonly values: readonly T[];
}

/** The case rule a phrase's first word imposes, read from how the phrase is written. */
export function caseModeOf(phrase: string, respectCase: boolean): CaseMode {
  if (!respectCase) return 'any';
  const first = wordTokens(phrase)[0];
  if (!first) return 'any';
  const letters = first.text.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && isAllCaps(first) && wordTokens(phrase).filter((t) => t.isWord).length === 1) return 'upper';
  return isCapitalised(first) ? 'capital' : 'any';
}

/** Builds an index from [phrase, value] pairs; `respectCase` false makes every phrase match any case. */
export function buildPhraseIndex<T>(items: Iterable<readonly [string, T]>, respectCase: boolean): PhraseIndex<T> {
  const index = new Map<string, Phrase<T>[]>();
  for (const [phrase, value] of items) {
    const keys = wordTokens(phrase).map((t) => t.key);
    const first = keys[0];
    if (first === undefined) continue;
    const list = index.get(first) ?? [];
    list.push({ keys, caseMode: caseModeOf(phrase, respectCase), value });
    index.set(first, list);
  }
  for (const list of index.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  return index;
}

/** The longest phrase starting at token `i` (within one line of text), or null. */
export function longestMatch<T>(
  index: PhraseIndex<T>,
  text: string,
  tokens: readonly WordToken[],
  i: number,
  accept: (value: T) => boolean = () => true,
): PhraseMatch<T> | null {
  const first = tokens[i];
  if (!first) return null;
  const list = index.get(first.key);
  if (!list) return null;
  let best: { end: number; values: T[] } | null = null;
  for (const phrase of list) {
    if (best && phrase.keys.length < best.end - i) break;
    if (!caseFits(phrase.caseMode, first) || !accept(phrase.value)) continue;
    if (!keysAt(phrase.keys, text, tokens, i)) continue;
    // Tokens are whole words, so a phrase always ends at a word boundary ("EU" never hits "EUR").
    const end = i + phrase.keys.length;
    if (best && best.end === end) best.values.push(phrase.value);
    else best = { end, values: [phrase.value] };
  }
  return best;
}

function caseFits(mode: CaseMode, token: WordToken): boolean {
  if (mode === 'upper') return isAllCaps(token);
  if (mode === 'capital') return isCapitalised(token) || !token.isWord;
  return true;
}

function keysAt(keys: readonly string[], text: string, tokens: readonly WordToken[], i: number): boolean {
  for (let k = 0; k < keys.length; k += 1) {
    const token = tokens[i + k];
    if (!token || token.key !== keys[k]) return false;
    const previous = tokens[i + k - 1];
    if (k > 0 && previous && !joined(text, previous, token)) return false;
  }
  return true;
}
