/**
 * Publication dates from the opening of an article when nothing else dates it: a wire dateline
 * (`ZUBIN POTOK, Kosovo, Oct 13 (BWS) -`) or a lede that names the weekday (`On Sunday, July 31, …`).
 * Neither carries a year, so the year must come from evidence elsewhere in the text (a copyright
 * line, comment stamps), and a named weekday must agree with it. Without such evidence: no date.
 */

/** A year the text gives evidence for, and where. */
export interface YearHint {
  readonly year: number;
  readonly evidence: string;
}

export interface LedeDate {
  readonly date: string;
  readonly evidence: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
/** The month pattern made case-insensitive by hand, since the dateline's place must stay upper-case. */
const MONTH_ANY_CASE = MONTH.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);
const DATELINE = new RegExp(
  `^[\\p{Lu}][\\p{Lu}\\p{M} .'’-]{2,40}(?:,\\s*[\\p{L} .'’-]{2,30})?,\\s+${MONTH_ANY_CASE}\\s+(\\d{1,2})(?:,\\s*(\\d{4}))?\\s*(?:\\(([^)]{2,40})\\))?\\s*[-–—]\\s`,
  'u',
);
const WEEKDAY_DATE = new RegExp(
  `\\b(sunday|monday|tuesday|wednesday|thursday|friday|saturday),?\\s+(?:${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?|(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH})\\b`,
  'iu',
);

/** Dates the article from its first body paragraph, or returns null when the text does not allow it. */
export function dateFromLede(firstParagraph: string, hints: readonly YearHint[]): LedeDate | null {
  const dateline = DATELINE.exec(firstParagraph);
  if (dateline) {
    const month = monthIndex(dateline[1] ?? '');
    const day = Number(dateline[2]);
    const quoted = dateline[0].replace(/\s*[-–—]\s$/u, '');
    if (dateline[3]) return checked(Number(dateline[3]), month, day, `dateline "${quoted}"`);
    const years = [...new Set(hints.map((h) => h.year))];
    if (years.length !== 1) return null;
    const hint = hints[0] as YearHint;
    return checked(hint.year, month, day, `dateline "${quoted}", year from ${hint.evidence}`);
  }
  // Only the lede's opening: a weekday named there dates the news itself.
  const opening = firstParagraph.slice(0, 160);
  const named = WEEKDAY_DATE.exec(opening);
  if (!named) return null;
  const weekday = WEEKDAYS.indexOf((named[1] ?? '').toLowerCase());
  const month = monthIndex(named[2] ?? named[5] ?? '');
  const day = Number(named[3] ?? named[4]);
  const candidates = [...new Set(hints.map((h) => h.year))].filter((year) => {
    const date = new Date(Date.UTC(year, month, day));
    return date.getUTCMonth() === month && date.getUTCDay() === weekday;
  });
  if (candidates.length !== 1) return null;
  const year = candidates[0] as number;
  const hint = hints.find((h) => h.year === year) as YearHint;
  return checked(year, month, day, `the lede's "${named[0]}", year from ${hint.evidence}, and that day was a ${WEEKDAYS[weekday]}`);
}

function monthIndex(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase());
}

function checked(year: number, month: number, day: number, evidence: string): LedeDate | null {
  if (month < 0) return null;
  const date = new Date(Date.UTC(year, month, day));
  if (date.getUTCMonth() !== month || date.getUTCDate() !== day) return null;
  return { date: date.toISOString().slice(0, 10), evidence };
}

/**
 * The agency a wire dateline names (`ZUBIN POTOK, Kosovo, Oct 13 (BWS) - …` → "BWS"), with the
 * dateline as evidence, or null. Wire copy names its agency there and nowhere else.
 */
export function datelineAgency(firstParagraph: string): { readonly name: string; readonly evidence: string } | null {
  const dateline = DATELINE.exec(firstParagraph);
  const agency = dateline?.[4]?.trim();
  if (!dateline || !agency || /\d/.test(agency)) return null;
  return { name: agency, evidence: `dateline "${dateline[0].replace(/\s*[-–—]\s$/u, '')}"` };
}
