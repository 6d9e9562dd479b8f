import { and, asc, desc, eq, gt, lte, sql } from 'drizzle-orm';
import type { FunnelPlan } from '../../domain/plan.js';
import type { Queryable } from '../client.js';
import { funnelGoals } from '../schema.js';

/** A team's deal goal for a period of local dates [periodStart, periodEnd), with its plan as set. */
export interface FunnelGoal {
  id: number;
  teamId: string;
  periodStart: string;
  periodEnd: string;
  deals: number;
  plan: FunnelPlan;
  setBy: string | null;
  setAt: Date;
}

// The column is typed loosely in the schema; every row is written here from a FunnelPlan.
const toGoal = (row: typeof funnelGoals.$inferSelect): FunnelGoal => ({
  ...row,
  plan: row.plan as unknown as FunnelPlan,
});

/** Stores the goal for its period; a goal already set for exactly that period is replaced. */
export async function upsertGoal(q: Queryable, goal: Omit<FunnelGoal, 'id'>): Promise<FunnelGoal> {
  const plan = goal.plan as unknown as Record<string, unknown>;
  const [row] = await q
    .insert(funnelGoals)
    .values({ ...goal, plan })
    .onConflictDoUpdate({
      target: [funnelGoals.teamId, funnelGoals.periodStart, funnelGoals.periodEnd],
      set: { deals: goal.deals, plan, setBy: goal.setBy, setAt: goal.setAt },
    })
    .returning();
  return toGoal(row!);
}

export async function findGoal(
  q: Queryable,
  teamId: string,
  periodStart: string,
  periodEnd: string,
): Promise<FunnelGoal | undefined> {
  const [row] = await q
    .select()
    .from(funnelGoals)
    .where(
      and(
        eq(funnelGoals.teamId, teamId),
        eq(funnelGoals.periodStart, periodStart),
        eq(funnelGoals.periodEnd, periodEnd),
      ),
    );
  return row && toGoal(row);
}

/**
 * The goal whose period contains the local date `YYYY-MM-DD` (what "this week against the goal"
 * compares with). When several do — a week's goal inside a quarter's — the shortest period wins,
 * as the most specific, then the one set last.
 */
export async function goalCovering(
  q: Queryable,
  teamId: string,
  localDate: string,
): Promise<FunnelGoal | undefined> {
  const [row] = await q
    .select()
    .from(funnelGoals)
    .where(
      and(
        eq(funnelGoals.teamId, teamId),
        lte(funnelGoals.periodStart, localDate),
        gt(funnelGoals.periodEnd, localDate),
      ),
    )
    .orderBy(asc(sql`${funnelGoals.periodEnd} - ${funnelGoals.periodStart}`), desc(funnelGoals.setAt))
    .limit(1);
  return row && toGoal(row);
}
