/**
 * What the story index reads from a Doc: the layers it needs, narrowed to article text (title,
 * standfirst, body). Comments, captions and embeds are readers' and others' words; they must not
 * pull an article into a story or make it a report of an incident.
 */
import type { Doc, SegmentSpan, Span } from '../doc/types.js';
import type { EventSpan } from '../stages/events/event-span.js';

/** The fields of an entities-layer span the index reads. */
export interface EntityFact extends Span {
  readonly id?: string | null;
  readonly name?: string;
  readonly kind?: string;
}

/** The fields of a places-layer span the index reads. */
export interface PlaceFact extends Span {
  readonly name: string;
  readonly country?: string | null;
  readonly geonameid?: number | null;
  readonly precision?: number;
  readonly feature?: string;
}

const ARTICLE_SEGMENTS = new Set(['title', 'standfirst', 'body']);

/** Whether a span lies in the article's own text (title, standfirst, body). */
export function inArticle(doc: Doc, span: { readonly start: number; readonly end: number }): boolean {
  const segments = doc.layers.segments as readonly SegmentSpan[] | undefined;
  // A Doc without segments (hand-built, or from an older pipeline) is all article.
  if (!segments || segments.length === 0) return true;
  return segments.some((s) => ARTICLE_SEGMENTS.has(s.label) && s.start <= span.start && span.end <= s.end);
}

/**
 * The end of an article's lead: its title, standfirst and first body paragraphs. What a story is
 * about is said there; later paragraphs recap earlier incidents and would pull stories together.
 */
export function leadEnd(doc: Doc, paragraphs = 3): number {
  const segments = doc.layers.segments as readonly SegmentSpan[] | undefined;
  if (!segments || segments.length === 0) return Math.min(doc.text.length, 800);
  const body = segments.filter((s) => s.label === 'body');
  const last = body[Math.min(paragraphs, body.length) - 1];
  return last ? last.end : doc.text.length;
}

/** Entities mentioned in the article text. */
export function articleEntities(doc: Doc): EntityFact[] {
  return ((doc.layers.entities ?? []) as readonly EntityFact[]).filter((e) => inArticle(doc, e));
}

/** Places mentioned in the article text. */
export function articlePlaces(doc: Doc): PlaceFact[] {
  return ((doc.layers.places ?? []) as readonly PlaceFact[]).filter((p) => inArticle(doc, p));
}

/** The article's own events (scope 'article'): what the outlet or its named sources report. */
export function articleEvents(doc: Doc): EventSpan[] {
  return ((doc.layers.events ?? []) as readonly EventSpan[]).filter((e) => e.scope === 'article');
}

/** The article text used for near-copy detection: the body, else the whole cleaned text. */
export function copyText(doc: Doc): string {
  return doc.body.trim().length > 0 ? doc.body : doc.text;
}

/**
 * The day a document speaks about: its publication date, else its date bounds, else the median of
 * its events' text dates; null when nothing dates it.
 */
export function documentDay(doc: Doc): string | null {
  const p = doc.published;
  const day = p.date ?? p.not_after ?? p.not_before;
  if (day) return day.slice(0, 10);
  const days = articleEvents(doc)
    .filter((e) => e.date?.basis === 'text')
    .map((e) => e.date!.start)
    .sort();
  return days.length > 0 ? days[Math.floor(days.length / 2)]! : null;
}

/** Days since 1970-01-01 of a YYYY-MM-DD date (UTC), for arithmetic on days. */
export function dayNumber(day: string): number {
  return Math.floor(Date.parse(`${day.slice(0, 10)}T00:00:00Z`) / 86_400_000);
}

/** The YYYY-MM-DD date of a day number. */
export function dayString(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

const STOPWORDS = new Set(
  'that this with from have were been their they them said says will would after over about into than more also when what which while where there these those other some just only could should since under against near amid between before during across says told'.split(
    ' ',
  ),
);

/** Distinctive title words (four letters or more, not function words): cheap topical features. */
export function titleWords(doc: Doc): string[] {
  const text = `${doc.title ?? ''} ${doc.standfirst ?? ''}`.toLowerCase();
  const words = text.match(/\p{L}{4,}/gu) ?? [];
  return [...new Set(words.filter((w) => !STOPWORDS.has(w)))];
}
