// Cohort's rollup (issue 16) counts what leads count, as of now: for any leads, moves and changes of
// owner or segment, rolled in any steps up to any stage change, then more of them after the roll
// (older leads moving on or changing hands included), every period's counts from the rollup equal
// cohortReach over leads, and per owner, segment and source cohortReachBy (fast-check).
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedConfig } from '../../src/config/config-source.js';
import { parseWorkspaceConfig } from '../../src/config/workspace.js';
import type { Database } from '../../src/db/client.js';
import { cohortReach, cohortReachBy } from '../../src/db/queries/funnel.js';
import {
  cohortReachFromRollup,
  cohortRollupState,
  rollCohortChanges,
} from '../../src/db/queries/funnel-cohort.js';
import { rowsOf } from '../../src/db/queries/raw.js';
import { leads, stageChanges } from '../../src/db/schema.js';
import type { ReachRow } from '../../src/domain/funnel.js';
import { BREAKDOWNS } from '../../src/domain/funnel-args.js';
import { furthestOf } from '../../src/domain/lead-stages.js';
import { parsePeriod } from '../../src/domain/periods.js';
import { rollCohort } from '../../src/jobs/funnel-rollup.js';
import { FunnelService } from '../../src/services/funnel.js';
import { applyWorkspaceConfig } from '../../src/services/workspace-setup.js';
import { openTestDatabase, seedWorkspace } from '../harness/database.js';

const TEAM = 'T0COHORTROLL';
const OTHER = 'T0COHORTROLLOTHER';
const BASE = new Date('2026-05-04T00:00:00Z');
const MINUTE = 60_000;
const DAY = 86_400_000;
const WORKING = ['Lead', 'MQL', 'SAL', 'SQL', 'Opportunity', 'Negotiation', 'Closing', 'Retention'];
const STAGES = [...WORKING, 'Lost', 'Disqualified', 'Recycle'];

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
  await seedWorkspace(database, TEAM, BASE);
  await seedWorkspace(database, OTHER, BASE);
});
afterAll(async () => {
  await database?.close();
});

const at = (minute: number) => new Date(BASE.getTime() + minute * MINUTE);

const leadArb = fc.record({
  team: fc.constantFrom(TEAM, TEAM, TEAM, OTHER),
  // Minutes from BASE over four days; a few on midnights.
  createdMinute: fc.oneof(fc.integer({ min: 0, max: 4 * 1440 }), fc.constantFrom(0, 1440, 2879, 2880)),
  // Mostly a working stage, as intake gives; a side stage leaves no furthest stage.
  arrival: fc.oneof(fc.constantFrom('Lead', 'Lead', 'MQL', 'SQL'), fc.constantFrom(...STAGES)),
  owner: fc.constantFrom(null, 'U0A', 'U0B'),
  segment: fc.constantFrom('smb', 'ent'),
  source: fc.constantFrom('web', 'event'),
});
/** The `lead`-th lead stored so far (modulo) changes hands, or (rarely, by hand) segment. */
const handArb = fc.record({
  lead: fc.nat(),
  field: fc.constantFrom('owner_id', 'owner_id', 'owner_id', 'segment'),
  to: fc.constantFrom(null, 'U0A', 'U0B', 'U0C'),
});
/** A move of the `lead`-th lead stored so far (modulo), into any stage. */
const moveArb = fc.record({ lead: fc.nat(), to: fc.constantFrom(...STAGES) });
type Lead = typeof leadArb extends fc.Arbitrary<infer T> ? T : never;
type Move = typeof moveArb extends fc.Arbitrary<infer T> ? T : never;
type Hand = typeof handArb extends fc.Arbitrary<infer T> ? T : never;
type Stored = { id: number; team: string; stage: string; furthest: string | null; minute: number };

async function empty() {
  await database.db.execute(
    sql`truncate funnel_daily_cohort, funnel_daily_cohort_by, funnel_cohort_leads, funnel_cohort_rolled, lead_key_changes`,
  );
  await database.db.delete(stageChanges);
  await database.db.delete(leads);
}

/** A lead and its arrival, as intake stores them. */
async function arrive(
  lead: Pick<Lead, 'team' | 'createdMinute' | 'arrival'> & Partial<Lead>,
): Promise<Stored> {
  const furthest = furthestOf(null, lead.arrival, WORKING);
  const [row] = await database.db
    .insert(leads)
    .values({
      teamId: lead.team,
      source: lead.source ?? 'web',
      segment: lead.segment ?? 'smb',
      ownerId: lead.owner ?? null,
      stage: lead.arrival,
      furthestStage: furthest,
      stageEnteredAt: at(lead.createdMinute),
      createdAt: at(lead.createdMinute),
    })
    .returning({ id: leads.id });
  await change(lead.team, row!.id, null, lead.arrival, lead.createdMinute);
  return { id: row!.id, team: lead.team, stage: lead.arrival, furthest, minute: lead.createdMinute };
}

async function change(teamId: string, leadId: number, from: string | null, to: string, minute: number) {
  await database.db.insert(stageChanges).values({
    teamId,
    leadId,
    fromStage: from,
    toStage: to,
    enteredAt: at(minute),
    via: 'api',
    segment: 'smb',
    source: 'web',
  });
}

/** A move as the app makes it: the lead's stage and furthest stage, and a stage change. */
async function move(stored: Stored[], m: Move, minute: number) {
  if (stored.length === 0) return;
  const lead = stored[m.lead % stored.length]!;
  const furthest = furthestOf(lead.furthest, m.to, WORKING);
  await database.db.execute(
    sql`update leads set stage = ${m.to}, furthest_stage = ${furthest} where id = ${lead.id}`,
  );
  await change(lead.team, lead.id, lead.stage, m.to, Math.max(minute, lead.minute));
  lead.stage = m.to;
  lead.furthest = furthest;
}

/** A change of owner (as claims and reassignments make it) or of segment, by a plain update. */
async function hand(stored: Stored[], h: Hand) {
  if (stored.length === 0) return;
  const lead = stored[h.lead % stored.length]!;
  if (h.field === 'segment')
    await database.db.execute(sql`update leads set segment = ${h.to ?? 'mid'} where id = ${lead.id}`);
  else await database.db.execute(sql`update leads set owner_id = ${h.to} where id = ${lead.id}`);
}

/** Rows summed per furthest stage, zeros left out, in a fixed order. */
const totals = (rows: readonly ReachRow[]) => {
  const sums = new Map<string, number>();
  for (const r of rows) sums.set(String(r.furthestStage), (sums.get(String(r.furthestStage)) ?? 0) + r.count);
  return [...sums.entries()].filter(([, n]) => n !== 0).sort(([a], [b]) => (a < b ? -1 : 1));
};

/** Rows summed per breakdown value and furthest stage, zeros left out, in a fixed order. */
const totalsBy = (rows: ReadonlyArray<ReachRow & { key: string | null }>) =>
  totals(rows.map((r) => ({ furthestStage: `${r.key}/${r.furthestStage}`, count: r.count })));

/** One roll step of at most `maxChanges` ids, up to `upTo` when given. */
const rollStep = (maxChanges: number, upTo?: number) =>
  database.db.transaction((tx) => rollCohortChanges(tx, TEAM, maxChanges, upTo));

describe('cohort rollup', () => {
  it('counts what leads count, as of now, before and after moves that follow a roll', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(leadArb, { maxLength: 14 }),
        fc.array(moveArb, { maxLength: 20 }),
        fc.array(leadArb, { maxLength: 6 }),
        fc.array(moveArb, { maxLength: 12 }),
        fc.array(handArb, { maxLength: 8 }),
        fc.array(handArb, { maxLength: 8 }),
        fc.record({
          step: fc.integer({ min: 1, max: 8 }),
          // The roll stops this many changes short of the last (a daily job's tail), or goes all the way.
          shortBy: fc.option(fc.integer({ min: 0, max: 10 }), { freq: 2 }),
          // After the later moves: one more step of the roll, which leaves the rest to the report.
          again: fc.boolean(),
        }),
        fc.array(fc.tuple(fc.integer({ min: -600, max: 4 * 1440 }), fc.integer({ min: 1, max: 5 * 1440 })), {
          minLength: 1,
          maxLength: 3,
        }),
        async (leadsBefore, movesBefore, leadsAfter, movesAfter, handsBefore, handsAfter, roll, periods) => {
          await empty();
          const stored: Stored[] = [];
          for (const lead of leadsBefore) stored.push(await arrive(lead));
          for (const [i, m] of movesBefore.entries()) await move(stored, m, 4 * 1440 + i);
          for (const h of handsBefore) await hand(stored, h);
          const [last] = rowsOf<{ top: number }>(
            await database.db.execute(sql`select coalesce(max(id), 0)::int as top from stage_changes`),
          );
          const upTo = roll.shortBy === null ? undefined : Math.max(0, last!.top - roll.shortBy);
          for (;;) if ((await rollStep(roll.step, upTo)).done) break;
          for (const lead of leadsAfter) stored.push(await arrive(lead));
          for (const [i, m] of movesAfter.entries()) await move(stored, m, 5 * 1440 + i);
          for (const h of handsAfter) await hand(stored, h);
          if (roll.again) await rollStep(roll.step);
          const asked = periods.map(([s, length]) => ({ start: at(s), end: at(s + length) }));
          // The rollup itself, whatever a report would choose for so few leads.
          const state = await cohortRollupState(database.db, TEAM, asked);
          const fromRollup = state
            ? await cohortReachFromRollup(database.db, TEAM, asked, state.changesUntil)
            : await Promise.all(asked.map((p) => cohortReach(database.db, TEAM, p.start, p.end)));
          for (const [i, p] of asked.entries())
            expect(totals(fromRollup[i]!)).toEqual(
              totals(await cohortReach(database.db, TEAM, p.start, p.end)),
            );
          if (!state) return;
          // Per breakdown, the first period broken down and the others not, in one statement (as a
          // report asks for its period and the previous one).
          for (const by of BREAKDOWNS) {
            const rows = await cohortReachFromRollup(
              database.db,
              TEAM,
              asked.map((p, j) => (j === 0 ? { ...p, by } : p)),
              state.changesUntil,
            );
            for (const [i, p] of asked.entries())
              expect(i === 0 ? totalsBy(rows[i]!) : totals(rows[i]!)).toEqual(
                i === 0
                  ? totalsBy(await cohortReachBy(database.db, TEAM, p.start, p.end, by))
                  : totals(await cohortReach(database.db, TEAM, p.start, p.end)),
              );
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 180_000); // many database round trips: longer than the default on a loaded machine

  it('counts each change once when two rolls of the team run at once', async () => {
    await empty();
    const stored: Stored[] = [];
    for (let i = 0; i < 12; i++)
      stored.push(await arrive({ team: TEAM, createdMinute: 100 + i * 300, arrival: 'Lead' }));
    for (let i = 0; i < 24; i++) await move(stored, { lead: i * 5, to: WORKING[1 + (i % 6)]! }, 4000 + i);
    for (let i = 0; i < 9; i++)
      await hand(stored, { lead: i * 7, field: 'owner_id', to: i % 2 ? 'U0A' : 'U0B' });
    const roll = async () => {
      for (;;) if ((await rollStep(2)).done) return;
    };
    await Promise.all([roll(), roll(), roll()]);
    const asked = [{ start: at(0), end: at(4 * 1440) }];
    const state = await cohortRollupState(database.db, TEAM, asked);
    expect(totals((await cohortReachFromRollup(database.db, TEAM, asked, state!.changesUntil))[0]!)).toEqual(
      totals(await cohortReach(database.db, TEAM, asked[0]!.start, asked[0]!.end)),
    );
    // Every handover counted, and its log row gone with it.
    expect(rowsOf(await database.db.execute(sql`select 1 from lead_key_changes`))).toHaveLength(0);
    const [byOwner] = await cohortReachFromRollup(
      database.db,
      TEAM,
      [{ ...asked[0]!, by: 'owner' }],
      state!.changesUntil,
    );
    expect(totalsBy(byOwner!)).toEqual(
      totalsBy(await cohortReachBy(database.db, TEAM, asked[0]!.start, asked[0]!.end, 'owner')),
    );
  });

  it('a lead created months ago that is won today counts as won today, on a rolled day', async () => {
    const yaml = `team_id: ${TEAM}\nsegments: [smb]\nchannels: { leads: C0LEADS }\nroster:\n  - { user: U0A, roles: [sdr] }\n`;
    const config = parseWorkspaceConfig(yaml, 'baton.yaml');
    const now = new Date(BASE.getTime() + 120 * DAY);
    await applyWorkspaceConfig(database, { teamId: TEAM }, config, now);
    await empty();
    const march = await arrive({ team: TEAM, createdMinute: 600, arrival: 'SQL' });
    await arrive({ team: TEAM, createdMinute: 700, arrival: 'Lead' });
    await rollCohort(database, TEAM);
    expect((await cohortRollupState(database.db, TEAM, []))?.changesUntil).toBeGreaterThan(0);
    const parsed = parsePeriod('2026-05-01..2026-05-31', now, 'UTC');
    if (!parsed.ok) throw new Error(parsed.problem.code);
    const won = async () =>
      (
        await new FunnelService(database, fixedConfig(config)).report(
          TEAM,
          { period: parsed.period, mode: 'cohort', by: null },
          now,
        )
      ).stages.map((s) => [s.stage, s.count]);
    expect(await won()).toEqual([
      ['Lead', 2],
      ['MQL', 1],
      ['SAL', 1],
      ['SQL', 1],
      ['Opportunity', 0],
      ['Negotiation', 0],
      ['Closing', 0],
      ['Retention', 0],
    ]);
    // Won today, after the rollup ran: the report counts it at once, and after the next roll too.
    await move([march], { lead: 0, to: 'Closing' }, 120 * 1440);
    const afterWin = [
      ['Lead', 2],
      ['MQL', 1],
      ['SAL', 1],
      ['SQL', 1],
      ['Opportunity', 1],
      ['Negotiation', 1],
      ['Closing', 1],
      ['Retention', 0],
    ];
    expect(await won()).toEqual(afterWin);
    // A report this small reads leads; the rollup with the win made after it ran says the same.
    const may = [{ start: parsed.period.start, end: parsed.period.end }];
    const state = await cohortRollupState(database.db, TEAM, may);
    const rolled = await cohortReachFromRollup(database.db, TEAM, may, state!.changesUntil);
    expect(totals(rolled[0]!)).toEqual([
      ['Closing', 1],
      ['Lead', 1],
    ]);
    await rollCohort(database, TEAM);
    expect(await won()).toEqual(afterWin);
  });
});
