/**
 * `/voc report` on the retro bench's 200,000 VOC entries (PostgreSQL only).
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/baton_funnel_bench npm run bench:voc
 *
 * Reuses bench:funnel's and bench:retro's seeds (bench/funnel-seed.ts, bench/retro-seed.ts; seeded
 * the first time). For this-quarter, a year, and a year of one category, ITERATIONS (30) timed runs
 * after WARMUP (3), each on a new VocReportService (it keeps nothing between reports: every run is
 * cold as far as Baton goes), end to end (words, period, report, blocks, JSON). In the same run:
 * the baseline, the way it was counted before (every entry of the period moved into Node and
 * counted there), and the floor, the aggregate statement alone. Figures only.
 */
import postgres from 'postgres';
import { fixedConfig } from '../src/config/config-source.js';
import { openDatabase } from '../src/db/client.js';
import { vocCountsByCategory, vocEntriesIn, vocQuoteRows } from '../src/db/queries/voc-report.js';
import { parsePeriod } from '../src/domain/periods.js';
import { topQuoteIds, vocFigures } from '../src/domain/voc-figures.js';
import { parseVocReportArgs } from '../src/domain/voc-report-args.js';
import { messages } from '../src/i18n/index.js';
import { VocReportService } from '../src/services/voc-report.js';
import { vocReportBlocks, vocReportTitle } from '../src/slack/blocks/voc-report.js';
import { BENCH_NOW, BENCH_TEAM, seedFunnelBench } from './funnel-seed.js';
import { retroBenchConfig, seedRetroBench } from './retro-seed.js';
import { benchDatabaseUrl, line, loadLine, ms, ratio, summary, timed } from './stats.js';

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
  const seeded = await seedRetroBench(url, config, vocSpec, { log });
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
  // Before issue 16: the period's entries into Node, counted there (the same figures).
  const before = async (text: string) => {
    const { period, category } = args(text);
    const { db } = database;
    const [entries, previous] = await Promise.all([
      vocEntriesIn(db, BENCH_TEAM, period.start, period.end, category),
      vocCountsByCategory(db, BENCH_TEAM, period.previousStart, period.previousEnd, category),
    ]);
    const figures = vocFigures(entries, previous, await vocQuoteRows(db, BENCH_TEAM, topQuoteIds(entries)));
    return reply({ period, category, figures });
  };
  // The floor: the one aggregate statement alone, as the server runs it.
  const floor = async (text: string) => {
    const { period } = args(text);
    await sql`select count(*) from voc_entries
              where team_id = ${BENCH_TEAM} and created_at >= ${period.start.toISOString()}
                and created_at < ${period.end.toISOString()}`;
  };

  console.log(`\n/voc report end to end, ${ITERATIONS} runs after ${WARMUP} each; ${loadLine()}`);
  const verdicts: string[] = [];
  for (const text of ['this-quarter', '2025-06-27..2026-06-26', '2025-06-27..2026-06-26 objection']) {
    const same = (await now(text)) === (await before(text));
    const after = await timed(() => now(text), ITERATIONS, WARMUP);
    const old = await timed(() => before(text), ITERATIONS, WARMUP);
    const bound = await timed(() => floor(text), ITERATIONS, WARMUP);
    const p95 = summary(after).p95;
    console.log(`  ${text}`);
    console.log(`    counted in SQL (now)              ${line(after)}`);
    console.log(
      `    entries into Node (before)        ${line(old)}   now ${ratio(p95, summary(old).p95, 'before')}`,
    );
    console.log(
      `    floor: count over the period      ${line(bound)}   now ${ratio(p95, summary(bound).p95, 'the floor')}`,
    );
    console.log(`    the same reply both ways: ${same ? 'yes' : 'NO'}; ${loadLine()}`);
    verdicts.push(`${text} p95 ${ms(p95)} ${p95 < TARGET_P95_MS ? '<' : '≥'} ${TARGET_P95_MS} ms`);
  }
  console.log(`\ntarget: ${verdicts.join('; ')} (${loadLine()})`);
} finally {
  await sql.end({ timeout: 5 });
  await database.close();
}
