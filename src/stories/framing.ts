/**
 * Framing markers (issue 6, part 5): the persuasion techniques of SemEval-2023 Task 3 that a word
 * list finds reliably (name-calling and labels, loaded language, appeals to fear, exaggeration),
 * from the curated lexicon in data/framing-lexicon.json, plus scare quotes, which the anomalies
 * stage already finds (kind 'loaded-framing'). Every marker is a span of the article's own text
 * (comments and captions are others' words), with the lexicon entry that found it; profiles count
 * them per outlet, per thousand words. Pure: documents in, markers out.
 */
import lexiconData from '../../data/framing-lexicon.json' with { type: 'json' };
import type { Doc, SegmentSpan, Span } from '../doc/types.js';
import { inArticle } from './doc-facts.js';

/** A technique the markers are grouped by. */
export type FramingTechnique = 'name-calling' | 'loaded-language' | 'appeal-to-fear' | 'exaggeration' | 'scare-quotes';

/** One lexicon entry: a case-insensitive pattern; `{Name}` stands for a capitalised name. */
export interface FramingEntry {
  readonly id: string;
  readonly technique: FramingTechnique;
  readonly pattern: string;
}

/** One framing marker: the words, where they are, and what found them. */
export interface FramingMarker extends Span {
  readonly document: string;
  readonly technique: FramingTechnique;
  /** The lexicon entry (or 'scare-quotes'). */
  readonly entry: string;
  readonly text: string;
}

/** Markers of one outlet, counted by technique and per thousand words of article text. */
export interface FramingProfile {
  readonly outlet: string;
  readonly documents: number;
  readonly words: number;
  readonly markers: number;
  readonly perThousandWords: number;
  readonly techniques: Readonly<Partial<Record<FramingTechnique, number>>>;
  /** The most frequent marked expressions, with counts. */
  readonly top: readonly { readonly text: string; readonly count: number }[];
}

/** The bundled lexicon. */
export const defaultFramingLexicon: readonly FramingEntry[] = (lexiconData as { entries: FramingEntry[] }).entries;

interface Compiled {
  readonly entry: FramingEntry;
  readonly re: RegExp;
  readonly caseSensitiveName: boolean;
}

const NAME = '\\p{Lu}[\\p{L}-]+';

function compile(lexicon: readonly FramingEntry[]): Compiled[] {
  return lexicon.map((entry) => {
    const hasName = entry.pattern.includes('{Name}');
    // A name must be capitalised, so a pattern with {Name} is matched case-sensitively except for its first letter.
    const body = entry.pattern.replaceAll('{Name}', NAME);
    const source = hasName ? body.replace(/^(\(\?:)?the /, '$1[Tt]he ').replace(/^([a-z])/, (c) => `[${c.toUpperCase()}${c}]`) : body;
    return { entry, re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, hasName ? 'gu' : 'giu'), caseSensitiveName: hasName };
  });
}

const compiledCache = new WeakMap<readonly FramingEntry[], Compiled[]>();

/** Article text ranges of a document: title, standfirst and body segments (the whole text without segments). */
function articleRanges(doc: Doc): { start: number; end: number }[] {
  const segments = (doc.layers.segments as readonly SegmentSpan[] | undefined) ?? [];
  if (segments.length === 0) return [{ start: 0, end: doc.text.length }];
  return segments.filter((s) => s.label === 'title' || s.label === 'standfirst' || s.label === 'body').map((s) => ({ start: s.start, end: s.end }));
}

/** The framing markers of one document, in text order. */
export function framingMarkers(doc: Doc, lexicon: readonly FramingEntry[] = defaultFramingLexicon): FramingMarker[] {
  let compiled = compiledCache.get(lexicon);
  if (!compiled) compiledCache.set(lexicon, (compiled = compile(lexicon)));
  const out: FramingMarker[] = [];
  for (const range of articleRanges(doc)) {
    const text = doc.text.slice(range.start, range.end);
    for (const c of compiled) {
      c.re.lastIndex = 0;
      for (const m of text.matchAll(c.re)) {
        const start = range.start + m.index;
        out.push({ start, end: start + m[0].length, label: c.entry.technique, document: doc.id, technique: c.entry.technique, entry: c.entry.id, text: m[0] });
      }
    }
  }
  for (const a of (doc.layers.anomalies ?? []) as readonly (Span & { kind?: string })[]) {
    if ((a.kind ?? a.label) !== 'loaded-framing' || !inArticle(doc, a)) continue;
    out.push({ start: a.start, end: a.end, label: 'scare-quotes', document: doc.id, technique: 'scare-quotes', entry: 'scare-quotes', text: doc.text.slice(a.start, a.end) });
  }
  // One span, one marker: where two entries overlap, the longer (then the earlier) wins.
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: FramingMarker[] = [];
  for (const m of out) {
    const last = kept[kept.length - 1];
    if (last && m.start < last.end) continue;
    kept.push(m);
  }
  return kept;
}

/** Words of a document's article text (for per-thousand-word rates). */
export function articleWordCount(doc: Doc): number {
  let n = 0;
  for (const r of articleRanges(doc)) n += (doc.text.slice(r.start, r.end).match(/[\p{L}\p{N}]+/gu) ?? []).length;
  return n;
}

/** Per-outlet profiles from documents and their markers; outlets with the highest rate first. */
export function framingProfiles(items: readonly { readonly outlet: string | null; readonly family?: string; readonly words: number; readonly markers: readonly FramingMarker[] }[]): FramingProfile[] {
  const by = new Map<string, { outlet: string; documents: number; words: number; markers: FramingMarker[] }>();
  for (const item of items) {
    const key = item.family ?? item.outlet ?? 'unknown outlet';
    let p = by.get(key);
    if (!p) by.set(key, (p = { outlet: item.outlet ?? 'unknown outlet', documents: 0, words: 0, markers: [] }));
    p.documents++;
    p.words += item.words;
    p.markers.push(...item.markers);
  }
  return [...by]
    .map(([, p]) => {
      const techniques: Partial<Record<FramingTechnique, number>> = {};
      const texts = new Map<string, number>();
      for (const m of p.markers) {
        techniques[m.technique] = (techniques[m.technique] ?? 0) + 1;
        const t = m.text.toLowerCase();
        texts.set(t, (texts.get(t) ?? 0) + 1);
      }
      return {
        outlet: p.outlet,
        documents: p.documents,
        words: p.words,
        markers: p.markers.length,
        perThousandWords: p.words === 0 ? 0 : Math.round((p.markers.length * 1_000_000) / p.words) / 1000,
        techniques,
        top: [...texts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 5).map(([text, count]) => ({ text, count })),
      };
    })
    .sort((a, b) => b.perThousandWords - a.perThousandWords || a.outlet.localeCompare(b.outlet));
}
