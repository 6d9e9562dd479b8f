import { and, asc, eq, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { normalizeRows } from '../database.js';
import { webhookDeliveries, webhookEndpoints } from '../schema.js';

export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;

/** How long a delivery is retried before it is given up (`dead`). */
export const WEBHOOK_RETRY_WINDOW_MS = 24 * 3_600_000;

export interface NewDelivery {
  teamId: string;
  endpoint: string;
  eventId: string;
  eventType: string;
  leadId: number | null;
  body: string;
}

/** Queues a delivery; the same event for the same endpoint is queued once (false when it already was). */
export async function queueDelivery(q: Queryable, d: NewDelivery, now: Date): Promise<boolean> {
  const rows = await q
    .insert(webhookDeliveries)
    .values({
      ...d,
      status: 'pending',
      nextAttemptAt: now,
      giveUpAt: new Date(now.getTime() + WEBHOOK_RETRY_WINDOW_MS),
      createdAt: now,
    })
    .onConflictDoNothing({
      target: [webhookDeliveries.teamId, webhookDeliveries.endpoint, webhookDeliveries.eventId],
    })
    .returning({ id: webhookDeliveries.id });
  return rows.length > 0;
}

/** Endpoints with deliveries due now, and how many (the sender claims per endpoint). */
export async function dueEndpoints(
  q: Queryable,
  now: Date,
): Promise<Array<{ teamId: string; endpoint: string }>> {
  return q
    .selectDistinct({ teamId: webhookDeliveries.teamId, endpoint: webhookDeliveries.endpoint })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.status, 'pending'),
        lte(webhookDeliveries.nextAttemptAt, now),
        or(isNull(webhookDeliveries.lockedUntil), lte(webhookDeliveries.lockedUntil, now)),
      ),
    );
}

/**
 * Claims up to `limit` due deliveries of one endpoint, oldest first, counting the attempt. A
 * delivery about a lead is claimable only when no earlier delivery of that lead to that endpoint is
 * still pending (claimed or waiting for its retry): that is what keeps each lead's events in order.
 * A paused endpoint's deliveries wait, except test deliveries (an admin checking the endpoint).
 */
export async function claimDeliveries(
  q: Queryable,
  o: { teamId: string; endpoint: string; now: Date; lockMs: number; limit: number },
): Promise<WebhookDeliveryRow[]> {
  if (o.limit <= 0) return [];
  const lockedUntil = new Date(o.now.getTime() + o.lockMs).toISOString();
  const now = o.now.toISOString();
  const rows = normalizeRows<{ id: number }>(
    await q.execute(sql`
      update webhook_deliveries set attempts = attempts + 1, locked_until = ${lockedUntil}::timestamptz
      where id in (
        select d.id from webhook_deliveries d
        where d.team_id = ${o.teamId} and d.endpoint = ${o.endpoint} and d.status = 'pending'
          and d.next_attempt_at <= ${now}::timestamptz
          and (d.locked_until is null or d.locked_until <= ${now}::timestamptz)
          and (d.event_type = 'webhook.test' or not exists (
            select 1 from webhook_endpoints e
            where e.team_id = d.team_id and e.name = d.endpoint and e.paused_at is not null))
          and (d.lead_id is null or not exists (
            select 1 from webhook_deliveries p
            where p.team_id = d.team_id and p.endpoint = d.endpoint and p.lead_id = d.lead_id
              and p.status = 'pending' and p.id < d.id))
        order by d.id
        limit ${o.limit}
        for update skip locked
      )
      returning id`),
  );
  if (rows.length === 0) return [];
  const ids = rows.map((r) => Number(r.id));
  return q
    .select()
    .from(webhookDeliveries)
    .where(sql`${webhookDeliveries.id} in (${sql.join(ids, sql`, `)})`)
    .orderBy(asc(webhookDeliveries.id));
}

export async function markDelivered(q: Queryable, id: number, status: number, now: Date): Promise<void> {
  await q
    .update(webhookDeliveries)
    .set({ status: 'delivered', deliveredAt: now, lockedUntil: null, lastStatus: status, lastError: null })
    .where(eq(webhookDeliveries.id, id));
}

export async function markRetry(
  q: Queryable,
  id: number,
  at: Date,
  failure: { status: number | null; error: string },
): Promise<void> {
  await q
    .update(webhookDeliveries)
    .set({ nextAttemptAt: at, lockedUntil: null, lastStatus: failure.status, lastError: failure.error })
    .where(eq(webhookDeliveries.id, id));
}

export async function markDead(
  q: Queryable,
  id: number,
  failure: { status: number | null; error: string },
): Promise<void> {
  await q
    .update(webhookDeliveries)
    .set({ status: 'dead', lockedUntil: null, lastStatus: failure.status, lastError: failure.error })
    .where(eq(webhookDeliveries.id, id));
}

/** Records a success on the endpoint: its failure streak ends. */
export async function endpointSucceeded(
  q: Queryable,
  teamId: string,
  name: string,
  status: number,
  now: Date,
): Promise<void> {
  await q
    .insert(webhookEndpoints)
    .values({ teamId, name, lastAttemptAt: now, lastDeliveredAt: now, lastStatus: status })
    .onConflictDoUpdate({
      target: [webhookEndpoints.teamId, webhookEndpoints.name],
      set: {
        failures: 0,
        failingSince: null,
        lastAttemptAt: now,
        lastDeliveredAt: now,
        lastStatus: status,
        lastError: null,
      },
    });
}

/** Records a failure; returns the endpoint as it now is (its streak and since when). */
export async function endpointFailed(
  q: Queryable,
  teamId: string,
  name: string,
  failure: { status: number | null; error: string },
  now: Date,
): Promise<WebhookEndpointRow> {
  const [row] = await q
    .insert(webhookEndpoints)
    .values({
      teamId,
      name,
      failures: 1,
      failingSince: now,
      lastAttemptAt: now,
      lastStatus: failure.status,
      lastError: failure.error,
    })
    .onConflictDoUpdate({
      target: [webhookEndpoints.teamId, webhookEndpoints.name],
      set: {
        failures: sql`${webhookEndpoints.failures} + 1`,
        failingSince: sql`coalesce(${webhookEndpoints.failingSince}, ${now.toISOString()}::timestamptz)`,
        lastAttemptAt: now,
        lastStatus: failure.status,
        lastError: failure.error,
      },
    })
    .returning();
  return row!;
}

/** Pauses the endpoint unless it already is; true when this call paused it (so admins are told once). */
export async function pauseEndpoint(
  q: Queryable,
  teamId: string,
  name: string,
  reason: string,
  now: Date,
): Promise<boolean> {
  const rows = await q
    .update(webhookEndpoints)
    .set({ pausedAt: now, pausedReason: reason })
    .where(
      and(
        eq(webhookEndpoints.teamId, teamId),
        eq(webhookEndpoints.name, name),
        sql`${webhookEndpoints.pausedAt} is null`,
      ),
    )
    .returning({ name: webhookEndpoints.name });
  return rows.length > 0;
}

/**
 * Resumes a paused endpoint: its streak starts over and its waiting deliveries are due now, with a
 * fresh 24 hours of retries (they waited for the admin, not for the endpoint). False if not paused.
 */
export async function resumeEndpoint(
  q: Queryable,
  teamId: string,
  name: string,
  now: Date,
): Promise<boolean> {
  const rows = await q
    .update(webhookEndpoints)
    .set({ pausedAt: null, pausedReason: null, failures: 0, failingSince: null })
    .where(
      and(
        eq(webhookEndpoints.teamId, teamId),
        eq(webhookEndpoints.name, name),
        isNotNull(webhookEndpoints.pausedAt),
      ),
    )
    .returning({ name: webhookEndpoints.name });
  if (rows.length === 0) return false;
  await q
    .update(webhookDeliveries)
    .set({ nextAttemptAt: now, giveUpAt: new Date(now.getTime() + WEBHOOK_RETRY_WINDOW_MS) })
    .where(
      and(
        eq(webhookDeliveries.teamId, teamId),
        eq(webhookDeliveries.endpoint, name),
        eq(webhookDeliveries.status, 'pending'),
      ),
    );
  return true;
}

export async function endpointStates(q: Queryable, teamId: string): Promise<WebhookEndpointRow[]> {
  return q.select().from(webhookEndpoints).where(eq(webhookEndpoints.teamId, teamId));
}

/** Per endpoint: deliveries waiting and the age of the oldest, by the given clock. */
export async function pendingByEndpoint(
  q: Queryable,
  now: Date,
): Promise<Array<{ teamId: string; endpoint: string; pending: number; oldestSeconds: number }>> {
  return q
    .select({
      teamId: webhookDeliveries.teamId,
      endpoint: webhookDeliveries.endpoint,
      pending: sql<number>`count(*)::int`,
      oldestSeconds:
        sql<number>`extract(epoch from ${now.toISOString()}::timestamptz - min(${webhookDeliveries.createdAt}))`.mapWith(
          Number,
        ),
    })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.status, 'pending'))
    .groupBy(webhookDeliveries.teamId, webhookDeliveries.endpoint);
}
