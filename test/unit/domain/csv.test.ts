import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvCell, toCsv } from '../../../src/domain/csv.js';

describe('csvCell', () => {
  it('leaves plain text, numbers and booleans bare, and empties null and undefined', () => {
    expect(csvCell('Acme')).toBe('Acme');
    expect(csvCell('주식회사 한빛')).toBe('주식회사 한빛');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell('')).toBe('');
  });

  it('quotes commas, quotes, CR and LF, doubling embedded quotes (RFC 4180)', () => {
    expect(csvCell('Acme, Inc.')).toBe('"Acme, Inc."');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
    expect(csvCell('"')).toBe('""""');
  });

  it('defuses text a spreadsheet would run as a formula with a leading quote', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+82 10 1234 5678')).toBe("'+82 10 1234 5678");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1:A2)')).toBe("'@SUM(A1:A2)");
    expect(csvCell('\t=cmd')).toBe("'\t=cmd");
    // CR at the start: defused, then quoted because it holds a CR.
    expect(csvCell('\r=cmd')).toBe(`"'\r=cmd"`);
    // Defused and quoted: the quote mark goes inside the quoted field.
    expect(csvCell('=HYPERLINK("http://evil.example","Click")')).toBe(
      `"'=HYPERLINK(""http://evil.example"",""Click"")"`,
    );
    // Only the first character matters; numbers are Baton's own and stay numeric.
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell(-5)).toBe('-5');
  });
});

describe('toCsv', () => {
  it('starts with a UTF-8 BOM and ends every line, the last included, with CRLF', () => {
    const csv = toCsv(
      ['id', 'company'],
      [
        [1, '한빛소프트'],
        [2, null],
      ],
    );
    expect(csv).toBe(`${CSV_BOM}id,company\r\n1,한빛소프트\r\n2,\r\n`);
    const bytes = Buffer.from(csv, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('keeps a multi-line cell in one record', () => {
    const csv = toCsv(['note'], [['first\nsecond']]);
    expect(csv).toBe(`${CSV_BOM}note\r\n"first\nsecond"\r\n`);
  });

  it('gives a header-only file for no rows', () => {
    expect(toCsv(['a', 'b'], [])).toBe(`${CSV_BOM}a,b\r\n`);
  });
});
