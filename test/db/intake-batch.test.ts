// Group commit (issue 16): concurrent webhook intakes share one statement and one commit, each
// caller still gets its own lead's outcome, and one row that fails fails only itself.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedConfig } from '../../src/config/config-source.js';
import { parseWorkspaceConfig } from '../../src/config/workspace.js';
import type { WorkspaceConfig } from '../../src/config/workspace-schema.js';
import type { Database } from '../../src/db/client.js';
import { type LeadInput, parseLeadInput } from '../../src/domain/lead-input.js';
import { planLadder } from '../../src/domain/sla-ladder.js';
import { LeadService } from '../../src/services/leads.js';
import { applyWorkspaceConfig } from '../../src/services/workspace-setup.js';
import { openTestDatabase, refuseLeadEmail } from '../harness/database.js';

const TEAM = 'T0BATCH';
const YAML = `
team_id: ${TEAM}
channels:
  leads: { smb: C0LEADS, enterprise: C0ENTLEADS }
roster:
  - { user: U0SDR0001, roles: [sdr] }
  - { user: U0AE00001, roles: [ae], segments: [enterprise] }
`;
// Monday 10:00 UTC: inside working hours.
const NOW = new Date('2026-06-08T10:00:00Z');

let database: Database;
let config: WorkspaceConfig;
// One batch at a time, so what is submitted while the first runs is exactly the next batch.
let service: LeadService;
const statements: string[] = [];

beforeAll(async () => {
  database = await openTestDatabase({ onQuery: (text) => statements.push(text) });
  config = parseWorkspaceConfig(YAML, 'baton.yaml');
  await applyWorkspaceConfig(database, { teamId: TEAM }, config, NOW);
  service = new LeadService(database, fixedConfig(config), { maxInFlight: 1, maxBatch: 64 });
});
afterAll(async () => {
  await database?.close();
});

function input(key: string, extra: Record<string, unknown> = {}): LeadInput {
  const parsed = parseLeadInput({
    external_id: `b-${key}`,
    source: 'website',
    email: `lead-${key}@company-${key}.example`,
    name: `Lead ${key}`,
    company: `Company ${key}`,
    company_size: 40,
    form: 'demo_request',
    ...extra,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.lead;
}

/**
 * Starts every intake in the same tick: the first goes alone (nothing else is in flight), the
 * others queue while it runs and go together. Answers each one's settled outcome and the statements.
 */
async function together(leads: LeadInput[]) {
  statements.length = 0;
  const settled = await Promise.allSettled(leads.map((lead) => service.intake(TEAM, lead, NOW)));
  return { settled, sent: [...statements] };
}

const batchStatements = (sent: string[]) => sent.filter((s) => s.includes('intake_leads('));
const singleStatements = (sent: string[]) => sent.filter((s) => s.includes('intake_lead('));
const rows = <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => database.rows<T>(query);
const value = <T>(s: PromiseSettledResult<T>): T => {
  if (s.status === 'rejected') throw s.reason;
  return s.value;
};

describe('intake group commit', () => {
  it('stores concurrent leads in one statement, each caller getting its own lead', async () => {
    const keys = ['g0', 'g1', 'g2', 'g3', 'g4', 'g5'];
    const { settled, sent } = await together(keys.map((k) => input(k)));
    // The first alone, the five that queued meanwhile in one more: two statements for six leads.
    expect(sent).toEqual([
      expect.stringContaining('intake_leads('),
      expect.stringContaining('intake_leads('),
    ]);
    const results = settled.map(value);
    expect(results.every((r) => !r.duplicate)).toBe(true);
    expect(new Set(results.map((r) => r.leadId)).size).toBe(keys.length);
    // The ladder's first step (it carries the others).
    const firstStep = planLadder(NOW, config.sla, config.calendar)[0]!.index;
    for (const [n, key] of keys.entries()) {
      const id = results[n]!.leadId;
      expect(await rows(sql`select email, external_id from leads where id = ${id}`)).toEqual([
        { email: `lead-${key}@company-${key}.example`, external_id: `b-${key}` },
      ]);
      expect(await rows(sql`select type from lead_events where lead_id = ${id}`)).toEqual([
        { type: 'created' },
      ]);
      expect(await rows(sql`select to_stage from stage_changes where lead_id = ${id}`)).toEqual([
        { to_stage: 'SQL' },
      ]);
      expect(await rows(sql`select dedupe_key from outbox where lead_id = ${id}`)).toEqual([
        { dedupe_key: `lead_card:${id}` },
      ]);
      // Claim mode's auto-assign timer and the ladder's first step, each keyed by this row's own lead.
      const jobs = await rows<{ dedupe_key: string }>(
        sql`select dedupe_key from jobs where payload->>'leadId' = ${String(id)} order by id`,
      );
      expect(jobs.map((j) => j.dedupe_key)).toEqual([
        `routing.auto_assign:${id}`,
        `sla.step:${id}:${firstStep}`,
      ]);
    }
  });

  it('makes one lead and one duplicate of the same email sent twice at once', async () => {
    const { settled, sent } = await together([
      input('d0'),
      input('d1'),
      input('d1', { external_id: 'b-d1-again' }),
      input('d2', { external_id: 'b-d1', email: 'other@company-d2.example' }),
    ]);
    const [, first, sameEmail, sameId] = settled.map(value);
    expect(first!.duplicate).toBe(false);
    expect(sameEmail).toEqual({ leadId: first!.leadId, duplicate: true });
    expect(sameId).toEqual({ leadId: first!.leadId, duplicate: true });
    // The later ones wait for the batch that stores the first, then find it as their duplicate.
    expect(batchStatements(sent).length).toBeGreaterThanOrEqual(3);
    expect(await rows(sql`select id from leads where email = 'lead-d1@company-d1.example'`)).toHaveLength(1);
    expect(
      await rows(sql`select type from lead_events where lead_id = ${first!.leadId} order by id`),
    ).toEqual([{ type: 'created' }, { type: 'resubmitted' }, { type: 'resubmitted' }]);
  });

  it('finishes a duplicate and an account lead of a batch in their own transactions', async () => {
    const old = value((await together([input('m0')])).settled[0]!);
    const owned = value((await together([input('m1')])).settled[0]!);
    await database.db.execute(
      sql`update leads set owner_id = 'U0SDR0001', owner_since = ${NOW.toISOString()}::timestamptz where id = ${owned.leadId}`,
    );
    const { settled, sent } = await together([
      input('m2'),
      input('m0', { external_id: 'b-m0-again' }), // a duplicate of an earlier lead
      input('m3', { email: 'someone@company-m1.example' }), // the owned lead's account
      input('m4'),
    ]);
    const [, dup, account, fresh] = settled.map(value);
    expect(dup).toEqual({ leadId: old.leadId, duplicate: true });
    expect(account!.duplicate).toBe(false);
    expect(fresh!.duplicate).toBe(false);
    expect(batchStatements(sent)).toHaveLength(2);
    // Neither went back through the one-lead statement: the batch already looked them up.
    expect(singleStatements(sent)).toHaveLength(2);
    expect(sent.filter((s) => /^begin/i.test(s))).toHaveLength(2);
    expect(await rows(sql`select owner_id from leads where id = ${account!.leadId}`)).toEqual([
      { owner_id: 'U0SDR0001' },
    ]);
    expect(await rows(sql`select type from lead_events where lead_id = ${old.leadId} order by id`)).toEqual([
      { type: 'created' },
      { type: 'resubmitted' },
    ]);
    expect(await rows(sql`select owner_id from leads where id = ${fresh!.leadId}`)).toEqual([
      { owner_id: null },
    ]);
  });

  it('fails only the row that fails: the others are stored once, nothing of it half-written', async () => {
    const allow = await refuseLeadEmail(database, 'boom@fail.example');
    try {
      const { settled, sent } = await together([
        input('f0'),
        input('f1'),
        input('f2', { email: 'boom@fail.example' }),
        input('f3'),
      ]);
      expect(settled[2]!.status).toBe('rejected');
      const stored = [settled[0], settled[1], settled[3]].map((s) => value(s!));
      expect(stored.every((r) => !r.duplicate)).toBe(true);
      // The batch of three failed as a whole; each of its rows then went alone.
      expect(batchStatements(sent)).toHaveLength(2);
      expect(singleStatements(sent)).toHaveLength(3);
      for (const key of ['f0', 'f1', 'f3']) {
        expect(await rows(sql`select id from leads where external_id = ${`b-${key}`}`)).toHaveLength(1);
      }
      expect(await rows(sql`select id from leads where external_id = 'b-f2'`)).toEqual([]);
      expect(
        await rows(
          sql`select e.id from lead_events e left join leads l on l.id = e.lead_id where l.id is null`,
        ),
      ).toEqual([]);
      expect(
        await rows(sql`select o.id from outbox o left join leads l on l.id = o.lead_id where l.id is null`),
      ).toEqual([]);
    } finally {
      await allow();
    }
  });
});
