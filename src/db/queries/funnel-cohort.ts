import { eq, type SQL, sql } from 'drizzle-orm';
import type { ReachRow } from '../../domain/funnel.js';
import type { FunnelBreakdown } from '../../domain/funnel-report.js';
import { SIDE_STAGE_KEYS } from '../../domain/lead-stages.js';
import type { Queryable, Tx } from '../client.js';
import { funnelCohortRolled } from '../schema.js';
import { cohortReach, cohortReachBy } from './funnel.js';
import { rowsOf } from './raw.js';
import { DAY_MS, dayKey, floorDay } from './rollup-days.js';

/**
 * Cohort reach from its rollup (issue 16: /funnel cohort over a year read ~1M leads): the team's
 * leads per UTC creation day and furthest stage as the rollup job last counted them
 * (funnel_daily_cohort; per owner, segment or source in funnel_daily_cohort_by), corrected by the
 * leads that moved or changed hands since, so every count is as of now — a lead created last March
 * that reaches Won today counts as Won today. Intake writes nothing here: the job counts behind a
 * watermark of stage change ids (funnel_cohort_rolled) and consumes lead_key_changes.
 */

/** A lead's value for a breakdown, on leads and on funnel_cohort_leads alike ('' for no owner). */
const KEY_OF: Record<FunnelBreakdown, SQL> = {
  owner: sql`coalesce(owner_id, '')`,
  segment: sql`segment`,
  source: sql`source`,
};

/** Bound as text and cast: postgres.js rejects raw Date parameters inside `sql` templates. */
const ts = (d: Date): SQL => sql`${d.toISOString()}::timestamptz`;

/**
 * Stage changes a report may add to the rollup (the ids since the job last counted, all teams):
 * past this, it reads the leads themselves, e.g. while a first rollup over years is still running.
 */
export const COHORT_TAIL_LIMIT = 50_000;
/**
 * A lead moved since the job ran costs a report an index lookup (~15 µs on the bench), a lead
 * counted from leads_cohort ~0.3 µs: the rollup is read when its periods hold at least this many
 * leads per stage change since (at bench scale a year a day after the job ran; a quarter too an hour
 * after, as the hourly job leaves it).
 */
export const LEADS_PER_TAIL_CHANGE = 50;

type Period = { start: Date; end: Date };
type Split = Period & { d0: Date; d1: Date };

/** The whole UTC days [d0, d1) of a period. */
const wholeDays = ({ start, end }: Period): Split => ({
  start,
  end,
  d0: new Date(Math.ceil(start.getTime() / DAY_MS) * DAY_MS),
  d1: floorDay(end),
});

export interface CohortRollupState {
  /** Every stage change up to this id is counted. */
  changesUntil: number;
  /** The highest stage change id now: the tail a report adds is at most the difference. */
  lastChange: number;
  /** Leads whose owner, segment or source changed since the job counted them. */
  keyChanges: number;
  /** Leads the rollup holds on the periods' whole days. */
  leads: number;
}

/** Where the team's cohort rollup stands (null: it never ran), and how many leads it holds for the periods. */
export async function cohortRollupState(
  q: Queryable,
  teamId: string,
  periods: readonly Period[],
): Promise<CohortRollupState | null> {
  const days = periods.map(wholeDays).filter((p) => p.d0 < p.d1);
  const held =
    days.length === 0
      ? sql`0`
      : sql`(select coalesce(sum(leads), 0) from funnel_daily_cohort where team_id = ${teamId} and (${sql.join(
          days.map((p) => sql`(day >= ${dayKey(p.d0)}::date and day < ${dayKey(p.d1)}::date)`),
          sql` or `,
        )}))`;
  const [row] = await q
    .select({
      changesUntil: funnelCohortRolled.changesUntil,
      lastChange: sql<number>`(select coalesce(max(id), 0) from stage_changes)`.mapWith(Number),
      keyChanges: sql<number>`(select count(*) from lead_key_changes where team_id = ${teamId})`.mapWith(
        Number,
      ),
      leads: sql<number>`${held}`.mapWith(Number),
    })
    .from(funnelCohortRolled)
    .where(eq(funnelCohortRolled.teamId, teamId));
  return row ?? null;
}

/**
 * Whether a report reads the rollup: it ran, and holds enough leads for the lookups of what changed
 * since (a breakdown also looks up the leads that changed hands).
 */
function rollupPays(state: CohortRollupState | null, by: FunnelBreakdown | null): state is CohortRollupState {
  if (!state) return false;
  const tail = state.lastChange - state.changesUntil + (by ? state.keyChanges : 0);
  return tail <= COHORT_TAIL_LIMIT && state.leads >= LEADS_PER_TAIL_CHANGE * tail;
}

/** A period of a cohort report, counted per breakdown value as well when `by` is given. */
export type CohortPeriod = Period & { by?: FunnelBreakdown | null };
/** Leads per furthest stage (and per breakdown value: `key`, null for no owner or no breakdown). */
export type ReachByRow = ReachRow & { key: string | null };

/** The one breakdown of a statement's periods (null: none). */
function breakdownOf(periods: readonly CohortPeriod[]): FunnelBreakdown | null {
  const by = periods.find((p) => p.by)?.by ?? null;
  if (periods.some((p) => p.by && p.by !== by)) throw new Error('cohort periods: one breakdown at a time');
  return by;
}

/** A period counted from leads, as cohortReach or cohortReachBy count it. */
const fromLeads = async (q: Queryable, teamId: string, p: CohortPeriod): Promise<ReachByRow[]> =>
  p.by
    ? cohortReachBy(q, teamId, p.start, p.end, p.by)
    : (await cohortReach(q, teamId, p.start, p.end)).map((r) => ({ ...r, key: null }));

/**
 * Leads created in each period [start, end), counted per furthest stage (and per breakdown value
 * for a period with `by`), exactly as cohortReach and cohortReachBy count them: from the rollups
 * (cohortReachFromRollup) when they hold enough leads for the changes made since the job ran,
 * otherwise from leads.
 */
export async function rolledCohortReach(
  q: Queryable,
  teamId: string,
  periods: readonly CohortPeriod[],
): Promise<ReachByRow[][]> {
  const state = await cohortRollupState(q, teamId, periods);
  if (!rollupPays(state, breakdownOf(periods)))
    return Promise.all(periods.map((p) => fromLeads(q, teamId, p)));
  return cohortReachFromRollup(q, teamId, periods, state.changesUntil);
}

/**
 * Leads created in each period, per furthest stage (and breakdown value), from the rollups: the
 * whole UTC days as the job counted them, less each lead moved (or handed over) since as the rollup
 * holds it, plus that lead as it is now, and the partial days at the edges from leads. One
 * statement for all the periods (a report and its previous one), so the changed leads are looked
 * up once; a period with no whole day reads leads.
 */
export async function cohortReachFromRollup(
  q: Queryable,
  teamId: string,
  periods: readonly CohortPeriod[],
  changesUntil: number,
): Promise<ReachByRow[][]> {
  const by = breakdownOf(periods);
  const split = periods.map((p) => ({ ...wholeDays(p), by: p.by ?? null }));
  const fromRollup = split.flatMap((p, i) => (p.d0 < p.d1 ? [{ ...p, i }] : []));
  const [counted, ...raw] = await Promise.all([
    fromRollup.length > 0 ? rollupRows(q, teamId, fromRollup, changesUntil, by) : Promise.resolve([]),
    ...split.map((p, i) => (p.d0 < p.d1 ? Promise.resolve(null) : fromLeads(q, teamId, periods[i]!))),
  ]);
  return split.map(
    (_, i) =>
      raw[i] ??
      counted
        .filter((r) => r.period === i)
        .map(({ key, furthestStage, count }) => ({ key, furthestStage, count })),
  );
}

/**
 * The statement behind cohortReachFromRollup: `by` is the breakdown of the periods that have one
 * (their rows keyed by its value); the other periods' rows are keyed ''.
 */
async function rollupRows(
  q: Queryable,
  teamId: string,
  periods: ReadonlyArray<Split & { i: number; by: FunnelBreakdown | null }>,
  changesUntil: number,
  by: FunnelBreakdown | null,
): Promise<Array<ReachByRow & { period: number }>> {
  const union = (parts: SQL[]) => sql.join(parts, sql` union all `);
  const createdIn = sql.join(
    periods.map((p) => sql`(created_at >= ${ts(p.d0)} and created_at < ${ts(p.d1)})`),
    sql` or `,
  );
  const key = by ? KEY_OF[by] : sql`''`;
  const rolled = (p: Split & { by: FunnelBreakdown | null }) =>
    p.by
      ? sql`select key, furthest_stage, leads from funnel_daily_cohort_by
            where team_id = ${teamId} and by = ${p.by} and day >= ${dayKey(p.d0)}::date and day < ${dayKey(p.d1)}::date`
      : sql`select '' as key, furthest_stage, leads from funnel_daily_cohort
            where team_id = ${teamId} and day >= ${dayKey(p.d0)}::date and day < ${dayKey(p.d1)}::date`;
  const rows = rowsOf<{ period: number; key: string; furthest_stage: string; count: number }>(
    await q.execute(sql`
      with tail as (
        -- Leads with a stage change the rollup has not counted: one range of ids, a day's worth
        -- of every team's changes when the job runs daily. A move into a side stage never
        -- changes a furthest stage; an arrival there still adds a lead (with none). A breakdown
        -- also takes the leads that changed hands since the job ran.
        select array_agg(distinct lead_id) as ids from (
          select c.lead_id from stage_changes c
          where c.id > ${changesUntil} and c.team_id = ${teamId}
            and (c.from_stage is null or c.to_stage not in (${sql.join(
              SIDE_STAGE_KEYS.map((k) => sql`${k}`),
              sql`, `,
            )}))
          ${by ? sql`union all select k.lead_id from lead_key_changes k where k.team_id = ${teamId}` : sql``}
        ) changed
      ),
      -- Those created on the periods' whole days, as they are now and as the rollup holds them.
      -- Looked up by an array of ids: one index scan each, which the planner takes for cheap (no
      -- JIT compiling, ~100 ms) and does not trade for a scan of the periods' leads.
      now as materialized (
        select id, created_at, coalesce(furthest_stage, '') as furthest, ${key} as key from leads
        where id = any((select ids from tail)::bigint[]) and team_id = ${teamId} and (${createdIn})
      ),
      held as materialized (
        select lead_id, furthest_stage, ${key} as key from funnel_cohort_leads
        where lead_id = any((select ids from tail)::bigint[])
      ),
      moved as (
        select n.created_at, n.furthest, n.key, h.furthest_stage as counted, h.key as counted_key
        from now n left join held h on h.lead_id = n.id
      )
      select period, key, furthest as furthest_stage, sum(n)::int as count
      from (${union(
        periods.flatMap((p) => {
          const keyed = (column: SQL) => (p.by ? column : sql`''`);
          return [
            sql`select ${p.i}::int as period, key, furthest_stage as furthest, leads as n from (${rolled(p)}) r`,
            sql`select ${p.i}, ${keyed(sql`key`)}, furthest, 1 from moved
                where created_at >= ${ts(p.d0)} and created_at < ${ts(p.d1)}`,
            sql`select ${p.i}, ${keyed(sql`counted_key`)}, counted, -1 from moved
                where counted is not null and created_at >= ${ts(p.d0)} and created_at < ${ts(p.d1)}`,
            // The partial days at the edges, from leads.
            ...[
              [p.start, p.d0],
              [p.d1, p.end],
            ]
              .filter(([s, e]) => s! < e!)
              .map(
                ([s, e]) => sql`select ${p.i}, ${keyed(key)}, coalesce(furthest_stage, ''), 1 from leads
                  where team_id = ${teamId} and created_at >= ${ts(s!)} and created_at < ${ts(e!)}`,
              ),
          ];
        }),
      )}) counted
      group by period, key, furthest
      having sum(n) <> 0`),
  );
  return rows.map((r) => ({
    period: Number(r.period),
    key: r.key === '' ? null : r.key,
    furthestStage: r.furthest_stage === '' ? null : r.furthest_stage,
    count: Number(r.count),
  }));
}

/**
 * Counts the team's stage changes with ids after where the cohort rollup stands, at most
 * `maxChanges` ids of them (and none past `upTo`, when given), and at most `maxChanges` of its
 * lead_key_changes rows (deleted as they are counted): each lead they name is taken out of
 * funnel_daily_cohort and funnel_daily_cohort_by as it was counted and put back as it is now.
 * Holds a SHARE lock on stage_changes while it counts, so every lower id has committed and every
 * later change gets a higher one; a lead's furthest stage changes only with a stage change, in the
 * same transaction, and its owner, segment or source only with a row in lead_key_changes.
 * A second roll of the team waits for the first (advisory lock) and goes on from where it stopped.
 */
export async function rollCohortChanges(
  tx: Tx,
  teamId: string,
  maxChanges: number,
  upTo?: number,
): Promise<{ changesUntil: number; done: boolean }> {
  await tx.execute(sql`set local lock_timeout = '5s'`);
  // One roll of a team at a time: SHARE does not conflict with itself, and two rolls from the same
  // watermark would both apply the same changes.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`baton:funnel_cohort:${teamId}`}))`);
  await tx.execute(sql`lock table stage_changes in share mode`);
  const [state] = rowsOf<{ from: number | string | null; top: number | string | null }>(
    await tx.execute(sql`
      select (select changes_until from funnel_cohort_rolled where team_id = ${teamId}) as from,
             (select coalesce(max(id), 0) from stage_changes) as top`),
  );
  const from = Number(state?.from ?? 0);
  const top = Math.min(Number(state?.top ?? 0), upTo ?? Number.POSITIVE_INFINITY);
  const to = Math.max(from, Math.min(top, from + maxChanges));
  // A changed lead's value for each breakdown b.by, as it is now (c_ prefix: as it was counted).
  const keyOf = (prefix: '' | 'c_') =>
    sql.raw(
      `case b.by when 'owner' then c.${prefix}owner when 'segment' then c.${prefix}segment else c.${prefix}source end`,
    );
  const [result] = rowsOf<{ keyed: number | string }>(
    await tx.execute(sql`
    with keyed as (
      -- Owners, segments or sources changed: counted now, so no report corrects for them again.
      -- Rows committed after this statement's snapshot stay, as do their leads' changes.
      delete from lead_key_changes where id in (
        select id from lead_key_changes where team_id = ${teamId} order by id limit ${maxChanges})
      returning lead_id
    ),
    moved as (
      select l.id, (l.created_at at time zone 'UTC')::date as day,
             coalesce(l.furthest_stage, '') as furthest, coalesce(l.owner_id, '') as owner,
             l.segment, l.source,
             s.furthest_stage as counted, s.owner_id as c_owner, s.segment as c_segment, s.source as c_source
      from leads l
      left join funnel_cohort_leads s on s.lead_id = l.id
      where l.id in (select c.lead_id from stage_changes c
                     where c.id > ${from} and c.id <= ${to} and c.team_id = ${teamId}
                     union select lead_id from keyed)
        and l.team_id = ${teamId}
    ),
    changed as (
      select * from moved
      where (counted, c_owner, c_segment, c_source) is distinct from (furthest, owner, segment, source)
    ),
    kept as (
      insert into funnel_cohort_leads (lead_id, furthest_stage, owner_id, segment, source)
      select id, furthest, owner, segment, source from changed
      on conflict (lead_id) do update set furthest_stage = excluded.furthest_stage,
        owner_id = excluded.owner_id, segment = excluded.segment, source = excluded.source
    ),
    reach as (
      insert into funnel_daily_cohort (team_id, day, furthest_stage, leads)
      select ${teamId}, day, furthest, sum(n)
      from (select day, furthest, 1 as n from changed
            union all
            select day, counted, -1 from changed where counted is not null) d
      group by day, furthest
      having sum(n) <> 0
      on conflict (team_id, day, furthest_stage)
      do update set leads = funnel_daily_cohort.leads + excluded.leads
    ),
    reach_by as (
      insert into funnel_daily_cohort_by (team_id, by, day, key, furthest_stage, leads)
      select ${teamId}, by, day, key, furthest, sum(n)
      from (select b.by, c.day, ${keyOf('')} as key, c.furthest, 1 as n
            from changed c, (values ('owner'), ('segment'), ('source')) b(by)
            union all
            select b.by, c.day, ${keyOf('c_')}, c.counted, -1
            from changed c, (values ('owner'), ('segment'), ('source')) b(by)
            where c.counted is not null) d
      group by by, day, key, furthest
      having sum(n) <> 0
      on conflict (team_id, by, day, key, furthest_stage)
      do update set leads = funnel_daily_cohort_by.leads + excluded.leads
    )
    select count(*) as keyed from keyed`),
  );
  if (to > from)
    await tx.execute(sql`
      insert into funnel_cohort_rolled (team_id, changes_until) values (${teamId}, ${to})
      on conflict (team_id) do update set changes_until = excluded.changes_until`);
  return { changesUntil: to, done: to >= top && Number(result?.keyed ?? 0) < maxChanges };
}
