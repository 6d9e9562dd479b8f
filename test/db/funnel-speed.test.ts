// Speed to lead from the daily rollup (issue 16) is what speedToLead gives over leads itself, to
// the last bit: for any leads, any period, any moment the rollup job ran, and leads touched,
// decided, unrouted or removed after it counted their day (fast-check).
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { speedToLead } from '../../src/db/queries/funnel.js';
import { periodSpeedToLead, speedRolledUntil } from '../../src/db/queries/funnel-speed.js';
import { funnelDailySpeed, funnelSpeedRolled, leads } from '../../src/db/schema.js';
import { rollSpeed } from '../../src/jobs/funnel-rollup.js';
import { openTestDatabase, seedWorkspace } from '../harness/database.js';

const TEAM = 'T0SPEED';
const OTHER = 'T0SPEEDOTHER';
const BASE = new Date('2026-05-04T00:00:00Z');
const MINUTE = 60_000;
const DAY = 86_400_000;

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
  await seedWorkspace(database, TEAM, BASE);
  await seedWorkspace(database, OTHER, BASE);
});
afterAll(async () => {
  await database?.close();
});

// Fractional minutes, ties, and leads never touched.
const minutesArb = fc.option(
  fc.oneof(
    fc.double({ min: 0, max: 5000, noNaN: true }),
    fc.integer({ min: 0, max: 200 }),
    fc.constantFrom(0, 30, 30.5, 1440, 100_000),
  ),
  { freq: 5 },
);
const leadArb = fc.record({
  team: fc.constantFrom(TEAM, TEAM, TEAM, OTHER),
  minute: fc.oneof(fc.integer({ min: 0, max: 6 * 1440 }), fc.constantFrom(0, 1440, 2879, 2880)),
  routed: fc.boolean(),
  minutes: minutesArb,
  sla: fc.constantFrom(null, 'running', 'met', 'breached'),
});

type Lead = typeof leadArb extends fc.Arbitrary<infer T> ? T : never;

async function insert(rows: readonly Lead[]) {
  if (rows.length === 0) return;
  await database.db.insert(leads).values(
    rows.map((l) => ({
      teamId: l.team,
      source: 'web',
      segment: 'smb',
      stage: 'Lead',
      furthestStage: 'Lead',
      stageEnteredAt: BASE,
      createdAt: new Date(BASE.getTime() + l.minute * MINUTE),
      routed: l.routed,
      slaState: l.sla as 'running' | 'met' | 'breached' | null,
      firstTouchAt: l.minutes === null ? null : new Date(BASE.getTime() + l.minute * MINUTE),
      firstTouchBusinessMinutes: l.minutes,
    })),
  );
}

async function emptyRollup() {
  await database.db.delete(leads);
  await database.db.delete(funnelDailySpeed);
  await database.db.delete(funnelSpeedRolled);
}

/** The rollup's figures against the direct query's, for each period (minutes from BASE, length). */
async function check(periods: ReadonlyArray<[number, number]>) {
  for (const [startMinute, length] of periods) {
    const start = new Date(BASE.getTime() + startMinute * MINUTE);
    const end = new Date(start.getTime() + length * MINUTE);
    expect(await periodSpeedToLead(database.db, TEAM, start, end)).toEqual(
      await speedToLead(database.db, TEAM, start, end),
    );
  }
}

describe('speed rollup', () => {
  it('gives the speed to lead leads give, before and after leads change on rolled days', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(leadArb, { maxLength: 40 }),
        fc.array(leadArb, { maxLength: 8 }),
        fc.integer({ min: 0, max: 7 * 1440 }),
        fc.array(fc.tuple(fc.integer({ min: -600, max: 7 * 1440 }), fc.integer({ min: 1, max: 7 * 1440 })), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.constantFrom('none', 'remove', 'touch', 'unroute'),
        async (before, after, rollMinute, periods, change) => {
          await emptyRollup();
          await insert(before);
          await rollSpeed(database, TEAM, new Date(BASE.getTime() + rollMinute * MINUTE));
          await check(periods);
          // Late leads (on rolled days, too), then removals or edits: the trigger moves the rollup back.
          await insert(after);
          const some = sql`${leads.id} % 3 = 0`;
          if (change === 'remove') await database.db.delete(leads).where(some);
          if (change === 'touch')
            await database.db
              .update(leads)
              .set({ firstTouchAt: BASE, firstTouchBusinessMinutes: 17.25, slaState: 'met' })
              .where(some);
          if (change === 'unroute') await database.db.update(leads).set({ routed: false }).where(some);
          await check(periods);
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000); // many database round trips: longer than the default on a loaded machine

  it('a lead touched after its day was rolled moves the rollup back to that day', async () => {
    await emptyRollup();
    const lead = { team: TEAM, routed: true, minutes: null, sla: 'running' } as const;
    await insert([
      { ...lead, minute: 10 },
      { ...lead, minute: 1440 + 10 },
    ]);
    expect(await rollSpeed(database, TEAM, new Date(BASE.getTime() + 2.5 * DAY))).toEqual({
      speedUntil: new Date(BASE.getTime() + 2 * DAY),
      done: true,
    });
    const twoDays = [BASE, new Date(BASE.getTime() + 2 * DAY)] as const;
    expect((await database.db.select().from(funnelDailySpeed)).map((r) => [r.day, r.leads])).toEqual([
      ['2026-05-04', 1],
      ['2026-05-05', 1],
    ]);
    expect(await periodSpeedToLead(database.db, TEAM, ...twoDays)).toEqual(
      await speedToLead(database.db, TEAM, ...twoDays),
    );
    await database.db
      .update(leads)
      .set({ firstTouchAt: BASE, firstTouchBusinessMinutes: 12, slaState: 'met' })
      .where(
        sql`${leads.createdAt} = ${new Date(BASE.getTime() + 1450 * MINUTE).toISOString()}::timestamptz`,
      );
    expect(await speedRolledUntil(database.db, TEAM)).toEqual(new Date(BASE.getTime() + DAY));
  });
});
