// Two transactions writing VOC entries on the same day at once (PostgreSQL only: PGlite has one
// connection): the second's recount waits for the first to commit, so the rollups count both.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { vocPeriodAggregates } from '../../src/db/queries/voc-report.js';
import { vocRolledUpAggregates } from '../../src/db/queries/voc-rollups.js';
import { vocEntries } from '../../src/db/schema.js';
import { openTestDatabase } from '../harness/database.js';

const TEAM = 'T0VOCCONC';
const MARCH = { start: new Date('2026-03-01T00:00:00Z'), end: new Date('2026-04-01T00:00:00Z') };

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const entry = (quote: string, tags: string[]) => ({
  teamId: TEAM,
  quote,
  category: 'objection',
  competitor: 'Acme',
  tags,
  capturedBy: 'U0C',
  via: 'command' as const,
  createdAt: new Date('2026-03-10T09:00:00Z'),
});

const rowsOf = <T>(result: unknown): T[] =>
  (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];

it('counts entries written on the same day by concurrent transactions', async () => {
  let inserted!: () => void;
  const recounted = new Promise<void>((r) => {
    inserted = r;
  });
  let release!: () => void;
  const held = new Promise<void>((r) => {
    release = r;
  });
  // An entry of the day already counted: recounts that do not wait for each other count it twice.
  await database.db.insert(vocEntries).values(entry('before', ['sso']));
  // The first inserts (its trigger recounts the day and takes the month's lock) and stays open.
  const first = database.db.transaction(async (tx) => {
    await tx.insert(vocEntries).values(entry('first', ['api']));
    inserted();
    await held;
  });
  await recounted;
  const second = database.db
    .insert(vocEntries)
    .values(entry('second', ['api', 'sso']))
    .execute();
  // The second's recount waits for the first to commit: counting now, it could not see its entry.
  await vi.waitFor(async () => {
    const [waiting] = rowsOf<{ n: number }>(
      await database.db.execute(
        sql`select count(*)::int as n from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock'`,
      ),
    );
    expect(waiting!.n).toBe(1);
  });
  release();
  await Promise.all([first, second]);

  const rolled = await vocRolledUpAggregates(database.db, TEAM, MARCH.start, MARCH.end, null);
  expect(rolled).toEqual(await vocPeriodAggregates(database.db, TEAM, MARCH.start, MARCH.end, null));
  expect(rolled.total).toBe(3);
  expect(rolled.tags).toEqual([
    { tag: 'api', count: 2 },
    { tag: 'sso', count: 2 },
  ]);
});
