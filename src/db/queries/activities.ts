import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { leadActivities, leads, type SlaState } from '../schema.js';
import type { LeadRow } from './leads.js';

export type ActivityRow = typeof leadActivities.$inferSelect;
export type NewActivity = typeof leadActivities.$inferInsert;

/** The lead, locked until the transaction ends so two first touches cannot both count. */
export async function lockLead(q: Queryable, teamId: string, id: number): Promise<LeadRow | undefined> {
  const [row] = await q
    .select()
    .from(leads)
    .where(and(eq(leads.teamId, teamId), eq(leads.id, id)))
    .for('update');
  return row;
}

export async function insertActivity(q: Queryable, activity: NewActivity): Promise<ActivityRow> {
  const [row] = await q.insert(leadActivities).values(activity).returning();
  return row!;
}

export interface FirstTouchFields {
  at: Date;
  channel: string;
  businessMinutes: number;
  slaState: SlaState | null;
}

/** Stops the SLA clock: records the first touch, only while the lead has none. */
export async function setFirstTouch(
  q: Queryable,
  teamId: string,
  id: number,
  touch: FirstTouchFields,
  now: Date,
): Promise<LeadRow | undefined> {
  const [row] = await q
    .update(leads)
    .set({
      firstTouchAt: touch.at,
      firstTouchChannel: touch.channel,
      firstTouchBusinessMinutes: touch.businessMinutes,
      slaState: touch.slaState,
      updatedAt: now,
    })
    .where(and(eq(leads.teamId, teamId), eq(leads.id, id), isNull(leads.firstTouchAt)))
    .returning();
  return row;
}

export async function activitiesOf(q: Queryable, teamId: string, leadId: number): Promise<ActivityRow[]> {
  return q
    .select()
    .from(leadActivities)
    .where(and(eq(leadActivities.teamId, teamId), eq(leadActivities.leadId, leadId)))
    .orderBy(leadActivities.occurredAt, leadActivities.id);
}
