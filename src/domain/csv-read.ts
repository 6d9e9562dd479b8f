/**
 * Reads CSV as spreadsheets write it (RFC 4180): quoted cells may hold commas, quotes ("") and
 * line breaks; lines end in LF or CRLF; a leading UTF-8 byte order mark is ignored.
 */

export interface CsvRecord {
  /** The file line the record starts on (1-based), for error messages. */
  line: number;
  cells: string[];
}

export type CsvReadResult =
  | { ok: true; records: CsvRecord[] }
  | { ok: false; kind: 'unclosed_quote' | 'text_after_quote'; line: number; message: string };

export function readCsv(text: string): CsvReadResult {
  const records: CsvRecord[] = [];
  let i = text.startsWith('\uFEFF') ? 1 : 0;
  let line = 1;
  const n = text.length;
  while (i < n) {
    const start = line;
    const cells: string[] = [];
    let cell = '';
    for (;;) {
      if (text[i] === '"') {
        // A quoted cell: runs to the next lone quote, across commas and line breaks.
        i++;
        for (;;) {
          if (i >= n)
            return {
              ok: false,
              kind: 'unclosed_quote',
              line: start,
              message: 'a quoted cell is never closed (a " is missing)',
            };
          const ch = text[i]!;
          if (ch === '"') {
            if (text[i + 1] === '"') {
              cell += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (ch === '\n') line++;
          cell += ch;
          i++;
        }
        const next = text[i];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
          return {
            ok: false,
            kind: 'text_after_quote',
            line,
            message: 'text follows a closing quote; write a quote inside a quoted cell as ""',
          };
        }
      } else {
        while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') cell += text[i++];
      }
      cells.push(cell);
      cell = '';
      if (text[i] === ',') {
        i++;
        continue;
      }
      // End of record: CRLF, LF, a lone CR, or the end of the text.
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      line++;
      break;
    }
    // A blank line (e.g. the one a trailing newline leaves) is not a record.
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: start, cells });
  }
  return { ok: true, records };
}
