/**
 * What a webhook body may hold for Baton to store it exactly as sent. Pure: the HTTP layer
 * decodes and parses, this names the first places (as field paths like `extra.notes[3].x`)
 * that PostgreSQL (text and jsonb), PGlite or the JSON mapper would refuse or silently change.
 */

/**
 * Deepest nesting of objects and lists a body may have (the body itself is level 1). Form tools
 * and CRMs nest 3–7 levels; past a few thousand levels JSON.stringify overflows the stack (measured:
 * fails between 2,000 and 5,000) and PostgreSQL's jsonb parser hits its stack limit (10,000 ok,
 * 32,000 fails at the default max_stack_depth; PGlite spins at 20,000). 32 leaves room for any real
 * payload and keeps every check well away from those limits.
 */
export const MAX_JSON_DEPTH = 32;

/** Problems reported per body at most; the first is enough to fix, a few more save round trips. */
const MAX_PROBLEMS = 20;

export type UnstorableKind = 'nul' | 'lone_surrogate' | 'too_deep' | 'number_out_of_range';

export interface Unstorable {
  /** Where in the body, e.g. `extra.notes[3].x`; a problem in a key names the key's own path. */
  field: string;
  kind: UnstorableKind;
  /** What is wrong there, without the field (the route's `fields[].message`): "contains a NUL…". */
  message: string;
}

type Segment = string | number;

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** `["extra", "notes", 3, "x"]` → `extra.notes[3].x`; other keys are quoted: `extra["a.b"]`. */
export function fieldPath(segments: readonly Segment[]): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) path += path === '' ? segment : `.${segment}`;
    // JSON.stringify escapes NUL and lone surrogates, so the path itself is always printable.
    else path += `[${JSON.stringify(segment)}]`;
  }
  return path === '' ? 'body' : path;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const hex = (unit: number) => `\\u${unit.toString(16).padStart(4, '0')}`;

/** Why PostgreSQL cannot keep this text as it is, or undefined when it can. */
function textProblem(text: string, what: 'value' | 'key'): Omit<Unstorable, 'field'> | undefined {
  const subject = what === 'key' ? 'is a key that contains' : 'contains';
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    return {
      kind: 'nul',
      message: `${subject} a NUL character (\\u0000) at position ${nul}, which Baton cannot store; remove it`,
    };
  }
  const lone = LONE_SURROGATE.exec(text);
  if (lone) {
    return {
      kind: 'lone_surrogate',
      message: `${subject} a lone UTF-16 surrogate (${hex(lone[0].charCodeAt(0))}) at position ${lone.index}, which is not a character; send valid Unicode text`,
    };
  }
  return undefined;
}

/**
 * Every place in a parsed JSON body Baton could not store exactly (up to 20, in document order):
 * NUL or a lone surrogate in a string or a key, nesting deeper than MAX_JSON_DEPTH, or a number
 * beyond what a double holds (JSON.parse turns 1e400 into Infinity, which would be stored as null).
 */
export function findUnstorable(body: unknown): Unstorable[] {
  const found: Unstorable[] = [];
  // Recursion stops at MAX_JSON_DEPTH + 1, so even a 64 KB body of "[[[[…" cannot overflow the stack.
  const visit = (value: unknown, path: Segment[], depth: number): void => {
    if (found.length >= MAX_PROBLEMS) return;
    if (typeof value === 'string') {
      const problem = textProblem(value, 'value');
      if (problem) found.push({ field: fieldPath(path), ...problem });
      return;
    }
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) {
        found.push({
          field: fieldPath(path),
          kind: 'number_out_of_range',
          message: 'is a number too large to store (beyond ±1.8e308); send it as text',
        });
      }
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    if (depth > MAX_JSON_DEPTH) {
      found.push({
        field: fieldPath(path),
        kind: 'too_deep',
        message: `is nested too deep: Baton keeps bodies up to ${MAX_JSON_DEPTH} levels of objects and lists`,
      });
      return;
    }
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) visit(value[index], [...path, index], depth + 1);
      return;
    }
    for (const key of Object.keys(value)) {
      const problem = textProblem(key, 'key');
      if (problem && found.length < MAX_PROBLEMS)
        found.push({ field: fieldPath([...path, key]), ...problem });
      visit((value as Record<string, unknown>)[key], [...path, key], depth + 1);
    }
  };
  visit(body, [], 1);
  return found;
}

/**
 * The byte offset of the first byte that does not start or continue a valid UTF-8 character (as
 * the WHATWG decoder sees it: no overlong forms, no surrogates, nothing past U+10FFFF), or -1.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

export interface InvalidUtf8 {
  /** Byte offset in the body of the first invalid sequence. */
  offset: number;
  /** The byte found there. */
  byte: number;
  /** The field whose text (or key) holds it, when the rest of the body is JSON; else null. */
  field: string | null;
  inKey: boolean;
}

// Decodes leniently (U+FFFD for each bad sequence) and keeps a leading BOM, so offsets line up.
const lenient = new TextDecoder('utf-8', { ignoreBOM: true });
const MARKER = '\u{10FFFD}baton-invalid-utf8\u{10FFFD}';

/**
 * Where the first invalid UTF-8 sequence of a body is: its byte offset and, when it sits in a
 * string or key of an otherwise valid JSON body, that field's path. The lenient decoding puts a
 * U+FFFD where the bad bytes were; putting a marker at exactly that spot and parsing finds the
 * field without mistaking a U+FFFD the sender really sent for the bad bytes.
 */
export function locateInvalidUtf8(raw: Uint8Array): InvalidUtf8 | undefined {
  const offset = firstInvalidUtf8(raw);
  if (offset < 0) return undefined;
  const located: InvalidUtf8 = { offset, byte: raw[offset]!, field: null, inKey: false };
  const at = lenient.decode(raw.subarray(0, offset)).length;
  const text = lenient.decode(raw);
  if (text[at] !== '\uFFFD' || text.includes(MARKER)) return located;
  let parsed: unknown;
  try {
    parsed = JSON.parse(`${text.slice(0, at)}${MARKER}${text.slice(at + 1)}`);
  } catch {
    return located; // the bad bytes are outside any string, or the body is not JSON at all
  }
  const find = (value: unknown, path: Segment[], depth: number): boolean => {
    if (typeof value === 'string') {
      if (!value.includes(MARKER)) return false;
      located.field = fieldPath(path);
      return true;
    }
    if (typeof value !== 'object' || value === null || depth > MAX_JSON_DEPTH + 1) return false;
    if (Array.isArray(value)) return value.some((item, index) => find(item, [...path, index], depth + 1));
    return Object.entries(value).some(([key, item]) => {
      if (key.includes(MARKER)) {
        located.field = fieldPath([...path, key.replace(MARKER, '\uFFFD')]);
        located.inKey = true;
        return true;
      }
      return find(item, [...path, key], depth + 1);
    });
  };
  find(parsed, [], 1);
  return located;
}
