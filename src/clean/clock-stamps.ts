/**
 * Date-time stamps as scraped pages print them next to comments and under headlines:
 * `12 December 2022 10: 15` (the space after the colon is a common scrape artefact),
 * `December 12, 2022 at 10:15 am`, `12.12.2022 10:15`, `2022-12-12 10:15`.
 */

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
/** Between date and time: a space, a comma, `at`, or a dash, bar, `@` or middle dot as comment headers print them. */
const SEPARATOR = ',?\\s+(?:at\\s+|[-–—|@·]\\s*)?';
const CLOCK = '(\\d{1,2})\\s?[:.]\\s?(\\d{2})(?:\\s?([ap])\\.?m\\.?)?';

/** The stamp patterns, each producing day, month, year, hour, minute groups in its own order. */
const STAMPS: readonly { readonly re: RegExp; readonly order: readonly ('d' | 'm' | 'y' | 'H' | 'M' | 'ap')[] }[] = [
  // 12 December 2022 10: 15 / 12 Dec 2022, 10:15
  { re: new RegExp(`(\\d{1,2})\\s+${MONTH}\\s+(\\d{4})${SEPARATOR}${CLOCK}`, 'iu'), order: ['d', 'm', 'y', 'H', 'M', 'ap'] },
  // December 12, 2022 at 10:15 am
  { re: new RegExp(`${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})${SEPARATOR}${CLOCK}`, 'iu'), order: ['m', 'd', 'y', 'H', 'M', 'ap'] },
  // 12.12.2022 10:15 / 12/12/2022 10:15 (day first, as European sites print it)
  { re: new RegExp(`(\\d{1,2})[./](\\d{1,2})[./](\\d{4})\\.?${SEPARATOR}${CLOCK}`, 'u'), order: ['d', 'm', 'y', 'H', 'M', 'ap'] },
  // 2022-12-12 10:15 / 2022-12-12T10:15
  { re: new RegExp(`(\\d{4})-(\\d{2})-(\\d{2})[T\\s]+${CLOCK}`, 'u'), order: ['y', 'm', 'd', 'H', 'M', 'ap'] },
];

export interface StampMatch {
  /** YYYY-MM-DDTHH:MM */
  readonly value: string;
  /** Where in the searched string the stamp stands, in UTF-16 units. */
  readonly index: number;
  readonly length: number;
}

/** Finds the first date-time stamp in `text`, or null. Impossible dates and times are not stamps. */
export function findStamp(text: string): StampMatch | null {
  let best: StampMatch | null = null;
  for (const { re, order } of STAMPS) {
    const match = re.exec(text);
    if (!match) continue;
    const parts: Record<string, string | undefined> = {};
    order.forEach((key, i) => (parts[key] = match[i + 1]));
    const value = toIso(parts);
    if (value && (best === null || match.index < best.index)) {
      best = { value, index: match.index, length: match[0].length };
    }
  }
  return best;
}

function toIso(parts: Record<string, string | undefined>): string | null {
  const year = Number(parts.y);
  const month = monthNumber(parts.m ?? '');
  const day = Number(parts.d);
  let hour = Number(parts.H);
  const minute = Number(parts.M);
  if (parts.ap) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (parts.ap.toLowerCase() === 'p' ? 12 : 0);
  }
  if (!month || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  if (hour > 23 || minute > 59) return null;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}`;
}

function monthNumber(value: string): number | null {
  if (/^\d+$/.test(value)) {
    const n = Number(value);
    return n >= 1 && n <= 12 ? n : null;
  }
  const lower = value.toLowerCase().replace('.', '');
  const index = MONTHS.findIndex((m) => m.startsWith(lower.slice(0, 3)));
  return index >= 0 ? index + 1 : null;
}

const DATES: readonly { readonly re: RegExp; readonly order: readonly ('d' | 'm' | 'y')[] }[] = [
  { re: new RegExp(`\\b(\\d{1,2})\\s+${MONTH}\\s+(\\d{4})\\b`, 'iu'), order: ['d', 'm', 'y'] },
  { re: new RegExp(`\\b${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'iu'), order: ['m', 'd', 'y'] },
  { re: /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/u, order: ['d', 'm', 'y'] },
  { re: /\b(\d{4})-(\d{2})-(\d{2})\b/u, order: ['y', 'm', 'd'] },
];

/** Finds the first calendar date (no time needed) in `text`: `18 October 2022`, `Oct 18, 2022`, `18.10.2022`, `2022-10-18`. */
export function findDate(text: string): { readonly value: string; readonly index: number } | null {
  let best: { value: string; index: number } | null = null;
  for (const { re, order } of DATES) {
    const match = re.exec(text);
    if (!match) continue;
    const parts: Record<string, string | undefined> = { H: '0', M: '0' };
    order.forEach((key, i) => (parts[key] = match[i + 1]));
    const value = toIso(parts);
    if (value && (best === null || match.index < best.index)) best = { value: value.slice(0, 10), index: match.index };
  }
  return best;
}
