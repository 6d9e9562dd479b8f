import { eq, type SQL, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '../client.js';
import { funnelStaysRolled } from '../schema.js';
import { classedPercentiles } from './classed-percentiles.js';
import { splitByRollup } from './funnel-rollups.js';
import { dayKey, nextRollupDays } from './rollup-days.js';

/**
 * Days in stage from the daily stay rollup (funnel_daily_stays, issue 16): the same figures as
 * stayMedians in queries/funnel.ts — how many stays of each stage ended in a period and their
 * median length in days — without sorting every stay of the period. The counts per length class
 * find the class that holds the middle ranks; only that class's lengths are read and sorted.
 */

export type StayMedians = Array<{ stage: string; stays: number; medianDays: number | null }>;

/** Bound as text and cast: postgres.js rejects raw Date parameters inside `sql` templates. */
const ts = (d: Date): SQL => sql`${d.toISOString()}::timestamptz`;

const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** A stay's length in days, as stayMedians and the rollup compute it (the same float8 arithmetic). */
const LENGTH = sql`date_part('epoch', left_at - entered_at) / 86400`;

/** Up to where the team's stay rollup is complete (a UTC midnight), or null before its first run. */
export async function staysRolledUntil(q: Queryable, teamId: string): Promise<Date | null> {
  const [row] = await q
    .select({ staysUntil: funnelStaysRolled.staysUntil })
    .from(funnelStaysRolled)
    .where(eq(funnelStaysRolled.teamId, teamId));
  return row?.staysUntil ?? null;
}

/**
 * Per stage in `stages`: stays that ended (left_at) in [start, end), and their median length in
 * days, exactly as stayMedians gives them; stages with no stay are left out.
 */
export async function periodStayMedians(
  q: Queryable,
  teamId: string,
  start: Date,
  end: Date,
  stages: readonly string[],
): Promise<StayMedians> {
  if (stages.length === 0) return [];
  const { rolled, live } = splitByRollup(start, end, await staysRolledUntil(q, teamId));
  const union = (parts: SQL[]) => sql.join(parts, sql` union all `);
  const medians = await classedPercentiles(
    q,
    {
      counts: union([
        ...(rolled
          ? [sql`select stage as grp, bucket, stays as n from ${rolledDays(teamId, stages, rolled)}`]
          : []),
        ...live.map(([s, e]) => sql`select grp, bucket, 1 as n from ${liveStays(teamId, stages, s, e)}`),
      ]),
      values: (pairs) =>
        union([
          ...(rolled
            ? [
                // One range of funnel_daily_stays_class per class asked for.
                // (lateral, so the planner cannot scan the period once for all classes).
                sql`select w.grp, w.bucket, x.d
                    from (values ${pairs}) as w(grp, bucket)
                    cross join lateral (select unnest(f.days) as d from funnel_daily_stays f
                      where f.team_id = ${teamId} and f.stage = w.grp and f.bucket = w.bucket
                        and f.day >= ${rolled[0]}::date and f.day < ${rolled[1]}::date) x`,
              ]
            : []),
          ...live.map(
            ([s, e]) =>
              sql`select grp, bucket, d from ${liveStays(teamId, stages, s, e)} where (grp, bucket) in (${pairs})`,
          ),
        ]),
    },
    [0.5],
  );
  return stages.flatMap((stage) => {
    const m = medians.get(stage);
    return m ? [{ stage, stays: m.n, medianDays: m.values[0]! }] : [];
  });
}

/** The rolled days of the stages, as a subquery. */
function rolledDays(teamId: string, stages: readonly string[], [from, to]: [string, string]): SQL {
  return sql`(select stage, bucket, stays, days from funnel_daily_stays
    where team_id = ${teamId} and stage in (${list(stages)})
      and day >= ${from}::date and day < ${to}::date) rolled`;
}

/** The stays of the stages that ended in [start, end), from stage_changes: (grp, bucket, d), as a subquery. */
function liveStays(teamId: string, stages: readonly string[], start: Date, end: Date): SQL {
  return sql`(select to_stage as grp, funnel_stay_bucket(${LENGTH}) as bucket, ${LENGTH} as d
    from stage_changes
    where team_id = ${teamId} and to_stage in (${list(stages)})
      and left_at >= ${ts(start)} and left_at < ${ts(end)}) live`;
}

/**
 * Counts the next whole UTC days of the team's ended stays into funnel_daily_stays, from where the
 * rollup stands (or the team's first ended stay) up to `until` (floored to a UTC midnight), at most
 * `maxDays` of them. Holds a SHARE lock on stage_changes while it counts, as rollFlowDays does, so
 * no stay ends unseen on a day it marks complete.
 */
export async function rollStayDays(
  tx: Tx,
  teamId: string,
  until: Date,
  maxDays: number,
): Promise<{ staysUntil: Date | null; done: boolean }> {
  const days = await nextRollupDays(tx, {
    lock: 'stage_changes',
    rolledUntil: () => staysRolledUntil(tx, teamId),
    first: sql`select min(left_at) as at from stage_changes where team_id = ${teamId}`,
    until,
    maxDays,
  });
  if ('stands' in days) return { staysUntil: days.stands, done: true };
  const { from, to, target } = days;
  await tx.execute(sql`
    delete from funnel_daily_stays
    where team_id = ${teamId} and day >= ${dayKey(from)}::date and day < ${dayKey(to)}::date`);
  await tx.execute(sql`
    insert into funnel_daily_stays (team_id, stage, day, bucket, stays, days)
    select ${teamId}, to_stage, day, funnel_stay_bucket(d), count(*)::int, array_agg(d order by d)
    from (select to_stage, (left_at at time zone 'UTC')::date as day, ${LENGTH} as d
          from stage_changes
          where team_id = ${teamId} and left_at >= ${ts(from)} and left_at < ${ts(to)}) s
    group by to_stage, day, funnel_stay_bucket(d)`);
  await tx.execute(sql`
    insert into funnel_stays_rolled (team_id, stays_until) values (${teamId}, ${ts(to)})
    on conflict (team_id) do update set stays_until = excluded.stays_until`);
  return { staysUntil: to, done: to >= target };
}
