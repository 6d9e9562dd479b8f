/**
 * `/funnel this-quarter` on 1,000,000 leads and about 6,000,000 stage events (PostgreSQL only).
 *
 *   psql -h 127.0.0.1 -U postgres -c 'create database baton_funnel_bench'
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/baton_funnel_bench npm run bench:funnel
 *   … npm run bench:funnel -- --explain     also EXPLAIN (ANALYZE, BUFFERS) of the slowest queries
 *   … npm run bench:funnel -- --reseed      seed again even when the database already holds the seed
 *
 * The database is migrated with the app's own migrations, then seeded by bench/funnel-seed.ts
 * (about 4-5 minutes the first time; later runs reuse the seed). It measures what the `/funnel`
 * handler does after its ack: parse the period, FunnelService.report, build the Block Kit reply
 * and serialise it — for cohort (the default), flow, and both by owner; ITERATIONS (50) timed runs
 * after WARMUP (5). Then each statement the report sent, alone, and the floor: the same cohort
 * figures from one hand-written statement (bench/funnel-floor.ts), which is checked to agree with
 * the report. FUNNEL_LEADS / FUNNEL_OTHER_LEADS change the seed size. Figures only.
 */
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { fixedConfig } from '../src/config/config-source.js';
import { parseWorkspaceConfig } from '../src/config/workspace.js';
import { type Db, openDatabase } from '../src/db/client.js';
import { cohortReach, cohortReachBy, speedToLead, stayMedians } from '../src/db/queries/funnel.js';
import {
  cohortReachFromRollup,
  cohortRollupState,
  LEADS_PER_TAIL_CHANGE,
} from '../src/db/queries/funnel-cohort.js';
import { periodSpeedToLead } from '../src/db/queries/funnel-speed.js';
import { periodStayMedians } from '../src/db/queries/funnel-stays.js';
import * as schema from '../src/db/schema.js';
import { STUCK_HISTORY_DAYS, STUCK_MIN_STAYS } from '../src/domain/funnel.js';
import type { FunnelBreakdown, FunnelMode, FunnelReport, ReportPeriod } from '../src/domain/funnel-report.js';
import { parsePeriod } from '../src/domain/periods.js';
import { messages } from '../src/i18n/index.js';
import { rollCohort, rollFunnel, rollSpeed, rollStays } from '../src/jobs/funnel-rollup.js';
import { FunnelService } from '../src/services/funnel.js';
import { funnelReportBlocks } from '../src/slack/blocks/funnel.js';
import {
  cohortFloor,
  cohortFloorQuery,
  countsFloor,
  type FloorInput,
  type FloorResult,
} from './funnel-floor.js';
import { BENCH_NOW, BENCH_TEAM, BENCH_YAML, seedFunnelBench } from './funnel-seed.js';
import { benchDatabaseUrl, line, loadLine, ms, ratio, summary, timed as timedRuns } from './stats.js';

const ITERATIONS = Number(process.env.ITERATIONS ?? 20);
const WARMUP = Number(process.env.WARMUP ?? 5);
const SPLIT_ITERATIONS = Math.max(5, Math.floor(ITERATIONS / 2));
const TARGET_P95_MS = 300;
/**
 * What the cohort rollup leaves to a report: the stage changes of the last TAIL_HOURS (1: the hourly
 * job, jobs/cohort-roll.ts, just before its next run; 24 shows a daily job), and HANDOVERS leads that
 * changed hands since (default: 100 an hour, more than this seed's intake rate claims).
 */
const TAIL_HOURS = Number(process.env.TAIL_HOURS ?? 1);
const HANDOVERS = Number(process.env.HANDOVERS ?? 100 * TAIL_HOURS);
const EXPLAIN = process.argv.includes('--explain');

const timed = <T>(run: (i: number) => Promise<T> | T, iterations: number, warmup = WARMUP) =>
  timedRuns(run, iterations, warmup);

const url = benchDatabaseUrl('bench:funnel');

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const database = await openDatabase({ url });
// Statements of the report alone run with the server's settings, as the app's. The floor is hand-tuned,
// settings included: no JIT (its compile time exceeds these statements' run time), no sort on disk.
const sql = postgres(url, { max: 10, onnotice: () => {} });
const floorSql = postgres(url, { max: 1, onnotice: () => {}, connection: { jit: 'off', work_mem: '64MB' } });
const config = parseWorkspaceConfig(BENCH_YAML, 'bench.yaml');
const timeZone = config.calendar.timeZone;
const t = messages(config.locale);

try {
  console.log(
    `database: PostgreSQL ${(await sql`show server_version`)[0]!.server_version}; node ${process.version}`,
  );
  await database.migrate();

  // 1. Seed, or reuse the seed.
  const spec = {
    leads: Number(process.env.FUNNEL_LEADS ?? 1_000_000),
    otherLeads: Number(process.env.FUNNEL_OTHER_LEADS ?? 100_000),
    now: BENCH_NOW,
  };
  const seeded = await seedFunnelBench(database, url, spec, {
    reseed: process.argv.includes('--reseed'),
    log: (l) => console.log(l),
  });
  console.log(
    `seed: ${seeded.leads.toLocaleString('en')} leads (${spec.leads.toLocaleString('en')} for ${BENCH_TEAM}), ` +
      `${seeded.stageChanges.toLocaleString('en')} stage changes; ` +
      `${seeded.reused ? 'reused, seeded earlier in' : 'seeded in'} ${seeded.seconds.toFixed(0)} s`,
  );
  await printSizes();

  // 2. What the daily housekeeping job (src/jobs/maintenance.ts) keeps ready: closed days rolled up, the history stored.
  const rollStart = performance.now();
  const rolled = await rollFunnel(database, BENCH_TEAM, BENCH_NOW, Number.POSITIVE_INFINITY);
  const rollMs = performance.now() - rollStart;
  const staysStart = performance.now();
  const stays = await rollStays(database, BENCH_TEAM, BENCH_NOW, Number.POSITIVE_INFINITY);
  const staysMs = performance.now() - staysStart;
  const speedStart = performance.now();
  const speed = await rollSpeed(database, BENCH_TEAM, BENCH_NOW, Number.POSITIVE_INFINITY);
  const speedMs = performance.now() - speedStart;
  // Cohort's rollup as the hourly job leaves it: the report adds the hour of stage changes since.
  const tail = await cohortTail();
  const cohortStart = performance.now();
  const cohort = await rollCohort(database, BENCH_TEAM, Number.POSITIVE_INFINITY, tail.upTo);
  const cohortMs = performance.now() - cohortStart;
  // And leads changing hands after the job ran, which breakdowns correct for.
  const handed = await handOver(HANDOVERS);
  // Autovacuum marks the rollups' pages all-visible soon after the job writes them (drizzle/0037);
  // a seed rolled just now has not had it yet (nor its statistics), and index-only reads would visit every row.
  await sql`vacuum analyze funnel_daily_stays, funnel_daily_speed, funnel_daily_moves, funnel_daily_cohort, funnel_daily_cohort_by`;
  const historyStart = performance.now();
  await new FunnelService(database, fixedConfig(config)).prepareHistory(BENCH_TEAM, BENCH_NOW);
  console.log(
    `rollup job: flow rolled up to ${rolled.movesUntil?.toISOString()} in ${ms(rollMs)} ` +
      `(nothing left to do when an earlier run did it); stays rolled up to ${stays.staysUntil?.toISOString()} in ${ms(staysMs)}; ` +
      `speed to lead rolled up to ${speed.speedUntil?.toISOString()} in ${ms(speedMs)}; ` +
      `cohort rolled up to stage change ${cohort.changesUntil} in ${ms(cohortMs)}, the ${tail.changes.toLocaleString('en')} ` +
      `changes of the last ${TAIL_HOURS} h left to the report${tail.reset ? ' (rolled again from scratch: an earlier run went further)' : ''}, ` +
      `and ${handed.toLocaleString('en')} leads that changed hands since; ` +
      `stay history for the hour in ${ms(performance.now() - historyStart)}`,
  );

  // 3. The report, end to end, per variant: cold (a new FunnelService per run, as a new process) and warm.
  const parsed = parsePeriod('this-quarter', BENCH_NOW, timeZone);
  if (!parsed.ok) throw new Error(`this-quarter: ${JSON.stringify(parsed.problem)}`);
  const period = parsed.period;
  console.log(
    `now ${BENCH_NOW.toISOString()} (${timeZone}); this-quarter = [${period.start.toISOString()}, ${period.end.toISOString()}), ` +
      `previous = [${period.previousStart.toISOString()}, ${period.previousEnd.toISOString()})`,
  );
  const warmService = new FunnelService(database, fixedConfig(config));
  const handle = async (
    words: string,
    mode: FunnelMode,
    by: FunnelBreakdown | null,
    service = new FunnelService(database, fixedConfig(config)),
  ) => {
    const p = parsePeriod(words, BENCH_NOW, timeZone);
    if (!p.ok) throw new Error(`${words}: ${p.problem.code}`);
    const report = await service.report(BENCH_TEAM, { period: p.period, mode, by }, BENCH_NOW);
    const blocks = funnelReportBlocks(t, report, { timeZone, clock: config.sla.clock });
    return { report, body: JSON.stringify({ response_type: 'ephemeral', blocks }) };
  };
  const YEAR = '2025-06-27..2026-06-26';
  const variants: Array<[string, string, FunnelMode, FunnelBreakdown | null]> = [
    ['cohort (default)', 'this-quarter', 'cohort', null],
    ['flow', 'this-quarter', 'flow', null],
    ['cohort by owner', 'this-quarter', 'cohort', 'owner'],
    ['flow by owner', 'this-quarter', 'flow', 'owner'],
    ['cohort, a year', YEAR, 'cohort', null],
    ['flow, a year', YEAR, 'flow', null],
    ['flow by segment, a year', YEAR, 'flow', 'segment'],
    ['cohort by owner, a year', YEAR, 'cohort', 'owner'],
    ['cohort by segment, a year', YEAR, 'cohort', 'segment'],
  ];
  console.log(
    `\n/funnel end to end (period, report, blocks, JSON), COLD: a new FunnelService per run; ${ITERATIONS} runs after ${WARMUP}; ${loadLine()}`,
  );
  const p95s = new Map<string, number>();
  for (const [label, words, mode, by] of variants) {
    const samples = await timed(() => handle(words, mode, by), ITERATIONS);
    p95s.set(label, summary(samples).p95);
    const { body } = await handle(words, mode, by);
    console.log(`  ${label.padEnd(24)} ${line(samples)}   (${(body.length / 1024).toFixed(1)} KB reply)`);
  }
  console.log(`  WARM (one FunnelService, its hour's history in memory); ${loadLine()}`);
  for (const [label, words, mode, by] of variants.slice(0, 2)) {
    const samples = await timed(() => handle(words, mode, by, warmService), ITERATIONS);
    console.log(`  ${label.padEnd(24)} ${line(samples)}`);
  }
  const cohortP95 = p95s.get('cohort (default)')!;

  // 3b. Days in stage alone: from the stay rollup against percentile_cont over stage_changes (the
  // same figures, checked), for the quarter and the year, in this run.
  const working = config.stages.working.map((s) => s.key);
  const yearPeriod = parsePeriod(YEAR, BENCH_NOW, timeZone);
  if (!yearPeriod.ok) throw new Error(`${YEAR}: ${yearPeriod.problem.code}`);
  console.log(`\ndays in stage, ${working.length} stages: rollup vs stage_changes; ${loadLine()}`);
  for (const [label, p] of [
    ['this quarter', period],
    ['a year', yearPeriod.period],
  ] as const) {
    const direct = () => stayMedians(database.db, BENCH_TEAM, p.start, p.end, working);
    const rolledUp = () => periodStayMedians(database.db, BENCH_TEAM, p.start, p.end, working);
    const same = JSON.stringify(await direct()) === JSON.stringify(await rolledUp());
    const before = summary(await timed(direct, SPLIT_ITERATIONS, 2));
    const after = await timed(rolledUp, SPLIT_ITERATIONS, 2);
    console.log(
      `  ${label.padEnd(14)} rollup ${line(after)}; stage_changes p95 ${ms(before.p95)}; ` +
        `${ratio(summary(after).p95, before.p95, 'stage_changes')}; same figures: ${same ? 'yes' : 'NO'}`,
    );
  }

  console.log(`cohort counts, the period and the one before: rollup vs leads; ${loadLine()}`);
  for (const [label, p] of [
    ['this quarter', period],
    ['a year', yearPeriod.period],
  ] as const) {
    const both = [
      { start: p.start, end: p.end },
      { start: p.previousStart, end: p.previousEnd },
    ];
    const direct = () => Promise.all(both.map((b) => cohortReach(database.db, BENCH_TEAM, b.start, b.end)));
    const state = await cohortRollupState(database.db, BENCH_TEAM, both);
    const rolledUp = () => cohortReachFromRollup(database.db, BENCH_TEAM, both, state!.changesUntil);
    const sorted = (rows: Awaited<ReturnType<typeof direct>>) =>
      JSON.stringify(
        rows.map((r) =>
          r
            .map(({ furthestStage, count }) => ({ furthestStage, count }))
            .sort((a, b) => String(a.furthestStage).localeCompare(String(b.furthestStage))),
        ),
      );
    const same = sorted(await direct()) === sorted(await rolledUp());
    const [before, after] = await inTurns(direct, rolledUp);
    const chosen = state!.leads >= LEADS_PER_TAIL_CHANGE * (state!.lastChange - state!.changesUntil);
    console.log(
      `  ${label.padEnd(14)} rollup ${line(after)}; leads ${line(before)}; ` +
        `${ratio(summary(after).p50, summary(before).p50, 'leads (p50)')}; same figures: ${same ? 'yes' : 'NO'}; ` +
        `a report reads ${chosen ? 'the rollup' : 'leads'} (${state!.leads.toLocaleString('en')} leads held, ` +
        `${(state!.lastChange - state!.changesUntil).toLocaleString('en')} changes since)`,
    );
  }

  // Breakdowns over the year: funnel_daily_cohort_by, corrected by the day's moves and handovers,
  // against the year's leads; the same rows either way (checked), timed interleaved.
  for (const by of ['owner', 'segment'] as const) {
    const p = yearPeriod.period;
    const direct = () => cohortReachBy(database.db, BENCH_TEAM, p.start, p.end, by);
    const state = await cohortRollupState(database.db, BENCH_TEAM, [p]);
    const rolledUp = async () =>
      (await cohortReachFromRollup(database.db, BENCH_TEAM, [{ ...p, by }], state!.changesUntil))[0]!;
    const sorted = (rows: Awaited<ReturnType<typeof direct>>) =>
      JSON.stringify(rows.map((r) => `${r.key}/${r.furthestStage}/${r.count}`).sort());
    const same = sorted(await direct()) === sorted(await rolledUp());
    const [before, after] = await inTurns(direct, rolledUp);
    console.log(
      `  a year by ${by.padEnd(7)} rollup ${line(after)}; leads ${line(before)}; ` +
        `${ratio(summary(after).p50, summary(before).p50, 'leads (p50)')}; same figures: ${same ? 'yes' : 'NO'} ` +
        `(${state!.keyChanges.toLocaleString('en')} leads changed hands since the roll)`,
    );
  }

  // The cohort reports end to end, cold, with the cohort rollup and without it (as before it
  // existed: its state row set aside), interleaved run by run so load changes hit both alike.
  console.log(`cohort reports, cold: with the cohort rollup vs without (leads, as before); ${loadLine()}`);
  const [state] = await sql`select changes_until from funnel_cohort_rolled where team_id = ${BENCH_TEAM}`;
  for (const [label, words, mode, by] of variants.filter(([, , m]) => m === 'cohort')) {
    const withRollup: number[] = [];
    const without: number[] = [];
    for (let i = 0; i < ITERATIONS + 2; i++) {
      for (const [into, on] of [
        [withRollup, true],
        [without, false],
      ] as const) {
        if (!on) await sql`delete from funnel_cohort_rolled where team_id = ${BENCH_TEAM}`;
        const t0 = performance.now();
        await handle(words, mode, by);
        if (i >= 2) into.push(performance.now() - t0);
        if (!on)
          await sql`insert into funnel_cohort_rolled (team_id, changes_until) values (${BENCH_TEAM}, ${state!.changes_until})`;
      }
    }
    console.log(
      `  ${label.padEnd(26)} with ${line(withRollup)}; without ${line(without)}; ${ratio(summary(withRollup).p50, summary(without).p50, 'without (p50)')}`,
    );
  }

  console.log(`speed to lead: rollup vs leads; ${loadLine()}`);
  for (const [label, p] of [
    ['this quarter', period],
    ['a year', yearPeriod.period],
  ] as const) {
    const direct = () => speedToLead(database.db, BENCH_TEAM, p.start, p.end);
    const rolledUp = () => periodSpeedToLead(database.db, BENCH_TEAM, p.start, p.end);
    const same = JSON.stringify(await direct()) === JSON.stringify(await rolledUp());
    const before = summary(await timed(direct, SPLIT_ITERATIONS, 2));
    const after = await timed(rolledUp, SPLIT_ITERATIONS, 2);
    console.log(
      `  ${label.padEnd(14)} rollup ${line(after)}; leads p95 ${ms(before.p95)}; ` +
        `${ratio(summary(after).p95, before.p95, 'leads')}; same figures: ${same ? 'yes' : 'NO'}`,
    );
  }

  // 4. Each statement of the cohort report alone: this quarter, and a year by owner (the slowest).
  const slowest: Array<{ label: string; query: string; params: unknown[]; p50: number }> = [];
  for (const [title, p, by] of [
    ['the cohort report', period, null],
    ['a year by owner', yearPeriod.period, 'owner'],
  ] as const) {
    const statements = await captureStatements(p, by);
    console.log(
      `\n${title}: its ${statements.length} statements, each alone (${SPLIT_ITERATIONS} runs; the report runs them side by side):`,
    );
    const split = [];
    for (const s of statements) {
      const samples = await timed(() => sql.unsafe(s.query, s.params as never[]), SPLIT_ITERATIONS, 2);
      split.push({ ...s, ...summary(samples) });
    }
    for (const s of split) console.log(`  ${s.label.padEnd(72)} p50 ${ms(s.p50)}, p95 ${ms(s.p95)}`);
    slowest.push(...[...split].sort((a, b) => b.p50 - a.p50).slice(0, 3));
    console.log(
      `  their sum (p50)                                  ${ms(split.reduce((sum, s) => sum + s.p50, 0))}`,
    );
    const all = () => Promise.all(statements.map((s) => sql.unsafe(s.query, s.params as never[])));
    console.log(
      `  all side by side, as the service sends them      ${line(await timed(all, SPLIT_ITERATIONS, 2))}`,
    );
    // The stuck thresholds' 180-day history is the one statement a cache could take off every report.
    const history = statements.filter((s) => !isHistory(s, p));
    if (history.length < statements.length) {
      const rest = () => Promise.all(history.map((s) => sql.unsafe(s.query, s.params as never[])));
      console.log(
        `  … without the 180-day stays (thresholds cached)  ${line(await timed(rest, SPLIT_ITERATIONS, 2))}`,
      );
    }
  }

  // 5. The floor: a real lower bound. Every report reads at least the period's rollup and the
  // stored history, in one round trip each; nothing it does can be cheaper than that.
  const floorRun = () =>
    Promise.all([
      sql`select from_stage, to_stage, sum(moves)::int as n from funnel_daily_moves
          where team_id = ${BENCH_TEAM} and dim = '' and day >= ${period.start.toISOString().slice(0, 10)}::date
            and day < ${period.end.toISOString().slice(0, 10)}::date group by 1, 2`,
      sql`select medians from funnel_stay_history where team_id = ${BENCH_TEAM}`,
    ]);
  const floor = await timed(floorRun, ITERATIONS);
  const floorP95 = summary(floor).p95;
  console.log(`\nfloor: the rollup of the quarter and the stored history, read directly   ${line(floor)}`);
  for (const [label, p95] of p95s)
    console.log(`  ${label.padEnd(24)} cold p95 ${ratio(p95, floorP95, 'the floor')}`);

  // 6. A reference, not a bound: every cohort figure from one hand-written statement over the raw tables.
  const input: FloorInput = {
    teamId: BENCH_TEAM,
    working: config.stages.working.map((s) => s.key),
    wonStage: config.funnel.wonStage,
    start: period.start,
    end: period.end,
    previousStart: period.previousStart,
    previousEnd: period.previousEnd,
    now: BENCH_NOW,
    historyDays: STUCK_HISTORY_DAYS,
    minStays: STUCK_MIN_STAYS,
  };
  console.log(
    '\nreference: one hand-written statement over the raw tables (bench/funnel-floor.ts), no rollups:',
  );
  const floorAll = await timed(() => cohortFloor(floorSql, input), SPLIT_ITERATIONS);
  console.log(`  every cohort figure            ${line(floorAll)}`);
  const floorCounts = await timed(() => countsFloor(floorSql, input), SPLIT_ITERATIONS);
  console.log(`  stage counts and conversions   ${line(floorCounts)}`);
  const { report } = await handle('this-quarter', 'cohort', null);
  const differences = compare(report, await cohortFloor(floorSql, input));
  console.log(
    differences.length === 0
      ? '  it agrees with the report on every figure it covers'
      : `  it DISAGREES with the report:\n${differences.map((d) => `    ${d}`).join('\n')}`,
  );

  if (EXPLAIN) {
    for (const s of slowest) await explain(s.label, s.query, s.params);
    const plan = await floorSql`explain (analyze, buffers) ${cohortFloorQuery(floorSql, input)}`;
    printPlan('floor (every cohort figure)', plan);
  }

  console.log(
    `\ntarget: /funnel this-quarter (cohort, cold) p95 ${ms(cohortP95)} ${cohortP95 < TARGET_P95_MS ? '<' : '≥'} ` +
      `${TARGET_P95_MS} ms: ${cohortP95 < TARGET_P95_MS ? 'met' : 'NOT met'}; every variant, cold: ` +
      [...p95s.entries()].map(([l, p]) => `${l} ${ms(p)}`).join(', ') +
      ` (${loadLine()})`,
  );
} finally {
  await sql.end({ timeout: 5 });
  await floorSql.end({ timeout: 5 });
  await database.close();
}

/**
 * Two ways to the same figures, run in turns (SPLIT_ITERATIONS after two rounds not counted), so
 * load changes hit both alike: the milliseconds of each.
 */
async function inTurns(a: () => Promise<unknown>, b: () => Promise<unknown>): Promise<[number[], number[]]> {
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < SPLIT_ITERATIONS + 2; i++) {
    for (const [run, into] of [
      [a, times[0]],
      [b, times[1]],
    ] as const) {
      const t0 = performance.now();
      await run();
      if (i >= 2) into.push(performance.now() - t0);
    }
  }
  return times;
}

/**
 * The stage change id below which the changes of the last TAIL_HOURS before BENCH_NOW start, as the
 * job would leave the cohort rollup; an earlier run that rolled further is undone (rolled again).
 */
async function cohortTail(): Promise<{ upTo: number; changes: number; reset: boolean }> {
  const [row] = await sql<{ top: string; changes: string; rolled: string | null }[]>`
    select (select coalesce(max(id), 0) from stage_changes) as top,
           (select count(*) from stage_changes where entered_at >= ${new Date(BENCH_NOW.getTime() - TAIL_HOURS * 3_600_000)}) as changes,
           (select changes_until from funnel_cohort_rolled where team_id = ${BENCH_TEAM}) as rolled`;
  const changes = Number(row!.changes);
  const upTo = Number(row!.top) - changes;
  const reset = row!.rolled !== null && Number(row!.rolled) > upTo;
  if (reset)
    await sql`truncate funnel_daily_cohort, funnel_daily_cohort_by, funnel_cohort_leads, funnel_cohort_rolled`;
  return { upTo, changes, reset };
}

/**
 * `count` leads of the last year change owner after the rollup job ran, as claims and
 * reassignments would (the trigger logs them in lead_key_changes): what a breakdown by owner adds.
 */
async function handOver(count: number): Promise<number> {
  const [row] = await sql<{ handed: string }[]>`
    with owners as (
      select array_agg(distinct owner_id order by owner_id) as a from leads
      where team_id = ${BENCH_TEAM} and owner_id is not null and created_at >= ${new Date(BENCH_NOW.getTime() - 30 * 86_400_000)}
    ),
    chosen as (
      select id from leads
      where team_id = ${BENCH_TEAM} and owner_id is not null and created_at >= ${new Date(BENCH_NOW.getTime() - 365 * 86_400_000)}
      order by random() limit ${count}
    ),
    handed as (
      update leads l set owner_id = o.a[1 + (l.id % cardinality(o.a))]
      from chosen c, owners o where l.id = c.id and l.owner_id is distinct from o.a[1 + (l.id % cardinality(o.a))]
      returning l.id
    )
    select count(*) as handed from handed`;
  return Number(row!.handed);
}

/** Table and index sizes of the two tables the report reads. */
async function printSizes(): Promise<void> {
  const rows = await sql<{ table: string; name: string; bytes: string; kind: string }[]>`
    select t.relname as table, t.relname as name, pg_relation_size(t.oid) as bytes, 'table' as kind
    from pg_class t where t.relname in ('leads', 'stage_changes')
    union all
    select t.relname, i.relname, pg_relation_size(i.oid), 'index'
    from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
    where t.relname in ('leads', 'stage_changes')
    order by 1, 4 desc, 3 desc`;
  for (const table of ['leads', 'stage_changes']) {
    const of = rows.filter((r) => r.table === table);
    const indexes = of.filter((r) => r.kind === 'index');
    const total = indexes.reduce((sum, r) => sum + Number(r.bytes), 0);
    console.log(
      `  ${table}: table ${mb(Number(of.find((r) => r.kind === 'table')?.bytes ?? 0))}, ` +
        `${indexes.length} indexes ${mb(total)} (${indexes.map((r) => `${r.name} ${mb(Number(r.bytes))}`).join(', ')})`,
    );
  }
}

interface Statement {
  label: string;
  query: string;
  params: unknown[];
}

/** The statements one cohort report sends, as drizzle sends them (recorded through its logger). */
async function captureStatements(period: ReportPeriod, by: FunnelBreakdown | null): Promise<Statement[]> {
  const captured: Statement[] = [];
  const client = postgres(url!, { max: 10, onnotice: () => {} });
  try {
    const db = drizzle({
      client,
      schema,
      logger: {
        logQuery: (query, params) => captured.push({ label: labelOf(query, params), query, params }),
      },
    }) as unknown as Db;
    await new FunnelService({ ...database, db }, fixedConfig(config)).report(
      BENCH_TEAM,
      { period, mode: 'cohort', by },
      BENCH_NOW,
    );
  } finally {
    await client.end({ timeout: 5 });
  }
  return captured;
}

/** e.g. `leads [2026-03-31 .. 2026-06-26) group by furthest_stage`. */
function labelOf(query: string, params: unknown[]): string {
  const table = /from "(\w+)"/.exec(query)?.[1] ?? /from (\w+)/.exec(query)?.[1] ?? '?';
  const group = /group by (.*)$/
    .exec(query)?.[1]
    ?.replace(/"\w+"\./g, '')
    .replaceAll('"', '');
  const days = params
    .filter((p) => typeof p === 'string' && /^\d{4}-\d\d-\d\dT/.test(p))
    .map((p) => (p as string).slice(0, 10));
  const range = !query.includes(' >= ')
    ? ` (before ${days.join(', ')})`
    : days.length >= 2
      ? ` [${days[0]} .. ${days[1]})`
      : '';
  const what = query.includes('percentile_cont') ? ' percentile_cont' : '';
  return `${table}${range}${what}${group ? ` group by ${group}` : ''}`;
}

/** The stays of the stuck thresholds' history: they start before the period does. */
function isHistory(s: Statement, period: ReportPeriod): boolean {
  const first = s.params.find((p): p is string => typeof p === 'string' && /^\d{4}-\d\d-\d\dT/.test(p));
  return (
    s.query.includes('percentile_cont') &&
    /from "stage_changes"/.test(s.query) &&
    !!first &&
    new Date(first) < period.start
  );
}

async function explain(label: string, query: string, params: unknown[]): Promise<void> {
  printPlan(label, await sql.unsafe(`explain (analyze, buffers) ${query}`, params as never[]));
}

function printPlan(label: string, rows: readonly Record<string, unknown>[]): void {
  console.log(`\nEXPLAIN (ANALYZE, BUFFERS) ${label}:`);
  for (const r of rows) console.log(`  ${String(Object.values(r)[0])}`);
}

/** Where the floor and the report differ, figure by figure (none expected). */
function compare(report: FunnelReport, floor: FloorResult): string[] {
  const out: string[] = [];
  const same = (a: number | null | undefined, b: number | null | undefined) =>
    (a ?? null) === null ? (b ?? null) === null : b !== null && b !== undefined && Math.abs(a! - b) < 1e-6;
  const check = (what: string, a: number | null | undefined, b: number | null | undefined) => {
    if (!same(a, b)) out.push(`${what}: report ${a}, floor ${b}`);
  };
  for (const [i, s] of report.stages.entries()) {
    const f = floor.stages[i];
    check(`${s.stage} count`, s.count, f?.count);
    check(`${s.stage} previous count`, s.previousCount, f?.previous);
    check(`${s.stage} conversion`, s.conversion, f?.conversion);
    check(`${s.stage} median days`, s.medianDays, f?.median_days);
    check(`${s.stage} stuck`, s.stuck, f?.stuck);
    check(`${s.stage} stuck threshold`, s.stuckThresholdDays, f?.threshold_days);
  }
  check('won', report.deals.won, floor.won);
  check('lost', report.deals.lost, floor.lost);
  for (const a of report.deals.amountWon)
    check(
      `amount won ${a.currency}`,
      a.amount,
      floor.amount_won.find((f) => f.currency === a.currency)?.amount,
    );
  if (report.deals.amountWon.length !== floor.amount_won.length) out.push('amount won: currencies differ');
  for (const c of report.deals.byCompetitor) {
    const f = floor.by_competitor.find((x) => x.competitor === c.competitor);
    check(`${c.competitor} won`, c.won, f?.won);
    check(`${c.competitor} lost`, c.lost, f?.lost);
  }
  check('speed leads', report.speed.leads, floor.speed.leads);
  check('speed touched', report.speed.touched, floor.speed.touched);
  check('speed median', report.speed.medianMinutes, floor.speed.median);
  check('speed p90', report.speed.p90Minutes, floor.speed.p90);
  check('speed met', report.speed.met, floor.speed.met);
  check('speed breached', report.speed.breached, floor.speed.breached);
  return out;
}
