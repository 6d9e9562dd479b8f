import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../harness/test-app.js';

const [SORA, DAMI, MINJUN] = ['U0SDR0001', 'U0SDR0002', 'U0AE00001'];

const CONFIG = `
locale: en
channels:
  leads:
    smb: C0LEADS
    enterprise: C0ENTLEADS
routing:
  segments:
    smb: { mode: round_robin }
    enterprise: { mode: round_robin }
intake:
  import_sla:
    webinar: none
    tradeshow: 1440
roster:
  - user: ${SORA}
    time_zone: UTC
    roles: [sdr]
    segments: [smb]
  - user: ${DAMI}
    time_zone: UTC
    roles: [sdr]
    segments: [smb]
  - user: ${MINJUN}
    time_zone: UTC
    roles: [ae]
    segments: [enterprise]
  - user: U0MKT0001
    roles: [marketer]
  - user: U0MGR0001
    roles: [manager, admin]
`;

// Rows as a marketer exports them: Baton's names, aliases (Full Name, Employees, Notes), an extra column.
const FILE = [
  'Email,Full Name,Company,Employees,Form,Notes,Favourite Colour',
  'ann@alpha.io,Ann One,Alpha,20,demo_request,"Wants a demo, soon",teal', // 1 smb SQL
  'ben@beta.io,Ben Two,Beta,500,trial,,', // 2 enterprise SQL
  'not-an-email,Bad Row,Gamma,10,contact,,', // 3 invalid email
  'cat@delta.io,Cat Three,Delta,15,contact,,', // 4 smb MQL
  'ANN@alpha.io,Ann Again,Alpha,20,demo_request,,', // 5 duplicate of row 1 (same email, any case)
  'dan@eps.io,Dan Four,Eps,lots,demo_request,,', // 6 invalid company_size
  'eve@zeta.io,Eve Five,Zeta,30,newsletter,,', // 7 smb MQL
  'fay@eta.io,Fay Six,Eta,8,,,', // 8 smb Lead: below the routing threshold, stored but not routed
  'old@omega.io,Old Lead,Omega,12,demo_request,,', // 9 duplicate of a lead sent before the import
  'gus@theta.io,Gus Seven,Theta,11,demo_request,,', // 10 smb SQL
].join('\r\n');

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ configYaml: CONFIG });
  t.slack.addUser({ id: DAMI, name: 'dami', tz: 'UTC' });
  // Monday 10:00 UTC: inside everyone's working hours, so round robin assigns at once.
  t.clock.set(new Date('2026-11-23T10:00:00Z'));
});
afterAll(async () => {
  await t?.stop();
});

const csv = (body: string, query = '?source=tradeshow', headers: Record<string, string> = {}) =>
  t.postSigned(`/api/leads/bulk${query}`, body, { headers: { 'content-type': 'text/csv', ...headers } });
const count = async (table: 'leads' | 'lead_import_rows' | 'outbox') =>
  (await t.database.rows<{ n: number }>(sql`select count(*)::int as n from ${sql.raw(table)}`))[0]!.n;

describe('POST /api/leads/bulk', () => {
  let firstAnswer: Record<string, unknown>;

  it('stores valid rows, names duplicates and invalid fields per row, and never fails the rest', async () => {
    const old = await t.sendLead({
      source: 'website',
      email: 'old@omega.io',
      name: 'Old Lead',
      form: 'contact',
    });
    expect(old.status).toBe(202);
    await t.flushOutbox();
    t.slack.reset({ state: true });
    const leadsBefore = await count('leads');

    const res = await csv(FILE);
    expect(res.status).toBe(200);
    firstAnswer = res.json;
    const rows = res.json.rows as Array<Record<string, unknown>>;
    const id = (row: number) => rows[row - 1]!.lead_id as number;
    expect(rows.map((r) => [r.row, r.line, r.status])).toEqual([
      [1, 2, 'stored'],
      [2, 3, 'stored'],
      [3, 4, 'invalid'],
      [4, 5, 'stored'],
      [5, 6, 'duplicate'],
      [6, 7, 'invalid'],
      [7, 8, 'stored'],
      [8, 9, 'stored'],
      [9, 10, 'duplicate'],
      [10, 11, 'stored'],
    ]);
    expect(rows[2]!.errors).toEqual([{ field: 'email', message: '"not-an-email" is not an email address' }]);
    expect((rows[5]!.errors as Array<{ field: string }>).map((e) => e.field)).toEqual(['company_size']);
    expect(id(5)).toBe(id(1));
    expect(id(9)).toBe(old.json.lead_id);
    expect(res.json.counts).toEqual({ stored: 6, duplicate: 2, invalid: 2 });
    expect(await count('leads')).toBe(leadsBefore + 6);

    const stored = await t.database.rows<Record<string, unknown>>(
      sql`select id, name, segment, stage, routed, owner_id, source, extra, message, card_ts from leads
          where import_id = ${res.json.import_id as number} order by id`,
    );
    expect(stored.map((l) => [l.name, l.segment, l.stage, l.routed, l.source])).toEqual([
      ['Ann One', 'smb', 'SQL', true, 'tradeshow'],
      ['Ben Two', 'enterprise', 'SQL', true, 'tradeshow'],
      ['Cat Three', 'smb', 'MQL', true, 'tradeshow'],
      ['Eve Five', 'smb', 'MQL', true, 'tradeshow'],
      ['Fay Six', 'smb', 'Lead', false, 'tradeshow'],
      ['Gus Seven', 'smb', 'SQL', true, 'tradeshow'],
    ]);
    expect(stored[0]).toMatchObject({ extra: { 'Favourite Colour': 'teal' }, message: 'Wants a demo, soon' });
    // Round robin between two equal smb sellers: 4 routed smb leads, 2 each; the enterprise one to Minjun.
    const owners = stored.filter((l) => l.routed).map((l) => l.owner_id as string);
    expect(owners.filter((o) => o === SORA)).toHaveLength(2);
    expect(owners.filter((o) => o === DAMI)).toHaveLength(2);
    expect(stored[1]!.owner_id).toBe(MINJUN);
    expect(stored[4]!.owner_id).toBeNull();
  });

  it('posts one summary per segment and one DM per seller, no card per lead', async () => {
    const sent = await t.flushOutbox();
    // smb summary + enterprise summary + DMs to Sora, Dami and Minjun.
    expect(sent).toBe(5);
    const smb = t.slack.messages('C0LEADS');
    expect(smb).toHaveLength(1);
    expect(smb[0]!.text).toBe('Imported 4 new leads into smb');
    const smbText = JSON.stringify(smb[0]!.blocks);
    expect(smbText).toContain(`<@${SORA}> 2`);
    expect(smbText).toContain(`<@${DAMI}> 2`);
    expect(smbText).toContain('6 stored, 2 duplicates, 2 invalid');
    const ent = t.slack.messages('C0ENTLEADS');
    expect(ent).toHaveLength(1);
    expect(ent[0]!.text).toBe('Imported 1 new lead into enterprise');
    expect(JSON.stringify(ent[0]!.blocks)).toContain(`<@${MINJUN}> 1`);
    for (const [user, n] of [
      [SORA, 2],
      [DAMI, 2],
      [MINJUN, 1],
    ] as const) {
      const dms = t.slack.messages(t.slack.dmChannel(user));
      expect(dms).toHaveLength(1);
      expect(dms[0]!.text).toBe(
        `Import #${firstAnswer.import_id} gave you ${n} ${n === 1 ? 'lead' : 'leads'}`,
      );
    }
  });

  it("threads an imported lead's later lines under its segment's summary, with no card to update", async () => {
    const [cat] = await t.database.rows<{ id: number }>(
      sql`select id from leads where email = 'cat@delta.io'`,
    );
    const moved = await t.postSigned(`/api/leads/${cat!.id}/stage`, JSON.stringify({ stage: 'SQL' }));
    expect(moved.json).toMatchObject({ from: 'MQL', to: 'SQL', moved: true });
    await t.flushOutbox();
    const [summary] = t.slack.messages('C0LEADS');
    const replies = t.slack.thread('C0LEADS', summary!.ts).slice(1);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toContain('MQL → SQL');
    expect(t.slack.callsTo('chat.update')).toHaveLength(0);
    const [pending] = await t.database.rows<{ n: number }>(
      sql`select count(*)::int as n from outbox where status = 'pending'`,
    );
    expect(pending!.n).toBe(0);
  });

  it('gives a bulk source its own SLA (tradeshow: 1440 working minutes) or none (webinar)', async () => {
    const [trade] = await t.database.rows<{ sla_due_at: Date | string }>(
      sql`select sla_due_at from leads where email = 'ann@alpha.io'`,
    );
    // Arrived Monday 2026-11-23 10:00:01 UTC (flushing the earlier lead moved the clock a second);
    // working hours 09:00-18:00 UTC: 1440 minutes = 8h Mon + 9h Tue + 7h Wed.
    expect(new Date(trade!.sla_due_at).toISOString()).toBe('2026-11-25T16:00:01.000Z');
    const res = await csv('email,form\nwen@web.io,demo_request\n', '?source=webinar');
    expect(res.json.counts).toEqual({ stored: 1, duplicate: 0, invalid: 0 });
    const [web] = await t.database.rows<{ sla_due_at: Date | null; sla_state: string | null; jobs: number }>(
      sql`select sla_due_at, sla_state, (select count(*)::int from jobs j where j.kind = 'sla.step'
          and (j.payload->>'leadId')::bigint = l.id) as jobs from leads l where email = 'wen@web.io'`,
    );
    expect(web).toEqual({ sla_due_at: null, sla_state: null, jobs: 0 });
    await t.flushOutbox();
  });

  it('stores nothing twice when the same file comes again', async () => {
    const before = {
      leads: await count('leads'),
      rows: await count('lead_import_rows'),
      out: await count('outbox'),
    };
    const again = await csv(FILE);
    expect(again.status).toBe(200);
    expect(again.json).toEqual({ ...firstAnswer, replayed: true });
    // A new Idempotency-Key makes it a new import, but every row is a duplicate of the first one's.
    const fresh = await csv(FILE, '?source=tradeshow', { 'idempotency-key': 'retry-2' });
    expect(fresh.json.import_id).not.toBe(firstAnswer.import_id);
    expect(fresh.json.counts).toEqual({ stored: 0, duplicate: 8, invalid: 2 });
    expect(await count('leads')).toBe(before.leads);
    expect(await count('outbox')).toBe(before.out);
  });

  it('answers NDJSON row by row, numbered by file line', async () => {
    const body = [
      JSON.stringify({ email: 'nd1@nd.io', name: 'Nd One', form: 'contact' }),
      '',
      JSON.stringify({ email: 'nd2@nd.io', company_size: -3 }),
    ].join('\n');
    const res = await t.postSigned('/api/leads/bulk?source=webinar', body, {
      headers: { 'content-type': 'application/x-ndjson' },
    });
    expect(res.status).toBe(200);
    expect((res.json.rows as Array<Record<string, unknown>>).map((r) => [r.row, r.line, r.status])).toEqual([
      [1, 1, 'stored'],
      [2, 3, 'invalid'],
    ]);
    await t.flushOutbox();
  });

  it('refuses what it cannot read with a 4xx naming the line or field, storing nothing', async () => {
    const before = await count('leads');
    const unclosed = await csv('email,name\nq@q.io,"Quinn\nr@r.io,Rae\n');
    expect(unclosed.status).toBe(400);
    expect(unclosed.json).toMatchObject({ error: 'invalid_file', line: 2 });
    expect(unclosed.json.message).toContain('never closed');
    const noEmail = await csv('name,company\nQuinn,Q\n');
    expect(noEmail.status).toBe(400);
    expect(noEmail.json).toMatchObject({ error: 'invalid_file', line: 1, field: 'email' });
    const twice = await csv('email,E-mail\nq@q.io,q@q.io\n');
    expect(twice.json).toMatchObject({ error: 'invalid_file', field: 'email' });
    const badJson = await t.postSigned('/api/leads/bulk', '{"email":"q@q.io"}\n{oops\n', {
      headers: { 'content-type': 'application/x-ndjson' },
    });
    expect(badJson.status).toBe(400);
    expect(badJson.json).toMatchObject({ error: 'invalid_file', line: 2 });
    const json = await t.postSigned('/api/leads/bulk', '[]', {});
    expect(json.status).toBe(415);
    expect(json.json.field).toBe('content-type');
    const unsigned = await t.postSigned('/api/leads/bulk', 'email\nq@q.io\n', {
      auth: 'none',
      headers: { 'content-type': 'text/csv' },
    });
    expect(unsigned.status).toBe(401);
    expect(await count('leads')).toBe(before);
  });

  it('isolates a row the database refuses: it is reported, the rows around it are stored', async () => {
    // A real refusal from PostgreSQL for one row that passed validation.
    await t.database.db.execute(
      sql.raw(`create function refuse_boom() returns trigger language plpgsql as $$
               begin raise exception 'boom'; end $$`),
    );
    await t.database.db.execute(
      sql.raw(`create trigger refuse_boom before insert on leads for each row
               when (new.email = 'boom@fail.io') execute function refuse_boom()`),
    );
    try {
      const res = await csv('email,form\nok1@fine.io,contact\nboom@fail.io,contact\nok2@fine.io,contact\n');
      expect(res.status).toBe(200);
      expect((res.json.rows as Array<Record<string, unknown>>).map((r) => [r.row, r.status])).toEqual([
        [1, 'stored'],
        [2, 'invalid'],
        [3, 'stored'],
      ]);
      expect((res.json.rows as Array<Record<string, unknown>>)[1]!.errors).toEqual([
        { field: 'row', message: 'could not be stored; send it again' },
      ]);
      const emails = await t.database.rows<{ email: string }>(
        sql`select email from leads where email like '%@fine.io' or email like '%@fail.io' order by email`,
      );
      expect(emails.map((e) => e.email)).toEqual(['ok1@fine.io', 'ok2@fine.io']);
    } finally {
      await t.database.db.execute(sql.raw('drop trigger refuse_boom on leads'));
      await t.database.db.execute(sql.raw('drop function refuse_boom()'));
    }
    await t.flushOutbox();
  });

  it('answers 413 beyond 10,000 rows or 10 MB', async () => {
    const before = await count('leads');
    const rows = Array.from({ length: 10_001 }, (_, i) => `x${i}@big.io`);
    const many = await csv(`email\n${rows.join('\n')}\n`);
    expect(many.status).toBe(413);
    expect(many.json).toMatchObject({ error: 'too_many_rows' });
    expect(many.json.message).toContain('10001 rows');
    const huge = await csv(`email,message\n${'a@b.io,'.padEnd(10 * 1024 * 1024 + 10, 'x')}\n`);
    expect(huge.status).toBe(413);
    expect(huge.json).toMatchObject({ error: 'payload_too_large' });
    expect(await count('leads')).toBe(before);
  });
});
