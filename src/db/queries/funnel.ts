import { and, desc, eq, gte, inArray, isNull, lt, notInArray, or, sql } from 'drizzle-orm';
import type { CohortDealRow, FlowDealRow, MoveRow, ReachRow } from '../../domain/funnel.js';
import type { FunnelBreakdown, SpeedToLead } from '../../domain/funnel-report.js';
import { LOST } from '../../domain/lead-stages.js';
import type { Queryable } from '../client.js';
import { leads, stageChanges } from '../schema.js';

/**
 * The funnel's aggregates. Every query filters `team_id` and a range on one timestamp column and
 * groups in SQL, so a report reads a handful of rows whatever the number of leads.
 */

const DAY_MS = 86_400_000;

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

/**
 * A lead in Lost, written as the literal of leads_lost_created's predicate (drizzle/0035): a bound
 * parameter would let a generic plan miss the partial index and filter every lead of the period.
 */
const IN_LOST = sql`${leads.stage} = ${sql.raw(`'${LOST}'`)}`;

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
 * A stage change that enters the won stage (docs/funnel.md): into it or past it from an earlier
 * working stage (skips included), an arrival, or a reopening from a side stage straight into it.
 * A move from the won stage on to a later one (Closing → Retention) is not a win.
 */
export function entersWon(working: readonly string[], wonStage: string) {
  const wonAt = working.indexOf(wonStage);
  const before = working.slice(0, wonAt);
  return and(
    inArray(stageChanges.toStage, working.slice(wonAt)),
    or(
      isNull(stageChanges.fromStage),
      before.length > 0 ? inArray(stageChanges.fromStage, before) : undefined,
      and(eq(stageChanges.toStage, wonStage), notInArray(stageChanges.fromStage, [...working])),
    ),
  );
}

/**
 * Cohort leads that may be deals, per furthest stage, competitor and currency: how many, how many
 * are in Lost, their amounts. A won lead (furthest stage in `wonStages`) counts under the
 * competitor, amount and currency recorded on its last move that entered the won stage — the deal as it was
 * last won, whatever was named or changed after (docs/funnel.md); a lead in Lost that was never
 * won, under the lead's own (its move into Lost is its last).
 */
export async function cohortDealRows(
  q: Queryable,
  teamId: string,
  start: Date,
  end: Date,
  working: readonly string[],
  wonStage: string,
): Promise<CohortDealRow[]> {
  const wonStages = working.slice(working.indexOf(wonStage));
  // Per lead, its last move that entered the won stage, from one index-only range of
  // stage_changes_deals joined by hash, rather than a probe of each won lead's moves (issue 16:
  // 2.8 s → 0.5 s for a year at 1M leads). A lead's moves are recorded from its creation on
  // (its arrival at created_at, later moves at the clock's now), so none that matters entered
  // before the period; the day before covers clocks of app processes that disagree a little.
  const lastWin = q
    .selectDistinctOn([stageChanges.leadId], {
      leadId: stageChanges.leadId,
      competitor: stageChanges.competitor,
      amount: stageChanges.amount,
      currency: stageChanges.currency,
    })
    .from(stageChanges)
    .where(
      and(
        eq(stageChanges.teamId, teamId),
        gte(stageChanges.enteredAt, new Date(start.getTime() - DAY_MS)),
        entersWon(working, wonStage),
      ),
    )
    .orderBy(stageChanges.leadId, desc(stageChanges.enteredAt), desc(stageChanges.id))
    .as('last_win');
  // A lead past the won stage without a move that entered it (it reopened straight into a later
  // stage) keeps its own deal fields.
  const atWin = <T>(won: unknown, own: unknown) =>
    sql<T>`case when ${lastWin.leadId} is null then ${own} else ${won} end`;
  const competitor = atWin<string | null>(lastWin.competitor, leads.competitor);
  const currency = atWin<string | null>(lastWin.currency, leads.currency);
  const [won, lost] = await Promise.all([
    q
      .select({
        furthestStage: leads.furthestStage,
        competitor,
        currency,
        count,
        lost: sql<number>`0`.mapWith(Number),
        amount: sql<number | null>`sum(${atWin(lastWin.amount, leads.amount)})`.mapWith(Number),
      })
      .from(leads)
      .leftJoin(lastWin, eq(lastWin.leadId, leads.id))
      .where(and(createdIn(teamId, start, end), inArray(leads.furthestStage, [...wonStages])))
      .groupBy(leads.furthestStage, competitor, currency),
    q
      .select({
        furthestStage: leads.furthestStage,
        competitor: leads.competitor,
        currency: leads.currency,
        count,
        lost: count,
        amount: sumOf(leads.amount),
      })
      .from(leads)
      .where(
        and(
          createdIn(teamId, start, end),
          IN_LOST,
          or(isNull(leads.furthestStage), notInArray(leads.furthestStage, [...wonStages])),
        ),
      )
      .groupBy(leads.furthestStage, leads.competitor, leads.currency),
  ]);
  return [...won, ...lost];
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
 * Moves entered in [start, end) that may be deals, per (from, to), competitor and currency
 * recorded on the move, with the sum of their amounts: each lead's last move of the period that
 * enters the won stage (a deal won twice in a period is one deal, docs/funnel.md), and every move
 * into Lost.
 */
export async function flowDealRows(
  q: Queryable,
  teamId: string,
  start: Date,
  end: Date,
  working: readonly string[],
  wonStage: string,
): Promise<FlowDealRow[]> {
  const wins = q
    .selectDistinctOn([stageChanges.leadId], {
      fromStage: stageChanges.fromStage,
      toStage: stageChanges.toStage,
      competitor: stageChanges.competitor,
      currency: stageChanges.currency,
      amount: stageChanges.amount,
    })
    .from(stageChanges)
    .where(and(enteredIn(teamId, start, end), entersWon(working, wonStage)))
    .orderBy(stageChanges.leadId, desc(stageChanges.enteredAt), desc(stageChanges.id))
    .as('wins');
  const [won, lost] = await Promise.all([
    q
      .select({
        fromStage: wins.fromStage,
        toStage: wins.toStage,
        competitor: wins.competitor,
        currency: wins.currency,
        count,
        amount: sql<number | null>`sum(${wins.amount})`.mapWith(Number),
      })
      .from(wins)
      .groupBy(wins.fromStage, wins.toStage, wins.competitor, wins.currency),
    q
      .select({
        fromStage: stageChanges.fromStage,
        toStage: stageChanges.toStage,
        competitor: stageChanges.competitor,
        currency: stageChanges.currency,
        count,
        amount: sumOf(stageChanges.amount),
      })
      .from(stageChanges)
      .where(and(enteredIn(teamId, start, end), eq(stageChanges.toStage, LOST)))
      .groupBy(stageChanges.fromStage, stageChanges.toStage, stageChanges.competitor, stageChanges.currency),
  ]);
  return [...won, ...lost];
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
