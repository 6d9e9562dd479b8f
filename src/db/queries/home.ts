import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { PendingStep } from '../../domain/home-leads.js';
import type { Queryable } from '../client.js';
import { jobs, leads } from '../schema.js';
import type { LeadPage } from './sla-board.js';

/**
 * Leads `ownerId` owns in one of `stages`, in stage order and oldest first within a stage, at
 * most `limit`, with how many there are in all (for "and N more").
 */
export async function ownedLeadsByStage(
  q: Queryable,
  teamId: string,
  ownerId: string,
  stages: readonly string[],
  limit: number,
): Promise<LeadPage> {
  if (stages.length === 0) return { leads: [], total: 0 };
  // Stage keys are parameters; the positions are our own integers.
  const stageOrder = sql`case ${leads.stage} ${sql.join(
    stages.map((s, i) => sql`when ${s} then ${sql.raw(String(i))}`),
    sql` `,
  )} end`;
  const rows = await q
    .select({ lead: leads, total: sql<number>`(count(*) over ())::int`.mapWith(Number) })
    .from(leads)
    .where(and(eq(leads.teamId, teamId), eq(leads.ownerId, ownerId), inArray(leads.stage, [...stages])))
    .orderBy(stageOrder, asc(leads.createdAt), asc(leads.id))
    .limit(limit);
  return { leads: rows.map((r) => r.lead), total: rows[0]?.total ?? 0 };
}

/**
 * Cadence steps (jobs of `kind`, whose payload names the lead, owner and step) still waiting to
 * run for `ownerId` on these leads, soonest first.
 */
export async function pendingCadenceSteps(
  q: Queryable,
  teamId: string,
  kind: string,
  ownerId: string,
  leadIds: readonly number[],
): Promise<PendingStep[]> {
  if (leadIds.length === 0) return [];
  return q
    .select({
      leadId: sql<number>`(${jobs.payload}->>'leadId')::bigint`.mapWith(Number),
      step: sql<number>`(${jobs.payload}->>'step')::int`.mapWith(Number),
      runAt: jobs.runAt,
    })
    .from(jobs)
    .where(
      and(
        eq(jobs.teamId, teamId),
        eq(jobs.kind, kind),
        eq(jobs.status, 'pending'),
        sql`${jobs.payload}->>'owner' = ${ownerId}`,
        inArray(
          sql`${jobs.payload}->>'leadId'`,
          leadIds.map((id) => String(id)),
        ),
      ),
    )
    .orderBy(asc(jobs.runAt), asc(jobs.id));
}
