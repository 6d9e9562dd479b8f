/**
 * The weekly retro and VOC on the funnel bench's 1,000,000 leads plus 200,000 VOC entries (PostgreSQL only).
 *
 *   psql -h 127.0.0.1 -U postgres -c 'create database baton_funnel_bench'
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/baton_funnel_bench npm run bench:retro
 *   … npm run bench:retro -- --explain     EXPLAIN (ANALYZE, BUFFERS) of each measure's slowest statement
 *   … npm run bench:retro -- --reseed      seed the VOC, cadence and retro rows again
 *
 * It reuses bench:funnel's database and seed (bench/funnel-seed.ts, 4-5 minutes the first time) and
 * adds its own (bench/retro-seed.ts: VOC entries, cadence reminders, an old retro with action items).
 * Then, ITERATIONS (20) timed runs after WARMUP (3) each:
 *   1. RetroFiguresService.weekly for the week of the bench's "now", and each of its statements alone;
 *   2. RetroService.open end to end, one real opening per run, for the weeks before (W-1, W-2, …);
 *   3. rendering the parent message and the six replies from a snapshot (CPU only);
 *   4. `/voc report this-quarter` end to end, with and without a category, and over a year;
 *   5. RetroFiguresService.monthly (the playbook review) for the month of "now";
 *   6. CAPTURES (2,000) VOC captures through the modal's submission path at concurrency 16.
 * What a run writes (the openings, their queued writes, the captures) stays in the scratch database
 * until the next run removes it. The bars: 1 s for what a job computes, 300 ms for what a person
 * waits on (as /funnel's target); a measure over its bar gets EXPLAIN of its slowest statement.
 */
import { availableParallelism, loadavg } from 'node:os';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { fixedConfig } from '../src/config/config-source.js';
import { VOC_CATEGORIES } from '../src/config/workspace/constants.js';
import { type Db, openDatabase } from '../src/db/client.js';
import * as schema from '../src/db/schema.js';
import { parsePeriod } from '../src/domain/periods.js';
import {
  isoWeekKey,
  monthKey,
  monthlyMoment,
  shiftWeek,
  weeklyMoment,
} from '../src/domain/retro-calendar.js';
import { WEEKLY_PARTS } from '../src/domain/retro-thread.js';
import { toLocal } from '../src/domain/time.js';
import { checkVocInput, VOC_SENTIMENTS } from '../src/domain/voc.js';
import { parseVocReportArgs } from '../src/domain/voc-report-args.js';
import { messages } from '../src/i18n/index.js';
import { RETRO_CHART_JOB, RetroService } from '../src/services/retro.js';
import { RetroFiguresService } from '../src/services/retro-figures.js';
import { RETRO_PARENT_PURPOSE, RETRO_REPLY_PURPOSE } from '../src/services/retro-writes.js';
import { VOC_ROUTE_PURPOSE, VocService } from '../src/services/voc.js';
import { VocReportService } from '../src/services/voc-report.js';
import { weeklyParent } from '../src/slack/blocks/retro.js';
import { weeklyReply } from '../src/slack/blocks/retro-replies.js';
import {
  parseVocMetadata,
  readVocModal,
  VOC_INPUT_ACTION,
  VOC_LEAD_ACTION,
  vocSavedView,
} from '../src/slack/blocks/voc.js';
import { vocReportBlocks, vocReportTitle } from '../src/slack/blocks/voc-report.js';
import { BENCH_NOW, BENCH_TEAM, seedFunnelBench } from './funnel-seed.js';
import { ANCHOR_WEEK, clearBenchWrites, retroBenchConfig, seedRetroBench } from './retro-seed.js';
import { benchDatabaseUrl, line, ms, summary, timed as timedRuns } from './stats.js';

const ITERATIONS = Number(process.env.ITERATIONS ?? 20);
const WARMUP = Number(process.env.WARMUP ?? 3);
const SPLIT_ITERATIONS = Math.max(5, Math.floor(ITERATIONS / 2));
/** Rendering is CPU only and short: more runs for a steadier figure. */
const RENDER_ITERATIONS = ITERATIONS * 10;
const CAPTURES = Number(process.env.CAPTURES ?? 2000);
const CONCURRENCY = 16;
/** Above these p95s a measure looks bad and its slowest statement is explained. */
const JOB_BAR_MS = 1000;
const COMMAND_BAR_MS = 300;
const EXPLAIN = process.argv.includes('--explain');

const timed = <T>(run: (i: number) => Promise<T> | T, iterations: number, warmup = WARMUP) =>
  timedRuns(run, iterations, warmup);

const url = benchDatabaseUrl('bench:retro');

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const kb = (text: string) => `${(Buffer.byteLength(text) / 1024).toFixed(1)} KB`;
const n = (value: number) => value.toLocaleString('en');
const localDay = (at: Date, zone: string) => {
  const l = toLocal(at, zone);
  return `${l.year}-${String(l.month).padStart(2, '0')}-${String(l.day).padStart(2, '0')}`;
};
const load = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} on ${availableParallelism()} cores`;

/** `run(i)` WARMUP times, then ITERATIONS timed times; `i` counts on across both. */
const database = await openDatabase({ url });
const sql = postgres(url, { max: 10, onnotice: () => {} });
const config = retroBenchConfig();
const timeZone = config.calendar.timeZone;
const t = messages(config.locale);
const options = { clock: config.sla.clock };
/** Each measure's p95 against its bar, printed at the end. */
const verdicts: Array<{ what: string; p95: number; bar: number }> = [];

try {
  console.log(
    `database: PostgreSQL ${(await sql`show server_version`)[0]!.server_version}; node ${process.version}; ${load()}`,
  );
  await database.migrate();

  // Seed, or reuse the seeds; then undo what the last run wrote, so every run does the same work.
  const funnelSpec = {
    leads: Number(process.env.FUNNEL_LEADS ?? 1_000_000),
    otherLeads: Number(process.env.FUNNEL_OTHER_LEADS ?? 100_000),
    now: BENCH_NOW,
  };
  const funnel = await seedFunnelBench(database, url, funnelSpec, { log: (l) => console.log(l) });
  console.log(
    `funnel seed: ${n(funnel.leads)} leads (${n(funnelSpec.leads)} for ${BENCH_TEAM}), ${n(funnel.stageChanges)} stage changes; ` +
      `${funnel.reused ? 'reused, seeded earlier in' : 'seeded in'} ${funnel.seconds.toFixed(0)} s`,
  );
  const vocSpec = {
    vocEntries: Number(process.env.VOC_ENTRIES ?? 200_000),
    otherVocEntries: Number(process.env.VOC_OTHER_ENTRIES ?? 20_000),
    now: BENCH_NOW,
  };
  const retroSeed = await seedRetroBench(url, config, vocSpec, {
    reseed: process.argv.includes('--reseed'),
    log: (l) => console.log(l),
  });
  console.log(
    `retro seed: ${n(retroSeed.vocEntries)} VOC entries for ${BENCH_TEAM} (+${n(vocSpec.otherVocEntries)} for the other team), ` +
      `${n(retroSeed.cadenceEvents)} cadence events, the ${ANCHOR_WEEK} retro with action items; ` +
      `${retroSeed.reused ? 'reused, seeded earlier in' : 'seeded in'} ${retroSeed.seconds.toFixed(0)} s`,
  );
  const removed = await clearBenchWrites(url, BENCH_NOW);
  console.log(
    `removed what the last run left: ${removed.retros} retros, ${removed.outbox} outbox rows, ` +
      `${removed.jobs} jobs, ${removed.captures} VOC captures`,
  );
  console.log('no funnel goal is seeded: (a) shows "no goal" (its lookup is one indexed row)');
  await printSizes();

  const weeklySlowest = await measureWeekly();
  const firstOpened = await measureOpen(weeklySlowest);
  await measureRendering(firstOpened);
  await measureVocReport();
  await measureMonthly();
  await measureCaptures();

  console.log(`\np95 against the bars (jobs ${ms(JOB_BAR_MS)}, commands ${ms(COMMAND_BAR_MS)}); ${load()}:`);
  for (const v of verdicts)
    console.log(
      `  ${v.what.padEnd(44)} p95 ${ms(v.p95).padStart(9)}  ${v.p95 > v.bar ? 'OVER' : 'under'} ${ms(v.bar)}`,
    );
} finally {
  await sql.end({ timeout: 5 });
  await database.close();
}

/** 1. The figures a retro opening computes, for the retro of the week of "now". Returns its slowest statement. */
async function measureWeekly(): Promise<Statement | undefined> {
  const weekKey = isoWeekKey(BENCH_NOW, timeZone);
  const openedAt = weeklyMoment(weekKey, config.retro.open, timeZone);
  const figures = new RetroFiguresService(database, fixedConfig(config));
  const week = await figures.weekly(BENCH_TEAM, weekKey, openedAt);
  console.log(
    `\n1. RetroFiguresService.weekly(${weekKey}, opened ${openedAt.toISOString()}), reviewing ${week.reviewed.firstDay}..${week.reviewed.lastDay}: ` +
      `${ITERATIONS} runs after ${WARMUP}; ${load()}`,
  );
  console.log(
    `   figures: ${week.funnel.stages.map((s) => `${s.stage} ${n(s.count)}`).join(', ')}; ` +
      `won ${week.deals.won}, lost ${week.deals.lost}; ${week.sellers.length} sellers; VOC ${n(week.voc.total)} ` +
      `(week before ${n(week.voc.previousTotal)})`,
  );
  // An opening computes them once, on a fresh service: the funnel's hourly cache of the 180-day
  // stays (the stuck thresholds) is cold. A warm instance shows what that cache takes off.
  const samples = await timed(
    () => new RetroFiguresService(database, fixedConfig(config)).weekly(BENCH_TEAM, weekKey, openedAt),
    ITERATIONS,
  );
  console.log(`   weekly figures, as an opening computes them (cold)         ${line(samples)}`);
  const warm = await timed(() => figures.weekly(BENCH_TEAM, weekKey, openedAt), ITERATIONS);
  console.log(`   … with the stuck thresholds' history cached (warm)         ${line(warm)}`);
  const statements = await capture((db) =>
    new RetroFiguresService({ ...database, db }, fixedConfig(config)).weekly(BENCH_TEAM, weekKey, openedAt),
  );
  const slowest = await splitAndExplain(
    'weekly figures (cold)',
    statements,
    summary(samples).p95,
    JOB_BAR_MS,
  );
  verdicts.push({ what: 'weekly figures (cold)', p95: summary(samples).p95, bar: JOB_BAR_MS });
  return slowest;
}

/**
 * 2. Real openings of the weeks before "now", one per run, newest first: each inserts the retro with
 * its snapshot, carries the open action items over and queues the parent, six replies and the chart job.
 */
async function measureOpen(weeklySlowest: Statement | undefined): Promise<number> {
  const service = new RetroService(database, fixedConfig(config));
  const thisWeek = isoWeekKey(BENCH_NOW, timeZone);
  const weekOf = (i: number) => shiftWeek(thisWeek, -(i + 1));
  const last = weekOf(WARMUP + ITERATIONS - 1);
  if (last <= ANCHOR_WEEK)
    throw new Error(`too many runs: ${last} is not after the seeded ${ANCHOR_WEEK} retro`);
  console.log(
    `\n2. RetroService.open end to end, ${weekOf(0)} back to ${last} (one opening each): ` +
      `${ITERATIONS} runs after ${WARMUP}; ${load()}`,
  );
  let firstId = 0;
  const samples = await timed(async (i) => {
    const week = weekOf(i);
    const outcome = await service.open(BENCH_TEAM, week, weeklyMoment(week, config.retro.open, timeZone));
    if (!outcome.opened) throw new Error(`${week} was not opened`);
    if (i === 0) firstId = outcome.retro.id;
  }, ITERATIONS);
  console.log(
    `   open (figures, then one transaction: row, carry-over, 7 writes, chart job)   ${line(samples)}`,
  );
  const p95 = summary(samples).p95;
  verdicts.push({ what: 'RetroService.open', p95, bar: JOB_BAR_MS });
  // Its figures are the weekly ones (a fresh opening reads them with the history cache warm after the first).
  if (weeklySlowest && p95 > JOB_BAR_MS) await explain('RetroService.open', weeklySlowest, p95, JOB_BAR_MS);
  const [left] = await sql<{ retros: number; writes: number; jobs: number; carried: number; open: number }[]>`
    select (select count(*) from retros where team_id = ${BENCH_TEAM} and period_key <> ${ANCHOR_WEEK})::int as retros,
           (select count(*) from outbox where team_id = ${BENCH_TEAM}
              and purpose in (${RETRO_PARENT_PURPOSE}, ${RETRO_REPLY_PURPOSE}))::int as writes,
           (select count(*) from jobs where team_id = ${BENCH_TEAM} and kind = ${RETRO_CHART_JOB})::int as jobs,
           (select max(carry_count) from retro_action_items where team_id = ${BENCH_TEAM})::int as carried,
           (select count(*) from retro_action_items where team_id = ${BENCH_TEAM} and status = 'open')::int as open`;
  console.log(
    `   left in the scratch database (removed by the next run): ${left!.retros} retros, ${left!.writes} outbox rows, ` +
      `${left!.jobs} chart jobs; ${left!.open} open action items carried ${left!.carried} times`,
  );
  return firstId;
}

/** 3. The parent message and the six replies of one opened retro, from its snapshot: CPU only. */
async function measureRendering(retroId: number): Promise<void> {
  const view = await new RetroService(database, fixedConfig(config)).view(BENCH_TEAM, retroId);
  if (view?.kind !== 'weekly') throw new Error(`retro ${retroId} is not a weekly retro`);
  const render = () => [
    JSON.stringify(weeklyParent(t, view)),
    ...WEEKLY_PARTS.map((part) => JSON.stringify(weeklyReply(t, part, view.snapshot, options))),
  ];
  const bodies = render();
  console.log(
    `\n3. rendering the parent and ${WEEKLY_PARTS.length} replies of ${view.retro.periodKey} from its snapshot (CPU only): ` +
      `${RENDER_ITERATIONS} runs after ${WARMUP}; ${load()}`,
  );
  const samples = await timed(render, RENDER_ITERATIONS);
  console.log(`   parent + replies, Block Kit and JSON   ${line(samples)}`);
  verdicts.push({ what: 'rendering the thread (CPU)', p95: summary(samples).p95, bar: COMMAND_BAR_MS });
  const names = ['parent', ...WEEKLY_PARTS];
  console.log(
    `   sizes: ${bodies
      .map(
        (b, i) => `${names[i]} ${kb(b)} (${(JSON.parse(b) as { blocks: unknown[] }).blocks.length} blocks)`,
      )
      .join(', ')}`,
  );
}

/** 4. `/voc report this-quarter [category]`: words, period, VocReportService.report, blocks, JSON. */
async function measureVocReport(): Promise<void> {
  const service = new VocReportService(database, fixedConfig(config));
  const handle = async (text: string, reports: VocReportService = service) => {
    const args = parseVocReportArgs(text);
    if (!args.ok) throw new Error(`/voc report ${text}: ${JSON.stringify(args.problem)}`);
    const parsed = parsePeriod(args.period, BENCH_NOW, timeZone);
    if (!parsed.ok) throw new Error(`/voc report ${text}: ${JSON.stringify(parsed.problem)}`);
    const report = await reports.report(BENCH_TEAM, { period: parsed.period, category: args.category });
    const body = JSON.stringify({
      response_type: 'ephemeral',
      text: vocReportTitle(t, report),
      blocks: vocReportBlocks(t, report, { timeZone }),
    });
    return { report, body };
  };
  console.log(
    `\n4. /voc report, end to end (words, period, report, blocks, JSON): ${ITERATIONS} runs after ${WARMUP}; ${load()}`,
  );
  // The last variant, a year of entries, shows how the report grows with the entries in its period.
  for (const text of ['this-quarter', 'this-quarter feature-request', '2025-06-27..2026-06-26']) {
    const { report, body } = await handle(text);
    const samples = await timed(() => handle(text), ITERATIONS);
    console.log(
      `   ${text.padEnd(29)} ${line(samples)}   (${n(report.figures.total)} entries against ${n(report.figures.previousTotal)}; ` +
        `${kb(body)} reply)`,
    );
    const statements = await capture((db) =>
      handle(text, new VocReportService({ ...database, db }, fixedConfig(config))),
    );
    await splitAndExplain(`/voc report ${text}`, statements, summary(samples).p95, COMMAND_BAR_MS);
    verdicts.push({ what: `/voc report ${text}`, p95: summary(samples).p95, bar: COMMAND_BAR_MS });
  }
}

/** 5. The playbook review's figures for the month of "now" (it reviews the month before). */
async function measureMonthly(): Promise<void> {
  const month = monthKey(BENCH_NOW, timeZone);
  const openedAt = monthlyMoment(month, config.retro.monthlyReview, timeZone);
  const figures = new RetroFiguresService(database, fixedConfig(config));
  const review = await figures.monthly(BENCH_TEAM, month, openedAt);
  console.log(
    `\n5. RetroFiguresService.monthly(${month}, opened ${openedAt.toISOString()}), reviewing ${review.reviewed.key}: ` +
      `${ITERATIONS} runs after ${WARMUP}; ${load()}`,
  );
  const due = review.cadence.reduce((sum, s) => sum + s.due, 0);
  const done = review.cadence.reduce((sum, s) => sum + s.done, 0);
  console.log(
    `   figures: ${review.cadence.length} cadence steps, ${n(due)} due, ${n(done)} done; ` +
      `SLA weeks ${review.sla.map((w) => w.weekKey).join(', ')}; ${review.stages.length} stages ` +
      `(the seed has cadence events only, no other lead history)`,
  );
  const samples = await timed(() => figures.monthly(BENCH_TEAM, month, openedAt), ITERATIONS);
  console.log(`   monthly figures                 ${line(samples)}`);
  const statements = await capture((db) =>
    new RetroFiguresService({ ...database, db }, fixedConfig(config)).monthly(BENCH_TEAM, month, openedAt),
  );
  await splitAndExplain('monthly figures', statements, summary(samples).p95, JOB_BAR_MS);
  verdicts.push({ what: 'monthly figures', p95: summary(samples).p95, bar: JOB_BAR_MS });
}

/**
 * 6. What the VOC modal's submission does before its ack, CAPTURES times at concurrency 16: read and
 * check the fields, VocService.save (a new entry from a message or from `/voc` text, its category's
 * reverse-flow post queued), the saved view. A third link a lead; every category in turn.
 */
async function measureCaptures(): Promise<void> {
  const voc = new VocService(database, fixedConfig(config));
  const leadIds = (
    await sql<
      { id: number }[]
    >`select id from leads where team_id = ${BENCH_TEAM} order by random() limit 1000`
  ).map((r) => Number(r.id));
  const sellers = config.roster.filter((m) => m.roles.includes('sdr') || m.roles.includes('ae'));
  const capturedAt = new Date(BENCH_NOW.getTime() + 24 * 3600 * 1000);
  const runTag = Math.floor(Date.now() / 1000);
  const submit = async (i: number) => {
    const category = VOC_CATEGORIES[i % VOC_CATEGORIES.length]!;
    const picked = (value: string | null) => ({ selected_option: value === null ? null : { value } });
    const values = {
      quote: {
        [VOC_INPUT_ACTION]: { value: `Bench capture ${i}: the customer wants the export to keep filters.` },
      },
      category: { [VOC_INPUT_ACTION]: picked(category) },
      competitor: { [VOC_INPUT_ACTION]: { value: i % 4 === 0 ? 'HubSpot' : null } },
      lead: { [VOC_LEAD_ACTION]: picked(i % 3 === 0 ? String(leadIds[i % leadIds.length]) : null) },
      account: { [VOC_INPUT_ACTION]: { value: null } },
      sentiment: { [VOC_INPUT_ACTION]: picked(VOC_SENTIMENTS[i % VOC_SENTIMENTS.length]!) },
      tags: { [VOC_INPUT_ACTION]: { value: i % 2 === 0 ? 'export, #Reporting' : null } },
    };
    const fromMessage = i % 10 < 7;
    const metadata = JSON.stringify(
      fromMessage
        ? {
            via: 'shortcut',
            source: {
              channel: 'C0BENCHSALES',
              ts: `${runTag}.${String(i).padStart(6, '0')}`,
              threadTs: null,
              authorId: 'U0CUST00001',
              permalink: `https://bench.slack.com/archives/C0BENCHSALES/p${runTag}${String(i).padStart(6, '0')}`,
            },
          }
        : { via: 'command' },
    );
    const t0 = performance.now();
    const checked = checkVocInput(readVocModal(values));
    const parsed = parseVocMetadata(metadata);
    if (!checked.ok || !parsed) throw new Error(`capture ${i}: the modal did not read`);
    const by = sellers[i % sellers.length]!.user;
    const viewId = `V0BENCH${runTag}${String(i).padStart(6, '0')}`;
    const saved = await voc.save(BENCH_TEAM, { ...parsed, by, fields: checked.fields, viewId }, capturedAt);
    if (!saved.ok) throw new Error(`capture ${i}: ${saved.reason}`);
    JSON.stringify({ response_action: 'update', view: vocSavedView(t, saved) });
    return performance.now() - t0;
  };

  console.log(
    `\n6. VOC captures through the modal's submission path (read, check, VocService.save, saved view): ` +
      `${n(CAPTURES)} at concurrency ${CONCURRENCY} on the app's pool of 10 connections; ${load()}`,
  );
  for (let i = 0; i < CONCURRENCY; i++) await submit(CAPTURES + i); // warm-up, outside the count
  const samples: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < CAPTURES) samples.push(await submit(next++));
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  console.log(
    `   ${(CAPTURES / seconds).toFixed(0)} captures/s (${seconds.toFixed(1)} s); each ${line(samples)}`,
  );
  verdicts.push({ what: 'a VOC capture (modal submission)', p95: summary(samples).p95, bar: COMMAND_BAR_MS });
  const [left] = await sql<{ captures: number; writes: number }[]>`
    select (select count(*) from voc_entries where team_id = ${BENCH_TEAM}
              and created_at >= ${BENCH_NOW.toISOString()}::timestamptz)::int as captures,
           (select count(*) from outbox where team_id = ${BENCH_TEAM} and purpose = ${VOC_ROUTE_PURPOSE})::int as writes`;
  console.log(
    `   left in the scratch database (removed by the next run): ${n(left!.captures)} entries, ` +
      `${n(left!.writes)} queued reverse-flow posts; ${load()}`,
  );
}

/** Table and index sizes of what the retro reads and writes. */
async function printSizes(): Promise<void> {
  const tables = ['voc_entries', 'lead_events', 'retros', 'retro_action_items', 'outbox'];
  const rows = await sql<{ table: string; name: string; bytes: string; kind: string; rows: string }[]>`
    select t.relname as table, t.relname as name, pg_relation_size(t.oid) as bytes, 'table' as kind,
           t.reltuples::bigint as rows
    from pg_class t where t.relname in ${sql(tables)} and t.relkind = 'r'
    union all
    select t.relname, i.relname, pg_relation_size(i.oid), 'index', 0
    from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
    where t.relname in ${sql(tables)}
    order by 1, 4 desc, 3 desc`;
  for (const table of tables) {
    const of = rows.filter((r) => r.table === table);
    const own = of.find((r) => r.kind === 'table');
    const indexes = of.filter((r) => r.kind === 'index');
    const total = indexes.reduce((sum, r) => sum + Number(r.bytes), 0);
    console.log(
      `  ${table}: about ${n(Math.max(0, Number(own?.rows ?? 0)))} rows, table ${mb(Number(own?.bytes ?? 0))}, ` +
        `${indexes.length} indexes ${mb(total)} (${indexes.map((r) => `${r.name} ${mb(Number(r.bytes))}`).join(', ')})`,
    );
  }
}

interface Statement {
  label: string;
  query: string;
  params: unknown[];
}

/** The statements `run` sends, as drizzle sends them (recorded through its logger). */
async function capture(run: (db: Db) => Promise<unknown>): Promise<Statement[]> {
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
    await run(db);
  } finally {
    await client.end({ timeout: 5 });
  }
  return captured;
}

/** e.g. `stage_changes [2026-06-15 .. 2026-06-22) group by reason` (local days). */
function labelOf(query: string, params: unknown[]): string {
  const table = /from "?(\w+)"?/.exec(query)?.[1] ?? '?';
  const group = /group by (.*?)(?:\s+order by.*)?$/s
    .exec(query)?.[1]
    ?.replace(/"\w+"\./g, '')
    .replaceAll('"', '')
    .replace(/\s+/g, ' ');
  const days = params
    .filter((p): p is string => typeof p === 'string' && /^\d{4}-\d\d-\d\dT/.test(p))
    .map((p) => localDay(new Date(p), timeZone));
  const range = days.length >= 2 ? ` [${days[0]} .. ${days[1]})` : days.length === 1 ? ` (${days[0]})` : '';
  const what = query.includes('percentile_cont') ? ' percentile_cont' : '';
  return `${table}${range}${what}${group ? ` group by ${group.slice(0, 40)}` : ''}`;
}

/**
 * Each statement alone, slowest first; EXPLAIN (ANALYZE, BUFFERS) of the slowest when the measure's
 * p95 is over its bar, or always with --explain. Returns the slowest.
 */
async function splitAndExplain(
  what: string,
  statements: Statement[],
  p95: number,
  bar: number,
): Promise<Statement | undefined> {
  const split = [];
  for (const s of statements) {
    const samples = await timed(() => sql.unsafe(s.query, s.params as never[]), SPLIT_ITERATIONS, 1);
    split.push({ ...s, ...summary(samples) });
  }
  split.sort((a, b) => b.p50 - a.p50);
  console.log(
    `   its ${statements.length} statements, each alone (${SPLIT_ITERATIONS} runs), slowest first:`,
  );
  for (const s of split.slice(0, 6))
    console.log(`     ${s.label.padEnd(78)} p50 ${ms(s.p50)}, p95 ${ms(s.p95)}`);
  if (split.length > 6) console.log(`     … ${split.length - 6} more, each p50 ≤ ${ms(split[6]!.p50)}`);
  const slowest = split[0];
  if (slowest) await explain(what, slowest, p95, bar);
  return slowest;
}

/** EXPLAIN (ANALYZE, BUFFERS) of `statement` when the measure's p95 is over its bar, or with --explain. */
async function explain(what: string, statement: Statement, p95: number, bar: number): Promise<void> {
  if (!EXPLAIN && p95 <= bar) return;
  const why = p95 > bar ? `p95 ${ms(p95)} is over ${ms(bar)}` : '--explain';
  console.log(
    `\n   EXPLAIN (ANALYZE, BUFFERS) of the slowest statement of ${what} (${why}): ${statement.label}`,
  );
  const plan = await sql.unsafe(`explain (analyze, buffers) ${statement.query}`, statement.params as never[]);
  for (const r of plan) console.log(`     ${String(Object.values(r)[0])}`);
}
