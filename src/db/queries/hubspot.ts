import { and, asc, count, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { hubspotContacts, hubspotTasks, hubspotWrites } from '../schema.js';

export type HubspotTaskRow = typeof hubspotTasks.$inferSelect;

/** Queues HubSpot work in the caller's transaction; a repeated dedupe key queues nothing. */
export async function queueHubspotTask(
  q: Queryable,
  task: {
    teamId: string;
    direction: 'out' | 'in';
    leadId: number | null;
    dedupeKey: string;
    kind: string;
    payload: Record<string, unknown>;
    at: Date;
  },
): Promise<boolean> {
  const inserted = await q
    .insert(hubspotTasks)
    .values({
      teamId: task.teamId,
      direction: task.direction,
      leadId: task.leadId,
      dedupeKey: task.dedupeKey,
      kind: task.kind,
      payload: task.payload,
      nextAttemptAt: task.at,
      createdAt: task.at,
    })
    .onConflictDoNothing()
    .returning({ id: hubspotTasks.id });
  return inserted.length > 0;
}

/**
 * Claims due tasks for `lockMs` (another process may take one over after that, e.g. when this one
 * died). An `out` task waits while an earlier task of its lead is still pending, so a lead's writes
 * reach HubSpot in event order.
 */
export async function claimHubspotTasks(
  q: Queryable,
  opts: { now: Date; limit: number; lockMs: number },
): Promise<HubspotTaskRow[]> {
  const now = opts.now.toISOString();
  return q.transaction(async (tx) => {
    const due = await tx
      .select({ id: hubspotTasks.id })
      .from(hubspotTasks)
      .where(
        and(
          eq(hubspotTasks.status, 'pending'),
          lte(hubspotTasks.nextAttemptAt, opts.now),
          sql`(${hubspotTasks.lockedUntil} is null or ${hubspotTasks.lockedUntil} <= ${now}::timestamptz)`,
          sql`(${hubspotTasks.direction} = 'in' or not exists (
            select 1 from hubspot_tasks e
            where e.team_id = ${hubspotTasks.teamId} and e.lead_id = ${hubspotTasks.leadId}
              and e.direction = 'out' and e.status = 'pending' and e.id < ${hubspotTasks.id}))`,
        ),
      )
      .orderBy(asc(hubspotTasks.id))
      .limit(opts.limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(hubspotTasks)
      .set({
        attempts: sql`${hubspotTasks.attempts} + 1`,
        lockedUntil: new Date(opts.now.getTime() + opts.lockMs),
      })
      .where(
        inArray(
          hubspotTasks.id,
          due.map((d) => d.id),
        ),
      )
      .returning();
  });
}

/** Records the steps a task has done so far (kept across retries). */
export async function saveHubspotProgress(q: Queryable, id: number, progress: Record<string, unknown>) {
  await q.update(hubspotTasks).set({ progress }).where(eq(hubspotTasks.id, id));
}

export async function finishHubspotTask(
  q: Queryable,
  id: number,
  outcome: { status: 'done' | 'dead' | 'pending'; at: Date; nextAttemptAt?: Date; error?: string | null },
) {
  await q
    .update(hubspotTasks)
    .set({
      status: outcome.status,
      lockedUntil: null,
      lastError: outcome.error ?? null,
      ...(outcome.nextAttemptAt ? { nextAttemptAt: outcome.nextAttemptAt } : {}),
      ...(outcome.status === 'pending' ? {} : { doneAt: outcome.at }),
    })
    .where(eq(hubspotTasks.id, id));
}

export async function findHubspotContact(
  q: Queryable,
  teamId: string,
  leadId: number,
): Promise<string | null> {
  const [row] = await q
    .select({ contactId: hubspotContacts.contactId })
    .from(hubspotContacts)
    .where(and(eq(hubspotContacts.teamId, teamId), eq(hubspotContacts.leadId, leadId)));
  return row?.contactId ?? null;
}

export async function linkHubspotContact(
  q: Queryable,
  teamId: string,
  leadId: number,
  contactId: string,
  at: Date,
) {
  await q.insert(hubspotContacts).values({ teamId, leadId, contactId, createdAt: at }).onConflictDoNothing();
}

/** The leads synced with these contacts, newest first. */
export async function leadsOfHubspotContacts(
  q: Queryable,
  teamId: string,
  contactIds: string[],
): Promise<number[]> {
  if (contactIds.length === 0) return [];
  const rows = await q
    .select({ leadId: hubspotContacts.leadId })
    .from(hubspotContacts)
    .where(and(eq(hubspotContacts.teamId, teamId), inArray(hubspotContacts.contactId, contactIds)))
    .orderBy(desc(hubspotContacts.leadId));
  return rows.map((r) => r.leadId);
}

/** Remembers values Baton is about to write, so their echo is recognised. */
export async function recordHubspotWrites(
  q: Queryable,
  w: { teamId: string; objectType: string; objectId: string; properties: Record<string, string>; at: Date },
) {
  const rows = Object.entries(w.properties).map(([property, value]) => ({
    teamId: w.teamId,
    objectType: w.objectType,
    objectId: w.objectId,
    property,
    value,
    writtenAt: w.at,
  }));
  if (rows.length > 0) await q.insert(hubspotWrites).values(rows);
}

/**
 * True when Baton's latest write of this property (since `since`) had this value: the change is
 * Baton's own, echoed back. The record is used up, so a later change by a person is not ignored.
 */
export async function takeHubspotEcho(
  q: Queryable,
  e: { teamId: string; objectType: string; objectId: string; property: string; value: string; since: Date },
): Promise<boolean> {
  const [latest] = await q
    .select()
    .from(hubspotWrites)
    .where(
      and(
        eq(hubspotWrites.teamId, e.teamId),
        eq(hubspotWrites.objectType, e.objectType),
        eq(hubspotWrites.objectId, e.objectId),
        eq(hubspotWrites.property, e.property),
        gte(hubspotWrites.writtenAt, e.since),
      ),
    )
    .orderBy(desc(hubspotWrites.id))
    .limit(1);
  if (!latest || latest.value !== e.value) return false;
  await q.delete(hubspotWrites).where(eq(hubspotWrites.id, latest.id));
  return true;
}

export interface HubspotHealth {
  dead: number;
  lastDeadError: string | null;
  retrying: number;
  lastRetryError: string | null;
}

/** What admins see: tasks HubSpot refused (since `since`) and tasks waiting for a retry. */
export async function hubspotHealth(q: Queryable, teamId: string, since: Date): Promise<HubspotHealth> {
  const summary = async (where: ReturnType<typeof and>) => {
    const [n] = await q.select({ n: count() }).from(hubspotTasks).where(where);
    const [last] = await q
      .select({ error: hubspotTasks.lastError })
      .from(hubspotTasks)
      .where(where)
      .orderBy(desc(hubspotTasks.id))
      .limit(1);
    return { n: Number(n?.n ?? 0), error: last?.error ?? null };
  };
  const dead = await summary(
    and(eq(hubspotTasks.teamId, teamId), eq(hubspotTasks.status, 'dead'), gte(hubspotTasks.doneAt, since)),
  );
  const retrying = await summary(
    and(
      eq(hubspotTasks.teamId, teamId),
      eq(hubspotTasks.status, 'pending'),
      sql`${hubspotTasks.lastError} is not null`,
    ),
  );
  return { dead: dead.n, lastDeadError: dead.error, retrying: retrying.n, lastRetryError: retrying.error };
}

/** Pending tasks (for the /metrics gauge). */
export async function countPendingHubspotTasks(q: Queryable): Promise<number> {
  const [n] = await q.select({ n: count() }).from(hubspotTasks).where(eq(hubspotTasks.status, 'pending'));
  return Number(n?.n ?? 0);
}
