// Intake's statement budget (issue 16): a new lead with no duplicate and no account match costs one
// statement in one round trip — the email's advisory lock and every write, its own transaction —
// and that statement still writes everything the step-by-step intake wrote. On PostgreSQL a lone
// lead goes at once as a batch of one (intake_leads) and concurrent ones share a statement
// (intake-batch.test.ts); PGlite, which runs in Baton's thread, sends each lead alone (intake_lead).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedConfig } from '../../src/config/config-source.js';
import { parseWorkspaceConfig } from '../../src/config/workspace.js';
import type { WorkspaceConfig } from '../../src/config/workspace-schema.js';
import type { Database } from '../../src/db/client.js';
import { firstTouchDueAt } from '../../src/domain/business-time.js';
import { type LeadInput, parseLeadInput } from '../../src/domain/lead-input.js';
import { planLadder, stepDueAt } from '../../src/domain/sla-ladder.js';
import { LeadService } from '../../src/services/leads.js';
import { applyWorkspaceConfig } from '../../src/services/workspace-setup.js';
import { openTestDatabase } from '../harness/database.js';

const TEAM = 'T0TRIPS';
// smb: claim mode (the default) with its auto-assign timer; enterprise: round robin.
const YAML = `
team_id: ${TEAM}
channels:
  leads: { smb: C0LEADS, enterprise: C0ENTLEADS }
routing:
  segments:
    enterprise: { mode: round_robin }
roster:
  - { user: U0SDR0001, roles: [sdr] }
  - { user: U0AE00001, roles: [ae], segments: [enterprise] }
`;
// Monday 10:00 UTC: inside working hours, so the business clock runs from arrival.
const NOW = new Date('2026-06-08T10:00:00Z');

let database: Database;
let config: WorkspaceConfig;
let service: LeadService;
let recording: string[] | null = null;

beforeAll(async () => {
  database = await openTestDatabase({ onQuery: (text) => recording?.push(text) });
  config = parseWorkspaceConfig(YAML, 'baton.yaml');
  await applyWorkspaceConfig(database, { teamId: TEAM }, config, NOW);
  service = new LeadService(database, fixedConfig(config));
});
afterAll(async () => {
  await database?.close();
});

function input(i: number, extra: Record<string, unknown> = {}): LeadInput {
  const parsed = parseLeadInput({
    external_id: `rt-${i}`,
    source: 'website',
    email: `lead${i}@company${i}.example`,
    name: `Lead ${i}`,
    company: `Company ${i}`,
    company_size: 40,
    form: 'demo_request',
    ...extra,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.lead;
}

/** The statements one intake sends, and its result. */
async function statementsOf(lead: LeadInput, at = NOW) {
  recording = [];
  try {
    const result = await service.intake(TEAM, lead, at);
    return { result, statements: recording };
  } finally {
    recording = null;
  }
}

const rows = <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => database.rows<T>(query);

describe('intake round trips', () => {
  it('stores a new claim-mode lead in one statement, its own transaction', async () => {
    await service.intake(TEAM, input(0), NOW); // the first use prepares the statement on its connection
    const { result, statements } = await statementsOf(input(1));
    expect(result.duplicate).toBe(false);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(database.kind === 'postgres' ? /intake_leads\(/ : /intake_lead\(/);
  });

  it('writes the lead, its event, its arrival, its card and its jobs as before', async () => {
    const { result } = await statementsOf(input(2));
    const id = result.leadId;
    const [lead] = await rows<Record<string, unknown>>(
      sql`select segment, stage, routed, owner_id, sla_state, sla_due_at, furthest_stage, email_domain
          from leads where id = ${id}`,
    );
    expect(lead).toMatchObject({
      segment: 'smb',
      stage: 'SQL',
      routed: true,
      owner_id: null,
      sla_state: 'running',
      furthest_stage: 'SQL',
      email_domain: 'company2.example',
    });
    expect(new Date(lead!.sla_due_at as string).getTime()).toBe(
      firstTouchDueAt(NOW, config.sla, config.calendar).getTime(),
    );
    expect(
      await rows(sql`select type, data->>'routed' as routed from lead_events where lead_id = ${id}`),
    ).toEqual([{ type: 'created', routed: 'true' }]);
    expect(
      await rows(sql`select from_stage, to_stage, via, segment from stage_changes where lead_id = ${id}`),
    ).toEqual([{ from_stage: null, to_stage: 'SQL', via: 'intake', segment: 'smb' }]);
    expect(
      await rows(sql`select method, channel, purpose, dedupe_key, status from outbox where lead_id = ${id}`),
    ).toEqual([
      {
        method: 'chat.postMessage',
        channel: 'C0LEADS',
        purpose: 'lead_card',
        dedupe_key: `lead_card:${id}`,
        status: 'pending',
      },
    ]);
    const jobs = await rows<{
      kind: string;
      dedupe_key: string;
      payload: Record<string, unknown>;
      run_at: string;
    }>(
      sql`select kind, dedupe_key, payload, run_at from jobs where payload->>'leadId' = ${String(id)} order by id`,
    );
    const policy = config.routing.segments.smb;
    if (policy?.mode !== 'claim' || policy.autoAssignAfterMinutes === null)
      throw new Error('smb is claim mode');
    const ladder = planLadder(NOW, config.sla, config.calendar);
    expect(ladder.length).toBeGreaterThan(1);
    const plan = (p: (typeof ladder)[number]) => ({
      step: p.index,
      action: p.step.action,
      dueAt: p.dueAt.toISOString(),
    });
    expect(jobs.map((j) => ({ ...j, run_at: new Date(j.run_at).toISOString() }))).toEqual([
      {
        kind: 'routing.auto_assign',
        dedupe_key: `routing.auto_assign:${id}`,
        payload: { leadId: id, afterMinutes: policy.autoAssignAfterMinutes },
        run_at: stepDueAt(NOW, policy.autoAssignAfterMinutes, config.sla, config.calendar).toISOString(),
      },
      // The ladder's first step, carrying the later ones (booked when it runs).
      {
        kind: 'sla.step',
        dedupe_key: `sla.step:${id}:${ladder[0]!.index}`,
        payload: {
          leadId: id,
          ...plan(ladder[0]!),
          rest: ladder.slice(1).map(plan),
        },
        run_at: ladder[0]!.dueAt.toISOString(),
      },
    ]);
  });

  it('stores an unrouted lead in one statement, with no card and no jobs', async () => {
    const { result, statements } = await statementsOf(input(3, { form: null, company_size: 1 }));
    expect(statements).toHaveLength(1);
    const [lead] = await rows<{ routed: boolean; sla_state: string | null }>(
      sql`select routed, sla_state from leads where id = ${result.leadId}`,
    );
    expect(lead).toEqual({ routed: false, sla_state: null });
    expect(await rows(sql`select id from outbox where lead_id = ${result.leadId}`)).toEqual([]);
    expect(await rows(sql`select id from jobs where payload->>'leadId' = ${String(result.leadId)}`)).toEqual(
      [],
    );
  });

  it('recognises a duplicate by external_id and by recent email, storing no second lead', async () => {
    const first = await service.intake(TEAM, input(4), NOW);
    const sameId = await statementsOf({ ...input(4), email: 'other@elsewhere.example' });
    expect(sameId.result).toEqual({ leadId: first.leadId, duplicate: true });
    const sameEmail = await service.intake(TEAM, { ...input(4), externalId: 'rt-other' }, NOW);
    expect(sameEmail).toEqual({ leadId: first.leadId, duplicate: true });
    expect(await rows(sql`select type from lead_events where lead_id = ${first.leadId} order by id`)).toEqual(
      [{ type: 'created' }, { type: 'resubmitted' }, { type: 'resubmitted' }],
    );
    expect(
      await rows(sql`select id from leads where external_id = 'rt-4' or external_id = 'rt-other'`),
    ).toHaveLength(1);
  });

  it('makes one lead of the same email delivered at once under different ids', async () => {
    // On PostgreSQL these run on several connections: only the email's lock, taken before the
    // duplicate check reads, keeps two of them from both finding no lead and both storing one.
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, k) =>
        service.intake(TEAM, { ...input(7), externalId: `rt-race-${k}` }, NOW),
      ),
    );
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(new Set(results.map((r) => r.leadId)).size).toBe(1);
    expect(await rows(sql`select id from leads where email = 'lead7@company7.example'`)).toHaveLength(1);
  });

  it('gives a lead of a known account to its owner in its own statements', async () => {
    const first = await service.intake(TEAM, input(5), NOW);
    await database.db.execute(
      sql`update leads set owner_id = 'U0SDR0001', owner_since = ${NOW.toISOString()}::timestamptz where id = ${first.leadId}`,
    );
    const { result, statements } = await statementsOf(input(6, { email: 'someone@company5.example' }));
    expect(statements.length).toBeGreaterThan(1);
    const [lead] = await rows<{ owner_id: string }>(
      sql`select owner_id from leads where id = ${result.leadId}`,
    );
    expect(lead!.owner_id).toBe('U0SDR0001');
    const kinds = await rows<{ kind: string }>(
      sql`select kind from jobs where payload->>'leadId' = ${String(result.leadId)} order by id`,
    );
    // Assigned outright: no auto-assign timer, the ladder as usual (its first step, carrying the rest).
    expect(kinds.map((k) => k.kind)).not.toContain('routing.auto_assign');
    expect(kinds.filter((k) => k.kind === 'sla.step')).toHaveLength(1);
  });
});
