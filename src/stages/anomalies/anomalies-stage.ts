/**
 * anomalies: what in a report a reader should not take at face value, as spans with a reason.
 * Gathers the flags earlier stages raise (a weekday that does not fit its date, an implausible
 * count) and finds machine-translation artefacts from a small curated lexicon
 * (data/anomalies-lexicon.json), so every anomaly points at the words it concerns.
 */
import lexiconData from '../../../data/anomalies-lexicon.json' with { type: 'json' };
import type { Doc, Span } from '../../doc/types.js';
import type { Stage } from '../../pipeline/stage.js';

/** What is anomalous. */
export type AnomalyKind = 'weekday-date-mismatch' | 'implausible-quantity' | 'translation-artefact' | 'date-flag' | 'quantity-flag';

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
  version: 1,
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

/** Every anomaly of a Doc, sorted by offset: date and quantity flags, then translation artefacts. */
export function findAnomalies(doc: Doc): AnomalySpan[] {
  const dates = (doc.layers.dates ?? []) as readonly FlaggedSpan[];
  const quantities = (doc.layers.quantities ?? []) as readonly FlaggedSpan[];
  return [
    ...fromFlags(dates, 'date-flag', 'dates'),
    ...fromFlags(quantities, 'quantity-flag', 'quantities'),
    ...findArtefacts(doc.text),
  ].sort((a, b) => a.start - b.start || a.end - b.end);
}
