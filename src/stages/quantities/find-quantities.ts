/**
 * Counted amounts in text ("about 350 officers", "several hundred protesters", "7 km"), read
 * from tokens with look-up data in data/quantities-lexicon.json, and flagged when implausible
 * for their context. Written by hand: no maintained JS library reads vague English amounts.
 */
import type { Span } from '../../doc/types.js';
import type { TokenSpan } from '../tokens/tokenize.js';
import lexicon from '../../../data/quantities-lexicon.json' with { type: 'json' };

/** What a quantity measures. */
export type QuantityKind = 'count' | 'distance' | 'percent' | 'money' | 'duration';

/** An amount of something in the text. `value` is the figure to use (the convention's for vague words). */
export interface QuantitySpan extends Span {
  readonly label: 'quantity';
  readonly text: string;
  readonly value: number | null;
  readonly min: number | null;
  readonly max: number | null;
  readonly approximate: boolean;
  /** The counted noun as written, lower-cased ("officers", "km"). */
  readonly unit: string;
  readonly kind: QuantityKind;
  readonly flags?: readonly string[];
}

const NUMBER_WORDS: Readonly<Record<string, number>> = lexicon.numberWords;
const MULTIPLIERS: Readonly<Record<string, number>> = lexicon.multipliers;
const UNITS: Readonly<Record<string, string>> = lexicon.units;
const APPROX: Readonly<Record<string, string>> = lexicon.approximators;
const CURRENCY: Readonly<Record<string, string>> = lexicon.currencySymbols;
const PERSON_UNITS = new Set<string>(lexicon.personUnits);
// Phrases of up to three words are matched token by token; keys are split once here.
const VAGUE = lexicon.vague.map((v) => ({ ...v, words: v.text.split(' ') })).sort((a, b) => b.words.length - a.words.length);
const APPROX_PHRASES = Object.keys(APPROX).map((k) => k.split(' ')).sort((a, b) => b.length - a.length);
const UNIT_PHRASES = Object.keys(UNITS).map((k) => k.split(' ')).sort((a, b) => b.length - a.length);
const FORCE = new RegExp(`\\b(?:${lexicon.forceNouns.join('|')})\\b`, 'i');
const DEPLOY = new RegExp(`\\b(?:${lexicon.deploymentWords.join('|')})\\b`, 'i');
// Adjectives and nationalities may stand between a number and its noun ("350 Serbian police officers").
const MAX_GAP_WORDS = 2;

/** Quantities among `tokens` of `text`; `sentences` (optional) give the context for plausibility flags. */
export function findQuantities(text: string, tokens: readonly TokenSpan[], sentences: readonly Span[] = []): QuantitySpan[] {
  const words = tokens.map((t) => text.slice(t.start, t.end).toLowerCase());
  const out: QuantitySpan[] = [];
  let sentence = 0;
  for (let i = 0; i < tokens.length; i += 1) {
    // 1. An optional approximator ("about", "more than").
    let j = i;
    let bound: string | null = null;
    const approx = matchPhrase(words, j, APPROX_PHRASES);
    if (approx > 0) {
      bound = APPROX[words.slice(j, j + approx).join(' ')] ?? null;
      j += approx;
    }
    // 2. A currency symbol, then a figure: digits, number words, or a vague phrase.
    let currency: string | null = null;
    if (tokens[j]?.label === 'currency' || CURRENCY[words[j] ?? ''] !== undefined) {
      currency = CURRENCY[words[j] ?? ''] ?? words[j] ?? null;
      j += 1;
    }
    const figure = readFigure(words, tokens, j);
    if (figure === null) continue;
    j = figure.next;
    // 3. The unit: the first unit noun within a couple of words, or the currency.
    let unit: string | null = currency;
    let end = (tokens[j - 1] as TokenSpan).end;
    if (unit === null) {
      for (let k = j; k <= j + MAX_GAP_WORDS && k < tokens.length; k += 1) {
        const n = matchPhrase(words, k, UNIT_PHRASES);
        if (n > 0) {
          unit = words.slice(k, k + n).join(' ');
          end = (tokens[k + n - 1] as TokenSpan).end;
          j = k + n;
          break;
        }
        if (tokens[k]?.label !== 'word' || NUMBER_WORDS[words[k] ?? ''] !== undefined) break;
      }
    }
    if (unit === null) continue;
    const kind = (currency !== null ? 'money' : UNITS[unit] ?? 'count') as QuantityKind;
    // The span starts at the approximator, when there is one: "about 350 officers".
    const spanStart = (tokens[i] as TokenSpan).start;
    let { value, min, max } = figure;
    if (bound === 'min') [min, max] = [value, null];
    if (bound === 'max') [min, max] = [null, value];
    const approximate = figure.vague || bound !== null;
    while (sentence < sentences.length && (sentences[sentence] as Span).end < spanStart) sentence += 1;
    const flags = plausibility(text, spanStart, sentences, sentence, value, unit);
    out.push({
      start: spanStart, end, label: 'quantity', text: text.slice(spanStart, end), value, min, max, approximate,
      unit: currency ?? unit, kind, ...(flags.length > 0 ? { flags } : {}),
    });
    i = j - 1;
  }
  return out;
}

interface Figure {
  readonly value: number;
  readonly min: number | null;
  readonly max: number | null;
  readonly vague: boolean;
  readonly next: number;
}

// A figure starting at token j: "5,000", "1.5 million", "two hundred", "several hundred", "dozens of".
function readFigure(words: readonly string[], tokens: readonly TokenSpan[], j: number): Figure | null {
  const vague = VAGUE.find((v) => v.words.every((w, k) => words[j + k] === w));
  if (vague !== undefined) {
    let next = j + vague.words.length;
    if (words[next] === 'of') next += 1;
    return { value: vague.value, min: vague.min, max: vague.max, vague: true, next };
  }
  let value: number | null = null;
  let next = j;
  const token = tokens[j];
  if (token?.label === 'number') {
    value = parseDigits(words[j] as string);
    next = j + 1;
  } else {
    // Number words: "twenty five", "two hundred".
    while (NUMBER_WORDS[words[next] ?? ''] !== undefined) {
      value = (value ?? 0) + (NUMBER_WORDS[words[next] as string] as number);
      next += 1;
      if (words[next] === '-') next += 1;
    }
    if (value !== null && words[j] === 'dozen') return null;
  }
  if (value === null) return null;
  while (MULTIPLIERS[words[next] ?? ''] !== undefined) {
    value *= MULTIPLIERS[words[next] as string] as number;
    next += 1;
  }
  return { value, min: value, max: value, vague: false, next };
}

// "5,000" and "5.000" (thousands), "1.5" (decimal); null for times, dates and codes.
function parseDigits(word: string): number | null {
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(word)) return Number(word.replace(/,/g, ''));
  if (/^\d{1,3}(?:\.\d{3})+$/.test(word)) return Number(word.replace(/\./g, ''));
  if (/^\d+(?:\.\d+)?$/.test(word)) return Number(word);
  return null;
}

// Longest phrase (as word arrays) matching at token i; its length in tokens, or 0.
function matchPhrase(words: readonly string[], i: number, phrases: readonly (readonly string[])[]): number {
  for (const phrase of phrases) if (phrase.every((w, k) => words[i + k] === w)) return phrase.length;
  return 0;
}

// A handful of people in a sentence about deploying a force (this one or the one before) is
// more likely a garbled figure ("About 5 people have been put on alert") than a fact.
function plausibility(text: string, start: number, sentences: readonly Span[], index: number, value: number | null, unit: string): string[] {
  if (value === null || value >= lexicon.implausibleBelow || !PERSON_UNITS.has(unit)) return [];
  const current = sentences[index];
  const from = current === undefined ? Math.max(0, start - 200) : (sentences[index - 1] ?? current).start;
  const to = current === undefined ? Math.min(text.length, start + 120) : current.end;
  const context = text.slice(from, to);
  const force = FORCE.exec(context);
  const deploy = DEPLOY.exec(context);
  if (force === null || deploy === null) return [];
  return [`implausible-count: ${value} ${unit} in a deployment of a force ("${force[0]}", "${deploy[0]}")`];
}
