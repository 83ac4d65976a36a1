/**
 * Phrase matching over word tokens for the events lexicons (data/events/*.json): each lexicon word
 * matches a token by a light English stem, or exactly when written `=word`; `a|b` is either word;
 * `_` lets up to four tokens stand between its neighbours. Written by hand: the lexicons need
 * gaps and per-word exactness, which no installed matcher offers, and this stays a page long.
 */

/** A word token of a sentence: its range in Doc.text, lower-cased form and stem. */
export interface WordToken {
  readonly start: number;
  readonly end: number;
  readonly lower: string;
  readonly stem: string;
  /** Whether the token starts with a capital letter (the month "May", not the modal "may"). */
  readonly capital: boolean;
}

/** A compiled phrase: alternatives per word, gaps between some of them. */
export interface CompiledPhrase<T> {
  readonly source: string;
  readonly words: readonly (readonly Alternative[])[];
  /** gapAfter[i]: how many tokens may stand between word i and word i + 1. */
  readonly gapAfter: readonly number[];
  readonly value: T;
}

interface Alternative {
  readonly exact: boolean;
  readonly text: string;
}

/** A phrase found in a token list: token indexes [first, last] inclusive. */
export interface PhraseMatch<T> {
  readonly first: number;
  readonly last: number;
  readonly phrase: CompiledPhrase<T>;
}

/** An index of compiled phrases by the key of their first word. */
export type PhraseTable<T> = ReadonlyMap<string, readonly CompiledPhrase<T>[]>;

const MAX_GAP = 4;
const WORD = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu;
const UNDOUBLE = /([bdgmnprt])\1$/;

/** A light English stem: enough to make arrest, arrests, arrested and arresting one key. */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, '');
  if (w.length <= 3) return w;
  // Plural or third person first, then -ing / -ed, so "crossings" and "crossing" meet.
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(?:ss|x|z|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.endsWith('ied') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w.replace(UNDOUBLE, '$1');
}

/** Word tokens of text[from, to): runs of letters and digits, with inner apostrophes and hyphens. */
export function wordTokens(text: string, from: number, to: number): WordToken[] {
  const out: WordToken[] = [];
  WORD.lastIndex = 0;
  for (const m of text.slice(from, to).matchAll(WORD)) {
    const start = from + (m.index ?? 0);
    const lower = m[0].toLowerCase().replace(/’/g, "'");
    out.push({ start, end: start + m[0].length, lower, stem: stem(lower), capital: /^\p{Lu}/u.test(m[0]) });
  }
  return out;
}

function alternative(raw: string, exact: boolean): Alternative {
  const plain = raw.toLowerCase();
  return { exact, text: exact ? plain : stem(plain) };
}

/** Compiles one phrase of the lexicon syntax. */
export function compilePhrase<T>(source: string, value: T): CompiledPhrase<T> {
  const words: Alternative[][] = [];
  const gapAfter: number[] = [];
  for (const part of source.trim().split(/\s+/)) {
    if (part === '_') {
      if (words.length > 0) gapAfter[words.length - 1] = MAX_GAP;
      continue;
    }
    const exact = part.startsWith('=');
    words.push(part.replace(/^=/, '').split('|').map((alt) => alternative(alt, exact)));
    gapAfter.push(0);
  }
  return { source, words, gapAfter, value };
}

function keyOf(alt: Alternative): string {
  return `${alt.exact ? 'x' : 's'}:${alt.text}`;
}

/** Builds a look-up table of phrases by their first word. */
export function phraseTable<T>(items: Iterable<readonly [string, T]>): PhraseTable<T> {
  const table = new Map<string, CompiledPhrase<T>[]>();
  for (const [source, value] of items) {
    const phrase = compilePhrase(source, value);
    for (const alt of phrase.words[0] ?? []) {
      const key = keyOf(alt);
      table.set(key, [...(table.get(key) ?? []), phrase]);
    }
  }
  return table;
}

function accepts(alts: readonly Alternative[], token: WordToken): boolean {
  return alts.some((a) => (a.exact ? a.text === token.lower : a.text === token.stem));
}

// The index of the phrase's last token when it matches from `first`, else -1 (shortest gaps first).
function matchFrom<T>(phrase: CompiledPhrase<T>, tokens: readonly WordToken[], first: number): number {
  const step = (w: number, at: number): number => {
    const token = tokens[at];
    const alts = phrase.words[w];
    if (!token || !alts || !accepts(alts, token)) return -1;
    if (w === phrase.words.length - 1) return at;
    for (let gap = 0; gap <= (phrase.gapAfter[w] ?? 0); gap += 1) {
      const end = step(w + 1, at + 1 + gap);
      if (end >= 0) return end;
    }
    return -1;
  };
  return step(0, first);
}

/** Every match of the table's phrases in the tokens, overlapping ones included. */
export function findPhrases<T>(table: PhraseTable<T>, tokens: readonly WordToken[]): PhraseMatch<T>[] {
  const out: PhraseMatch<T>[] = [];
  tokens.forEach((token, i) => {
    const candidates = [...(table.get(`x:${token.lower}`) ?? []), ...(table.get(`s:${token.stem}`) ?? [])];
    for (const phrase of new Set(candidates)) {
      const last = matchFrom(phrase, tokens, i);
      if (last >= 0) out.push({ first: i, last, phrase });
    }
  });
  return out;
}

/** Whether any of the table's phrases occurs in the tokens. */
export function hasPhrase<T>(table: PhraseTable<T>, tokens: readonly WordToken[]): boolean {
  return findPhrases(table, tokens).length > 0;
}
