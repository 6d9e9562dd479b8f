// `/voc report` counts in SQL (issue 16): the database's aggregates must equal what the figures work
// out from the entries themselves, on random periods of entries (fast-check).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VOC_CATEGORIES } from '../../src/config/workspace/constants.js';
import type { Database } from '../../src/db/client.js';
import { vocEntriesIn, vocPeriodAggregates } from '../../src/db/queries/voc-report.js';
import { vocEntries } from '../../src/db/schema.js';
import { vocAggregates } from '../../src/domain/voc-figures.js';
import { openTestDatabase } from '../harness/database.js';

const TEAM = 'T0VOCAGG';
const OTHER = 'T0VOCOTHER';
const START = new Date('2026-03-02T00:00:00Z');
const END = new Date('2026-03-09T00:00:00Z');
const HOUR = 3_600_000;

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const entryArb = fc.record({
  team: fc.constantFrom(TEAM, TEAM, TEAM, OTHER),
  // Hours from a day before the period to a day after it; few distinct hours, so instants tie.
  hour: fc.integer({ min: -24, max: 7 * 24 + 24 }),
  category: fc.constantFrom<string | null>(null, 'legacy', ...VOC_CATEGORIES),
  competitor: fc.constantFrom<string | null>(
    null,
    '',
    '  ',
    'Acme',
    'acme',
    ' ACME ',
    'Globex',
    'globex\t',
    '경쟁사',
  ),
  tags: fc.array(fc.constantFrom('api', 'sso', 'pricing', 'Pricing', 'export', 'b', 'a', '가격'), {
    maxLength: 4,
  }),
});

describe('vocPeriodAggregates', () => {
  it('equals the aggregates worked out from the entries, for any entries, period and category', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(entryArb, { maxLength: 40 }),
        fc.constantFrom(null, ...VOC_CATEGORIES),
        async (entries, category) => {
          await database.db.delete(vocEntries);
          if (entries.length > 0)
            await database.db.insert(vocEntries).values(
              entries.map((e, i) => ({
                teamId: e.team,
                quote: `quote ${i}`,
                category: e.category,
                competitor: e.competitor,
                tags: e.tags,
                capturedBy: 'U0CAPTURE',
                via: 'command' as const,
                createdAt: new Date(START.getTime() + e.hour * HOUR),
              })),
            );
          const inSql = await vocPeriodAggregates(database.db, TEAM, START, END, category);
          const inNode = vocAggregates(await vocEntriesIn(database.db, TEAM, START, END, category));
          // Categories and the newest per category come back in no particular order.
          const sorted = <T extends { category: string | null }>(rows: readonly T[]) =>
            [...rows].sort((a, b) => String(a.category).localeCompare(String(b.category)));
          expect({
            ...inSql,
            byCategory: sorted(inSql.byCategory),
            newestByCategory: sorted(inSql.newestByCategory),
          }).toEqual({
            ...inNode,
            byCategory: sorted(inNode.byCategory),
            newestByCategory: sorted(inNode.newestByCategory),
          });
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000); // many database round trips: longer than the default on a loaded machine

  it('counts a hand-checked week', async () => {
    await database.db.delete(vocEntries);
    const at = (h: number) => new Date(START.getTime() + h * HOUR);
    await database.db.insert(vocEntries).values(
      [
        { category: 'objection', competitor: 'acme', tags: ['pricing', 'api'], createdAt: at(1) },
        { category: 'objection', competitor: ' Acme ', tags: ['api', 'api'], createdAt: at(2) },
        { category: 'praise', competitor: null, tags: ['api'], createdAt: at(2) },
        { category: 'legacy', competitor: 'Globex', tags: [], createdAt: at(3) },
        { category: 'praise', competitor: 'x', tags: ['sso'], createdAt: at(7 * 24) }, // after the period
      ].map((e, i) => ({ ...e, teamId: TEAM, quote: `q${i}`, capturedBy: 'U0C', via: 'command' as const })),
    );
    const ids = (await vocEntriesIn(database.db, TEAM, START, END, null))
      .map((e) => e.id)
      .sort((a, b) => a - b);
    const a = await vocPeriodAggregates(database.db, TEAM, START, END, null);
    expect(a.total).toBe(4);
    expect(a.competitors).toEqual([
      { competitor: 'acme', count: 2 },
      { competitor: 'Globex', count: 1 },
    ]);
    expect(a.tags).toEqual([
      { tag: 'api', count: 3 },
      { tag: 'pricing', count: 1 },
    ]);
    // Entries 2 and 3 share an instant: the higher id is newer.
    expect(a.newest).toEqual([ids[3], ids[2], ids[1], ids[0]]);
  });
});
