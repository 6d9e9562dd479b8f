/**
 * Bodies Baton cannot store exactly as sent — NUL, lone surrogates, invalid UTF-8, runaway
 * nesting, numbers beyond a double — are a 400 naming the field on every webhook route, never a
 * 503 the sender retries forever, and nothing is stored.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '../../src/domain/json-safety.js';
import { startTestApp, type TestApp } from '../harness/test-app.js';

let t: TestApp;
let leadId: number;

beforeAll(async () => {
  t = await startTestApp();
  // A `contact` lead arrives as an MQL, so { stage: 'SQL' } is a move the stage API would make.
  const res = await t.sendLead({ source: 'website', email: 'target@acme.io', form: 'contact' });
  expect(res.status).toBe(202);
  leadId = res.json.lead_id as number;
});
afterAll(async () => {
  await t?.stop();
});

/** Rows in every table a webhook writes to, and the target lead's stage. */
async function footprint() {
  const [row] = await t.database.rows<Record<string, unknown>>(
    sql`select (select count(*)::int from leads) as leads,
               (select count(*)::int from lead_events) as events,
               (select count(*)::int from lead_activities) as activities,
               (select count(*)::int from stage_changes) as stage_changes,
               (select count(*)::int from outbox) as outbox,
               (select stage from leads where id = ${leadId}) as stage`,
  );
  return row;
}

interface Route {
  name: string;
  path: () => string;
  /** A valid body, as JSON members without the braces, to which each case adds its bad member. */
  members: string;
  /** The route's own text field that Baton stores. */
  textField: string;
}

const routes: Route[] = [
  {
    name: 'POST /api/leads',
    path: () => '/api/leads',
    members: '"source":"website","email":"jane@acme.io","form":"contact"',
    textField: 'name',
  },
  {
    name: 'POST /api/leads/{id}/activities',
    path: () => `/api/leads/${leadId}/activities`,
    members: '"type":"call"',
    textField: 'note',
  },
  {
    name: 'POST /api/leads/{id}/stage',
    path: () => `/api/leads/${leadId}/stage`,
    members: '"stage":"SQL"',
    textField: 'note',
  },
];

const bytes = (...parts: Array<string | number[]>) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

interface Case {
  kind: string;
  body: (r: Route) => string | Buffer;
  error: string;
  field: (r: Route) => string;
  /** For invalid UTF-8: the byte offset the answer must report. */
  offset?: (r: Route) => number;
}

const deep = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
// The body is level 1 and "deep" level 2, so the first container too deep is 31 [0]s further in.
const firstTooDeep = `deep${'[0]'.repeat(MAX_JSON_DEPTH - 1)}`;

const cases: Case[] = [
  {
    kind: 'a NUL in a known text field',
    body: (r) => `{${r.members},"${r.textField}":"Jane\\u0000Doe"}`,
    error: 'invalid_text',
    field: (r) => r.textField,
  },
  {
    kind: 'a NUL deep in an unknown field',
    body: (r) => `{${r.members},"extra":{"notes":[{},{},{},{"x":"a\\u0000"}]}}`,
    error: 'invalid_text',
    field: () => 'extra.notes[3].x',
  },
  {
    kind: 'a NUL in a key',
    body: (r) => `{${r.members},"extra":{"a\\u0000b":1}}`,
    error: 'invalid_text',
    field: () => 'extra["a\\u0000b"]',
  },
  {
    kind: 'a lone surrogate in a known text field',
    body: (r) => `{${r.members},"${r.textField}":"Jane \\ud83d Doe"}`,
    error: 'invalid_text',
    field: (r) => r.textField,
  },
  {
    kind: 'a lone surrogate in an unknown field',
    body: (r) => `{${r.members},"extra":{"emoji":"ok \\ud83d\\ude00 then \\udc00"}}`,
    error: 'invalid_text',
    field: () => 'extra.emoji',
  },
  {
    kind: 'a lone surrogate in a key',
    body: (r) => `{${r.members},"\\ud800":true}`,
    error: 'invalid_text',
    field: () => '["\\ud800"]',
  },
  {
    kind: `nesting one level past ${MAX_JSON_DEPTH}`,
    body: (r) => `{${r.members},"deep":${deep(MAX_JSON_DEPTH)}}`,
    error: 'too_deep',
    field: () => firstTooDeep,
  },
  {
    kind: 'nesting 20,000 levels deep (what made PostgreSQL fail)',
    body: (r) => `{${r.members},"deep":${deep(20_000)}}`,
    error: 'too_deep',
    field: () => firstTooDeep,
  },
  {
    kind: 'a number beyond a double (JSON.parse makes it Infinity)',
    body: (r) => `{${r.members},"extra":{"n":1e400}}`,
    error: 'number_out_of_range',
    field: () => 'extra.n',
  },
  {
    kind: 'invalid UTF-8 in a known text field',
    body: (r) => bytes(`{${r.members},"${r.textField}":"Jan`, [0xff], 'e"}'),
    error: 'invalid_utf8',
    field: (r) => r.textField,
    offset: (r) => Buffer.byteLength(`{${r.members},"${r.textField}":"Jan`),
  },
  {
    kind: 'invalid UTF-8 (a cut-off sequence) in an unknown field, after a real U+FFFD',
    // The sender's own U+FFFD (EF BF BD) in "ok" is text, not the bad bytes: the answer names "bad".
    body: (r) => bytes(`{${r.members},"ok":"�","bad":{"x":"€ is `, [0xe2, 0x82], ' cut"}}'),
    error: 'invalid_utf8',
    field: () => 'bad.x',
    offset: (r) => Buffer.byteLength(`{${r.members},"ok":"�","bad":{"x":"€ is `),
  },
  {
    kind: 'invalid UTF-8 in a key',
    body: (r) => bytes(`{${r.members},"k`, [0xc0, 0xaf], '":1}'),
    error: 'invalid_utf8',
    field: () => '["k��"]',
    offset: (r) => Buffer.byteLength(`{${r.members},"k`),
  },
  {
    kind: 'invalid UTF-8 outside any string (only the offset can be named)',
    body: (r) => bytes(`{${r.members},`, [0xfe], '}'),
    error: 'invalid_utf8',
    field: () => 'body',
    offset: (r) => Buffer.byteLength(`{${r.members},`),
  },
];

describe.each(routes)('$name refuses what it cannot store with 400 naming the field', (route) => {
  it.each(cases)('$kind', async (c) => {
    const before = await footprint();
    const res = await t.postSigned(route.path(), c.body(route));
    expect(res.status).toBe(400);
    const field = c.field(route);
    expect(res.json).toMatchObject({ error: c.error, field, fields: [expect.objectContaining({ field })] });
    expect(res.json.message).toEqual(expect.stringContaining(c.error === 'invalid_utf8' ? 'UTF-8' : field));
    if (c.offset) {
      expect(res.json.offset).toBe(c.offset(route));
      expect(res.json.message).toContain(`byte offset ${c.offset(route)}`);
    }
    expect(await footprint()).toEqual(before);
  });
});

describe('the messages say what to fix', () => {
  it('names the character, its position and the depth limit', async () => {
    const nul = await t.postSigned('/api/leads', '{"source":"web","email":"a@acme.io","name":"ab\\u0000"}');
    expect(nul.json.message).toBe(
      'name contains a NUL character (\\u0000) at position 2, which Baton cannot store; remove it.',
    );
    const key = await t.postSigned('/api/leads', '{"source":"web","email":"a@acme.io","x":{"\\udc01":1}}');
    expect(key.json.message).toBe(
      'x["\\udc01"] is a key that contains a lone UTF-16 surrogate (\\udc01) at position 0, which is not a character; send valid Unicode text.',
    );
    const tooDeep = await t.postSigned(
      '/api/leads',
      `{"source":"web","email":"a@acme.io","deep":${deep(40)}}`,
    );
    expect(tooDeep.json.message).toBe(
      `${firstTooDeep} is nested too deep: Baton keeps bodies up to 32 levels of objects and lists.`,
    );
    const utf8 = await t.postSigned(
      '/api/leads',
      bytes('{"source":"web","email":"a@acme.io","name":"', [0xff], '"}'),
    );
    expect(utf8.json.message).toBe(
      'The body is not valid UTF-8: the byte 0xFF at byte offset 44 in the value of name begins an invalid UTF-8 sequence; send the body as UTF-8.',
    );
  });

  it('accepts the same bodies once fixed: 32 levels, emoji pairs, a real U+FFFD, kept exactly', async () => {
    const res = await t.postSigned(
      '/api/leads',
      `{"source":"web","email":"fixed@acme.io","name":"Jane 😀 Doe","ok":"�","deep":${deep(MAX_JSON_DEPTH - 1)}}`,
    );
    expect(res.status).toBe(202);
    const [lead] = await t.database.rows<{ name: string; extra: unknown }>(
      sql`select name, extra from leads where id = ${res.json.lead_id as number}`,
    );
    expect(lead).toEqual({
      name: 'Jane 😀 Doe',
      extra: { ok: '�', deep: JSON.parse(deep(MAX_JSON_DEPTH - 1)) },
    });
  });
});
