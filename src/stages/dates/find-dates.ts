/**
 * Dates in text, resolved against an anchor (publication date, a comment's posted time, or only
 * bounds for undated articles). chrono-node finds the expressions; this module corrects what it
 * was measured to get wrong on this project's texts and does all resolution itself from chrono's
 * *known* components, never from its implied ones (which silently default to the reference date):
 *  - "10: 15" (a space after the colon) lost its minutes: the text chrono sees is normalised;
 *  - en.GB read "July 31" as 2031-07-01: the en (middle-endian) parser is used, and numeric dates
 *    are re-read day-first (European sources);
 *  - "evening of December 8" resolved to the reference date: re-parsed after "of";
 *  - "Right now", "night", bare clock times were read as dates: dropped;
 *  - "earlier in the day" was +1 day, "this week" had no date: a phrase table (data) wins.
 */
import * as chrono from 'chrono-node';
import type { Span } from '../../doc/types.js';
import phrases from '../../../data/dates-phrases.json' with { type: 'json' };
import { dayNumber, isoDay, isRealDate, lastDayOfMonth, partsOf, weekdayOf } from './calendar.js';

/** ACLED time_precision: 1 = the day, 2 = within about a week, 3 = a month or vaguer. */
export type DatePrecision = 1 | 2 | 3;

/** What a date was resolved against. */
export type DateAnchorKind = 'absolute' | 'published' | 'comment' | 'bounds' | 'none';

/** An inclusive range of days (`YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM` when a clock time is attached); null ends are unknown. */
export interface DateValue {
  readonly start: string | null;
  readonly end: string | null;
}

/** A date expression in the text and what it resolves to. */
export interface DateSpan extends Span {
  readonly label: 'date';
  readonly text: string;
  readonly value: DateValue;
  readonly precision: DatePrecision;
  readonly anchor: DateAnchorKind;
  readonly flags?: readonly string[];
}

/** What relative dates in a stretch of text are resolved against: one day, or bounds (day numbers). */
export interface DateAnchor {
  readonly kind: 'published' | 'comment' | 'bounds' | 'none';
  /** Earliest possible anchor day (day number since 1970-01-01), null when unknown. */
  readonly notBefore: number | null;
  /** Latest possible anchor day; equals notBefore for a known publication or posting day. */
  readonly notAfter: number | null;
}

interface Period {
  readonly text: string;
  readonly unit: string;
  readonly offset: number;
  readonly precision: number;
}

const WEEKDAYS: readonly string[] = phrases.weekdays;
const MONTHS: readonly string[] = phrases.months;
const NOT_A_DATE = new Set<string>(phrases.notADate.texts);
const PERIODS: readonly Period[] = phrases.periods.entries;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
}
// Longest phrases first, so "earlier this week" wins over "this week".
const OWN_PHRASES = [...phrases.sameDay.texts, ...PERIODS.map((p) => p.text)].sort((a, b) => b.length - a.length);
const OWN_PHRASE = new RegExp(`\\b(?:${OWN_PHRASES.map(escape).join('|')})\\b`, 'gi');
// Sentences with none of these cannot hold a date: chrono (the slow part) is not run on them.
const HINT = new RegExp(`\\d|\\b(?:${[...MONTHS, ...MONTHS.map((m) => m.slice(0, 3)), ...WEEKDAYS, 'yesterday', 'today', 'tomorrow', 'tonight', 'week', 'weekend', 'month', 'year', 'ago', 'day', 'night', 'morning', 'evening', 'afternoon', 'earlier', 'later', 'recently'].join('|')})`, 'i');
const TIME_OF_DAY_OF = /^(?:the\s+)?(?:morning|afternoon|evening|night)\s+of\s+/i;
const LEADING_PREPOSITION = /^(?:on|at|in|from|since|by|until|of)\s+/i;
const CLOCK_ONLY_UNITS = /\b(?:minutes?|mins?|hours?|hrs?|seconds?|secs?)\b/i;
const NUMERIC_DATE = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})\b/;
const SPACED_CLOCK = /\b(\d{1,2}):[ \u00a0](\d{2})\b/g;

const casual = chrono.en.casual;

/** Every date expression in `text[from, to)`, resolved against `anchor`. Offsets are into `text`. */
export function findDates(text: string, from: number, to: number, anchor: DateAnchor): DateSpan[] {
  const sentence = text.slice(from, to);
  if (!HINT.test(sentence)) return [];
  const found: DateSpan[] = [];

  // 1. This project's phrase table first: chrono misreads these.
  const taken: [number, number][] = [];
  for (const m of sentence.matchAll(OWN_PHRASE)) {
    const start = from + (m.index ?? 0);
    const end = start + m[0].length;
    taken.push([start, end]);
    found.push(phraseDate(text, start, end, m[0].toLowerCase().replace(/\s+/g, ' '), anchor));
  }

  // 2. chrono on a same-length copy where "10: 15" reads "10:15 ".
  const normalised = sentence.replace(SPACED_CLOCK, (_all, h: string, m: string) => `${h}:${m} `);
  const refDay = anchor.notAfter ?? anchor.notBefore ?? dayNumber(2000, 6, 15);
  const reference = new Date(refDay * 86_400_000 + 12 * 3_600_000);
  const results = casual.parse(normalised, { instant: reference, timezone: 0 });

  // 3. Tidy each result's span and merge "Friday (May 28th)" pairs.
  const pieces: Piece[] = [];
  for (const r of results) {
    let start = from + r.index;
    let end = start + r.text.length;
    while (end > start && /[\s,;:]/.test(text[end - 1] as string)) end -= 1;
    // A normalised clock "10:15 " ends one unit later in the original "10: 15".
    if (/^\d$/.test(text[end] ?? '') && /:\s\d$/.test(text.slice(start, end))) end += 1;
    const lead = LEADING_PREPOSITION.exec(text.slice(start, end));
    if (lead !== null) start += lead[0].length;
    if (taken.some(([s, e]) => start < e && s < end)) continue;
    pieces.push({ start, end, result: r });
  }
  for (let i = 0; i < pieces.length; i += 1) {
    const piece = pieces[i] as Piece;
    const next = pieces[i + 1];
    const weekdayOnly = isWeekdayOnly(piece.result);
    if (weekdayOnly && next !== undefined && /^\s*[,(]?\s*$/.test(text.slice(piece.end, next.start))) {
      const close = text.slice(piece.end, next.start).includes('(') && text[next.end] === ')' ? 1 : 0;
      const merged = resolveResult(text, { start: piece.start, end: next.end + close, result: next.result }, anchor, piece.result.start.get('weekday'));
      if (merged !== null) found.push(merged);
      i += 1;
      continue;
    }
    const date = resolveResult(text, piece, anchor, null);
    if (date !== null) found.push(date);
  }
  return found.sort((a, b) => a.start - b.start || a.end - b.end);
}

interface Piece {
  readonly start: number;
  readonly end: number;
  readonly result: chrono.ParsedResult;
}

function isWeekdayOnly(r: chrono.ParsedResult): boolean {
  const s = r.start;
  return s.isCertain('weekday') && !s.isCertain('day') && !s.isCertain('month') && !s.isCertain('year');
}

function hasTag(r: chrono.ParsedResult, prefix: string): boolean {
  for (const tag of r.tags()) if (tag.startsWith(prefix)) return true;
  return false;
}

// Resolves one chrono result from its known components; null when it is not a date after all.
function resolveResult(text: string, piece: Piece, anchor: DateAnchor, weekdayBefore: number | null | undefined): DateSpan | null {
  const spanText = text.slice(piece.start, piece.end);
  const lower = spanText.toLowerCase().replace(/\s+/g, ' ');
  if (NOT_A_DATE.has(lower) || hasTag(piece.result, 'casualReference/now')) return null;
  let r = piece.result;
  // "the evening of December 8": chrono dates the whole phrase by "evening"; re-read what follows "of".
  const of = TIME_OF_DAY_OF.exec(spanText);
  if (of !== null) {
    const inner = casual.parse(spanText.slice(of[0].length), { instant: r.refDate, timezone: 0 })[0];
    if (inner === undefined) return null;
    r = inner;
  }
  const s = r.start;
  const known = { year: s.isCertain('year'), month: s.isCertain('month'), day: s.isCertain('day'), weekday: s.isCertain('weekday') };
  const relative = hasTag(r, 'result/relativeDate') || hasTag(r, 'casualReference/') || hasTag(r, 'parser/ENCasualDateParser');
  if (relative) {
    // "in 5 minutes", "two hours ago": clock arithmetic, not a date.
    if (CLOCK_ONLY_UNITS.test(lower) && !/\bday|week|month|year/.test(lower)) return null;
    if (!known.day && !known.month && !known.year) return null;
    const refDay = dayNumber(r.refDate.getUTCFullYear(), r.refDate.getUTCMonth() + 1, r.refDate.getUTCDate());
    const offset = dayNumber(s.get('year') ?? 0, s.get('month') ?? 1, s.get('day') ?? 1) - refDay;
    return relativeDate(piece, spanText, anchor, (d) => [d + offset, d + offset], 1);
  }
  const weekday = known.weekday ? s.get('weekday') : weekdayBefore;
  if (known.month && known.day) {
    let month = s.get('month') as number;
    let day = s.get('day') as number;
    let year = known.year ? (s.get('year') as number) : null;
    const numeric = NUMERIC_DATE.exec(spanText);
    if (numeric !== null) {
      // Day first, as in European (and Balkan) usage, unless only month-first makes a real date.
      const [a, b] = [Number(numeric[1]), Number(numeric[3])];
      const y = numeric[4] as string;
      const fullYear = y.length === 2 ? 2000 + Number(y) : Number(y);
      if (isRealDate(fullYear, b, a)) [day, month] = [a, b];
      else [day, month] = [b, a];
      year = fullYear;
    }
    const time = s.isCertain('hour') ? `T${pad(s.get('hour') as number)}:${pad(s.get('minute') ?? 0)}` : '';
    const endPart = r.end !== null && r.end !== undefined && r.end.isCertain('day') ? { month: r.end.isCertain('month') ? (r.end.get('month') as number) : month, day: r.end.get('day') as number } : null;
    return calendarDate(piece, spanText, anchor, { year, month, day, weekday: weekday ?? null, time, endPart });
  }
  if (known.month) {
    const month = s.get('month') as number;
    if (known.year) {
      const year = s.get('year') as number;
      return span(piece, spanText, { start: isoDay(dayNumber(year, month, 1)), end: isoDay(lastDayOfMonth(year, month)) }, 3, 'absolute');
    }
    // A month without a year: the latest such month not after the anchor.
    return relativeDate(piece, spanText, anchor, (d) => {
      const p = partsOf(d);
      const year = month <= p.month ? p.year : p.year - 1;
      return [dayNumber(year, month, 1), lastDayOfMonth(year, month)];
    }, 3);
  }
  if (known.weekday && weekday !== null && weekday !== undefined) {
    // A bare weekday in news copy is the latest such day up to the anchor ("on Sunday").
    return relativeDate(piece, spanText, anchor, (d) => {
      const back = (weekdayOf(d) - weekday + 7) % 7;
      return [d - back, d - back];
    }, 1);
  }
  // A clock time alone ("at 14:30") or anything else without a day is not a date.
  return null;
}

interface CalendarParts {
  readonly year: number | null;
  readonly month: number;
  readonly day: number;
  readonly weekday: number | null;
  readonly time: string;
  readonly endPart: { readonly month: number; readonly day: number } | null;
}

// A month and day, with or without a year and a weekday.
function calendarDate(piece: Piece, spanText: string, anchor: DateAnchor, parts: CalendarParts): DateSpan | null {
  const flags: string[] = [];
  let year = parts.year;
  let kind: DateAnchorKind = 'absolute';
  if (year === null) {
    // The year that makes the weekday right, closest to the anchor, never more than a day after it.
    const limit = anchor.notAfter;
    if (limit === null) {
      return span(piece, spanText, { start: null, end: null }, 1, 'none', ['year-unknown: no publication date or bounds to place it']);
    }
    const latestYear = partsOf(limit).year;
    const candidates = [latestYear + 1, latestYear, latestYear - 1]
      .filter((y) => isRealDate(y, parts.month, parts.day) && dayNumber(y, parts.month, parts.day) <= limit + 1);
    const matching = parts.weekday === null ? candidates : candidates.filter((y) => weekdayOf(dayNumber(y, parts.month, parts.day)) === parts.weekday);
    year = matching[0] ?? candidates[0] ?? null;
    if (year === null) return null;
    kind = anchor.kind === 'none' ? 'bounds' : anchor.kind;
  }
  if (!isRealDate(year, parts.month, parts.day)) {
    return span(piece, spanText, { start: null, end: null }, 1, 'none', [`not-a-real-date: ${parts.day} ${MONTHS[parts.month - 1] ?? '?'} ${year} does not exist`]);
  }
  const startDay = dayNumber(year, parts.month, parts.day);
  if (parts.weekday !== null && weekdayOf(startDay) !== parts.weekday) {
    flags.push(`weekday-mismatch: ${title(WEEKDAYS[parts.weekday] ?? '?')}, but ${parts.day} ${title(MONTHS[parts.month - 1] ?? '?')} ${year} is a ${title(WEEKDAYS[weekdayOf(startDay)] ?? '?')}`);
  }
  let endDay = startDay;
  if (parts.endPart !== null) {
    const endYear = parts.endPart.month < parts.month ? year + 1 : year;
    if (isRealDate(endYear, parts.endPart.month, parts.endPart.day)) endDay = Math.max(startDay, dayNumber(endYear, parts.endPart.month, parts.endPart.day));
  }
  const start = isoDay(startDay) + (endDay === startDay ? parts.time : '');
  return span(piece, spanText, { start, end: endDay === startDay ? start : isoDay(endDay) }, precisionOf(endDay - startDay), kind, flags);
}

// A date relative to the anchor: `days` maps an anchor day to [first, last] day.
function relativeDate(piece: { start: number; end: number }, spanText: string, anchor: DateAnchor, days: (d: number) => readonly [number, number], precision: DatePrecision): DateSpan {
  const first = anchor.notBefore === null ? null : days(anchor.notBefore)[0];
  const last = anchor.notAfter === null ? null : days(anchor.notAfter)[1];
  if (first === null && last === null) return span(piece, spanText, { start: null, end: null }, 3, 'none');
  const value = { start: first === null ? null : isoDay(first), end: last === null ? null : isoDay(last) };
  if (anchor.kind === 'bounds' || anchor.kind === 'none') {
    // Only bounds are known: the precision is what the bounds allow, never better than the phrase's.
    const lowered = first === null || last === null ? 3 : Math.max(precision, precisionOf(last - first));
    return span(piece, spanText, value, lowered as DatePrecision, 'bounds');
  }
  return span(piece, spanText, value, precision, anchor.kind);
}

// A phrase from the data table: a same-day phrase or a relative period.
function phraseDate(text: string, start: number, end: number, phrase: string, anchor: DateAnchor): DateSpan {
  const spanText = text.slice(start, end);
  const piece = { start, end };
  const period = PERIODS.find((p) => p.text === phrase);
  if (period === undefined) return relativeDate(piece, spanText, anchor, (d) => [d, d], 1);
  const precision = period.precision as DatePrecision;
  switch (period.unit) {
    case 'week':
      return relativeDate(piece, spanText, anchor, (d) => {
        const monday = d - ((weekdayOf(d) + 6) % 7) + 7 * period.offset;
        return [monday, period.offset === 0 ? d : monday + 6];
      }, precision);
    case 'weekend':
      // The latest Saturday-Sunday that has begun by the anchor day.
      return relativeDate(piece, spanText, anchor, (d) => {
        const saturday = d - ((weekdayOf(d) + 1) % 7);
        return [saturday, Math.min(saturday + 1, d)];
      }, precision);
    case 'month':
      return relativeDate(piece, spanText, anchor, (d) => {
        const p = partsOf(d);
        const first = dayNumber(p.year, p.month + period.offset, 1);
        const fp = partsOf(first);
        return [first, period.offset === 0 ? d : lastDayOfMonth(fp.year, fp.month)];
      }, precision);
    case 'year':
      return relativeDate(piece, spanText, anchor, (d) => {
        const y = partsOf(d).year + period.offset;
        return [dayNumber(y, 1, 1), period.offset === 0 ? d : dayNumber(y, 12, 31)];
      }, precision);
    default:
      return relativeDate(piece, spanText, anchor, (d) => [d + period.offset, d + period.offset === d ? d : d - 1], precision);
  }
}

function span(piece: { start: number; end: number }, text: string, value: DateValue, precision: DatePrecision, anchor: DateAnchorKind, flags: readonly string[] = []): DateSpan {
  return { start: piece.start, end: piece.end, label: 'date', text, value, precision, anchor, ...(flags.length > 0 ? { flags } : {}) };
}

function precisionOf(lengthInDays: number): DatePrecision {
  return lengthInDays <= 0 ? 1 : lengthInDays <= 6 ? 2 : 3;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function title(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
