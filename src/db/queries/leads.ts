import { and, desc, eq, gte, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { leadEvents, leads } from '../schema.js';

export type LeadRow = typeof leads.$inferSelect;
export type NewLead = typeof leads.$inferInsert;

export async function insertLead(q: Queryable, lead: NewLead): Promise<LeadRow> {
  const [row] = await q.insert(leads).values(lead).returning();
  return row!;
}

export async function findLead(q: Queryable, teamId: string, id: number): Promise<LeadRow | undefined> {
  const [row] = await q
    .select()
    .from(leads)
    .where(and(eq(leads.teamId, teamId), eq(leads.id, id)));
  return row;
}

export async function findLeadByExternalId(
  q: Queryable,
  teamId: string,
  source: string,
  externalId: string,
): Promise<LeadRow | undefined> {
  const [row] = await q
    .select()
    .from(leads)
    .where(and(eq(leads.teamId, teamId), eq(leads.source, source), eq(leads.externalId, externalId)));
  return row;
}

/** The newest lead with this email (any case) created at or after `since`. */
export async function findRecentLeadByEmail(
  q: Queryable,
  teamId: string,
  email: string,
  since: Date,
): Promise<LeadRow | undefined> {
  const [row] = await q
    .select()
    .from(leads)
    .where(
      and(
        eq(leads.teamId, teamId),
        sql`lower(${leads.email}) = ${email.toLowerCase()}`,
        gte(leads.createdAt, since),
      ),
    )
    .orderBy(desc(leads.createdAt))
    .limit(1);
  return row;
}

/**
 * Gives an unowned lead to `userId`. Exactly one of any number of concurrent callers wins: the
 * row is only updated while it has no owner. Returns the updated row, or undefined if taken.
 */
export async function takeUnownedLead(
  q: Queryable,
  teamId: string,
  id: number,
  userId: string,
  now: Date,
): Promise<LeadRow | undefined> {
  const [row] = await q
    .update(leads)
    .set({ ownerId: userId, ownerSince: now, updatedAt: now })
    .where(and(eq(leads.teamId, teamId), eq(leads.id, id), isNull(leads.ownerId)))
    .returning();
  return row;
}

/**
 * Moves a lead from owner `from` (null: unowned) to `to` (null: release it, unowned again). Only
 * while the owner is still `from`, so of two concurrent changes at most one wins. Returns the
 * updated row, or undefined when the owner was no longer `from`.
 */
export async function changeLeadOwner(
  q: Queryable,
  teamId: string,
  id: number,
  from: string | null,
  to: string | null,
  now: Date,
): Promise<LeadRow | undefined> {
  const [row] = await q
    .update(leads)
    .set({ ownerId: to, ownerSince: to === null ? null : now, updatedAt: now })
    .where(
      and(
        eq(leads.teamId, teamId),
        eq(leads.id, id),
        from === null ? isNull(leads.ownerId) : eq(leads.ownerId, from),
      ),
    )
    .returning();
  return row;
}

/** Counts one more marketer context on the lead; returns the updated row (undefined: no such lead). */
export async function bumpContextCount(
  q: Queryable,
  teamId: string,
  id: number,
  now: Date,
): Promise<LeadRow | undefined> {
  const [row] = await q
    .update(leads)
    .set({ contextCount: sql`${leads.contextCount} + 1`, updatedAt: now })
    .where(and(eq(leads.teamId, teamId), eq(leads.id, id)))
    .returning();
  return row;
}

/** The lead whose card is the message `ts` in `channel`. */
export async function findLeadByCard(
  q: Queryable,
  teamId: string,
  channel: string,
  ts: string,
): Promise<LeadRow | undefined> {
  const [row] = await q
    .select()
    .from(leads)
    .where(and(eq(leads.teamId, teamId), eq(leads.cardChannel, channel), eq(leads.cardTs, ts)));
  return row;
}

/** The newest lead with this email (any case), however old. */
export async function findLatestLeadByEmail(
  q: Queryable,
  teamId: string,
  email: string,
): Promise<LeadRow | undefined> {
  const [row] = await q
    .select()
    .from(leads)
    .where(and(eq(leads.teamId, teamId), sql`lower(${leads.email}) = ${email.toLowerCase()}`))
    .orderBy(desc(leads.createdAt))
    .limit(1);
  return row;
}

export async function setLeadCard(q: Queryable, id: number, channel: string, ts: string): Promise<void> {
  await q.update(leads).set({ cardChannel: channel, cardTs: ts }).where(eq(leads.id, id));
}

export interface LeadEventInput {
  teamId: string;
  leadId: number;
  type: string;
  actorId?: string | null;
  data?: Record<string, unknown>;
  occurredAt: Date;
}

export async function appendLeadEvent(q: Queryable, event: LeadEventInput): Promise<void> {
  await q.insert(leadEvents).values({ ...event, actorId: event.actorId ?? null, data: event.data ?? {} });
}

export async function leadEventsOf(q: Queryable, teamId: string, leadId: number) {
  return q
    .select()
    .from(leadEvents)
    .where(and(eq(leadEvents.teamId, teamId), eq(leadEvents.leadId, leadId)))
    .orderBy(leadEvents.id);
}

/** Whether the lead has an event of `type` whose data holds every given field as text. */
export async function leadEventExists(
  q: Queryable,
  teamId: string,
  leadId: number,
  type: string,
  data: Record<string, string>,
): Promise<boolean> {
  const [row] = await q
    .select({ id: leadEvents.id })
    .from(leadEvents)
    .where(
      and(
        eq(leadEvents.teamId, teamId),
        eq(leadEvents.leadId, leadId),
        eq(leadEvents.type, type),
        ...Object.entries(data).map(([field, value]) => sql`${leadEvents.data}->>${field} = ${value}`),
      ),
    )
    .limit(1);
  return Boolean(row);
}
