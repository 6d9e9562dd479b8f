import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fieldPath,
  findUnstorable,
  firstInvalidUtf8,
  locateInvalidUtf8,
  MAX_JSON_DEPTH,
} from '../../../src/domain/json-safety.js';

const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const decodes = (bytes: Uint8Array) => {
  try {
    fatal.decode(bytes);
    return true;
  } catch {
    return false;
  }
};

describe('firstInvalidUtf8', () => {
  it('agrees with the WHATWG fatal decoder on random bytes, to the byte', () => {
    // Bytes near the interesting boundaries (C0/C1, E0/ED, F0/F4, continuation bytes) more often.
    const byte = fc.oneof(
      fc.integer({ min: 0, max: 255 }),
      fc.constantFrom(
        0x7f,
        0x80,
        0x8f,
        0x90,
        0x9f,
        0xa0,
        0xbf,
        0xc0,
        0xc1,
        0xc2,
        0xdf,
        0xe0,
        0xed,
        0xef,
        0xf0,
        0xf4,
        0xf5,
      ),
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 12 }), fc.array(byte, { maxLength: 8 }), (head, tail) => {
        const bytes = new Uint8Array([...head, ...tail]);
        const offset = firstInvalidUtf8(bytes);
        expect(offset === -1).toBe(decodes(bytes));
        if (offset >= 0) {
          expect(decodes(bytes.subarray(0, offset))).toBe(true);
          // The sequence at offset is bad by itself, whatever follows it.
          expect(decodes(bytes.subarray(offset, offset + 4))).toBe(false);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('accepts valid text of every plane', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(firstInvalidUtf8(Buffer.from(text, 'utf8'))).toBe(-1);
      }),
    );
  });
});

describe('locateInvalidUtf8', () => {
  const body = (...parts: Array<string | number[]>) =>
    Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

  it('names the field holding the bad bytes, not one holding a real U+FFFD', () => {
    expect(locateInvalidUtf8(body('{"a":"\uFFFD","b":["x', [0xff], '"]}'))).toEqual({
      offset: 18,
      byte: 0xff,
      field: 'b[0]',
      inKey: false,
    });
    expect(locateInvalidUtf8(body('{"a":{"k', [0xed, 0xa0, 0x80], '":1}}'))).toMatchObject({
      field: 'a["k\uFFFD\uFFFD\uFFFD"]',
      inKey: true,
    });
    expect(locateInvalidUtf8(body('{"a":1', [0x80], '}'))).toEqual({
      offset: 6,
      byte: 0x80,
      field: null,
      inKey: false,
    });
    expect(locateInvalidUtf8(body('{"a":"ok"}'))).toBeUndefined();
  });
});

describe('findUnstorable', () => {
  it('writes paths a sender can follow', () => {
    expect(fieldPath([])).toBe('body');
    expect(fieldPath(['extra', 'notes', 3, 'x'])).toBe('extra.notes[3].x');
    expect(fieldPath(['a.b', 0, 'with space', '\u0000'])).toBe('["a.b"][0]["with space"]["\\u0000"]');
  });

  it('finds NUL and lone surrogates in values and keys, too-deep nesting and infinite numbers, in order', () => {
    const deep = JSON.parse(`${'['.repeat(MAX_JSON_DEPTH + 5)}${']'.repeat(MAX_JSON_DEPTH + 5)}`);
    const problems = findUnstorable({
      a: 'x\u0000',
      'b\uDC00': 1,
      c: [1, Number.POSITIVE_INFINITY],
      d: deep,
      ok: '😀\uFFFD',
    });
    expect(problems.map((p) => [p.field, p.kind])).toEqual([
      ['a', 'nul'],
      ['["b\\udc00"]', 'lone_surrogate'],
      ['c[1]', 'number_out_of_range'],
      [`d${'[0]'.repeat(MAX_JSON_DEPTH - 1)}`, 'too_deep'],
    ]);
    expect(findUnstorable(JSON.parse(`${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`))).toEqual(
      [],
    );
  });

  it('stops at 20 problems', () => {
    expect(findUnstorable(Array.from({ length: 50 }, () => '\u0000'))).toHaveLength(20);
  });
});
