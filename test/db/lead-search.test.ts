// Lead search by part of the company or name (`/lead <text>`, the VOC modal's lead picker): the
// right leads, newest first, pattern characters taken literally, no match across company and name —
// and found from the trigram index leads_search, not a scan of every lead (issue 16: 0.9-5.6 s at
// 1M leads, past the 3 s Slack gives an options request).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWorkspaceConfig } from '../../src/config/workspace.js';
import type { Database } from '../../src/db/client.js';
import { searchLeadsByText } from '../../src/db/queries/lead-lookup.js';
import { applyWorkspaceConfig } from '../../src/services/workspace-setup.js';
import { openTestDatabase } from '../harness/database.js';
import { customPlan, recordStatements, type SeenStatement } from '../harness/plans.js';

const TEAM = 'T0SEARCH';
const NOW = new Date('2026-06-10T12:00:00Z');
const recorder: { statements: SeenStatement[] | null } = { statements: null };
let database: Database;

beforeAll(async () => {
  database = await openTestDatabase({
    onQuery: (text, params) => recorder.statements?.push({ text, params: params ?? [] }),
  });
  const config = parseWorkspaceConfig(
    `team_id: ${TEAM}\nchannels:\n  leads: { default: C0LEADS }\n`,
    'b.yaml',
  );
  await applyWorkspaceConfig(database, { teamId: TEAM }, config, NOW);
  const insert = (rows: string) =>
    database.db.execute(
      sql.raw(`insert into leads (team_id, source, external_id, email, company, name, segment, stage,
        furthest_stage, stage_entered_at, score, routed, created_at, updated_at) ${rows}`),
    );
  // 12,000 leads that match none of the searches below.
  await insert(`select '${TEAM}', 'web', 'n-' || i, 'n' || i || '@x.example', 'Company ' || i, 'Person ' || i,
    'smb', 'Lead', 'Lead', now(), 10, false, '${NOW.toISOString()}'::timestamptz - make_interval(hours => i),
    now() from generate_series(1, 12000) i`);
  await insert(`values
    ('${TEAM}', 'web', 'z1', 'a@zebra.example', 'Zebra Logistics', 'Ann Lee', 'smb', 'Lead', 'Lead', now(), 10, false, '2026-06-01T00:00:00Z', now()),
    ('${TEAM}', 'web', 'z2', 'b@other.example', 'Other Co', 'Bo Zebra-Smith', 'smb', 'Lead', 'Lead', now(), 10, false, '2026-06-03T00:00:00Z', now()),
    ('${TEAM}', 'web', 'z3', 'c@zeb.example', 'ZEBRA labs', null, 'smb', 'Lead', 'Lead', now(), 10, false, '2026-06-02T00:00:00Z', now()),
    ('${TEAM}', 'web', 'p1', 'd@pct.example', '100% Organic', 'Dee', 'smb', 'Lead', 'Lead', now(), 10, false, '2026-06-02T00:00:00Z', now()),
    ('${TEAM}', 'web', 'p2', 'e@pct.example', '1000 Organic', 'Eve', 'smb', 'Lead', 'Lead', now(), 10, false, '2026-06-02T00:00:00Z', now()),
    ('${TEAM}', 'web', 'x1', 'f@acme.example', 'Acme', 'Bob Stone', 'smb', 'Lead', 'Lead', now(), 10, false, '2026-06-02T00:00:00Z', now())`);
  await database.db.execute(sql`analyze leads`);
});
afterAll(async () => {
  await database?.close();
});

const ids = (rows: Array<{ externalId: string | null }>) => rows.map((r) => r.externalId);

describe('lead search by company or name', () => {
  it('finds a word in either, any case, newest first', async () => {
    expect(ids(await searchLeadsByText(database.db, TEAM, 'zebra', 10))).toEqual(['z2', 'z3', 'z1']);
    expect(ids(await searchLeadsByText(database.db, TEAM, 'zebra', 2))).toEqual(['z2', 'z3']);
  });

  it('takes % and _ literally and never matches across company and name', async () => {
    expect(ids(await searchLeadsByText(database.db, TEAM, '100%', 10))).toEqual(['p1']);
    expect(ids(await searchLeadsByText(database.db, TEAM, 'acme bob', 10))).toEqual([]);
    expect(ids(await searchLeadsByText(database.db, TEAM, 'me Bo', 10))).toEqual([]);
  });

  it('is planned on the trigram index for a rare word', async () => {
    const { statements } = await recordStatements(recorder, () =>
      searchLeadsByText(database.db, TEAM, 'zebra', 10),
    );
    const search = statements.find((s) => s.text.includes('ilike'));
    if (!search) throw new Error('no search statement seen');
    const plan = await customPlan(database, search, { noSeqScan: true });
    expect(plan).toContain('leads_search');
    expect(plan).not.toMatch(/Seq Scan on leads/);
  });
});
