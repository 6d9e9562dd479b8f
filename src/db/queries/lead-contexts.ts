import { and, desc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { leadContexts } from '../schema.js';

export type LeadContextRow = typeof leadContexts.$inferSelect;
export type NewLeadContext = typeof leadContexts.$inferInsert;

export async function insertLeadContext(q: Queryable, row: NewLeadContext): Promise<LeadContextRow> {
  const [inserted] = await q.insert(leadContexts).values(row).returning();
  return inserted!;
}

/** The lead's newest contexts first. */
export async function recentLeadContexts(
  q: Queryable,
  teamId: string,
  leadId: number,
  limit: number,
): Promise<LeadContextRow[]> {
  return q
    .select()
    .from(leadContexts)
    .where(and(eq(leadContexts.teamId, teamId), eq(leadContexts.leadId, leadId)))
    .orderBy(desc(leadContexts.id))
    .limit(limit);
}

/**
 * Serialises, until the transaction ends, everyone handling the same submitted modal, so that a
 * submission sent twice is stored once (the second finds the first's event).
 */
export async function lockSubmission(q: Queryable, key: string): Promise<void> {
  await q.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
}
