import { asc, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { eventRelay, leadEvents, retroActionItems, vocEntries } from '../schema.js';

export type RelayRow = typeof eventRelay.$inferSelect;
export type LeadEventRow = typeof leadEvents.$inferSelect;
export type VocEntryRow = typeof vocEntries.$inferSelect;
export type ActionItemRow = typeof retroActionItems.$inferSelect;

/**
 * Makes this transaction the only relay pass across every process (released at commit). One pass at
 * a time is what keeps each lead's events in order when several Baton processes share a database.
 */
export async function tryLockRelay(q: Queryable): Promise<boolean> {
  const rows = await q.execute(sql`select pg_try_advisory_xact_lock(hashtext('baton:event_relay')) as ok`);
  const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as Array<{ ok: boolean }>;
  return list[0]?.ok === true;
}

/** The oldest queued source rows, in the order their changes were made. */
export async function nextRelayRows(q: Queryable, limit: number): Promise<RelayRow[]> {
  return q.select().from(eventRelay).orderBy(asc(eventRelay.id)).limit(limit);
}

export async function deleteRelayRows(q: Queryable, ids: number[]): Promise<void> {
  if (ids.length > 0) await q.delete(eventRelay).where(inArray(eventRelay.id, ids));
}

export async function leadEventsByIds(q: Queryable, ids: number[]): Promise<LeadEventRow[]> {
  return ids.length === 0 ? [] : q.select().from(leadEvents).where(inArray(leadEvents.id, ids));
}

export async function vocEntriesByIds(q: Queryable, ids: number[]): Promise<VocEntryRow[]> {
  return ids.length === 0 ? [] : q.select().from(vocEntries).where(inArray(vocEntries.id, ids));
}

export async function actionItemsByIds(q: Queryable, ids: number[]): Promise<ActionItemRow[]> {
  return ids.length === 0 ? [] : q.select().from(retroActionItems).where(inArray(retroActionItems.id, ids));
}

/** How many rows wait and how old the oldest is, by the database's clock (the triggers stamp it). */
export async function relayBacklog(q: Queryable): Promise<{ queued: number; oldestSeconds: number }> {
  const [row] = await q
    .select({
      queued: sql<number>`count(*)::int`,
      oldestSeconds:
        sql<number>`coalesce(extract(epoch from now() - min(${eventRelay.createdAt})), 0)`.mapWith(Number),
    })
    .from(eventRelay);
  return { queued: row?.queued ?? 0, oldestSeconds: row?.oldestSeconds ?? 0 };
}
