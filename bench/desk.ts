/**
 * What people wait on outside the reports, on the funnel bench's 1,000,000 leads (PostgreSQL only):
 * App Home per kind of person and `/lead <text>` search, cold, against baselines from the same run.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/baton_funnel_bench npm run bench:desk
 *
 * It reuses bench:funnel's database and seed (bench/funnel-seed.ts, 4-5 minutes the first time).
 * For a manager (SLA board and the team's week), a marketer (the team's week with unclaimed leads and
 * breaches) and a seller (SLA board and their open leads), ITERATIONS (20) runs after WARMUP (3) of
 * HomeService.home with a new service per run (as a new process would) plus the Block Kit of its
 * sections. Baselines from the same run: the week's cohort report alone (what the team section
 * shares with `/funnel this-week`) and the SLA board alone. Then lead search (`/lead <text>`, the VOC
 * modal's lead picker, which Slack gives 3 s) for a word no lead has, a rare one and a common one,
 * against the same search without the trigram index's condition (the statement before drizzle/0032).
 * Last, `/baton roster`'s status against the statements it ran before drizzle/0033. The bar is 300 ms,
 * as for /funnel.
 */
import { fixedConfig } from '../src/config/config-source.js';
import { parseWorkspaceConfig } from '../src/config/workspace.js';
import { openDatabase } from '../src/db/client.js';
import { searchLeadsByText } from '../src/db/queries/lead-lookup.js';
import { queryText } from '../src/db/queries/raw.js';
import { weekPeriod } from '../src/domain/periods.js';
import { messages } from '../src/i18n/index.js';
import { FunnelService } from '../src/services/funnel.js';
import { HomeService } from '../src/services/home.js';
import { RosterStatusService } from '../src/services/roster-status.js';
import { SlaBoardService } from '../src/services/sla-board.js';
import { homeFunnelBlocks } from '../src/slack/blocks/home-funnel.js';
import { homeMyLeadsBlocks } from '../src/slack/blocks/home-my-leads.js';
import { slaBoardBlocks } from '../src/slack/blocks/sla-board.js';
import { BENCH_NOW, BENCH_TEAM, BENCH_YAML, seedFunnelBench } from './funnel-seed.js';
import { benchDatabaseUrl, line, loadLine, ratio, summary, timed } from './stats.js';

const ITERATIONS = Number(process.env.ITERATIONS ?? 20);
const WARMUP = Number(process.env.WARMUP ?? 3);
const TARGET_MS = 300;

const url = benchDatabaseUrl('bench:desk');
const database = await openDatabase({ url });
const config = parseWorkspaceConfig(BENCH_YAML, 'bench.yaml');
const configs = fixedConfig(config);
const t = messages(config.locale);
const noLinks = new Map<number, string>();

try {
  await database.migrate();
  const seeded = await seedFunnelBench(
    database,
    url,
    { leads: Number(process.env.FUNNEL_LEADS ?? 1_000_000), otherLeads: 100_000, now: BENCH_NOW },
    { reseed: false, log: (l) => console.log(l) },
  );
  console.log(`seed: ${seeded.leads.toLocaleString('en')} leads; ${loadLine()}`);

  /** One opening of Home, cold: the data, then the blocks of each section it has. */
  const open = async (userId: string) => {
    const home = await new HomeService(database, configs).home(BENCH_TEAM, userId, BENCH_NOW);
    if (home.kind !== 'member') throw new Error(`${userId} is not on the bench roster`);
    const blocks = [
      ...(home.board ? slaBoardBlocks(t, home.board) : []),
      ...(home.pipeline ? homeMyLeadsBlocks(t, home.pipeline, noLinks, BENCH_NOW) : []),
      ...(home.team ? homeFunnelBlocks(t, home.team, noLinks) : []),
    ];
    return JSON.stringify(blocks).length;
  };

  const period = weekPeriod(BENCH_NOW, config.calendar.timeZone);
  const weekReport = () =>
    new FunnelService(database, configs).report(BENCH_TEAM, { period, mode: 'cohort', by: null }, BENCH_NOW);
  const board = () => new SlaBoardService(database, configs).board(BENCH_TEAM, 'U0BENCHMGR1', BENCH_NOW);

  console.log(`\nbaselines, cold (${ITERATIONS} runs after ${WARMUP}):`);
  const reportMs = await timed(weekReport, ITERATIONS, WARMUP);
  console.log(`  the week's cohort report alone   ${line(reportMs)}`);
  const boardMs = await timed(board, ITERATIONS, WARMUP);
  console.log(`  the SLA board alone (a manager)  ${line(boardMs)}`);

  console.log(
    `\nApp Home, cold: HomeService.home + its sections' blocks (${ITERATIONS} runs after ${WARMUP}):`,
  );
  const people: Array<[string, string, number[]]> = [
    ['manager (board, team week)', 'U0BENCHMGR1', reportMs],
    ['marketer (team week, pulse)', 'U0BENCHMKT1', reportMs],
    ['seller (board, own leads)', 'U0SELL0001', boardMs],
  ];
  const worst: number[] = [];
  for (const [label, userId, baseline] of people) {
    let size = 0;
    const samples = await timed(
      async () => {
        size = await open(userId);
      },
      ITERATIONS,
      WARMUP,
    );
    const p95 = summary(samples).p95;
    worst.push(p95);
    console.log(
      `  ${label.padEnd(29)} ${line(samples)}; ${ratio(p95, summary(baseline).p95, 'its baseline at p95')}; ` +
        `blocks ${(size / 1024).toFixed(1)} KB`,
    );
  }
  // Lead search: what /lead and the VOC picker run, against the statement without the index condition.
  const [rare] = await queryText<{ company: string }>(
    database.db,
    `select company from leads where team_id = $1 and company is not null order by id desc limit 1`,
    [BENCH_TEAM],
  );
  const before = (text: string) =>
    queryText(
      database.db,
      `select * from leads where team_id = $1 and (company ilike $2 or name ilike $2)
       order by created_at desc, id desc limit 11`,
      [BENCH_TEAM, `%${text}%`],
    );
  console.log(
    `\n/lead <text> search (${ITERATIONS} runs after ${WARMUP}; the seed's companies are "Company <n>"):`,
  );
  const words: Array<[string, string]> = [
    ['a word no lead has', 'zebra logistics'],
    ['one company', rare?.company ?? 'Company 1'],
    ['a common word', 'company'],
  ];
  for (const [label, text] of words) {
    const now = await timed(() => searchLeadsByText(database.db, BENCH_TEAM, text, 11), ITERATIONS, WARMUP);
    const old = await timed(() => before(text), Math.min(ITERATIONS, 5), 1);
    const p95 = summary(now).p95;
    worst.push(p95);
    console.log(
      `  ${label.padEnd(20)} ${line(now)}; without the index: ${line(old)}; ${ratio(summary(now).p50, summary(old).p50, 'at p50')}`,
    );
  }

  // `/baton roster`: each member's eligibility, open leads and last assignment.
  const roster = () => new RosterStatusService(database, configs).roster(BENCH_TEAM, BENCH_NOW);
  const oldRoster = async () => {
    // The statements before drizzle/0033: every owned lead of the team, grouped by owner, twice.
    await queryText(
      database.db,
      `select owner_id, count(*)::int from leads where team_id = $1 and owner_id is not null
       and stage = any($2::text[]) group by owner_id`,
      [BENCH_TEAM, ['Lead', 'MQL', 'SAL', 'SQL', 'Opportunity', 'Negotiation']],
    );
    await queryText(
      database.db,
      'select owner_id, max(owner_since) from leads where team_id = $1 and owner_id is not null group by owner_id',
      [BENCH_TEAM],
    );
  };
  const rosterMs = await timed(roster, ITERATIONS, WARMUP);
  const oldRosterMs = await timed(oldRoster, Math.min(ITERATIONS, 5), 1);
  worst.push(summary(rosterMs).p95);
  console.log(
    `\n/baton roster status: ${line(rosterMs)}; the old per-owner statements alone: ${line(oldRosterMs)}; ` +
      `${ratio(summary(rosterMs).p50, summary(oldRosterMs).p50, 'at p50')}`,
  );

  const max = Math.max(...worst);
  console.log(
    `\ntarget: App Home, lead search and roster status p95 < ${TARGET_MS} ms: ${max < TARGET_MS ? 'met' : 'NOT met'} ` +
      `(worst ${max.toFixed(1)} ms; ${loadLine()})`,
  );
} finally {
  await database.close();
}
