// Flow's daily rollup (issue 16) gives the same counts as stage_changes itself, for any history,
// any period and any moment the rollup job ran, changes landing on rolled days included (fast-check).
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedConfig } from '../../src/config/config-source.js';
import { parseWorkspaceConfig } from '../../src/config/workspace.js';
import type { Database } from '../../src/db/client.js';
import { flowMoves, flowMovesBy } from '../../src/db/queries/funnel.js';
import { movesRolledUntil, rolledFlowMoves, rolledFlowMovesBy } from '../../src/db/queries/funnel-rollups.js';
import { funnelDailyMoves, funnelRollupState, leads, stageChanges } from '../../src/db/schema.js';
import { parsePeriod } from '../../src/domain/periods.js';
import { rollFunnel } from '../../src/jobs/funnel-rollup.js';
import { FunnelService } from '../../src/services/funnel.js';
import { applyWorkspaceConfig } from '../../src/services/workspace-setup.js';
import { openTestDatabase, seedWorkspace } from '../harness/database.js';

const TEAM = 'T0ROLLUP';
const OTHER = 'T0ROLLOTHER';
const BASE = new Date('2026-05-04T00:00:00Z');
const MINUTE = 60_000;
const DAY = 86_400_000;
const TO_STAGES = ['Lead', 'MQL', 'SAL', 'SQL', 'Lost'] as const;
const STAGES = [null, ...TO_STAGES] as const;

let database: Database;
let leadId: number;
let otherLeadId: number;

beforeAll(async () => {
  database = await openTestDatabase();
  await seedWorkspace(database, TEAM, BASE);
  await seedWorkspace(database, OTHER, BASE);
  const lead = (teamId: string) =>
    database.db
      .insert(leads)
      .values({
        teamId,
        source: 'web',
        segment: 'smb',
        stage: 'Lead',
        furthestStage: 'Lead',
        stageEnteredAt: BASE,
      })
      .returning({ id: leads.id });
  leadId = (await lead(TEAM))[0]!.id;
  otherLeadId = (await lead(OTHER))[0]!.id;
});
afterAll(async () => {
  await database?.close();
});

const changeArb = fc.record({
  team: fc.constantFrom(TEAM, TEAM, TEAM, OTHER),
  // Minutes over six days, on a few distinct values so midnights and period edges are hit.
  minute: fc.oneof(fc.integer({ min: 0, max: 6 * 1440 }), fc.constantFrom(0, 1440, 2880, 2879, 4320)),
  from: fc.constantFrom(...STAGES),
  to: fc.constantFrom(...TO_STAGES),
  segment: fc.constantFrom('smb', 'mid'),
  source: fc.constantFrom('web', 'event', 'ads'),
  owner: fc.constantFrom(null, 'U0A', 'U0B'),
});

type Change = typeof changeArb extends fc.Arbitrary<infer T> ? T : never;

async function insert(changes: readonly Change[]) {
  if (changes.length === 0) return;
  await database.db.insert(stageChanges).values(
    changes.map((c) => ({
      teamId: c.team,
      leadId: c.team === TEAM ? leadId : otherLeadId,
      fromStage: c.from,
      toStage: c.to,
      enteredAt: new Date(BASE.getTime() + c.minute * MINUTE),
      via: 'api',
      segment: c.segment,
      source: c.source,
      ownerId: c.owner,
    })),
  );
}

/** One Lead → MQL move by U0A, placed by `minute`. */
const change = { team: TEAM, from: 'Lead', to: 'MQL', segment: 'smb', source: 'web', owner: 'U0A' } as const;

async function emptyRollup() {
  await database.db.delete(stageChanges);
  await database.db.delete(funnelDailyMoves);
  await database.db.delete(funnelRollupState);
}

/** Rows summed per (key, from, to), zeros left out, in a fixed order. */
function totals(
  rows: ReadonlyArray<{ key?: string | null; fromStage: string | null; toStage: string; count: number }>,
) {
  const sums = new Map<string, number>();
  for (const r of rows) {
    const k = `${r.key ?? '∅'}|${r.fromStage ?? '∅'}|${r.toStage}`;
    sums.set(k, (sums.get(k) ?? 0) + r.count);
  }
  return [...sums.entries()].filter(([, n]) => n !== 0).sort(([a], [b]) => (a < b ? -1 : 1));
}

describe('flow rollup', () => {
  it('counts what stage_changes counts, before and after changes land on rolled days', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(changeArb, { maxLength: 30 }),
        fc.array(changeArb, { maxLength: 10 }),
        fc.integer({ min: 0, max: 7 * 1440 }),
        fc.array(fc.tuple(fc.integer({ min: -600, max: 7 * 1440 }), fc.integer({ min: 1, max: 7 * 1440 })), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.boolean(),
        async (before, after, rollMinute, periods, removeSome) => {
          await emptyRollup();
          await insert(before);
          await rollFunnel(database, TEAM, new Date(BASE.getTime() + rollMinute * MINUTE));
          // Late changes (on days the rollup holds, too), and removals: the trigger moves the rollup back.
          await insert(after);
          if (removeSome) await database.db.delete(stageChanges).where(sql`${stageChanges.id} % 3 = 0`);
          const rolledUntil = await movesRolledUntil(database.db, TEAM);
          for (const [startMinute, length] of periods) {
            const start = new Date(BASE.getTime() + startMinute * MINUTE);
            const end = new Date(start.getTime() + length * MINUTE);
            expect(totals(await rolledFlowMoves(database.db, TEAM, start, end, rolledUntil))).toEqual(
              totals(await flowMoves(database.db, TEAM, start, end)),
            );
            for (const by of ['segment', 'source', 'owner'] as const)
              expect(totals(await rolledFlowMovesBy(database.db, TEAM, start, end, by, rolledUntil))).toEqual(
                totals(await flowMovesBy(database.db, TEAM, start, end, by)),
              );
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000); // many database round trips: longer than the default on a loaded machine

  it('holds whole closed days, and a change on a rolled day moves it back to that day', async () => {
    await emptyRollup();
    await insert([
      { ...change, minute: 10 },
      { ...change, minute: 1440 + 10 },
      { ...change, minute: 2 * 1440 + 10 },
    ]);
    // At 12:00 on the third day: the first two days are closed and rolled.
    const rolled = await rollFunnel(database, TEAM, new Date(BASE.getTime() + 2.5 * DAY));
    expect(rolled).toEqual({ movesUntil: new Date(BASE.getTime() + 2 * DAY), done: true });
    const overall = await database.db.select().from(funnelDailyMoves).orderBy(funnelDailyMoves.day);
    expect(overall.filter((r) => r.dim === '').map((r) => [r.day, r.moves])).toEqual([
      ['2026-05-04', 1],
      ['2026-05-05', 1],
    ]);
    expect(overall.filter((r) => r.dim === 'owner').map((r) => r.key)).toEqual(['U0A', 'U0A']);
    // A move recorded late on the first day: the rollup stands at that day again.
    await insert([{ ...change, minute: 20 }]);
    expect(await movesRolledUntil(database.db, TEAM)).toEqual(BASE);
    await rollFunnel(database, TEAM, new Date(BASE.getTime() + 2.5 * DAY));
    expect(await movesRolledUntil(database.db, TEAM)).toEqual(new Date(BASE.getTime() + 2 * DAY));
    const first = await database.db.select().from(funnelDailyMoves);
    expect(first.find((r) => r.dim === '' && r.day === '2026-05-04')?.moves).toBe(2);
    // One statement with moves on the second day and then the first (a batch, a bulk import):
    // the rollup stands at the earliest of them, and the other team's stays where it was.
    const otherUntil = await rollFunnel(database, OTHER, new Date(BASE.getTime() + 2.5 * DAY));
    await insert([
      { ...change, minute: 1440 + 30 },
      { ...change, minute: 30 },
      { ...change, team: OTHER, minute: 2 * 1440 + 30 },
    ]);
    expect(await movesRolledUntil(database.db, TEAM)).toEqual(BASE);
    expect(await movesRolledUntil(database.db, OTHER)).toEqual(otherUntil.movesUntil);
    await rollFunnel(database, TEAM, new Date(BASE.getTime() + 2.5 * DAY));
    const again = await database.db.select().from(funnelDailyMoves).orderBy(funnelDailyMoves.day);
    expect(again.filter((r) => r.dim === '' && r.teamId === TEAM).map((r) => [r.day, r.moves])).toEqual([
      ['2026-05-04', 3],
      ['2026-05-05', 2],
    ]);
  });

  it('a flow report shows a change recorded after the rollup ran, on a day it had counted', async () => {
    const yaml = `team_id: ${TEAM}\nsegments: [smb]\nchannels: { leads: C0LEADS }\nroster:\n  - { user: U0A, roles: [sdr] }\n`;
    const config = parseWorkspaceConfig(yaml, 'baton.yaml');
    const now = new Date(BASE.getTime() + 3.5 * DAY);
    await applyWorkspaceConfig(database, { teamId: TEAM }, config, now);
    await emptyRollup();
    await insert([{ ...change, minute: 1440 + 60 }]);
    await rollFunnel(database, TEAM, now);
    const parsed = parsePeriod('2026-05-04..2026-05-07', now, 'UTC');
    if (!parsed.ok) throw new Error(parsed.problem.code);
    const mql = async () =>
      (
        await new FunnelService(database, fixedConfig(config)).report(
          TEAM,
          { period: parsed.period, mode: 'flow', by: null },
          now,
        )
      ).stages.find((s) => s.stage === 'MQL')!.count;
    expect(await mql()).toBe(1);
    await insert([{ ...change, minute: 1440 + 120 }]);
    expect(await mql()).toBe(2);
  });
});
