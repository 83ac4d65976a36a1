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

/** Words that carry no topic in news prose, on top of {@link STOPWORDS}. */
const PROSE_STOPWORDS = new Set(
  'because being however still very many much such most even well here then again both each every whose your does make made like take took give given going come came among around within without upon already another first last year years time times today yesterday according people reported report reports news sunday monday tuesday wednesday thursday friday saturday'.split(
    ' ',
  ),
);

/** A crude plural fold ("barricades" -> "barricade"), enough for words to meet across outlets. */
function fold(word: string): string {
  if (word.length > 5 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** Topical words of a text: four letters or more, neither function words nor news boilerplate, plurals folded. */
export function contentWords(text: string): string[] {
  const words = text.toLowerCase().match(/\p{L}{4,}/gu) ?? [];
  return words.filter((w) => !STOPWORDS.has(w) && !PROSE_STOPWORDS.has(w)).map(fold);
}

/**
 * The words of the article's lead: title and standfirst (counted twice: the headline says what the
 * story is) and the first body paragraphs, at most `limit` words of them.
 */
export function leadWords(doc: Doc, limit = 150): Map<string, number> {
  const out = new Map<string, number>();
  for (const w of new Set(contentWords(`${doc.title ?? ''} ${doc.standfirst ?? ''}`))) out.set(w, 2);
  const end = leadEnd(doc);
  const segments = (doc.layers.segments as readonly SegmentSpan[] | undefined) ?? [];
  const body = segments.filter((s) => s.label === 'body' && s.start < end);
  const texts = body.length > 0 ? body.map((s) => doc.text.slice(s.start, Math.min(s.end, end))) : segments.length === 0 ? [doc.text.slice(0, end)] : [];
  let n = 0;
  for (const t of texts) {
    for (const w of contentWords(t)) {
      if (n++ >= limit) return out;
      out.set(w, (out.get(w) ?? 0) + 1);
    }
  }
  return out;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_START = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/** Day of the year (0-364, February taken as 28 days) of a YYYY-MM-DD date. */
export function dayOfYear(day: string): number {
  const m = Number(day.slice(5, 7));
  const d = Number(day.slice(8, 10));
  return MONTH_START[m - 1]! + Math.min(d, 31) - 1;
}

/** The fields of a dates-layer span the index reads. */
interface DateFact extends Span {
  readonly text?: string;
  readonly precision?: number;
  readonly flags?: readonly string[];
  readonly value?: { readonly start: string | null; readonly end: string | null };
}

/**
 * When a document has no date but names a day without its year ("Oct 13", "Friday (May 28th)"),
 * the day of the year it speaks about: not enough to place it on the calendar, enough to tell that
 * it is not about a development of another season. Null when it names no such day.
 */
export function partialDayOfYear(doc: Doc): number | null {
  for (const d of (doc.layers.dates ?? []) as readonly DateFact[]) {
    if (d.value?.start || d.precision !== 1 || !inArticle(doc, d)) continue;
    const text = (d.text ?? doc.text.slice(d.start, d.end)).toLowerCase();
    const month = MONTHS.findIndex((m) => new RegExp(`\\b${m}[a-z]*\\.?`).test(text));
    const day = text.match(/\b(\d{1,2})(?:st|nd|rd|th)?\b/);
    if (month < 0 || !day) continue;
    const n = Number(day[1]);
    if (n >= 1 && n <= 31) return MONTH_START[month]! + n - 1;
  }
  return null;
}
