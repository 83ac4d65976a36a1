/** One sentence of a Doc with what the events stage reads about it: tokens, region, and the spans of earlier layers inside it. */
import type { Doc, SegmentKind, SegmentSpan, Span } from '../../doc/types.js';
import type { DateSpan } from '../dates/find-dates.js';
import type { EntitySpan } from '../entities/entities-stage.js';
import type { PlaceSpan } from '../places/places-stage.js';
import type { QuantitySpan } from '../quantities/find-quantities.js';
import type { EventScope } from './event-span.js';
import { wordTokens, type WordToken } from './phrase-matcher.js';

/** A sentence with its tokens and the layer spans that fall inside it. */
export interface SentenceContext {
  readonly start: number;
  readonly end: number;
  readonly tokens: readonly WordToken[];
  readonly region: SegmentKind | null;
  readonly scope: EventScope | null;
  /** Index into Doc.comments / embeds / captions for those scopes; for body text, the paragraph's 0-based number. */
  readonly regionIndex: number;
  /** The segment (paragraph, comment, ...) the sentence belongs to. */
  readonly segment: SegmentSpan | null;
  readonly entities: readonly EntitySpan[];
  readonly places: readonly PlaceSpan[];
  readonly dates: readonly DateSpan[];
  readonly quantities: readonly QuantitySpan[];
}

const SCOPES: Readonly<Partial<Record<SegmentKind, EventScope>>> = {
  title: 'article', standfirst: 'article', body: 'article', caption: 'caption', embed: 'embed', comment: 'comment',
};

function inside<T extends Span>(spans: readonly T[], start: number, end: number): T[] {
  return spans.filter((s) => s.start >= start && s.end <= end);
}

/** The sentences of a Doc with their context; sentences outside any segment are left out. */
export function sentenceContexts(doc: Doc): SentenceContext[] {
  const segments = doc.layers.segments ?? [];
  const entities = (doc.layers.entities ?? []) as readonly EntitySpan[];
  const places = (doc.layers.places ?? []) as readonly PlaceSpan[];
  const dates = (doc.layers.dates ?? []) as readonly DateSpan[];
  const quantities = (doc.layers.quantities ?? []) as readonly QuantitySpan[];
  const out: SentenceContext[] = [];
  let bodyIndex = -1;
  const bodyNumber = new Map<SegmentSpan, number>();
  for (const segment of segments) if (segment.label === 'body') bodyNumber.set(segment, (bodyIndex += 1));
  for (const sentence of doc.layers.sentences ?? []) {
    const segment = segments.find((s) => s.start <= sentence.start && sentence.start < s.end) ?? null;
    const region = segment?.label ?? null;
    out.push({
      start: sentence.start,
      end: sentence.end,
      tokens: wordTokens(doc.text, sentence.start, sentence.end),
      region,
      scope: region === null ? null : SCOPES[region] ?? null,
      regionIndex: segment === null ? 0 : segment.label === 'body' ? bodyNumber.get(segment) ?? 0 : segment.index ?? 0,
      segment,
      entities: inside(entities, sentence.start, sentence.end),
      places: inside(places, sentence.start, sentence.end),
      dates: inside(dates, sentence.start, sentence.end),
      quantities: inside(quantities, sentence.start, sentence.end),
    });
  }
  return out;
}

// Punctuation that closes a clause or opens a parenthetical or a quote.
const CLAUSE_BREAK = /[,;:()\[\]"“”«»–—]|\s-\s/;

/** Whether punctuation that ends a clause stands between tokens `a` and `b` (either order) of a sentence. */
export function clauseBreakBetween(text: string, tokens: readonly WordToken[], a: number, b: number): boolean {
  const [from, to] = a <= b ? [a, b] : [b, a];
  if (from === to || !tokens[from] || !tokens[to]) return false;
  return CLAUSE_BREAK.test(text.slice(tokens[from]!.end, tokens[to]!.start));
}
