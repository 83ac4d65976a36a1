/**
 * Containment in the wording: "the Palais des Nations in Geneva", "Oulton Park, Cheshire",
 * "Tacoma, Washington". A toponym followed by "in", "at" or a comma and then another toponym most
 * often lies inside that second one; geoparsers have long read it so (the Edinburgh Geoparser's
 * "X, Y" and "X in Y" rules). Lists ("Dallas, Houston and Austin") share the comma, so what the
 * pair allows is decided by the resolver, which knows whether the second name is an area.
 */
import type { ToponymMention } from './resolve-places.js';

/** Two mentions where the first (inner) is said to lie in the second (outer). */
export interface ContainmentPair {
  readonly inner: number;
  readonly outer: number;
  /** Joined by a comma ("X, Y") rather than a preposition ("X in Y"). */
  readonly comma: boolean;
  /** Joined by "near" or "outside": beside the outer place rather than in it. */
  readonly near: boolean;
}

/** Two mentions coordinated by "and" or "or" ("California or Washington"): the same kind of place. */
export interface CoordinatedPair {
  readonly first: number;
  readonly second: number;
}

// What may stand between the two names: a comma, or a locative preposition with an article.
const COMMA = /^\s*,\s*$/;
const LOCATIVE = /^,?\s+(?:in|at|inside|within|near|outside)\s+(?:the\s+)?$/i;
const COORDINATION = /^,?\s+(?:and|or|&)\s+$/i;

/** Mentions next to each other in the text (indices into `mentions`), with what lies between them. */
function neighbours(text: string, mentions: readonly ToponymMention[], maxGap: number): { a: number; b: number; gap: string }[] {
  const order = mentions.map((m, i) => ({ m, i })).sort((x, y) => x.m.start - y.m.start);
  const out: { a: number; b: number; gap: string }[] = [];
  for (let k = 0; k + 1 < order.length; k++) {
    const a = order[k]!;
    const b = order[k + 1]!;
    if (b.m.start >= a.m.end && b.m.start - a.m.end <= maxGap) out.push({ a: a.i, b: b.i, gap: text.slice(a.m.end, b.m.start) });
  }
  return out;
}

/** Pairs of mentions (indices into `mentions`) joined by a comma or a locative preposition. */
export function containmentPairs(text: string, mentions: readonly ToponymMention[]): ContainmentPair[] {
  const pairs: ContainmentPair[] = [];
  for (const { a, b, gap } of neighbours(text, mentions, 12)) {
    if (COMMA.test(gap)) pairs.push({ inner: a, outer: b, comma: true, near: false });
    else if (LOCATIVE.test(gap)) pairs.push({ inner: a, outer: b, comma: false, near: /\b(?:near|outside)\b/i.test(gap) });
  }
  return pairs;
}

/** Pairs of mentions joined by "and", "or" or "&" (a comma may as well be containment). */
export function coordinatedPairs(text: string, mentions: readonly ToponymMention[]): CoordinatedPair[] {
  return neighbours(text, mentions, 8).filter(({ gap }) => COORDINATION.test(gap)).map(({ a, b }) => ({ first: a, second: b }));
}
