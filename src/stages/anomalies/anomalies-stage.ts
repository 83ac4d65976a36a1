/**
 * anomalies: what in a report a reader should not take at face value, as spans with a reason.
 * Gathers the flags earlier stages raise (a weekday that does not fit its date, an implausible
 * count), finds machine-translation artefacts from a small curated lexicon
 * (data/anomalies-lexicon.json), scare quotes around a single word (loaded framing), and the
 * marks scraping leaves in text (words glued together, a clock time split by a space, a line
 * repeated), so every anomaly points at the words it concerns. The Document JSON carries them as
 * the `anomalies` layer: each with `kind`, its span (`start`, `end`) and `why`.
 */
import lexiconData from '../../../data/anomalies-lexicon.json' with { type: 'json' };
import type { Doc, Span } from '../../doc/types.js';
import type { Stage } from '../../pipeline/stage.js';

/** What is anomalous. */
export type AnomalyKind =
  | 'weekday-date-mismatch' | 'implausible-quantity' | 'translation-artefact' | 'date-flag' | 'quantity-flag' | 'loaded-framing' | 'text-artefact';

/** One anomaly: the words it concerns, its kind (also the label) and why it is one. */
export interface AnomalySpan extends Span {
  readonly label: AnomalyKind;
  readonly kind: AnomalyKind;
  readonly why: string;
  /** Where the rule behind it comes from: the stage that flagged it, or the lexicon's source. */
  readonly source: string;
}

/** What the anomalies stage assigns. */
export interface AnomaliesLayers {
  readonly anomalies: readonly AnomalySpan[];
}

/** One curated translation artefact. */
export interface ArtefactEntry {
  readonly phrases: readonly string[];
  readonly meaning: string;
  readonly why: string;
  readonly source: string;
}

interface FlaggedSpan extends Span {
  readonly flags?: readonly string[];
}

const FLAG_KINDS: Readonly<Record<string, AnomalyKind>> = {
  'weekday-mismatch': 'weekday-date-mismatch',
  'implausible-count': 'implausible-quantity',
};

/** Finds the anomalies of a Doc; reads the dates and quantities layers (when present) and the text. */
export const anomaliesStage: Stage<'anomalies'> = {
  name: 'anomalies',
  version: 2,
  requires: ['dates', 'quantities'],
  assigns: ['anomalies'],
  run: (doc: Doc): AnomaliesLayers => ({ anomalies: findAnomalies(doc) }),
};

// The flag's prefix before ':' names its kind ("weekday-mismatch: Monday, but ..."); the whole flag is the reason.
function fromFlags(spans: readonly FlaggedSpan[], fallback: AnomalyKind, stage: string): AnomalySpan[] {
  return spans.flatMap((s) => (s.flags ?? []).map((flag): AnomalySpan => {
    const kind = FLAG_KINDS[flag.split(':')[0]!.trim()] ?? fallback;
    return { start: s.start, end: s.end, label: kind, kind, why: flag, source: `${stage} stage` };
  }));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

let compiled: readonly { readonly pattern: RegExp; readonly entry: ArtefactEntry }[] | null = null;

// One pattern per entry, longest phrase first so "the unrecognized republic" wins over a shorter overlap.
function artefactPatterns(entries: readonly ArtefactEntry[]): readonly { readonly pattern: RegExp; readonly entry: ArtefactEntry }[] {
  return entries.map((entry) => {
    const alternatives = [...entry.phrases].sort((a, b) => b.length - a.length).map((p) => p.trim().split(/\s+/).map(escape).join('\\s+'));
    return { pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu'), entry };
  });
}

/** Translation artefacts of the curated lexicon (or `entries`) in `text`, in text order. */
export function findArtefacts(text: string, entries?: readonly ArtefactEntry[]): AnomalySpan[] {
  const patterns = entries ? artefactPatterns(entries) : (compiled ??= artefactPatterns(lexiconData.artefacts));
  const out: AnomalySpan[] = [];
  for (const { pattern, entry } of patterns) {
    for (const m of text.matchAll(pattern)) {
      const start = m.index ?? 0;
      out.push({ start, end: start + m[0].length, label: 'translation-artefact', kind: 'translation-artefact', why: `${entry.why} (meaning: ${entry.meaning})`, source: entry.source });
    }
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

const SCARE_INTRODUCERS: ReadonlySet<string> = new Set(lexiconData.scareQuotes.introducers.map((w) => w.toLowerCase()));
const KNOWN_CAMEL: ReadonlySet<string> = new Set(lexiconData.knownCamelCase.words);
// One word between matching quotation marks: “word”, "word", «word», ‘word’.
const QUOTED_WORD = /(?:“([\p{L}][\p{L}-]*[\p{L}])”|"([\p{L}][\p{L}-]*[\p{L}])"|«([\p{L}][\p{L}-]*[\p{L}])»|‘([\p{L}][\p{L}-]*[\p{L}])’)/gu;

/** Single words in scare quotes inside a sentence ("NATO “peacekeepers”"), not a word quoted as said or named. */
export function findScareQuotes(text: string): AnomalySpan[] {
  const out: AnomalySpan[] = [];
  for (const m of text.matchAll(QUOTED_WORD)) {
    const start = m.index ?? 0;
    const word = m[1] ?? m[2] ?? m[3] ?? m[4] ?? '';
    const before = text.slice(Math.max(0, start - 40), start);
    // Inside a sentence: a word (not a colon, a full stop or a line break) stands just before the quote ...
    const previous = /([\p{L}\p{N}-]+)[ \t]+$/u.exec(before);
    if (!previous || word.length < 3) continue;
    // ... and no word just before introduces the quote as something said or named ("called the deal “theft”").
    const lead = before.split(/[^\p{L}\p{N}-]+/u).filter((w) => w.length > 0).slice(-3);
    if (lead.some((w) => SCARE_INTRODUCERS.has(w.toLowerCase()))) continue;
    const end = start + m[0].length;
    out.push({ start, end, label: 'loaded-framing', kind: 'loaded-framing', why: `scare quotes around "${word}": the outlet distances itself from the word, a framing rather than a quotation`, source: 'sitrep curation' });
  }
  return out;
}

const WORD_TOKEN = /[\p{L}]+/gu;
const GLUED = /^(\p{Lu}?\p{Ll}{3,})(\p{Lu}\p{Ll}{2,})$/u;
const SPLIT_CLOCK = /(?<![\d:])([01]?\d|2[0-3]):[ \t]+([0-5]\d)(?![\d])/g;

/** Marks scraping leaves in text: two words glued together, a clock time split by a space, a line repeated right after itself. */
export function findTextArtefacts(text: string): AnomalySpan[] {
  const out: AnomalySpan[] = [];
  const artefact = (start: number, end: number, why: string): AnomalySpan => ({ start, end, label: 'text-artefact', kind: 'text-artefact', why, source: 'sitrep curation' });
  for (const m of text.matchAll(WORD_TOKEN)) {
    const start = m.index ?? 0;
    const glued = GLUED.exec(m[0]);
    if (!glued || KNOWN_CAMEL.has(m[0]) || /[@#/._]$/.test(text.slice(Math.max(0, start - 1), start))) continue;
    out.push(artefact(start, start + m[0].length, `"${glued[1]}" and "${glued[2]}" run together: a space lost where two blocks of the page met (a credit and a caption, a name and a title)`));
  }
  for (const m of text.matchAll(SPLIT_CLOCK)) {
    const start = m.index ?? 0;
    out.push(artefact(start, start + m[0].length, `a clock time split by a space; it reads ${m[1]!.padStart(2, '0')}:${m[2]}`));
  }
  let previous = null as { readonly text: string; readonly start: number } | null;
  let offset = 0;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    const start = offset + line.indexOf(trimmed);
    if (trimmed.length >= 20 && previous?.text === trimmed) out.push(artefact(start, start + trimmed.length, 'the same line twice in a row: a caption or block the page repeats, not a second statement'));
    if (trimmed.length > 0) previous = { text: trimmed, start };
    offset += line.length + 1;
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** For a weekday with a day and month but no year ("Friday (May 28th)"): the years from `from` to `to` in which they fit, or null. */
export function weekdayYears(phrase: string, from = 2000, to = 2039): number[] | null {
  const lower = phrase.toLowerCase();
  const weekday = WEEKDAYS.findIndex((w) => new RegExp(`\\b${w}\\b`).test(lower));
  const month = MONTHS.findIndex((mo) => new RegExp(`\\b${mo}\\b`).test(lower));
  const day = /\b([0-3]?\d)(?:st|nd|rd|th)?\b/.exec(lower.replace(/\b(?:19|20)\d\d\b/g, ''));
  if (weekday < 0 || month < 0 || !day || /\b(?:19|20)\d\d\b/.test(lower)) return null;
  const d = Number(day[1]);
  if (d < 1 || d > 31) return null;
  const years: number[] = [];
  for (let y = from; y <= to; y += 1) {
    const date = new Date(Date.UTC(y, month, d));
    if (date.getUTCMonth() === month && date.getUTCDay() === weekday) years.push(y);
  }
  return years;
}

// A date with a weekday but no year says which years it can be: worth a line in the reason.
function withYears(a: AnomalySpan, text: string): AnomalySpan {
  if (a.kind !== 'date-flag') return a;
  const years = weekdayYears(text.slice(a.start, a.end));
  return years === null ? a : { ...a, why: `${a.why}; the weekday and day given fit only ${years.length > 0 ? years.join(', ') : 'no year'} (2000-2039): check the year the events are of` };
}

// Comments and embeds speak for themselves; the framing and scraping marks worth flagging are the article's.
function articleText(doc: Doc): string {
  const segments = doc.layers.segments;
  if (!segments || segments.length === 0) return doc.text;
  let masked = ''.padEnd(doc.text.length, ' ');
  for (const s of segments) {
    if (s.label === 'comment' || s.label === 'embed' || s.label === 'boilerplate' || s.label === 'meta') continue;
    masked = masked.slice(0, s.start) + doc.text.slice(s.start, s.end) + masked.slice(s.end);
  }
  return masked;
}

/** Every anomaly of a Doc, sorted by offset: date and quantity flags, translation artefacts, scare quotes, scraping marks. */
export function findAnomalies(doc: Doc): AnomalySpan[] {
  const dates = (doc.layers.dates ?? []) as readonly FlaggedSpan[];
  const quantities = (doc.layers.quantities ?? []) as readonly FlaggedSpan[];
  const article = articleText(doc);
  return [
    ...fromFlags(dates, 'date-flag', 'dates').map((a) => withYears(a, doc.text)),
    ...fromFlags(quantities, 'quantity-flag', 'quantities'),
    ...findArtefacts(doc.text),
    ...findScareQuotes(article),
    ...findTextArtefacts(article),
  ].sort((a, b) => a.start - b.start || a.end - b.end);
}
