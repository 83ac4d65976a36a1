/**
 * Turns what a person typed into an FTS5 query that cannot be a syntax error, with the same
 * web-search conventions PostgreSQL's `websearch_to_tsquery` gives the other backend:
 * words are ANDed, `"quoted words"` are a phrase, `-word` excludes, `or` between terms is OR.
 *
 * Written by hand because FTS5 has no safe-input mode: every term reaches FTS5 as a double-quoted
 * string of letters and digits only, so `"`, `*`, `AND`, `NEAR(`, `-` and `:` in user input are
 * either dropped or searched for as plain words.
 */

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

interface Term {
  /** The words of the term, searched as a phrase. */
  readonly words: readonly string[];
  readonly negated: boolean;
}

/** The FTS5 MATCH expression for a user's query, or null when it has no word to search for. */
export function sqliteFtsQuery(query: string): string | null {
  // 1. Split into terms and OR separators.
  const groups: Term[][] = [[]];
  const pattern = /(-?)"([^"]*)"?|(\S+)/g;
  for (const match of query.matchAll(pattern)) {
    const [, minus, phrase, bare] = match;
    if (bare !== undefined && /^or$/i.test(bare)) {
      groups.push([]);
      continue;
    }
    let negated = minus === '-';
    let text = phrase ?? bare ?? '';
    if (bare !== undefined && bare.startsWith('-')) {
      negated = true;
      text = bare.slice(1);
    }
    const words = text.match(WORD) ?? [];
    if (words.length > 0) groups.at(-1)?.push({ words, negated });
  }

  // 2. Each group: its positive terms ANDed, minus its negated ones. A group with nothing
  //    positive matches nothing useful in FTS5 (NOT needs a left side), so it is dropped.
  const clauses: string[] = [];
  for (const terms of groups) {
    const positive = terms.filter((t) => !t.negated).map(phrase);
    const negative = terms.filter((t) => t.negated).map(phrase);
    if (positive.length === 0) continue;
    let clause = `(${positive.join(' AND ')})`;
    if (negative.length > 0) clause = `(${clause} NOT (${negative.join(' OR ')}))`;
    clauses.push(clause);
  }
  return clauses.length === 0 ? null : clauses.join(' OR ');
}

function phrase(term: Term): string {
  // Words hold only letters, marks and digits, so no quote can end the string early.
  return `"${term.words.join(' ')}"`;
}
