/** CSV writing per RFC 4180, with a guard against spreadsheet formula injection. */

// A cell starting with one of these is run as a formula by spreadsheet programs (OWASP CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: numbers as written, text guarded against formulas and quoted when it holds a comma, quote or line break. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV record ending in CRLF, as RFC 4180 asks. */
export function csvRow(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
