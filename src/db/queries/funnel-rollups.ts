import { and, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { MoveRow } from '../../domain/funnel.js';
import type { FunnelBreakdown } from '../../domain/funnel-report.js';
import type { Queryable, Tx } from '../client.js';
import { funnelDailyMoves, funnelRollupState, funnelStayHistory } from '../schema.js';
import { flowMoves, flowMovesBy } from './funnel.js';
import { DAY_MS, dayKey, floorDay, nextRollupDays } from './rollup-days.js';

/**
 * The funnel's precomputed figures (issue 16: every report under 300 ms): flow's daily rollup of
 * stage changes, kept by the daily housekeeping job and read with the days it does not hold yet, and the stuck
 * thresholds' hourly history.
 */

/** Bound as text and cast: postgres.js rejects raw Date parameters inside `sql` templates. */
const ts = (d: Date): SQL => sql`${d.toISOString()}::timestamptz`;

const ceilDay = (d: Date) => new Date(Math.ceil(d.getTime() / DAY_MS) * DAY_MS);

/** Up to where the team's flow rollup is complete (a UTC midnight), or null before its first run. */
export async function movesRolledUntil(q: Queryable, teamId: string): Promise<Date | null> {
  const [row] = await q
    .select({ movesUntil: funnelRollupState.movesUntil })
    .from(funnelRollupState)
    .where(eq(funnelRollupState.teamId, teamId));
  return row?.movesUntil ?? null;
}

/**
 * Splits [start, end) into the whole UTC days the rollup holds and the edges to read from
 * stage_changes: at most one edge before and one after.
 */
export function splitByRollup(
  start: Date,
  end: Date,
  rolledUntil: Date | null,
): { rolled: [string, string] | null; live: Array<[Date, Date]> } {
  if (!rolledUntil) return { rolled: null, live: [[start, end]] };
  const d0 = ceilDay(start);
  const d1 = new Date(Math.min(floorDay(end).getTime(), rolledUntil.getTime()));
  if (d1 <= d0) return { rolled: null, live: [[start, end]] };
  const live: Array<[Date, Date]> = [];
  if (start < d0) live.push([start, d0]);
  if (d1 < end) live.push([d1, end]);
  return { rolled: [dayKey(d0), dayKey(d1)], live };
}

/** Flow moves entered in [start, end), per (from, to): rolled-up days plus the edges (as flowMoves). */
export async function rolledFlowMoves(
  q: Queryable,
  teamId: string,
  start: Date,
  end: Date,
  rolledUntil: Date | null,
): Promise<MoveRow[]> {
  const { rolled, live } = splitByRollup(start, end, rolledUntil);
  const parts = await Promise.all([
    ...live.map(([s, e]) => flowMoves(q, teamId, s, e)),
    rolled ? rolledRows(q, teamId, '', rolled) : Promise.resolve([]),
  ]);
  return parts.flat();
}

/** Flow moves per breakdown value recorded on the move: rolled-up days plus the edges (as flowMovesBy). */
export async function rolledFlowMovesBy(
  q: Queryable,
  teamId: string,
  start: Date,
  end: Date,
  by: FunnelBreakdown,
  rolledUntil: Date | null,
): Promise<Array<{ key: string | null } & MoveRow>> {
  const { rolled, live } = splitByRollup(start, end, rolledUntil);
  const parts = await Promise.all([
    ...live.map(([s, e]) => flowMovesBy(q, teamId, s, e, by)),
    rolled ? rolledRows(q, teamId, by, rolled) : Promise.resolve([]),
  ]);
  return parts.flat();
}

async function rolledRows(
  q: Queryable,
  teamId: string,
  dim: '' | FunnelBreakdown,
  [from, to]: [string, string],
): Promise<Array<{ key: string | null } & MoveRow>> {
  const m = funnelDailyMoves;
  return q
    .select({
      key: m.key,
      fromStage: m.fromStage,
      toStage: m.toStage,
      count: sql<number>`sum(${m.moves})::int`.mapWith(Number),
    })
    .from(m)
    .where(and(eq(m.teamId, teamId), eq(m.dim, dim), gte(m.day, from), lt(m.day, to)))
    .groupBy(m.key, m.fromStage, m.toStage);
}

/**
 * Counts the next whole UTC days of the team's stage changes into funnel_daily_moves, from where
 * the rollup stands (or the team's first change) up to `until` (floored to a UTC midnight), at most
 * `maxDays` of them. Holds a SHARE lock on stage_changes while it counts, so no change commits
 * unseen into a day it marks complete (writers wait the few milliseconds a day takes; it gives up
 * after `lock_timeout`). Returns where the rollup now stands and whether it reached `until`.
 */
export async function rollFlowDays(
  tx: Tx,
  teamId: string,
  until: Date,
  maxDays: number,
): Promise<{ movesUntil: Date | null; done: boolean }> {
  const days = await nextRollupDays(tx, {
    lock: 'stage_changes',
    rolledUntil: () => movesRolledUntil(tx, teamId),
    first: sql`select min(entered_at) as at from stage_changes where team_id = ${teamId}`,
    until,
    maxDays,
  });
  if ('stands' in days) return { movesUntil: days.stands, done: true };
  const { from, to, target } = days;
  await tx.execute(sql`
    delete from funnel_daily_moves
    where team_id = ${teamId} and day >= ${dayKey(from)}::date and day < ${dayKey(to)}::date`);
  await tx.execute(sql`
    insert into funnel_daily_moves (team_id, day, dim, key, from_stage, to_stage, moves)
    select ${teamId}, day,
           case when grouping(segment) = 0 then 'segment' when grouping(source) = 0 then 'source'
                when grouping(owner_id) = 0 then 'owner' else '' end,
           coalesce(case when grouping(segment) = 0 then segment end,
                    case when grouping(source) = 0 then source end,
                    case when grouping(owner_id) = 0 then owner_id end),
           from_stage, to_stage, count(*)::int
    from (select (entered_at at time zone 'UTC')::date as day, from_stage, to_stage, segment, source, owner_id
          from stage_changes
          where team_id = ${teamId} and entered_at >= ${ts(from)} and entered_at < ${ts(to)}) s
    group by grouping sets ((day, from_stage, to_stage), (day, segment, from_stage, to_stage),
                            (day, source, from_stage, to_stage), (day, owner_id, from_stage, to_stage))`);
  await tx.execute(sql`
    insert into funnel_rollup_state (team_id, moves_until) values (${teamId}, ${ts(to)})
    on conflict (team_id) do update set moves_until = excluded.moves_until`);
  return { movesUntil: to, done: to >= target };
}

export type StayHistory = Array<{ stage: string; stays: number; medianDays: number | null }>;

/** The stored stuck-threshold history of the team, if it is the one for `hourEnd` and `stages`. */
export async function storedStayHistory(
  q: Queryable,
  teamId: string,
  hourEnd: Date,
  stages: string,
): Promise<StayHistory | null> {
  const [row] = await q
    .select({
      hourEnd: funnelStayHistory.hourEnd,
      stages: funnelStayHistory.stages,
      medians: funnelStayHistory.medians,
    })
    .from(funnelStayHistory)
    .where(eq(funnelStayHistory.teamId, teamId));
  return row && row.hourEnd.getTime() === hourEnd.getTime() && row.stages === stages ? row.medians : null;
}

/** Stores the team's stuck-threshold history for `hourEnd` (a later hour's replaces it). */
export async function storeStayHistory(
  q: Queryable,
  teamId: string,
  hourEnd: Date,
  stages: string,
  medians: StayHistory,
): Promise<void> {
  await q
    .insert(funnelStayHistory)
    .values({ teamId, hourEnd, stages, medians })
    .onConflictDoUpdate({
      target: funnelStayHistory.teamId,
      set: { hourEnd, stages, medians, computedAt: sql`now()` },
      // An older hour never replaces a newer one (two processes may compute side by side).
      setWhere: sql`${funnelStayHistory.hourEnd} <= excluded.hour_end`,
    });
}
