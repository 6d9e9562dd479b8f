/**
 * CSV as spreadsheets read it: RFC 4180 quoting, CRLF line ends and a UTF-8 byte order mark, so
 * Excel opens Korean text correctly instead of guessing a legacy code page.
 */

export type CsvCell = string | number | boolean | null | undefined;

/** The UTF-8 byte order mark, as the first character of the text. */
export const CSV_BOM = '\uFEFF';

/**
 * Characters that make a spreadsheet treat a cell as a formula (or, for tab and CR, let it slip
 * past a naive check). A lead named `=HYPERLINK("http://evil","Click")` must stay text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell as text: formula-like text is defused with a leading `'`, then quoted when needed. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  // Numbers and booleans come from Baton, not from people, and stay numeric for sums and sorts.
  let text = typeof value === 'string' ? value : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: the header row, then every row, each line ending in CRLF, after a BOM. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
  const lines = [header, ...rows].map((row) => `${row.map(csvCell).join(',')}\r\n`);
  return CSV_BOM + lines.join('');
}
