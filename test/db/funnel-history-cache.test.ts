// Stuck thresholds from history are recomputed once per clock hour (docs/funnel.md, Stuck deals).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedConfig } from '../../src/config/config-source.js';
import { parseWorkspaceConfig } from '../../src/config/workspace.js';
import type { WorkspaceConfig } from '../../src/config/workspace-schema.js';
import type { Database } from '../../src/db/client.js';
import { leads, stageChanges } from '../../src/db/schema.js';
import { parsePeriod } from '../../src/domain/periods.js';
import { FunnelService } from '../../src/services/funnel.js';
import { applyWorkspaceConfig } from '../../src/services/workspace-setup.js';
import { openTestDatabase } from '../harness/database.js';

const TEAM = 'T0HISTORY';
const YAML = `
team_id: ${TEAM}
segments: [smb]
channels: { leads: C0LEADS }
roster:
  - { user: U0SDR0001, roles: [sdr] }
`;
const DAY = 86_400_000;
const NOW = new Date('2026-06-10T10:30:00Z');

let database: Database;
let config: WorkspaceConfig;

/** A lead that spent `days` in MQL, leaving it at `leftAt`, and sits in SAL since then. */
async function mqlStay(days: number, leftAt: Date) {
  const entered = new Date(leftAt.getTime() - days * DAY);
  const [lead] = await database.db
    .insert(leads)
    .values({
      teamId: TEAM,
      source: 'website',
      segment: 'smb',
      stage: 'SAL',
      furthestStage: 'SAL',
      stageEnteredAt: leftAt,
      createdAt: entered,
      updatedAt: leftAt,
    })
    .returning({ id: leads.id });
  const row = { teamId: TEAM, leadId: lead!.id, via: 'intake', segment: 'smb', source: 'website' };
  await database.db.insert(stageChanges).values([
    { ...row, fromStage: null, toStage: 'MQL', enteredAt: entered, leftAt },
    { ...row, fromStage: 'MQL', toStage: 'SAL', enteredAt: leftAt },
  ]);
}

async function mqlThreshold(service: FunnelService, now: Date) {
  const parsed = parsePeriod('this-week', now, 'UTC');
  if (!parsed.ok) throw new Error(parsed.problem.code);
  const report = await service.report(TEAM, { period: parsed.period, mode: 'cohort', by: null }, now);
  return report.stages.find((s) => s.stage === 'MQL')!.stuckThresholdDays;
}

beforeAll(async () => {
  database = await openTestDatabase();
  config = parseWorkspaceConfig(YAML, 'baton.yaml');
  await applyWorkspaceConfig(database, { teamId: TEAM }, config, NOW);
  for (let i = 0; i < 5; i++) await mqlStay(1, new Date(NOW.getTime() - 10 * DAY));
});
afterAll(async () => {
  await database?.close();
});

describe('stuck thresholds from history', () => {
  it('keeps an hour’s history, then counts stays that ended since', async () => {
    const service = new FunnelService(database, fixedConfig(config));
    // Five 1-day stays: median 1, threshold 2 days.
    expect(await mqlThreshold(service, NOW)).toBe(2);
    // Five 5-day stays ending 10 minutes ago: inside the current hour, so not yet in the history.
    for (let i = 0; i < 5; i++) await mqlStay(5, new Date(NOW.getTime() - 10 * 60_000));
    expect(await mqlThreshold(service, new Date(NOW.getTime() + 20 * 60_000))).toBe(2);
    // Next hour: ten stays, median (1 + 5) / 2 = 3, threshold 6 days.
    expect(await mqlThreshold(service, new Date(NOW.getTime() + 40 * 60_000))).toBe(6);
    // A new process (no cache) agrees within the same hour.
    expect(
      await mqlThreshold(
        new FunnelService(database, fixedConfig(config)),
        new Date(NOW.getTime() + 40 * 60_000),
      ),
    ).toBe(6);
  });
});
