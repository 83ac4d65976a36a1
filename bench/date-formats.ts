/**
 * Calendar arithmetic and the date formats scraped pages show, for the benchmark corpus.
 * Everything is computed from UTC milliseconds by hand (no `Intl`, no local time zone), so the
 * output does not depend on the machine's locale, time zone or ICU version.
 */

/** English month names, January first. */
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** English weekday names, Sunday first (as `Date.prototype.getUTCDay`). */
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

const DAY_MS = 86_400_000;

/** Calendar fields of an instant in some offset. */
export interface DateParts {
  readonly year: number;
  /** 1-12. */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  /** 0 = Sunday. */
  readonly weekday: number;
  /** Minutes east of UTC the fields are in. */
  readonly offsetMinutes: number;
}

/** Days since 1970-01-01 for a `YYYY-MM-DD` date, or null when it is not a real date. */
export function dayNumberFromIso(iso: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
  return ms / DAY_MS;
}

/** Milliseconds since the epoch for a day number and a UTC minute of that day. */
export function msFromDay(dayNumber: number, minuteOfDay = 0): number {
  return dayNumber * DAY_MS + minuteOfDay * 60_000;
}

/** Whole days since the epoch of a UTC instant. */
export function dayOf(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

/** Calendar fields of `ms` shifted by `offsetMinutes`. */
export function partsAt(ms: number, offsetMinutes = 0): DateParts {
  const date = new Date(ms + offsetMinutes * 60_000);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    weekday: date.getUTCDay(),
    offsetMinutes,
  };
}

/** Calendar fields in Central European time (CET, or CEST between the last Sundays of March and October). */
export function centralEuropean(ms: number): DateParts {
  const year = new Date(ms).getUTCFullYear();
  // EU rule: summer time from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.
  const start = Date.UTC(year, 2, lastSunday(year, 2), 1);
  const end = Date.UTC(year, 9, lastSunday(year, 9), 1);
  return partsAt(ms, ms >= start && ms < end ? 120 : 60);
}

/** `2022-12-10T21:37:00+01:00`. */
export function isoWithOffset(parts: DateParts): string {
  const sign = parts.offsetMinutes >= 0 ? '+' : '-';
  const offset = Math.abs(parts.offsetMinutes);
  return `${isoDate(parts)}T${pad2(parts.hour)}:${pad2(parts.minute)}:00${sign}${pad2(Math.floor(offset / 60))}:${pad2(offset % 60)}`;
}

/** `2022-12-10`. */
export function isoDate(parts: DateParts): string {
  return `${parts.year}-${pad2(parts.month)}-${pad2(parts.day)}`;
}

/** `10.12.2022`. */
export function dottedDate(parts: DateParts): string {
  return `${pad2(parts.day)}.${pad2(parts.month)}.${parts.year}`;
}

/** `21:37`, or `21: 37` as machine translation leaves it. */
export function clock(parts: DateParts, spaced = false): string {
  return `${pad2(parts.hour)}:${spaced ? ' ' : ''}${pad2(parts.minute)}`;
}

/** `9:37 pm`. */
export function clock12(parts: DateParts): string {
  const hour = parts.hour % 12 === 0 ? 12 : parts.hour % 12;
  return `${hour}:${pad2(parts.minute)} ${parts.hour < 12 ? 'am' : 'pm'}`;
}

/** `December 10, 2022`. */
export function monthDayYear(parts: DateParts): string {
  return `${monthName(parts)} ${parts.day}, ${parts.year}`;
}

/** `10 December 2022`. */
export function dayMonthYear(parts: DateParts): string {
  return `${parts.day} ${monthName(parts)} ${parts.year}`;
}

/** The English month name of `parts`. */
export function monthName(parts: DateParts): string {
  return MONTHS[parts.month - 1] ?? '';
}

/** The English weekday name of `parts`. */
export function weekdayName(parts: DateParts): string {
  return WEEKDAYS[parts.weekday] ?? '';
}

/** `1st`, `2nd`, `23rd`, `11th`. */
export function ordinalDay(day: number): string {
  const tens = day % 100;
  if (tens >= 11 && tens <= 13) return `${day}th`;
  return `${day}${['th', 'st', 'nd', 'rd'][day % 10] ?? 'th'}`;
}

/** Two digits, zero-padded. */
export function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

function lastSunday(year: number, monthIndex: number): number {
  const last = new Date(Date.UTC(year, monthIndex + 1, 0));
  return last.getUTCDate() - last.getUTCDay();
}
