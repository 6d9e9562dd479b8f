// The SLA board (/sla, App Home) at scale (issue 16): its unclaimed leads and the week's first touches
// come from the partial indexes leads_unclaimed and leads_first_touch, not from a scan of every lead
// of the team (~190 ms each at 1M leads). Checked on the statements the board really sends, planned
// generically (as a prepared statement is after a few runs), with figures counted by hand.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedConfig } from '../../src/config/config-source.js';
import { parseWorkspaceConfig } from '../../src/config/workspace.js';
import type { Database } from '../../src/db/client.js';
import { SlaBoardService } from '../../src/services/sla-board.js';
import { applyWorkspaceConfig } from '../../src/services/workspace-setup.js';
import { openTestDatabase } from '../harness/database.js';
import { genericPlan, recordStatements, type SeenStatement } from '../harness/plans.js';

const TEAM = 'T0PLANS';
const YAML = `
team_id: ${TEAM}
channels:
  leads: { default: C0LEADS }
calendar:
  time_zone: UTC
roster:
  - { user: U0SELLER1, roles: [sdr] }
  - { user: U0MANAGER, roles: [manager] }
`;
// Wednesday; the ISO week runs from Monday 2026-06-08 00:00 UTC.
const NOW = new Date('2026-06-10T12:00:00Z');

let database: Database;
const recorder: { statements: SeenStatement[] | null } = { statements: null };
let board: SlaBoardService;

beforeAll(async () => {
  database = await openTestDatabase({
    onQuery: (text, params) => recorder.statements?.push({ text, params: params ?? [] }),
  });
  const config = parseWorkspaceConfig(YAML, 'baton.yaml');
  await applyWorkspaceConfig(database, { teamId: TEAM }, config, NOW);
  board = new SlaBoardService(database, fixedConfig(config));
  const now = `'${NOW.toISOString()}'::timestamptz`;
  const insert = (select: string) =>
    database.db.execute(
      sql.raw(`insert into leads (team_id, source, external_id, email, segment, stage, furthest_stage,
        stage_entered_at, score, routed, owner_id, owner_since, sla_due_at, sla_state, first_touch_at,
        created_at, updated_at) ${select}`),
    );
  // 4,000 leads claimed and touched in time before this week: neither unclaimed nor this week's.
  await insert(`select '${TEAM}', 'web', 'old-' || i, 'old' || i || '@x.example', 'smb', 'SQL', 'SQL',
    ${now} - make_interval(hours => 200 + i), 50, true, 'U0SELLER1', ${now} - make_interval(hours => 200 + i),
    ${now} - make_interval(hours => 199 + i), 'met', ${now} - make_interval(hours => 200 + i, mins => -30),
    ${now} - make_interval(hours => 200 + i), ${now} from generate_series(1, 4000) i`);
  // 7 unclaimed in open stages (breached before this week), and 2 in a closed stage (not listed).
  await insert(`select '${TEAM}', 'web', 'wait-' || i, 'wait' || i || '@x.example', 'smb',
    case when i <= 7 then 'MQL' else 'Lost' end, 'MQL', ${now} - make_interval(hours => 300 + i), 50, true,
    null, null, ${now} - make_interval(hours => 299 + i), 'breached', null,
    ${now} - make_interval(hours => 300 + i), ${now} from generate_series(1, 9) i`);
  // 5 first touches this week by U0SELLER1: 3 in time, 2 late (breached, due this week too).
  await insert(`select '${TEAM}', 'web', 'week-' || i, 'week' || i || '@x.example', 'smb', 'SQL', 'SQL',
    ${now} - make_interval(hours => 3 * i), 50, true, 'U0SELLER1', ${now} - make_interval(hours => 3 * i),
    ${now} - make_interval(hours => 3 * i - 1), case when i <= 3 then 'met' else 'breached' end,
    ${now} - make_interval(hours => 3 * i, mins => case when i <= 3 then -30 else -90 end),
    ${now} - make_interval(hours => 3 * i), ${now} from generate_series(1, 5) i`);
  await database.db.execute(sql`analyze leads`);
});
afterAll(async () => {
  await database?.close();
});

async function recorded(userId: string) {
  const { result, statements } = await recordStatements(recorder, () => board.board(TEAM, userId, NOW));
  if (result.kind !== 'member') throw new Error(`${userId} is not on the roster`);
  const find = (marker: string) => {
    const found = statements.find((s) => s.text.includes(marker));
    if (!found) throw new Error(`no statement with ${marker}`);
    return found;
  };
  return {
    board: result.board,
    unclaimed: find('"first_touch_at" is null'),
    week: find('count(*) filter'),
  };
}

describe('SLA board statements at scale', () => {
  it("reads a manager's unclaimed leads from leads_unclaimed and the week from leads_first_touch", async () => {
    const { board: b, unclaimed, week } = await recorded('U0MANAGER');
    expect(b.unclaimed.total).toBe(7);
    expect(b.unclaimed.items.map((i) => i.lead.externalId)).toEqual([
      'wait-7',
      'wait-6',
      'wait-5',
      'wait-4',
      'wait-3',
      'wait-2',
      'wait-1',
    ]);
    expect(b.byOwner).toEqual([{ ownerId: 'U0SELLER1', touched: 5, met: 3, breached: 2 }]);
    const unclaimedPlan = await genericPlan(database, unclaimed);
    expect(unclaimedPlan).toContain('leads_unclaimed');
    expect(unclaimedPlan).not.toMatch(/Seq Scan on leads|leads_cohort/);
    const weekPlan = await genericPlan(database, week);
    expect(weekPlan).toContain('leads_first_touch');
    expect(weekPlan).not.toMatch(/Seq Scan on leads|leads_cohort/);
  });

  it("reads a seller's unclaimed leads of their segments from the same index", async () => {
    const { board: b, unclaimed } = await recorded('U0SELLER1');
    expect(b.unclaimed.total).toBe(7);
    expect(b.totals).toEqual({ touched: 5, met: 3, breached: 2 });
    const plan = await genericPlan(database, unclaimed);
    expect(plan).toContain('leads_unclaimed');
    expect(plan).not.toMatch(/Seq Scan on leads|leads_cohort/);
  });
});
