import { createHash } from 'node:crypto';
/**
 * A bulk import file read into rows (pure): CSV with a header row, or NDJSON (one JSON object per
 * line). Each row becomes a body for `parseLeadInput`, so it is checked exactly as POST /api/leads.
 */
import { readCsv } from './csv-read.js';
import {
  LEAD_FIELDS,
  type LeadField,
  type LeadFieldError,
  type LeadInput,
  parseLeadInput,
  pickSourceMapping,
  type SourceMapping,
} from './lead-input.js';

/** At most this many rows per import… */
export const MAX_IMPORT_ROWS = 10_000;
/** …and this many bytes. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** Other names spreadsheets use for Baton's fields (compared after normalizing, see `headerKey`). */
const HEADER_ALIASES: Record<string, LeadField> = {
  e_mail: 'email',
  email_address: 'email',
  e_mail_address: 'email',
  mail: 'email',
  이메일: 'email',
  full_name: 'name',
  contact: 'name',
  contact_name: 'name',
  이름: 'name',
  성명: 'name',
  company_name: 'company',
  organization: 'company',
  organisation: 'company',
  account: 'company',
  회사: 'company',
  회사명: 'company',
  job_title: 'title',
  position: 'title',
  직함: 'title',
  직책: 'title',
  phone_number: 'phone',
  mobile: 'phone',
  telephone: 'phone',
  전화: 'phone',
  전화번호: 'phone',
  연락처: 'phone',
  employees: 'company_size',
  headcount: 'company_size',
  직원수: 'company_size',
  회사_규모: 'company_size',
  업종: 'industry',
  산업: 'industry',
  url: 'website',
  web: 'website',
  웹사이트: 'website',
  홈페이지: 'website',
  notes: 'message',
  note: 'message',
  comment: 'message',
  comments: 'message',
  메시지: 'message',
  메모: 'message',
  id: 'external_id',
};

/** "E-mail Address " → "e_mail_address": lower-cased, runs of spaces and hyphens become "_". */
export const headerKey = (header: string): string =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** The Baton field a CSV column fills, or null when it is kept as an extra field. */
export function fieldForHeader(header: string): LeadField | null {
  const key = headerKey(header);
  if ((LEAD_FIELDS as readonly string[]).includes(key)) return key as LeadField;
  return HEADER_ALIASES[key] ?? null;
}

export interface ImportColumn {
  header: string;
  /** The Baton field, or null: kept with the lead as an extra field under the header's name. */
  field: LeadField | null;
}

/** One data row: its number (1-based, header not counted), the file line, and the checked lead. */
export type ImportRow =
  | { row: number; line: number; ok: true; lead: LeadInput }
  | { row: number; line: number; ok: false; errors: LeadFieldError[] };

export interface ImportFile {
  format: 'csv' | 'ndjson';
  /** CSV only: how each column was read. */
  columns: ImportColumn[];
  rows: ImportRow[];
}

/** Why a file cannot be imported at all, for a translated answer (the HTTP answer uses `message`). */
export type ImportFileProblem =
  | { kind: 'unclosed_quote' | 'text_after_quote' | 'empty' | 'no_leads'; line: number }
  | { kind: 'no_email_column'; line: number; headers: string }
  | { kind: 'same_field_twice'; line: number; first: string; second: string; field: string }
  | { kind: 'not_json'; line: number }
  | { kind: 'too_many_rows'; count: number };

export type ImportFileResult =
  | { ok: true; file: ImportFile }
  | {
      ok: false;
      error: 'invalid_file' | 'too_many_rows';
      line?: number;
      field?: string;
      message: string;
      problem: ImportFileProblem;
    };

export interface ReadImportOptions {
  /** The source for rows that name none (`?source=`, or what the importer typed). */
  source?: string | undefined;
  /** `intake.sources`: an NDJSON line in a form tool's shape is read with its mapping. */
  sources?: Readonly<Record<string, SourceMapping>>;
}

const tooMany = (count: number): ImportFileResult => ({
  ok: false,
  error: 'too_many_rows',
  message: `The file has ${count} rows; an import takes at most ${MAX_IMPORT_ROWS}. Split it into smaller files.`,
  problem: { kind: 'too_many_rows', count },
});

export function readCsvImport(text: string, opts: ReadImportOptions = {}): ImportFileResult {
  const csv = readCsv(text);
  if (!csv.ok)
    return {
      ok: false,
      error: 'invalid_file',
      line: csv.line,
      message: `Line ${csv.line}: ${csv.message}.`,
      problem: { kind: csv.kind, line: csv.line },
    };
  const [head, ...data] = csv.records;
  if (!head)
    return {
      ok: false,
      error: 'invalid_file',
      line: 1,
      message: 'The file is empty: send a header row, then one row per lead.',
      problem: { kind: 'empty', line: 1 },
    };
  if (data.length > MAX_IMPORT_ROWS) return tooMany(data.length);
  const columns: ImportColumn[] = head.cells.map((header) => ({
    header: header.trim(),
    field: fieldForHeader(header),
  }));
  const seen = new Map<string, string>();
  for (const column of columns) {
    const key = column.field ?? headerKey(column.header);
    if (key === '') continue;
    const first = seen.get(key);
    if (first !== undefined) {
      return {
        ok: false,
        error: 'invalid_file',
        line: head.line,
        field: column.field ?? column.header,
        message: `Line ${head.line}: the columns "${first}" and "${column.header}" both fill ${key}; keep one.`,
        problem: { kind: 'same_field_twice', line: head.line, first, second: column.header, field: key },
      };
    }
    seen.set(key, column.header);
  }
  if (!columns.some((c) => c.field === 'email')) {
    return {
      ok: false,
      error: 'invalid_file',
      line: head.line,
      field: 'email',
      message: `Line ${head.line}: no column holds the email (name one "email"); the header row is: ${head.cells.join(', ')}.`,
      problem: { kind: 'no_email_column', line: head.line, headers: head.cells.join(', ') },
    };
  }
  const rows = data.map((record, index): ImportRow => {
    const row = index + 1;
    if (record.cells.length > columns.length) {
      return {
        row,
        line: record.line,
        ok: false,
        errors: [
          {
            field: 'row',
            message: `has ${record.cells.length} cells but the header has ${columns.length} columns`,
          },
        ],
      };
    }
    const body: Record<string, unknown> = {};
    record.cells.forEach((cell, i) => {
      const column = columns[i]!;
      if (cell.trim() === '' || column.header === '') return;
      body[column.field ?? column.header] = cell;
    });
    return checked(row, record.line, body, opts);
  });
  return { ok: true, file: { format: 'csv', columns, rows } };
}

export function readNdjsonImport(text: string, opts: ReadImportOptions = {}): ImportFileResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const rows: ImportRow[] = [];
  for (const [index, raw] of lines.entries()) {
    if (raw.trim() === '') continue;
    const line = index + 1;
    if (rows.length === MAX_IMPORT_ROWS) return tooMany(lines.filter((l) => l.trim() !== '').length);
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch (error) {
      return {
        ok: false,
        error: 'invalid_file',
        line,
        message: `Line ${line} is not JSON: ${(error as Error).message}`,
        problem: { kind: 'not_json', line },
      };
    }
    rows.push(checked(rows.length + 1, line, body, opts));
  }
  if (rows.length === 0)
    return {
      ok: false,
      error: 'invalid_file',
      line: 1,
      message: 'The file has no leads: send one JSON object per line.',
      problem: { kind: 'no_leads', line: 1 },
    };
  return { ok: true, file: { format: 'ndjson', columns: [], rows } };
}

function checked(row: number, line: number, body: unknown, opts: ReadImportOptions): ImportRow {
  const mapping = opts.sources ? pickSourceMapping(body, opts.source, opts.sources) : undefined;
  const parsed = parseLeadInput(body, { source: opts.source, mapping });
  return parsed.ok
    ? { row, line, ok: true, lead: parsed.lead }
    : { row, line, ok: false, errors: parsed.errors };
}

/** The import key: the same content, source and Idempotency-Key are one import, whatever the retries. */
export function importKey(
  raw: Buffer | string,
  source: string | null,
  idempotencyKey: string | null,
): string {
  return createHash('sha256')
    .update(`${source ?? ''}\u0000${idempotencyKey ?? ''}\u0000`)
    .update(raw)
    .digest('hex');
}
