// Days in stage from the daily stay rollup (issue 16) are the numbers percentile_cont gives over
// stage_changes itself, to the last bit: for any stays, any period, any moment the rollup job ran,
// and stays that end, change or go away on days it had counted (fast-check).
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { stayMedians } from '../../src/db/queries/funnel.js';
import { periodStayMedians, staysRolledUntil } from '../../src/db/queries/funnel-stays.js';
import { funnelDailyStays, funnelStaysRolled, leads, stageChanges } from '../../src/db/schema.js';
import { rollStays } from '../../src/jobs/funnel-rollup.js';
import { openTestDatabase, seedWorkspace } from '../harness/database.js';

const TEAM = 'T0STAYS';
const OTHER = 'T0STAYSOTHER';
const BASE = new Date('2026-05-04T00:00:00Z');
const MINUTE = 60_000;
const DAY = 86_400_000;
const STAGES = ['Lead', 'MQL', 'SAL'] as const;

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

// Microseconds, so lengths are not whole seconds; a few fixed values make ties and midnights.
const MICROS_PER_MINUTE = 60_000_000;
const lengthArb = fc.oneof(
  fc.integer({ min: 0, max: 3 * 1440 * MICROS_PER_MINUTE }),
  fc.integer({ min: 0, max: 60_000_000 }),
  fc.constantFrom(
    0,
    3_600_000_000,
    86_400_000_000,
    86_400_000_001,
    40 * 86_400_000_000,
    400 * 86_400_000_000,
  ),
  fc.integer({ min: -3_600_000_000, max: -1 }),
);
const stayArb = fc.record({
  team: fc.constantFrom(TEAM, TEAM, TEAM, OTHER),
  stage: fc.constantFrom(...STAGES),
  // When the stay ended, in microseconds over six days (null: still open).
  leftAt: fc.option(
    fc.oneof(
      fc.integer({ min: 0, max: 6 * 1440 * MICROS_PER_MINUTE }),
      fc.constantFrom(0, 1440 * MICROS_PER_MINUTE),
    ),
    { freq: 6 },
  ),
  length: lengthArb,
});

type Stay = typeof stayArb extends fc.Arbitrary<infer T> ? T : never;

async function insert(stays: readonly Stay[]) {
  for (const s of stays) {
    const left = s.leftAt ?? 0;
    await database.db.execute(sql`
      insert into stage_changes (team_id, lead_id, from_stage, to_stage, entered_at, left_at, via, segment, source)
      values (${s.team}, ${s.team === TEAM ? leadId : otherLeadId}, null, ${s.stage},
        ${BASE.toISOString()}::timestamptz + ${left - s.length} * interval '1 microsecond',
        ${s.leftAt === null ? null : sql`${BASE.toISOString()}::timestamptz + ${left} * interval '1 microsecond'`},
        'api', 'smb', 'web')`);
  }
}

async function emptyRollup() {
  await database.db.delete(stageChanges);
  await database.db.delete(funnelDailyStays);
  await database.db.delete(funnelStaysRolled);
}

/** The rollup's figures against the direct query's, for each period (minutes from BASE, length). */
async function check(periods: ReadonlyArray<[number, number]>) {
  for (const [startMinute, length] of periods) {
    const start = new Date(BASE.getTime() + startMinute * MINUTE);
    const end = new Date(start.getTime() + length * MINUTE);
    expect(await periodStayMedians(database.db, TEAM, start, end, STAGES)).toEqual(
      await stayMedians(database.db, TEAM, start, end, STAGES),
    );
  }
}

describe('stay rollup', () => {
  it('gives the medians stage_changes gives, before and after stays change on rolled days', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(stayArb, { maxLength: 40 }),
        fc.array(stayArb, { maxLength: 8 }),
        fc.integer({ min: 0, max: 7 * 1440 }),
        fc.array(fc.tuple(fc.integer({ min: -600, max: 7 * 1440 }), fc.integer({ min: 1, max: 7 * 1440 })), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.constantFrom('none', 'remove', 'reopen', 'shift'),
        async (before, after, rollMinute, periods, change) => {
          await emptyRollup();
          await insert(before);
          await rollStays(database, TEAM, new Date(BASE.getTime() + rollMinute * MINUTE));
          await check(periods);
          // Late stays (ending on rolled days, too), then removals or edits: the trigger moves the rollup back.
          await insert(after);
          const some = sql`${stageChanges.id} % 3 = 0`;
          if (change === 'remove') await database.db.delete(stageChanges).where(some);
          if (change === 'reopen') await database.db.update(stageChanges).set({ leftAt: null }).where(some);
          if (change === 'shift')
            await database.db
              .update(stageChanges)
              .set({ leftAt: sql`${stageChanges.leftAt} - interval '1 day 7 seconds'` })
              .where(some);
          await check(periods);
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000); // many database round trips: longer than the default on a loaded machine

  it('holds whole closed days, and a stay ending on a rolled day moves it back to that day', async () => {
    await emptyRollup();
    const stay = { team: TEAM, stage: 'MQL', length: 60 * MICROS_PER_MINUTE } as const;
    await insert([
      { ...stay, leftAt: 10 * MICROS_PER_MINUTE },
      { ...stay, leftAt: (1440 + 10) * MICROS_PER_MINUTE },
      { ...stay, leftAt: (2 * 1440 + 10) * MICROS_PER_MINUTE },
    ]);
    // At 12:00 on the third day: the first two days are closed and rolled.
    expect(await rollStays(database, TEAM, new Date(BASE.getTime() + 2.5 * DAY))).toEqual({
      staysUntil: new Date(BASE.getTime() + 2 * DAY),
      done: true,
    });
    const rows = await database.db.select().from(funnelDailyStays).orderBy(funnelDailyStays.day);
    expect(rows.map((r) => [r.day, r.stage, r.stays, r.days])).toEqual([
      ['2026-05-04', 'MQL', 1, [1 / 24]],
      ['2026-05-05', 'MQL', 1, [1 / 24]],
    ]);
    // A stay closed late on the first day: the rollup stands at that day again.
    await insert([{ ...stay, leftAt: 20 * MICROS_PER_MINUTE }]);
    expect(await staysRolledUntil(database.db, TEAM)).toEqual(BASE);
    // A lead moving on today (its stay ends after the rollup's day) leaves it where it is.
    await rollStays(database, TEAM, new Date(BASE.getTime() + 2.5 * DAY));
    await insert([{ ...stay, leftAt: (2 * 1440 + 30) * MICROS_PER_MINUTE }]);
    expect(await staysRolledUntil(database.db, TEAM)).toEqual(new Date(BASE.getTime() + 2 * DAY));
  });
});
