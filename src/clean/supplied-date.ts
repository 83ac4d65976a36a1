/** Parses publication dates that come with an input (JSONL field, feed item, HTML meta, --published). */

export interface SuppliedDate {
  /** YYYY-MM-DD as written (the publisher's local date when the value carries an offset). */
  readonly date: string;
  /** HH:MM, or null when the value has no time of day. */
  readonly time: string | null;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * ISO 8601 dates and date-times keep the date and time as written (no shift to UTC: the publisher's
 * calendar day is the one that matters); RFC 822 dates from feeds are read in UTC. Returns null for
 * anything else or an impossible day.
 */
export function parseSuppliedDate(value: string): SuppliedDate | null {
  const trimmed = value.trim();
  const iso = ISO.exec(trimmed);
  if (iso) {
    const [, y, m, d, hh, mm] = iso;
    if (!validDay(Number(y), Number(m), Number(d))) return null;
    if (hh !== undefined && (Number(hh) > 23 || Number(mm) > 59)) return null;
    return { date: `${y}-${m}-${d}`, time: hh === undefined ? null : `${hh}:${mm}` };
  }
  // RFC 822 / 1123 as feeds write them: "Sat, 10 Dec 2022 14:30:00 GMT".
  if (/^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}/.test(trimmed)) {
    const ms = Date.parse(trimmed);
    if (Number.isNaN(ms)) return null;
    const iso = new Date(ms).toISOString();
    const hasTime = /\d{1,2}:\d{2}/.test(trimmed);
    return { date: iso.slice(0, 10), time: hasTime ? iso.slice(11, 16) : null };
  }
  return null;
}

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}
