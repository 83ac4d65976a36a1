/** Proleptic Gregorian day arithmetic on day numbers (days since 1970-01-01), free of time zones. */

/** The day number of a calendar date (month 1-12). */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / 86_400_000);
}

/** `YYYY-MM-DD` of a day number. */
export function isoDay(days: number): string {
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

/** The day number of `YYYY-MM-DD` (or the date part of `YYYY-MM-DDTHH:MM`), or null when it is not a real date. */
export function parseIsoDay(iso: string | null | undefined): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  if (m === null) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDate(year, month, day) ? dayNumber(year, month, day) : null;
}

/** Whether year-month-day exists (no 31 June, no 29 February 2023). */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekdayOf(days: number): number {
  return (((days + 4) % 7) + 7) % 7;
}

/** Year, month (1-12) and day of a day number. */
export function partsOf(days: number): { readonly year: number; readonly month: number; readonly day: number } {
  const d = new Date(days * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The day number of the last day of a month. */
export function lastDayOfMonth(year: number, month: number): number {
  return dayNumber(year, month + 1, 1) - 1;
}
