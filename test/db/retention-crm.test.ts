import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { applyRetention, type RetentionCutoffs } from '../../src/db/queries/retention.js';
import { openTestDatabase, seedWorkspace } from '../harness/database.js';

// The CRM queues under the daily retention run: only finished rows older than `crm_days` go.
let database: Database;
const T = 'T0BATON';
const OTHER = 'T0OTHER';
const NOW = new Date('2026-11-23T01:00:00Z');
const DAY = 24 * 3_600_000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const BASE: RetentionCutoffs = { jobs: daysAgo(30), outbox: daysAgo(30), eventReceipts: daysAgo(7) };
const CUTOFFS: RetentionCutoffs = { ...BASE, crm: daysAgo(30) };
const TABLES = ['webhook_deliveries', 'hubspot_tasks', 'hubspot_writes', 'event_relay'];

beforeAll(async () => {
  database = await openTestDatabase();
  await seedWorkspace(database, T, NOW);
  await seedWorkspace(database, OTHER, NOW);
});
afterAll(async () => {
  await database?.close();
});
beforeEach(async () => {
  for (const table of TABLES) await database.db.execute(sql.raw(`delete from ${table}`));
});

const delivery = (label: string, status: string, createdAt: Date, deliveredAt: Date | null, teamId = T) =>
  database.db.execute(sql`
    insert into webhook_deliveries (team_id, endpoint, event_id, event_type, body, status, next_attempt_at,
      give_up_at, created_at, delivered_at)
    values (${teamId}, 'zapier', ${label}, 'lead.created', '{}', ${status}, ${iso(createdAt)}::timestamptz,
      ${iso(createdAt)}::timestamptz, ${iso(createdAt)}::timestamptz, ${iso(deliveredAt)}::timestamptz)`);

const task = (label: string, status: string, createdAt: Date, doneAt: Date | null) =>
  database.db.execute(sql`
    insert into hubspot_tasks (team_id, direction, dedupe_key, kind, payload, status, next_attempt_at, created_at, done_at)
    values (${T}, 'out', ${label}, 'note', '{}'::jsonb, ${status}, ${iso(createdAt)}::timestamptz,
      ${iso(createdAt)}::timestamptz, ${iso(doneAt)}::timestamptz)`);

const echo = (label: string, writtenAt: Date) =>
  database.db.execute(sql`
    insert into hubspot_writes (team_id, object_type, object_id, property, value, written_at)
    values (${T}, 'contact', '1', ${label}, 'x', ${iso(writtenAt)}::timestamptz)`);

const relay = (sourceId: number, createdAt: Date) =>
  database.db.execute(sql`
    insert into event_relay (team_id, source, source_id, created_at)
    values (${T}, 'lead_events', ${sourceId}, ${iso(createdAt)}::timestamptz)`);

async function left(table: string, column: string): Promise<string[]> {
  const rows = await database.rows<{ v: unknown }>(
    sql`select ${sql.raw(column)} as v from ${sql.raw(table)} order by id`,
  );
  return rows.map((r) => String(r.v));
}

describe('retention of the CRM queues', () => {
  it('deletes finished deliveries, tasks, echo records and relay rows older than the window, nothing else', async () => {
    await delivery('old-delivered', 'delivered', daysAgo(40), daysAgo(40));
    await delivery('old-dead', 'dead', daysAgo(40), null);
    await delivery('old-pending', 'pending', daysAgo(40), null);
    await delivery('recent-delivered', 'delivered', daysAgo(40), daysAgo(10));
    await delivery('other-team', 'delivered', daysAgo(40), daysAgo(40), OTHER);
    await task('old-done', 'done', daysAgo(50), daysAgo(45));
    await task('old-dead', 'dead', daysAgo(50), null);
    await task('old-pending', 'pending', daysAgo(50), null);
    await task('recent-done', 'done', daysAgo(50), daysAgo(3));
    await echo('old', daysAgo(31));
    await echo('recent', daysAgo(29));
    await relay(1, daysAgo(31));
    await relay(2, daysAgo(1));

    const result = await applyRetention(database, T, CUTOFFS);

    expect(result).toMatchObject({
      webhookDeliveries: 2,
      hubspotTasks: 2,
      hubspotWrites: 1,
      eventRelay: 1,
      complete: true,
    });
    expect(await left('webhook_deliveries', 'event_id')).toEqual([
      'old-pending',
      'recent-delivered',
      'other-team',
    ]);
    expect(await left('hubspot_tasks', 'dedupe_key')).toEqual(['old-pending', 'recent-done']);
    expect(await left('hubspot_writes', 'property')).toEqual(['recent']);
    expect(await left('event_relay', 'source_id')).toEqual(['2']);
  });

  it('leaves the CRM tables alone when no CRM cutoff is given', async () => {
    await delivery('old-delivered', 'delivered', daysAgo(40), daysAgo(40));
    await echo('old', daysAgo(31));
    const result = await applyRetention(database, T, BASE);
    expect(result).toMatchObject({ webhookDeliveries: 0, hubspotWrites: 0, complete: true });
    expect(await left('webhook_deliveries', 'event_id')).toEqual(['old-delivered']);
  });

  it('walks the CRM tables in batches and resumes from a cursor', async () => {
    for (let i = 0; i < 5; i++) await delivery(`old-${i}`, 'delivered', daysAgo(40), daysAgo(40));
    const ids = await database.rows<{ id: number }>(sql`select id from webhook_deliveries order by id`);
    const result = await applyRetention(database, T, CUTOFFS, {
      batchSize: 2,
      from: { table: 'webhookDeliveries', after: Number(ids[1]!.id) },
    });
    expect(result).toMatchObject({ webhookDeliveries: 3, complete: true });
    expect(await left('webhook_deliveries', 'event_id')).toEqual(['old-0', 'old-1']);
  });
});
