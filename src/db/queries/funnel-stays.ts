import { eq, type SQL, sql } from 'drizzle-orm';
import { interpolate, locateRank, percentileRanks } from '../../domain/percentile.js';
import type { Queryable, Tx } from '../client.js';
import { funnelStaysRolled } from '../schema.js';
import { splitByRollup } from './funnel-rollups.js';

/**
 * Days in stage from the daily stay rollup (funnel_daily_stays, issue 16): the same figures as
 * stayMedians in queries/funnel.ts — how many stays of each stage ended in a period and their
 * median length in days — without sorting every stay of the period. The counts per length class
 * find the class that holds the middle ranks; only that class's lengths are read and sorted.
 */

export type StayMedians = Array<{ stage: string; stays: number; medianDays: number | null }>;

const DAY_MS = 86_400_000;

/** Bound as text and cast: postgres.js rejects raw Date parameters inside `sql` templates. */
const ts = (d: Date): SQL => sql`${d.toISOString()}::timestamptz`;

const rowsOf = <T>(result: unknown): T[] =>
  // PGlite returns { rows }, postgres.js the rows themselves.
  (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];

const floorDay = (d: Date) => new Date(Math.floor(d.getTime() / DAY_MS) * DAY_MS);
const dayKey = (d: Date) => d.toISOString().slice(0, 10);
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
  // The stays of the period per stage and class, from the rolled days and the edges.
  const counted = rowsOf<{ stage: string; bucket: number; n: number }>(
    await q.execute(sql`
      select stage, bucket, sum(n)::int as n from (${sql.join(
        [
          ...(rolled ? [rolledPart(teamId, stages, rolled, sql`stays`)] : []),
          ...live.map(([s, e]) => livePart(teamId, stages, s, e, sql`1`)),
        ],
        sql` union all `,
      )}) x
      group by stage, bucket`),
  );
  const classes = new Map<string, Map<number, number>>();
  for (const r of counted) {
    const of = classes.get(r.stage) ?? new Map<number, number>();
    of.set(Number(r.bucket), Number(r.n));
    classes.set(r.stage, of);
  }
  // The two middle ranks of each stage, each as a class and a rank within it.
  const wanted = [...classes.entries()].map(([stage, counts]) => {
    const n = [...counts.values()].reduce((sum, c) => sum + c, 0);
    const ranks = percentileRanks(n, 0.5);
    return { stage, n, ranks, lo: locateRank(counts, ranks.lo), hi: locateRank(counts, ranks.hi) };
  });
  const values = await rankedValues(
    q,
    teamId,
    rolled,
    live,
    wanted.flatMap((w) => [
      { stage: w.stage, ...w.lo },
      { stage: w.stage, ...w.hi },
    ]),
  );
  const at = (stage: string, p: { bucket: number; offset: number }) => {
    const v = values.get(`${stage}|${p.bucket}|${p.offset}`);
    if (v === undefined)
      throw new Error(`stay rollup: no ${stage} stay at class ${p.bucket} rank ${p.offset}`);
    return v;
  };
  const byStage = new Map(
    wanted.map((w) => [
      w.stage,
      { stage: w.stage, stays: w.n, medianDays: interpolate(at(w.stage, w.lo), at(w.stage, w.hi), w.ranks) },
    ]),
  );
  return stages.flatMap((s) => byStage.get(s) ?? []);
}

/** The rolled days' rows of the stages: (stage, bucket, `value`). */
function rolledPart(
  teamId: string,
  stages: readonly string[],
  [from, to]: [string, string],
  value: SQL,
): SQL {
  return sql`
    select stage, bucket, ${value} as n from funnel_daily_stays
    where team_id = ${teamId} and stage in (${list(stages)})
      and day >= ${from}::date and day < ${to}::date`;
}

/** The stays of the stages that ended in [start, end), from stage_changes: (stage, bucket, `value`). */
function livePart(teamId: string, stages: readonly string[], start: Date, end: Date, value: SQL): SQL {
  return sql`
    select to_stage as stage, funnel_stay_bucket(${LENGTH}) as bucket, ${value} as n from stage_changes
    where team_id = ${teamId} and to_stage in (${list(stages)})
      and left_at >= ${ts(start)} and left_at < ${ts(end)}`;
}

/**
 * The lengths at the given ranks of the given classes of the period's stays, keyed
 * `stage|bucket|offset`: each class's lengths from the rolled days and the edges, sorted.
 */
async function rankedValues(
  q: Queryable,
  teamId: string,
  rolled: [string, string] | null,
  live: ReadonlyArray<[Date, Date]>,
  wanted: ReadonlyArray<{ stage: string; bucket: number; offset: number }>,
): Promise<Map<string, number>> {
  if (wanted.length === 0) return new Map();
  const stages = [...new Set(wanted.map((w) => w.stage))];
  const pairs = sql.join(
    [...new Set(wanted.map((w) => `${w.stage}|${w.bucket}`))].map((k) => {
      const [stage, bucket] = [k.slice(0, k.lastIndexOf('|')), Number(k.slice(k.lastIndexOf('|') + 1))];
      return sql`(${stage}::text, ${bucket}::int)`;
    }),
    sql`, `,
  );
  const ranks = sql.join(
    wanted.map((w) => sql`(${w.stage}::text, ${w.bucket}::int, ${w.offset}::int)`),
    sql`, `,
  );
  const rows = rowsOf<{ stage: string; bucket: number; k: number; d: number }>(
    await q.execute(sql`
      with v as (${sql.join(
        [
          ...(rolled
            ? [
                sql`select stage, bucket, unnest(days) as d from funnel_daily_stays
                    where team_id = ${teamId} and (stage, bucket) in (${pairs})
                      and day >= ${rolled[0]}::date and day < ${rolled[1]}::date`,
              ]
            : []),
          ...live.map(
            ([s, e]) => sql`
              select stage, bucket, d from (
                select to_stage as stage, funnel_stay_bucket(${LENGTH}) as bucket, ${LENGTH} as d
                from stage_changes
                where team_id = ${teamId} and to_stage in (${list(stages)})
                  and left_at >= ${ts(s)} and left_at < ${ts(e)}) c
              where (stage, bucket) in (${pairs})`,
          ),
        ],
        sql` union all `,
      )}),
      sorted as (select stage, bucket, array_agg(d order by d) as a from v group by stage, bucket)
      select w.stage, w.bucket, w.k, s.a[w.k + 1] as d
      from (values ${ranks}) as w(stage, bucket, k) join sorted s using (stage, bucket)`),
  );
  return new Map(rows.map((r) => [`${r.stage}|${Number(r.bucket)}|${Number(r.k)}`, Number(r.d)]));
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
  const target = floorDay(until);
  await tx.execute(sql`set local lock_timeout = '5s'`);
  await tx.execute(sql`lock table stage_changes in share mode`);
  let from = await staysRolledUntil(tx, teamId);
  if (!from) {
    const [first] = rowsOf<{ at: string | Date | null }>(
      await tx.execute(sql`select min(left_at) as at from stage_changes where team_id = ${teamId}`),
    );
    if (!first?.at) return { staysUntil: null, done: true };
    from = floorDay(new Date(first.at));
  }
  if (from >= target) return { staysUntil: from, done: true };
  const to = new Date(Math.min(target.getTime(), from.getTime() + maxDays * DAY_MS));
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
