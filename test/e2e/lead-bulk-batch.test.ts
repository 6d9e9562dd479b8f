import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { openTestDatabase } from '../harness/database.js';
import { startTestApp, type TestApp } from '../harness/test-app.js';

// Claim mode everywhere: every routed row is intake's common case, written with its batch at once.
const SORA = 'U0SDR0001';
const CONFIG = `
locale: en
channels:
  leads:
    smb: C0LEADS
    enterprise: C0ENTLEADS
roster:
  - user: ${SORA}
    time_zone: UTC
    roles: [sdr]
    segments: [smb, enterprise]
  - user: U0MGR0001
    roles: [manager, admin]
`;

let t: TestApp;
let database: Database;
// Every statement sent: the batch must be written set-based, not row by row through intake_lead.
const statements: string[] = [];
beforeAll(async () => {
  database = await openTestDatabase({ onQuery: (text) => statements.push(text) });
  t = await startTestApp({ configYaml: CONFIG, database });
  t.clock.set(new Date('2026-11-23T10:00:00Z'));
});
afterAll(async () => {
  await t?.stop();
  await database?.close();
});

const csv = (body: string) =>
  t.postSigned('/api/leads/bulk?source=expo', body, { headers: { 'content-type': 'text/csv' } });

describe('duplicates inside one batch of a bulk import', () => {
  it('answers each row as intake row by row would, against earlier rows and the table', async () => {
    // An owned lead at owned.io: a row of that account goes to its owner, in file order.
    const owned = await t.sendLead({ source: 'website', email: 'boss@owned.io', form: 'demo_request' });
    expect(owned.status).toBe(202);
    const ownedId = owned.json.lead_id as number;
    await t.database.db.execute(
      sql`update leads set owner_id = ${SORA}, owner_since = now() where id = ${ownedId}`,
    );
    statements.length = 0;
    const res = await csv(
      [
        'external_id,email,name,form',
        'e1,ann@alpha.io,Ann,demo_request', // 1 stored
        'e2,ANN@alpha.io,Ann Again,demo_request', // 2 duplicate of row 1 (same email, any case)
        'e1,other@beta.io,Other,demo_request', // 3 duplicate of row 1 (same external_id)
        'e2,new@gamma.io,New,demo_request', // 4 stored: row 2 stored nothing under e2
        'e5,carl@owned.io,Carl,demo_request', // 5 stored, given to the account's owner
        'e6,ann@alpha.io,Ann Third,demo_request', // 6 duplicate of row 1, after the account row
        'e7,new@gamma.io,New Again,contact', // 7 duplicate of row 4
      ].join('\n'),
    );
    expect(res.status).toBe(200);
    // Only the account's row went through intake on its own.
    expect(statements.filter((s) => s.includes('intake_lead(')).length).toBe(1);
    const rows = res.json.rows as Array<{ row: number; status: string; lead_id: number }>;
    expect(rows.map((r) => [r.row, r.status])).toEqual([
      [1, 'stored'],
      [2, 'duplicate'],
      [3, 'duplicate'],
      [4, 'stored'],
      [5, 'stored'],
      [6, 'duplicate'],
      [7, 'duplicate'],
    ]);
    const id = (row: number) => rows[row - 1]!.lead_id;
    expect([id(2), id(3), id(6)]).toEqual([id(1), id(1), id(1)]);
    expect(id(7)).toBe(id(4));
    expect(new Set([id(1), id(4), id(5), ownedId]).size).toBe(4);
    expect(res.json.counts).toEqual({ stored: 3, duplicate: 4, invalid: 0 });

    // Each stored lead has what intake writes: its created event, its stage arrival, its jobs; each
    // duplicate a resubmitted event on the lead it repeats.
    const events = await t.database.rows<{ lead_id: string; type: string; n: number }>(
      sql`select lead_id::text, type, count(*)::int as n from lead_events
          where lead_id in (${id(1)}, ${id(4)}, ${id(5)}) group by lead_id, type order by lead_id, type`,
    );
    expect(events.map((e) => [Number(e.lead_id), e.type, e.n])).toEqual([
      [id(1), 'created', 1],
      [id(1), 'resubmitted', 3],
      [id(4), 'created', 1],
      [id(4), 'resubmitted', 1],
      [id(5), 'assigned', 1],
      [id(5), 'created', 1],
    ]);
    const arrivals = await t.database.rows<{ n: number }>(
      sql`select count(*)::int as n from stage_changes where lead_id in (${id(1)}, ${id(4)}, ${id(5)})
          and from_stage is null and via = 'intake'`,
    );
    expect(arrivals[0]!.n).toBe(3);
    const owners = await t.database.rows<{ id: string; owner_id: string | null }>(
      sql`select id::text, owner_id from leads where id in (${id(1)}, ${id(4)}, ${id(5)}) order by id`,
    );
    expect(owners.map((o) => o.owner_id)).toEqual([null, null, SORA]);

    // A batch-written lead queues the same jobs as the webhook's lead: auto-assign, then the ladder.
    const hook = await t.sendLead({ source: 'expo', email: 'hook@delta.io', form: 'demo_request' });
    const jobsOf = async (leadId: number) =>
      (
        await t.database.rows<{ kind: string; key: string; run_at: Date; payload: Record<string, unknown> }>(
          sql`select kind, dedupe_key as key, run_at, payload
              from jobs where payload->>'leadId' = ${String(leadId)} order by id`,
        )
      ).map((j) => ({
        ...j,
        key: j.key.replace(`:${leadId}`, ':ID'),
        payload: { ...j.payload, leadId: 'ID' },
      }));
    const batchJobs = await jobsOf(id(1));
    expect(batchJobs.length).toBeGreaterThan(1);
    expect(batchJobs).toEqual(await jobsOf(hook.json.lead_id as number));
  });
});
