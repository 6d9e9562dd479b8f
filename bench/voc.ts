/**
 * `/voc report` on the retro bench's 200,000 VOC entries (PostgreSQL only).
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/baton_funnel_bench npm run bench:voc
 *   … npm run bench:voc -- --reseed      seed the VOC, cadence and retro rows again
 *
 * Reuses bench:funnel's and bench:retro's seeds (bench/funnel-seed.ts, bench/retro-seed.ts; seeded
 * the first time). For this-quarter, a year, and a year of one category, ITERATIONS (30) timed runs
 * after WARMUP (3), each on a new VocReportService (it keeps nothing between reports: every run is
 * cold as far as Baton goes), end to end (words, period, report, blocks, JSON). In the same run and
 * in turns with it (bench/stats.ts, timedInTurn): the baseline, the one statement over the period's
 * entries that reports ran before the rollups (queries/voc-report.ts), and the floor, the
 * period's rollup rows read alone. Then what the rollup triggers add to a capture: one entry
 * inserted, edited and deleted in a transaction that is rolled back, with the triggers and without.
 * Figures only; the database is left as it was.
 */
import postgres from 'postgres';
import { fixedConfig } from '../src/config/config-source.js';
import { openDatabase } from '../src/db/client.js';
import { vocCountsByCategory, vocPeriodAggregates, vocQuoteRows } from '../src/db/queries/voc-report.js';
import { rollupSpan } from '../src/db/queries/voc-rollups.js';
import { parsePeriod } from '../src/domain/periods.js';
import { pickQuoteIds, vocFiguresOf } from '../src/domain/voc-figures.js';
import { parseVocReportArgs } from '../src/domain/voc-report-args.js';
import { messages } from '../src/i18n/index.js';
import { VocReportService } from '../src/services/voc-report.js';
import { vocReportBlocks, vocReportTitle } from '../src/slack/blocks/voc-report.js';
import { BENCH_NOW, BENCH_TEAM, seedFunnelBench } from './funnel-seed.js';
import { retroBenchConfig, seedRetroBench } from './retro-seed.js';
import { benchDatabaseUrl, line, loadLine, ms, ratio, summary, timedInTurn } from './stats.js';

const ITERATIONS = Number(process.env.ITERATIONS ?? 30);
const WARMUP = Number(process.env.WARMUP ?? 3);
const TARGET_P95_MS = 300;

const url = benchDatabaseUrl('bench:voc');
const database = await openDatabase({ url });
const sql = postgres(url, { max: 10, onnotice: () => {} });
const config = retroBenchConfig();
const timeZone = config.calendar.timeZone;
const t = messages(config.locale);
const n = (value: number) => value.toLocaleString('en');
class RolledBack extends Error {}

try {
  console.log(`database: PostgreSQL ${(await sql`show server_version`)[0]!.server_version}; ${loadLine()}`);
  await database.migrate();
  const log = (l: string) => console.log(l);
  const size = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
  const funnelSpec = {
    leads: size('FUNNEL_LEADS', 1e6),
    otherLeads: size('FUNNEL_OTHER_LEADS', 1e5),
    now: BENCH_NOW,
  };
  await seedFunnelBench(database, url, funnelSpec, { log });
  const vocSpec = {
    vocEntries: size('VOC_ENTRIES', 2e5),
    otherVocEntries: size('VOC_OTHER_ENTRIES', 2e4),
    now: BENCH_NOW,
  };
  const seeded = await seedRetroBench(url, config, vocSpec, {
    log,
    reseed: process.argv.includes('--reseed'),
  });
  console.log(
    `seed: ${n(seeded.vocEntries)} VOC entries for ${BENCH_TEAM}; ${seeded.reused ? 'reused' : 'seeded'}`,
  );

  const args = (text: string) => {
    const a = parseVocReportArgs(text);
    if (!a.ok) throw new Error(`/voc report ${text}: ${JSON.stringify(a.problem)}`);
    const p = parsePeriod(a.period, BENCH_NOW, timeZone);
    if (!p.ok) throw new Error(`/voc report ${text}: ${JSON.stringify(p.problem)}`);
    return { period: p.period, category: a.category };
  };
  const reply = (report: Awaited<ReturnType<VocReportService['report']>>) =>
    JSON.stringify({
      response_type: 'ephemeral',
      text: vocReportTitle(t, report),
      blocks: vocReportBlocks(t, report, { timeZone }),
    });
  const now = (text: string) => {
    const query = args(text);
    return new VocReportService(database, fixedConfig(config)).report(BENCH_TEAM, query).then(reply);
  };
  // Before the rollups: the one statement over the period's entries (the same figures).
  const before = async (text: string) => {
    const { period, category } = args(text);
    const { db } = database;
    const [aggregates, previous] = await Promise.all([
      vocPeriodAggregates(db, BENCH_TEAM, period.start, period.end, category),
      vocCountsByCategory(db, BENCH_TEAM, period.previousStart, period.previousEnd, category),
    ]);
    const quotes = await vocQuoteRows(db, BENCH_TEAM, pickQuoteIds(aggregates));
    return reply({ period, category, figures: vocFiguresOf(aggregates, previous, quotes) });
  };
  // The floor: the rollup rows the report reads (whole months, whole days around them), summed alone.
  const floor = async (text: string) => {
    const { period, category } = args(text);
    const { fromDay, toDay, fromMonth, toMonth } = rollupSpan(period.start, period.end);
    const rows = (table: string) => sql`
      select sum(entries) from ${sql(table)}
      where team_id = ${BENCH_TEAM} and (${category ?? null}::text is null or category = ${category ?? null})
        and ((grain = 'day' and day >= ${fromDay} and day < ${fromMonth})
          or (grain = 'day' and day >= ${toMonth} and day < ${toDay})
          or (grain = 'month' and day >= ${fromMonth} and day < ${toMonth}))`;
    await sql`select (${rows('voc_rollups')}), (${rows('voc_rollup_competitors')}), (${rows('voc_rollup_tags')})`;
  };

  console.log(`\n/voc report end to end, ${ITERATIONS} runs of each in turn after ${WARMUP}; ${loadLine()}`);
  const verdicts: string[] = [];
  for (const text of ['this-quarter', '2025-06-27..2026-06-26', '2025-06-27..2026-06-26 objection']) {
    const same = (await now(text)) === (await before(text));
    const runs = await timedInTurn(
      { now: () => now(text), before: () => before(text), floor: () => floor(text) },
      ITERATIONS,
      WARMUP,
    );
    const p95 = summary(runs.now).p95;
    console.log(`  ${text}`);
    console.log(`    rollups (now)                     ${line(runs.now)}`);
    console.log(
      `    one statement over the entries    ${line(runs.before)}   now ${ratio(p95, summary(runs.before).p95, 'before')} at p95, ${ratio(summary(runs.now).p50, summary(runs.before).p50, 'at p50')}`,
    );
    console.log(
      `    floor: the rollup rows alone      ${line(runs.floor)}   now ${ratio(p95, summary(runs.floor).p95, 'the floor')} at p95, ${ratio(summary(runs.now).p50, summary(runs.floor).p50, 'at p50')}`,
    );
    console.log(`    the same reply both ways: ${same ? 'yes' : 'NO'}; ${loadLine()}`);
    verdicts.push(`${text} p95 ${ms(p95)} ${p95 < TARGET_P95_MS ? '<' : '≥'} ${TARGET_P95_MS} ms`);
  }

  // What the triggers add to a capture, on the busiest day: nothing is kept (rolled back).
  const capture = (triggers: boolean) =>
    sql
      .begin(async (tx) => {
        if (!triggers)
          for (const name of [
            'voc_entries_rollup_insert',
            'voc_entries_rollup_update',
            'voc_entries_rollup_delete',
          ])
            await tx.unsafe(`alter table voc_entries disable trigger ${name}`);
        const at = new Date(BENCH_NOW.getTime() - 3_600_000).toISOString();
        const [entry] = await tx`
          insert into voc_entries (team_id, quote, category, competitor, tags, captured_by, via, created_at, updated_at)
          values (${BENCH_TEAM}, 'bench quote', 'objection', 'HubSpot', ${['pricing', 'api']}, 'U0BENCH', 'command', ${at}, ${at})
          returning id`;
        await tx`update voc_entries set tags = ${['pricing']}, competitor = 'Zoho' where id = ${entry!.id}`;
        await tx`delete from voc_entries where id = ${entry!.id}`;
        throw new RolledBack();
      })
      .catch((e: unknown) => {
        if (!(e instanceof RolledBack)) throw e;
      });
  const writes = await timedInTurn(
    { triggers: () => capture(true), bare: () => capture(false) },
    ITERATIONS,
    WARMUP,
  );
  console.log(`\none entry inserted, edited and deleted (rolled back), ${ITERATIONS} runs of each in turn`);
  console.log(
    `    with the rollup triggers          ${line(writes.triggers)}   ${ratio(summary(writes.triggers).p95, summary(writes.bare).p95, 'without')} at p95, ${ratio(summary(writes.triggers).p50, summary(writes.bare).p50, 'at p50')}`,
  );
  console.log(`    without them (disabled in the tx) ${line(writes.bare)}; ${loadLine()}`);
  console.log(`\ntarget: ${verdicts.join('; ')} (${loadLine()})`);
} finally {
  await sql.end({ timeout: 5 });
  await database.close();
}
