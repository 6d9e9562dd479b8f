/**
 * The floor for `/funnel this-quarter` (cohort): every figure of the cohort report computed by one
 * hand-written SQL statement, to compare the service's several queries with. It covers what the
 * report shows for the period: per working stage the cohort count now and in the previous period
 * (so conversion and change), the median days of stays that ended in the period, the stuck count
 * with its threshold (twice the median of stays that ended in the last 180 days, over ≥ 5 stays);
 * won, lost, amount won per currency and win/loss per competitor; speed to lead (routed leads,
 * touched, median and p90 minutes, met, breached). Not covered: configured stagnation_days (the
 * bench config sets none) and rendering.
 *
 * Tuned by hand: one index range scan of the leads of both periods; per stage, one range scan of
 * the stays that ended in the period or the 180-day window, straight into the medians (no sort by
 * stage), the stages side by side in parallel workers, each figure picking its rows with FILTER; day
 * lengths as float8 (date_part, not numeric extract); per-stage index range scans for stuck leads. Its connection runs without JIT and with
 * work_mem 64MB (bench/funnel.ts), so no sort spills to disk.
 */
import type postgres from 'postgres';

export interface FloorInput {
  teamId: string;
  working: readonly string[];
  wonStage: string;
  start: Date;
  end: Date;
  previousStart: Date;
  previousEnd: Date;
  now: Date;
  historyDays: number;
  minStays: number;
}

export interface FloorStage {
  stage: string;
  count: number;
  previous: number;
  conversion: number | null;
  previous_conversion: number | null;
  median_days: number | null;
  stuck: number;
  threshold_days: number | null;
}

export interface FloorResult {
  stages: FloorStage[];
  won: number;
  lost: number;
  amount_won: Array<{ currency: string; amount: number }>;
  by_competitor: Array<{ competitor: string; won: number; lost: number }>;
  speed: {
    leads: number;
    touched: number;
    median: number | null;
    p90: number | null;
    met: number;
    breached: number;
  };
}

/** Runs the floor statement; the answer is one row of JSON. */
export async function cohortFloor(sql: postgres.Sql, input: FloorInput): Promise<FloorResult> {
  const [row] = await cohortFloorQuery(sql, input);
  return row!.floor;
}

/** The floor statement, not yet sent (so it can be explained too). */
export function cohortFloorQuery(sql: postgres.Sql, input: FloorInput) {
  const { teamId, working } = input;
  const wonAt = working.indexOf(input.wonStage) + 1;
  const iso = (d: Date) => d.toISOString();
  const historyStart = new Date(input.now.getTime() - input.historyDays * 86_400_000);
  const inPeriod = sql`left_at >= ${iso(input.start)} and left_at < ${iso(input.end)}`;
  const inHistory = sql`left_at >= ${iso(historyStart)} and left_at < ${iso(input.now)}`;
  const days = sql`date_part('epoch', left_at - entered_at) / 86400`;
  // One branch per stage: PostgreSQL runs them side by side (Parallel Append), the largest alone.
  const stayBranches = working.map(
    (stage, i) => sql`
      ${i > 0 ? sql`union all` : sql``}
      select ${stage}::text as to_stage,
             count(*) filter (where ${inPeriod}) as period_stays,
             percentile_cont(0.5) within group (order by ${days}) filter (where ${inPeriod}) as period_median,
             count(*) filter (where ${inHistory}) as history_stays,
             percentile_cont(0.5) within group (order by ${days}) filter (where ${inHistory}) as history_median
      from stage_changes
      where team_id = ${teamId} and to_stage = ${stage}
        and left_at >= least(${iso(input.start)}::timestamptz, ${iso(historyStart)}::timestamptz)
        and left_at < greatest(${iso(input.end)}::timestamptz, ${iso(input.now)}::timestamptz)`,
  );
  return sql<{ floor: FloorResult }[]>`
    with w as (
      select stage, rank::int from unnest(${working as string[]}::text[]) with ordinality as w(stage, rank)
    ),
    reach as (
      select furthest_stage,
             count(*) filter (where created_at >= ${iso(input.start)}) as cur,
             count(*) filter (where created_at < ${iso(input.previousEnd)}) as prev
      from leads
      where team_id = ${teamId} and created_at >= ${iso(input.previousStart)} and created_at < ${iso(input.end)}
        and (created_at >= ${iso(input.start)} or created_at < ${iso(input.previousEnd)})
      group by furthest_stage
    ),
    counts as (
      select w.stage, w.rank,
             coalesce(sum(r.cur), 0)::int as count, coalesce(sum(r.prev), 0)::int as previous
      from w left join reach r on array_position(${working as string[]}::text[], r.furthest_stage) >= w.rank
      group by w.stage, w.rank
    ),
    stays as (${stayBranches}),
    thresholds as (
      select w.stage, 2 * s.history_median as days
      from w join stays s on s.to_stage = w.stage
      where w.rank < ${wonAt} and s.history_stays >= ${input.minStays}
    ),
    stuck as (
      select t.stage, t.days,
             (select count(*) from leads l
              where l.team_id = ${teamId} and l.stage = t.stage
                and l.stage_entered_at < ${iso(input.now)}::timestamptz - t.days * interval '1 day') as n
      from thresholds t
    ),
    -- A won deal counts as it was last won (docs/funnel.md, "Deals"): the competitor, currency and
    -- amount on its last move that entered the won stage; a lost one as the lead is now.
    deal_leads as (
      select id, stage, competitor, currency, amount,
             array_position(${working as string[]}::text[], furthest_stage) >= ${wonAt} as is_won
      from leads
      where team_id = ${teamId} and created_at >= ${iso(input.start)} and created_at < ${iso(input.end)}
        and (array_position(${working as string[]}::text[], furthest_stage) >= ${wonAt} or stage = 'Lost')
    ),
    last_win as (
      select distinct on (s.lead_id) s.lead_id, s.competitor, s.currency, s.amount
      from stage_changes s join deal_leads d on d.id = s.lead_id and d.is_won
      where s.team_id = ${teamId}
        and array_position(${working as string[]}::text[], s.to_stage) >= ${wonAt}
        and (s.from_stage is null
             or array_position(${working as string[]}::text[], s.from_stage) < ${wonAt}
             or (s.to_stage = ${input.wonStage} and array_position(${working as string[]}::text[], s.from_stage) is null))
      order by s.lead_id, s.entered_at desc, s.id desc
    ),
    deals as (
      select case when w.lead_id is null then d.competitor else w.competitor end as competitor,
             case when w.lead_id is null then d.currency else w.currency end as currency,
             count(*) filter (where d.is_won) as won,
             count(*) filter (where not d.is_won and d.stage = 'Lost') as lost,
             sum(case when w.lead_id is null then d.amount else w.amount end) filter (where d.is_won) as amount
      from deal_leads d left join last_win w on w.lead_id = d.id
      group by 1, 2
    ),
    speed as (
      select count(*)::int as leads, count(first_touch_at)::int as touched,
             percentile_cont(0.5) within group (order by first_touch_business_minutes) as median,
             percentile_cont(0.9) within group (order by first_touch_business_minutes) as p90,
             (count(*) filter (where sla_state = 'met'))::int as met,
             (count(*) filter (where sla_state = 'breached'))::int as breached
      from leads
      where team_id = ${teamId} and created_at >= ${iso(input.start)} and created_at < ${iso(input.end)} and routed
    )
    select json_build_object(
      'stages', (
        select json_agg(json_build_object(
                 'stage', c.stage, 'count', c.count, 'previous', c.previous,
                 'conversion', c.next::float8 / nullif(c.count, 0),
                 'previous_conversion', c.previous_next::float8 / nullif(c.previous, 0),
                 'median_days', s.period_median,
                 'stuck', coalesce(k.n, 0), 'threshold_days', k.days) order by c.rank)
        from (select *, lead(count) over (order by rank) as next,
                     lead(previous) over (order by rank) as previous_next from counts) c
        left join stays s on s.to_stage = c.stage and s.period_stays > 0
        left join stuck k on k.stage = c.stage),
      'won', (select coalesce(sum(won), 0) from deals),
      'lost', (select coalesce(sum(lost), 0) from deals),
      'amount_won', (select coalesce(json_agg(a order by a.amount desc), '[]') from (
        select coalesce(currency, 'USD') as currency, sum(amount)::float8 as amount
        from deals where won > 0 and amount is not null group by 1) a),
      'by_competitor', (select coalesce(json_agg(b order by b.won + b.lost desc, b.won desc, b.competitor), '[]') from (
        select competitor, sum(won)::int as won, sum(lost)::int as lost
        from deals where competitor is not null group by competitor having sum(won + lost) > 0) b),
      'speed', (select row_to_json(speed) from speed)
    ) as floor`;
}

/** Counts only: per working stage the cohort count now and in the previous period, conversion and change. */
export async function countsFloor(sql: postgres.Sql, input: FloorInput) {
  const iso = (d: Date) => d.toISOString();
  const working = input.working as string[];
  return sql<{ stage: string; count: number; previous: number; conversion: number | null }[]>`
    select stage, count, previous, count - previous as change,
           lead(count) over (order by rank)::float8 / nullif(count, 0) as conversion,
           lead(previous) over (order by rank)::float8 / nullif(previous, 0) as previous_conversion
    from (
      select w.stage, w.rank, coalesce(sum(r.cur), 0)::int as count, coalesce(sum(r.prev), 0)::int as previous
      from unnest(${working}::text[]) with ordinality as w(stage, rank)
      left join (
        select furthest_stage,
               count(*) filter (where created_at >= ${iso(input.start)}) as cur,
               count(*) filter (where created_at < ${iso(input.previousEnd)}) as prev
        from leads
        where team_id = ${input.teamId} and created_at >= ${iso(input.previousStart)} and created_at < ${iso(input.end)}
          and (created_at >= ${iso(input.start)} or created_at < ${iso(input.previousEnd)})
        group by furthest_stage
      ) r on array_position(${working}::text[], r.furthest_stage) >= w.rank
      group by w.stage, w.rank
    ) c
    order by rank`;
}
