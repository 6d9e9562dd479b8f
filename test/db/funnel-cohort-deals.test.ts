// Cohort deals (issue 16) find each won lead's last win in one range of stage_changes rather than
// one probe per lead: the rows must be those the definition gives (docs/funnel.md), worked out here
// from the generated leads and moves themselves, for any leads, moves and period (fast-check).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { cohortDealRows } from '../../src/db/queries/funnel.js';
import { leads, stageChanges } from '../../src/db/schema.js';
import { type CohortDealRow, enteredStages } from '../../src/domain/funnel.js';
import { openTestDatabase, seedWorkspace } from '../harness/database.js';

const TEAM = 'T0COHORTDEALS';
const OTHER = 'T0COHORTOTHER';
const BASE = new Date('2026-05-04T00:00:00Z');
const MINUTE = 60_000;
const WORKING = ['Lead', 'MQL', 'SAL', 'Closing', 'Retention'] as const;
const WON = 'Closing';
const STAGES = [...WORKING, 'Lost', 'Disqualified'] as const;

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
  await seedWorkspace(database, TEAM, BASE);
  await seedWorkspace(database, OTHER, BASE);
});
afterAll(async () => {
  await database?.close();
});

const dealArb = {
  competitor: fc.option(fc.constantFrom('Acme', 'Globex'), { freq: 2 }),
  amount: fc.option(fc.integer({ min: 0, max: 5000 }), { freq: 3 }),
  currency: fc.option(fc.constantFrom('USD', 'EUR'), { freq: 3 }),
};
const leadArb = fc.record({
  team: fc.constantFrom(TEAM, TEAM, TEAM, OTHER),
  // Minutes from BASE over four days; a few on midnights.
  createdMinute: fc.oneof(fc.integer({ min: 0, max: 4 * 1440 }), fc.constantFrom(0, 1440, 2880)),
  stage: fc.constantFrom(...STAGES),
  furthestStage: fc.option(fc.constantFrom(...WORKING), { freq: 8 }),
  ...dealArb,
  // Moves after the lead's creation (minutes after it; equal times tie on the id).
  moves: fc.array(
    fc.record({
      from: fc.option(fc.constantFrom(...STAGES), { freq: 4 }),
      to: fc.constantFrom(...STAGES),
      afterMinute: fc.oneof(fc.integer({ min: 0, max: 3 * 1440 }), fc.constant(0)),
      ...dealArb,
    }),
    { maxLength: 5 },
  ),
});
type Lead = typeof leadArb extends fc.Arbitrary<infer T> ? T : never;

const at = (minute: number) => new Date(BASE.getTime() + minute * MINUTE);

/** Inserts the leads and their moves; returns each lead's moves with the ids they got. */
async function insert(generated: readonly Lead[]) {
  await database.db.delete(stageChanges);
  await database.db.delete(leads);
  const stored = [];
  for (const lead of generated) {
    const [row] = await database.db
      .insert(leads)
      .values({
        teamId: lead.team,
        source: 'web',
        segment: 'smb',
        stage: lead.stage,
        furthestStage: lead.furthestStage,
        stageEnteredAt: at(lead.createdMinute),
        createdAt: at(lead.createdMinute),
        competitor: lead.competitor,
        amount: lead.amount,
        currency: lead.currency,
      })
      .returning({ id: leads.id });
    const moves = [];
    for (const move of lead.moves) {
      const [m] = await database.db
        .insert(stageChanges)
        .values({
          teamId: lead.team,
          leadId: row!.id,
          fromStage: move.from,
          toStage: move.to,
          enteredAt: at(lead.createdMinute + move.afterMinute),
          via: 'api',
          segment: 'smb',
          source: 'web',
          competitor: move.competitor,
          amount: move.amount,
          currency: move.currency,
        })
        .returning({ id: stageChanges.id });
      moves.push({ ...move, id: m!.id, minute: lead.createdMinute + move.afterMinute });
    }
    stored.push({ ...lead, moves });
  }
  return stored;
}

/** The definition, from the generated rows: a won lead under its last win, a lost one under its own. */
function expected(stored: Awaited<ReturnType<typeof insert>>, startMinute: number, endMinute: number) {
  const wonStages: readonly string[] = WORKING.slice(WORKING.indexOf(WON));
  const groups = new Map<string, CohortDealRow>();
  const add = (lead: Lead, deal: (typeof lead.moves)[number] | Lead, lost: boolean) => {
    const key = JSON.stringify([lead.furthestStage, deal.competitor, deal.currency]);
    const group = groups.get(key) ?? {
      furthestStage: lead.furthestStage,
      competitor: deal.competitor,
      currency: deal.currency,
      count: 0,
      lost: 0,
      amount: null,
    };
    group.count += 1;
    if (lost) group.lost += 1;
    if (deal.amount !== null) group.amount = (group.amount ?? 0) + deal.amount;
    groups.set(key, group);
  };
  for (const lead of stored) {
    if (lead.team !== TEAM || lead.createdMinute < startMinute || lead.createdMinute >= endMinute) continue;
    if (lead.furthestStage !== null && wonStages.includes(lead.furthestStage)) {
      const wins = lead.moves
        .filter((m) => enteredStages(m.from, m.to, WORKING).includes(WON))
        .sort((a, b) => b.minute - a.minute || b.id - a.id);
      add(lead, wins[0] ?? lead, false);
    } else if (lead.stage === 'Lost') {
      add(lead, lead, true);
    }
  }
  return [...groups.values()];
}

const sorted = (rows: readonly CohortDealRow[]) =>
  rows
    .map((r) => ({ ...r, amount: r.amount === null ? null : Number(r.amount) }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe('cohort deal rows', () => {
  it('are the deals the definition gives: each won lead as last won, each lost one as it is', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(leadArb, { maxLength: 12 }),
        fc.array(fc.tuple(fc.integer({ min: -600, max: 4 * 1440 }), fc.integer({ min: 1, max: 5 * 1440 })), {
          minLength: 1,
          maxLength: 3,
        }),
        async (generated, periods) => {
          const stored = await insert(generated);
          for (const [startMinute, length] of periods) {
            const rows = await cohortDealRows(
              database.db,
              TEAM,
              at(startMinute),
              at(startMinute + length),
              WORKING,
              WON,
            );
            expect(sorted(rows)).toEqual(sorted(expected(stored, startMinute, startMinute + length)));
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000); // many database round trips: longer than the default on a loaded machine
});
