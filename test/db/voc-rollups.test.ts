// `/voc report` reads daily rollups kept by triggers (issue 16): after any inserts, edits, deletes and
// truncates of entries, the rolled-up aggregates must equal the direct statement's over the entries,
// for any period (part-days at either end, in any time zone) and category (fast-check).
import { eq, inArray, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VOC_CATEGORIES } from '../../src/config/workspace/constants.js';
import type { Database } from '../../src/db/client.js';
import { vocCountsByCategory, vocPeriodAggregates } from '../../src/db/queries/voc-report.js';
import { rollupSpan, vocRolledUpAggregates, vocRolledUpCounts } from '../../src/db/queries/voc-rollups.js';
import { vocEntries } from '../../src/db/schema.js';
import { parsePeriod } from '../../src/domain/periods.js';
import { openTestDatabase } from '../harness/database.js';

const TEAM = 'T0VOCROLL';
const OTHER = 'T0VOCOTHER';
/** Entries fall in the 70 days from here (UTC), February whole; periods reach a day either side. */
const ORIGIN = Date.parse('2026-01-20T00:00:00Z');
const MINUTE = 60_000;
const SPAN_DAYS = 70;
const SPAN_MINUTES = SPAN_DAYS * 24 * 60;

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

// Mostly one category, so a day's entries share their category and tags.
const categoryArb = fc.oneof(
  { arbitrary: fc.constant<string | null>('objection'), weight: 2 },
  { arbitrary: fc.constantFrom<string | null>(null, 'legacy', ...VOC_CATEGORIES), weight: 1 },
);
const competitorArb = fc.constantFrom<string | null>(
  null,
  '',
  ' ',
  'Acme',
  'acme',
  ' ACME ',
  'Globex',
  '경쟁사',
);
const tagsArb = fc.array(fc.constantFrom('api', 'sso', 'pricing', 'Pricing', 'b', 'a', '가격'), {
  maxLength: 3,
});
// Mostly a few days (February's and March's first among them) at a few times near midnight, so
// instants tie, days hold several entries and months several days; sometimes any minute.
const minuteArb = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: SPAN_MINUTES - 1 }), weight: 1 },
  {
    arbitrary: fc
      .tuple(fc.constantFrom(1, 11, 12, 13, 25, 30, 40, 41, 55), fc.constantFrom(-1, 0, 1, 600))
      .map(([d, m]) => d * 1440 + m),
    weight: 3,
  },
);
const entryArb = fc.record({
  team: fc.constantFrom(TEAM, TEAM, TEAM, OTHER),
  minute: minuteArb,
  category: categoryArb,
  competitor: competitorArb,
  tags: tagsArb,
});
type Entry = typeof entryArb extends fc.Arbitrary<infer T> ? T : never;

const opArb = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    entries: fc.array(entryArb, { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    kind: fc.constant('edit' as const),
    pick: fc.nat(),
    edit: fc.record(
      { category: categoryArb, competitor: competitorArb, tags: tagsArb, minute: minuteArb },
      { requiredKeys: [] },
    ),
  }),
  fc.record({
    kind: fc.constant('delete' as const),
    picks: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
  }),
  // Changes nothing the figures count: recounts nothing, changes nothing.
  fc.record({ kind: fc.constant('route' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const) }),
);

/** A period: whole local days in a time zone (a range or a running keyword), or any two instants. */
const periodArb = fc.oneof(
  fc.record({
    zone: fc.constantFrom('UTC', 'Asia/Seoul', 'Asia/Kolkata', 'Asia/Kathmandu', 'America/St_Johns'),
    text: fc.oneof(
      fc
        .tuple(fc.integer({ min: 0, max: SPAN_DAYS }), fc.integer({ min: 0, max: 45 }))
        .map(([from, days]) => `${day(from)}..${day(from + days)}`),
      fc.constantFrom('this-week', 'last-week', 'this-month', 'last-month', 'this-quarter'),
    ),
    nowMinute: fc.integer({ min: 0, max: SPAN_MINUTES + 1440 }),
  }),
  fc
    .tuple(
      fc.integer({ min: -1440, max: SPAN_MINUTES + 1440 }),
      fc.integer({ min: 0, max: 45 * 1440 }),
      fc.integer({ min: -1440, max: SPAN_MINUTES + 1440 }),
      fc.integer({ min: 0, max: 30 * 1440 }),
    )
    .map(([a, n, b, m]) => ({ start: at(a), end: at(a + n), previousStart: at(b), previousEnd: at(b + m) })),
);

function day(offset: number): string {
  return new Date(ORIGIN + (offset - 1) * 1440 * MINUTE).toISOString().slice(0, 10);
}
function at(minute: number): Date {
  return new Date(ORIGIN + minute * MINUTE);
}

function rangeOf(p: typeof periodArb extends fc.Arbitrary<infer T> ? T : never) {
  if ('start' in p) return p;
  // A range may not start after today: ranges are read on a day after every entry.
  const now = p.text.includes('..') ? at(SPAN_MINUTES + 2 * 1440) : at(p.nowMinute);
  const parsed = parsePeriod(p.text, now, p.zone);
  if (!parsed.ok) throw new Error(`${p.text}: ${JSON.stringify(parsed.problem)}`);
  return parsed.period;
}

const row = (e: Entry, i: number) => ({
  teamId: e.team,
  quote: `quote ${i}`,
  category: e.category,
  competitor: e.competitor,
  tags: e.tags,
  capturedBy: 'U0CAPTURE',
  via: 'command' as const,
  createdAt: at(e.minute),
});

/** Categories and the newest per category come back in no particular order. */
const sorted = <T extends { category: string | null }>(rows: readonly T[]) =>
  [...rows].sort((a, b) => String(a.category).localeCompare(String(b.category)));

async function expectSameFigures(
  start: Date,
  end: Date,
  previousStart: Date,
  previousEnd: Date,
  category: string | null,
) {
  const c = category as (typeof VOC_CATEGORIES)[number] | null;
  const rolled = await vocRolledUpAggregates(database.db, TEAM, start, end, c);
  const direct = await vocPeriodAggregates(database.db, TEAM, start, end, c);
  expect({
    ...rolled,
    byCategory: sorted(rolled.byCategory),
    newestByCategory: sorted(rolled.newestByCategory),
  }).toEqual({
    ...direct,
    byCategory: sorted(direct.byCategory),
    newestByCategory: sorted(direct.newestByCategory),
  });
  expect(sorted(await vocRolledUpCounts(database.db, TEAM, previousStart, previousEnd, c))).toEqual(
    sorted(await vocCountsByCategory(database.db, TEAM, previousStart, previousEnd, c)),
  );
}

describe('vocRolledUpAggregates', () => {
  it('equals the direct statement after any inserts, edits, deletes and truncates, for any period and category', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(entryArb, { maxLength: 40 }),
        fc.array(opArb, { maxLength: 8 }),
        fc.array(fc.tuple(periodArb, fc.constantFrom(null, ...VOC_CATEGORIES)), {
          minLength: 1,
          maxLength: 3,
        }),
        async (entries, ops, periods) => {
          await database.db.delete(vocEntries);
          let ids: number[] = [];
          const insert = async (batch: Entry[]) => {
            if (batch.length === 0) return;
            const stored = await database.db
              .insert(vocEntries)
              .values(batch.map(row))
              .returning({ id: vocEntries.id });
            ids.push(...stored.map((s) => s.id));
          };
          await insert(entries);
          for (const op of ops) {
            const pick = (n: number) => ids[n % ids.length]!;
            if (op.kind === 'insert') await insert(op.entries);
            else if (op.kind === 'truncate') {
              await database.db.execute(sql`truncate voc_entries`);
              ids = [];
            } else if (ids.length === 0) continue;
            else if (op.kind === 'edit') {
              const { minute, ...edit } = op.edit;
              await database.db
                .update(vocEntries)
                .set({
                  ...edit,
                  ...(minute === undefined ? {} : { createdAt: at(minute) }),
                  updatedBy: 'U0EDIT',
                })
                .where(eq(vocEntries.id, pick(op.pick)));
            } else if (op.kind === 'delete') {
              const gone = op.picks.map(pick);
              await database.db.delete(vocEntries).where(inArray(vocEntries.id, gone));
              ids = ids.filter((id) => !gone.includes(id));
            } else {
              await database.db
                .update(vocEntries)
                .set({ routedChannel: 'C0ROUTE', routedTs: '1.2' })
                .where(eq(vocEntries.id, pick(op.pick)));
            }
          }
          // Every day whole, so any rollup that missed a change shows; then the random periods.
          await expectSameFigures(at(-1440), at(SPAN_MINUTES + 1440), at(-720), at(SPAN_MINUTES + 720), null);
          for (const [period, category] of periods) {
            const r = rangeOf(period);
            await expectSameFigures(r.start, r.end, r.previousStart, r.previousEnd, category);
          }
        },
      ),
      { numRuns: 50 },
    );
  }, 180_000); // many database round trips: longer than the default on a loaded machine

  it('reads whole UTC months and days from the rollups and only the part-days from the entries', () => {
    expect(rollupSpan(new Date('2025-12-28T15:00:00Z'), new Date('2026-03-03T15:00:00Z'))).toEqual({
      lo: new Date('2025-12-29T00:00:00Z'),
      hi: new Date('2026-03-03T00:00:00Z'),
      fromDay: '2025-12-29',
      toDay: '2026-03-03',
      fromMonth: '2026-01-01',
      toMonth: '2026-03-01',
    });
    // A month that starts at the period's first midnight is whole.
    expect(rollupSpan(new Date('2026-02-01T00:00:00Z'), new Date('2026-03-01T00:00:00Z'))).toMatchObject({
      fromDay: '2026-02-01',
      toDay: '2026-03-01',
      fromMonth: '2026-02-01',
      toMonth: '2026-03-01',
    });
    // No whole month: days only.
    expect(rollupSpan(new Date('2026-03-01T15:00:00Z'), new Date('2026-03-08T15:00:00Z'))).toEqual({
      lo: new Date('2026-03-02T00:00:00Z'),
      hi: new Date('2026-03-08T00:00:00Z'),
      fromDay: '2026-03-02',
      toDay: '2026-03-08',
      fromMonth: '2026-03-08',
      toMonth: '2026-03-08',
    });
    // Less than a whole day: entries only.
    const end = new Date('2026-03-02T23:00:00Z');
    expect(rollupSpan(new Date('2026-03-02T01:00:00Z'), end)).toEqual({
      lo: end,
      hi: end,
      fromDay: '2026-03-02',
      toDay: '2026-03-02',
      fromMonth: '2026-03-02',
      toMonth: '2026-03-02',
    });
  });

  it('keeps a hand-checked day: the newest and first spelling move when their entries go', async () => {
    await database.db.delete(vocEntries);
    const base = Date.parse('2026-03-03T00:00:00Z');
    const stored = await database.db
      .insert(vocEntries)
      .values(
        [
          {
            category: 'objection',
            competitor: ' acme ',
            tags: ['api', 'api'],
            createdAt: new Date(base + 3_600_000),
          },
          {
            category: 'objection',
            competitor: 'ACME',
            tags: ['api', 'sso'],
            createdAt: new Date(base + 7_200_000),
          },
          { category: 'praise', competitor: null, tags: ['sso'], createdAt: new Date(base + 7_200_000) },
        ].map((e, i) => ({ ...e, teamId: TEAM, quote: `q${i}`, capturedBy: 'U0C', via: 'command' as const })),
      )
      .returning({ id: vocEntries.id });
    const [first, second, third] = stored.map((s) => s.id);
    // The whole of March: read from its month's rows, recounted from its days.
    const readDay = () =>
      vocRolledUpAggregates(
        database.db,
        TEAM,
        new Date('2026-03-01T00:00:00Z'),
        new Date('2026-04-01T00:00:00Z'),
        null,
      );
    const before = await readDay();
    expect(before.total).toBe(3);
    expect(before.competitors).toEqual([{ competitor: 'acme', count: 2 }]);
    expect(before.tags).toEqual([
      { tag: 'api', count: 2 },
      { tag: 'sso', count: 2 },
    ]);
    expect(sorted(before.newestByCategory)).toEqual([
      { category: 'objection', id: second },
      { category: 'praise', id: third },
    ]);
    await database.db.delete(vocEntries).where(eq(vocEntries.id, first!));
    await database.db.update(vocEntries).set({ category: 'praise' }).where(eq(vocEntries.id, second!));
    const after = await readDay();
    expect(after.total).toBe(2);
    expect(after.byCategory).toEqual([{ category: 'praise', count: 2 }]);
    expect(after.competitors).toEqual([{ competitor: 'ACME', count: 1 }]);
    expect(after.tags).toEqual([
      { tag: 'sso', count: 2 },
      { tag: 'api', count: 1 },
    ]);
    // Two at the same instant: the higher id is the newer.
    expect(after.newestByCategory).toEqual([{ category: 'praise', id: Math.max(second!, third!) }]);
  });

  it('adds each capture to its day and month: an earlier spelling becomes the first, a later entry the newest', async () => {
    await database.db.delete(vocEntries);
    const base = Date.parse('2026-03-03T00:00:00Z');
    // One statement each, as captures come: every one after the first adds to existing rows.
    const capture = async (competitor: string | null, tags: string[], hour: number) => {
      const [row] = await database.db
        .insert(vocEntries)
        .values({
          teamId: TEAM,
          quote: `q${hour}`,
          category: 'objection',
          competitor,
          tags,
          capturedBy: 'U0C',
          via: 'command',
          createdAt: new Date(base + hour * 3_600_000),
        })
        .returning({ id: vocEntries.id });
      return row!.id;
    };
    await capture('ACME', ['api'], 2);
    await capture(' acme ', ['api', 'sso', 'sso'], 1);
    const newest = await capture(null, [], 3);
    // The day's rows and the month's.
    for (const [start, end] of [
      ['2026-03-03T00:00:00Z', '2026-03-04T00:00:00Z'],
      ['2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z'],
    ] as const) {
      const figures = await vocRolledUpAggregates(database.db, TEAM, new Date(start), new Date(end), null);
      expect(figures.total).toBe(3);
      expect(figures.competitors).toEqual([{ competitor: 'acme', count: 2 }]);
      expect(figures.tags).toEqual([
        { tag: 'api', count: 2 },
        { tag: 'sso', count: 1 },
      ]);
      expect(figures.newestByCategory).toEqual([{ category: 'objection', id: newest }]);
    }
  });
});
