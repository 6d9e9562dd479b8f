import { describe, expect, it } from 'vitest';
import { parseWorkspaceConfig } from '../../../src/config/workspace.js';
import { readCsv } from '../../../src/domain/csv-read.js';
import { importSla } from '../../../src/domain/import-sla.js';
import {
  fieldForHeader,
  importKey,
  readCsvImport,
  readNdjsonImport,
} from '../../../src/domain/lead-import-file.js';

describe('readCsv', () => {
  it('reads quoted commas, doubled quotes, line breaks in cells, CRLF and a BOM', () => {
    const result = readCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\r\n"two\nlines",z\n\n');
    expect(result).toEqual({
      ok: true,
      records: [
        { line: 1, cells: ['a', 'b'] },
        { line: 2, cells: ['x, y', 'say "hi"'] },
        { line: 3, cells: ['two\nlines', 'z'] },
      ],
    });
  });

  it('names the line of a quote never closed, and of text after a closing quote', () => {
    expect(readCsv('a\nb\n"open\nmore')).toMatchObject({ ok: false, kind: 'unclosed_quote', line: 3 });
    expect(readCsv('a\n"x"y\n')).toMatchObject({ ok: false, kind: 'text_after_quote', line: 2 });
  });
});

describe('reading an import file', () => {
  it('maps headers by name and alias, keeps other columns as extra, and checks each row as intake does', () => {
    expect(
      ['E-mail Address', 'Full Name', '회사명', 'Employees', 'UTM_Source', 'Colour'].map(fieldForHeader),
    ).toEqual(['email', 'name', 'company', 'company_size', 'utm_source', null]);
    const read = readCsvImport('Email,Employees,Colour\nA@B.io,"1,000+",red\nbad,5,\nc@d.io,5,x,extra\n', {
      source: 'expo',
    });
    if (!read.ok) throw new Error(read.message);
    const [one, two, three] = read.file.rows;
    expect(one).toMatchObject({
      row: 1,
      line: 2,
      ok: true,
      lead: { email: 'a@b.io', companySize: 1000, source: 'expo', extra: { Colour: 'red' } },
    });
    expect(two).toMatchObject({ row: 2, line: 3, ok: false, errors: [{ field: 'email' }] });
    expect(three).toMatchObject({
      row: 3,
      ok: false,
      errors: [{ field: 'row', message: 'has 4 cells but the header has 3 columns' }],
    });
  });

  it('refuses a file without an email column or with two columns for one field', () => {
    expect(readCsvImport('name\nAnn\n')).toMatchObject({
      ok: false,
      problem: { kind: 'no_email_column', line: 1 },
    });
    expect(readCsvImport('email,mail\na@b.io,a@b.io\n')).toMatchObject({
      ok: false,
      problem: { kind: 'same_field_twice', first: 'email', second: 'mail', field: 'email' },
    });
    expect(readCsvImport('')).toMatchObject({ ok: false, problem: { kind: 'empty' } });
  });

  it('counts rows against the 10,000 limit', () => {
    const rows = Array.from({ length: 10_001 }, (_, i) => `{"email":"x${i}@y.io","source":"s"}`).join('\n');
    expect(readNdjsonImport(rows)).toMatchObject({
      ok: false,
      problem: { kind: 'too_many_rows', count: 10_001 },
    });
    expect(readNdjsonImport('\n\n')).toMatchObject({ ok: false, problem: { kind: 'no_leads' } });
  });

  it('keys an import by its bytes, source and Idempotency-Key', () => {
    const key = importKey('email\na@b.io\n', 'expo', null);
    expect(importKey(Buffer.from('email\na@b.io\n'), 'expo', null)).toBe(key);
    expect(importKey('email\na@b.io\n', 'expo', 'k2')).not.toBe(key);
    expect(importKey('email\na@b.io\n', 'other', null)).not.toBe(key);
  });
});

describe('a bulk source SLA (intake.import_sla)', () => {
  const config = parseWorkspaceConfig(
    [
      'channels: { leads: C0123LEADS }',
      'roster: [{ user: U0AAAAAAA, roles: [sdr] }]',
      'sla: { first_touch_minutes: 60 }',
      'intake: { import_sla: { expo: 240, webinar: none } }',
    ].join('\n'),
    'baton.yaml',
  );

  it('moves the deadline and every ladder step by the same difference, or takes the SLA away', () => {
    const sla = importSla(config.sla, config.intake.importSla, 'expo');
    expect(sla?.firstTouchMinutes).toBe(240);
    expect(sla?.escalations.map((s) => s.afterMinutes)).toEqual(
      config.sla.escalations.map((s) => s.afterMinutes + 180),
    );
    expect(importSla(config.sla, config.intake.importSla, 'webinar')).toBeNull();
    expect(importSla(config.sla, config.intake.importSla, 'website')).toBeUndefined();
  });

  it('rejects minutes out of range and bad source keys', () => {
    expect(() =>
      parseWorkspaceConfig(
        'channels: { leads: C0123LEADS }\nroster: [{ user: U0AAAAAAA, roles: [sdr] }]\nintake: { import_sla: { expo: 2, "Bad Key": none } }',
        'baton.yaml',
      ),
    ).toThrow(/import_sla/);
  });
});
