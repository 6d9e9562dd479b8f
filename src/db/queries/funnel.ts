import { and, eq, gte, inArray, lt, or, sql } from 'drizzle-orm';
import type { CohortDealRow, FlowDealRow, MoveRow, ReachRow } from '../../domain/funnel.js';
import type { FunnelBreakdown, SpeedToLead } from '../../domain/funnel-report.js';
import { LOST } from '../../domain/lead-stages.js';
import type { Queryable } from '../client.js';
import { leads, stageChanges } from '../schema.js';

/**
 * The funnel's aggregates. Every query filters `team_id` and a range on one timestamp column and
 * groups in SQL, so a report reads a handful of rows whatever the number of leads.
 */

const count = sql<number>`count(*)::int`.mapWith(Number);
const sumOf = (column: typeof leads.amount | typeof stageChanges.amount) =>
  sql<number | null>`sum(${column})`.mapWith(Number);

/** Cohort breakdowns read the lead as it is now. */
const leadKey = { segment: leads.segment, source: leads.source, owner: leads.ownerId } as const;
/** Flow breakdowns read what was recorded on the move. */
const moveKey = {
  segment: stageChanges.segment,
  source: stageChanges.source,
  owner: stageChanges.ownerId,
} as const;

const createdIn = (teamId: string, start: Date, end: Date) =>
  and(eq(leads.teamId, teamId), gte(leads.createdAt, start), lt(leads.createdAt, end));
const enteredIn = (teamId: string, start: Date, end: Date) =>
  and(eq(stageChanges.teamId, teamId), gte(stageChanges.enteredAt, start), lt(stageChanges.enteredAt, end));

/** Leads created in [start, end), counted per furthest stage (cohort reach). */
export async function cohortReach(q: Queryable, teamId: string, start: Date, end: Date): Promise<ReachRow[]> {
  return q
    .select({ furthestStage: leads.furthestStage, count })
    .from(leads)
    .where(createdIn(teamId, start, end))
    .groupBy(leads.furthestStage);
}

/** Cohort reach per breakdown value (`key` null: no owner). */
export async function cohortReachBy(
  q: Queryable,
  teamId: string,
  start: Date,
  end: Date,
  by: FunnelBreakdown,
): Promise<Array<{ key: string | null; furthestStage: string | null; count: number }>> {
  const key = leadKey[by];
  return q
    .select({ key, furthestStage: leads.furthestStage, count })
    .from(leads)
    .where(createdIn(teamId, start, end))
    .groupBy(key, leads.furthestStage);
}

/**
 * Cohort leads that may be deals — furthest stage in `wonStages` or sitting in Lost now —
 * per furthest stage, competitor and currency: how many, how many are in Lost, their amounts.
 */
export async function cohortDealRows(
  q: Queryable,
  teamId: string,
  start: Date,
  end: Date,
  wonStages: readonly string[],
): Promise<CohortDealRow[]> {
  return q
    .select({
      furthestStage: leads.furthestStage,
      competitor: leads.competitor,
      currency: leads.currency,
      count,
      lost: sql<number>`(count(*) filter (where ${leads.stage} = ${LOST}))::int`.mapWith(Number),
      amount: sumOf(leads.amount),
    })
    .from(leads)
    .where(
      and(
        createdIn(teamId, start, end),
        or(inArray(leads.furthestStage, [...wonStages]), eq(leads.stage, LOST)),
      ),
    )
    .groupBy(leads.furthestStage, leads.competitor, leads.currency);
}

/** Stage changes entered in [start, end), per (from, to). */
export async function flowMoves(q: Queryable, teamId: string, start: Date, end: Date): Promise<MoveRow[]> {
  return q
    .select({ fromStage: stageChanges.fromStage, toStage: stageChanges.toStage, count })
    .from(stageChanges)
    .where(enteredIn(teamId, start, end))
    .groupBy(stageChanges.fromStage, stageChanges.toStage);
}

/** Flow moves per breakdown value recorded on the move (`key` null: no owner). */
export async function flowMovesBy(
  q: Queryable,
  teamId: string,
  start: Date,
  end: Date,
  by: FunnelBreakdown,
): Promise<Array<{ key: string | null; fromStage: string | null; toStage: string; count: number }>> {
  const key = moveKey[by];
  return q
    .select({ key, fromStage: stageChanges.fromStage, toStage: stageChanges.toStage, count })
    .from(stageChanges)
    .where(enteredIn(teamId, start, end))
    .groupBy(key, stageChanges.fromStage, stageChanges.toStage);
}

/**
 * Moves entered in [start, end) that may be deals — into `wonStages` or Lost — per (from, to),
 * competitor and currency recorded on the move, with the sum of their amounts.
 */
export async function flowDealRows(
  q: Queryable,
  teamId: string,
  start: Date,
  end: Date,
  wonStages: readonly string[],
): Promise<FlowDealRow[]> {
  return q
    .select({
      fromStage: stageChanges.fromStage,
      toStage: stageChanges.toStage,
      competitor: stageChanges.competitor,
      currency: stageChanges.currency,
      count,
      amount: sumOf(stageChanges.amount),
    })
    .from(stageChanges)
    .where(and(enteredIn(teamId, start, end), inArray(stageChanges.toStage, [...wonStages, LOST])))
    .groupBy(stageChanges.fromStage, stageChanges.toStage, stageChanges.competitor, stageChanges.currency);
}

/**
 * Speed to lead over routed leads created in [start, end); minutes on the SLA's clock. The share
 * within the SLA is the caller's to work out from `met` and `breached`.
 */
export async function speedToLead(
  q: Queryable,
  teamId: string,
  start: Date,
  end: Date,
): Promise<Omit<SpeedToLead, 'withinSla'>> {
  const minutes = leads.firstTouchBusinessMinutes;
  const [row] = await q
    .select({
      leads: count,
      touched: sql<number>`count(${leads.firstTouchAt})::int`.mapWith(Number),
      medianMinutes: sql<number | null>`percentile_cont(0.5) within group (order by ${minutes})`.mapWith(
        Number,
      ),
      p90Minutes: sql<number | null>`percentile_cont(0.9) within group (order by ${minutes})`.mapWith(Number),
      met: sql<number>`(count(*) filter (where ${leads.slaState} = 'met'))::int`.mapWith(Number),
      breached: sql<number>`(count(*) filter (where ${leads.slaState} = 'breached'))::int`.mapWith(Number),
    })
    .from(leads)
    .where(and(createdIn(teamId, start, end), eq(leads.routed, true)));
  return row!;
}

/**
 * Per stage in `stages`: stays that ended (left_at) in [start, end), and their median length in
 * days. One query per stage, each a single range of `stage_changes_stays`, so every sort is one
 * stage's stays rather than all of them (measured: about half the time of one grouped query).
 */
export async function stayMedians(
  q: Queryable,
  teamId: string,
  start: Date,
  end: Date,
  stages: readonly string[],
): Promise<Array<{ stage: string; stays: number; medianDays: number | null }>> {
  // date_part gives float8 directly; extract() computes in numeric, which is slower to sort.
  const days = sql`date_part('epoch', ${stageChanges.leftAt} - ${stageChanges.enteredAt}) / 86400`;
  const perStage = await Promise.all(
    stages.map(async (stage) => {
      const [row] = await q
        .select({
          stays: count,
          medianDays: sql<number | null>`percentile_cont(0.5) within group (order by ${days})`.mapWith(
            Number,
          ),
        })
        .from(stageChanges)
        .where(
          and(
            eq(stageChanges.teamId, teamId),
            eq(stageChanges.toStage, stage),
            gte(stageChanges.leftAt, start),
            lt(stageChanges.leftAt, end),
          ),
        );
      return { stage, stays: row?.stays ?? 0, medianDays: row?.stays ? row.medianDays : null };
    }),
  );
  return perStage.filter((s) => s.stays > 0);
}

/**
 * Leads sitting now in each stage since before its cutoff (entered it earlier than `enteredBefore`).
 * One range of `leads_stage_entered` per stage: an OR across stages made the planner scan them all.
 */
export async function stuckCounts(
  q: Queryable,
  teamId: string,
  cutoffs: ReadonlyArray<{ stage: string; enteredBefore: Date }>,
): Promise<Array<{ stage: string; count: number }>> {
  const perStage = await Promise.all(
    cutoffs.map(async (c) => {
      const [row] = await q
        .select({ count })
        .from(leads)
        .where(
          and(eq(leads.teamId, teamId), eq(leads.stage, c.stage), lt(leads.stageEnteredAt, c.enteredBefore)),
        );
      return { stage: c.stage, count: row?.count ?? 0 };
    }),
  );
  return perStage.filter((s) => s.count > 0);
}
