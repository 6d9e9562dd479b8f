import { eq, type SQL, sql } from 'drizzle-orm';
import type { SpeedToLead } from '../../domain/funnel-report.js';
import type { Queryable, Tx } from '../client.js';
import { funnelSpeedRolled } from '../schema.js';
import { classedPercentiles } from './classed-percentiles.js';
import { splitByRollup } from './funnel-rollups.js';
import { rowsOf } from './raw.js';
import { dayKey, nextRollupDays } from './rollup-days.js';

/**
 * Speed to lead from the daily rollup (funnel_daily_speed, issue 16): the same figures as
 * speedToLead in queries/funnel.ts, the median and 90th percentile exact, without sorting every
 * routed lead of the period.
 */

/** The class of leads with no working minutes (not touched yet). */
const UNTIMED = -1;

/** Bound as text and cast: postgres.js rejects raw Date parameters inside `sql` templates. */
const ts = (d: Date): SQL => sql`${d.toISOString()}::timestamptz`;

/** Up to where the team's speed rollup is complete (a UTC midnight), or null before its first run. */
export async function speedRolledUntil(q: Queryable, teamId: string): Promise<Date | null> {
  const [row] = await q
    .select({ speedUntil: funnelSpeedRolled.speedUntil })
    .from(funnelSpeedRolled)
    .where(eq(funnelSpeedRolled.teamId, teamId));
  return row?.speedUntil ?? null;
}

/** Speed to lead over routed leads created in [start, end), exactly as speedToLead gives it. */
export async function periodSpeedToLead(
  q: Queryable,
  teamId: string,
  start: Date,
  end: Date,
): Promise<Omit<SpeedToLead, 'withinSla'>> {
  const { rolled, live } = splitByRollup(start, end, await speedRolledUntil(q, teamId));
  const union = (parts: SQL[]) => sql.join(parts, sql` union all `);
  const rolledRows = rolled
    ? [
        sql`(select bucket, leads, touched, met, breached, minutes from funnel_daily_speed
          where team_id = ${teamId} and day >= ${rolled[0]}::date and day < ${rolled[1]}::date) rolled`,
      ]
    : [];
  const liveRows = live.map(
    ([
      s,
      e,
    ]) => sql`(select coalesce(funnel_minutes_bucket(first_touch_business_minutes), ${UNTIMED}) as bucket,
        first_touch_at, sla_state, first_touch_business_minutes as d
      from leads
      where team_id = ${teamId} and created_at >= ${ts(s)} and created_at < ${ts(e)} and routed) live`,
  );
  const [totals, percentiles] = await Promise.all([
    q.execute(sql`
      select coalesce(sum(leads), 0)::int as leads, coalesce(sum(touched), 0)::int as touched,
             coalesce(sum(met), 0)::int as met, coalesce(sum(breached), 0)::int as breached
      from (${union([
        ...rolledRows.map((r) => sql`select leads, touched, met, breached from ${r}`),
        ...liveRows.map(
          (r) => sql`select 1, (first_touch_at is not null)::int, (sla_state = 'met')::int,
                            (sla_state = 'breached')::int from ${r}`,
        ),
      ])}) x(leads, touched, met, breached)`),
    classedPercentiles(
      q,
      {
        counts: union([
          ...rolledRows.map(
            (r) => sql`select '' as grp, bucket, leads as n from ${r} where bucket <> ${UNTIMED}`,
          ),
          ...liveRows.map((r) => sql`select '' as grp, bucket, 1 as n from ${r} where bucket <> ${UNTIMED}`),
        ]),
        values: (pairs) =>
          union([
            // One range of funnel_daily_speed_class per class asked for (lateral, as for stays).
            ...(rolled
              ? [
                  sql`select w.grp, w.bucket, x.d
                      from (values ${pairs}) as w(grp, bucket)
                      cross join lateral (select unnest(f.minutes) as d from funnel_daily_speed f
                        where f.team_id = ${teamId} and f.bucket = w.bucket
                          and f.day >= ${rolled[0]}::date and f.day < ${rolled[1]}::date) x`,
                ]
              : []),
            ...liveRows.map(
              (r) => sql`select '' as grp, bucket, d from ${r} where ('', bucket) in (${pairs})`,
            ),
          ]),
      },
      [0.5, 0.9],
    ),
  ]);
  const [t] = rowsOf<{ leads: number; touched: number; met: number; breached: number }>(totals);
  const timed = percentiles.get('');
  return {
    leads: Number(t?.leads ?? 0),
    touched: Number(t?.touched ?? 0),
    medianMinutes: timed ? timed.values[0]! : null,
    p90Minutes: timed ? timed.values[1]! : null,
    met: Number(t?.met ?? 0),
    breached: Number(t?.breached ?? 0),
  };
}

/**
 * Counts the next whole UTC days of the team's routed leads into funnel_daily_speed, from where
 * the rollup stands (or the team's first lead) up to `until` (floored to a UTC midnight), at most
 * `maxDays` of them. Holds a SHARE lock on leads while it counts, as rollFlowDays does on
 * stage_changes, so no lead of a day it marks complete changes unseen.
 */
export async function rollSpeedDays(
  tx: Tx,
  teamId: string,
  until: Date,
  maxDays: number,
): Promise<{ speedUntil: Date | null; done: boolean }> {
  const days = await nextRollupDays(tx, {
    lock: 'leads',
    rolledUntil: () => speedRolledUntil(tx, teamId),
    first: sql`select min(created_at) as at from leads where team_id = ${teamId}`,
    until,
    maxDays,
  });
  if ('stands' in days) return { speedUntil: days.stands, done: true };
  const { from, to, target } = days;
  await tx.execute(sql`
    delete from funnel_daily_speed
    where team_id = ${teamId} and day >= ${dayKey(from)}::date and day < ${dayKey(to)}::date`);
  await tx.execute(sql`
    insert into funnel_daily_speed (team_id, day, bucket, leads, touched, met, breached, minutes)
    select ${teamId}, day, bucket, count(*)::int, count(first_touch_at)::int,
           (count(*) filter (where sla_state = 'met'))::int, (count(*) filter (where sla_state = 'breached'))::int,
           coalesce(array_agg(d order by d) filter (where d is not null), '{}')
    from (select (created_at at time zone 'UTC')::date as day,
                 coalesce(funnel_minutes_bucket(first_touch_business_minutes), ${UNTIMED}) as bucket,
                 first_touch_at, sla_state, first_touch_business_minutes as d
          from leads
          where team_id = ${teamId} and created_at >= ${ts(from)} and created_at < ${ts(to)} and routed) s
    group by day, bucket`);
  await tx.execute(sql`
    insert into funnel_speed_rolled (team_id, speed_until) values (${teamId}, ${ts(to)})
    on conflict (team_id) do update set speed_until = excluded.speed_until`);
  return { speedUntil: to, done: to >= target };
}
