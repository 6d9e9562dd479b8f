/**
 * Durable job lateness with 100,000 pending jobs: how late the runner starts each job after its
 * due time, throughput and the process's memory, with the runner's normal 5-second tick and with
 * a 1-second tick, on the real clock. On PostgreSQL also the plan of the claim query.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/baton_jobs_bench npx tsx bench/jobs.ts
 *
 * Without BENCH_DATABASE_URL it runs on embedded PGlite (in memory). The database's jobs table
 * is emptied. JOBS (default 100000) and SPREAD_S (default 60) change the load. Figures only.
 */
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/client.js';
import { systemClock } from '../src/domain/clock.js';
import { JobRunner } from '../src/jobs/runner.js';
import { createLogger } from '../src/observability/logger.js';
import { createBatonMetrics } from '../src/observability/metrics.js';
import { seedWorkspace } from '../test/harness/database.js';

const JOBS = Number(process.env.JOBS ?? 100_000);
const SPREAD_S = Number(process.env.SPREAD_S ?? 60);
const TEAM = 'T0BENCHJOBS';

const url = process.env.BENCH_DATABASE_URL;
const database = await openDatabase(url ? { url } : {});
await database.migrate();
await seedWorkspace(database, TEAM, new Date());

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
const mem = () => {
  const m = process.memoryUsage();
  return `rss ${mb(m.rss)}, heap used ${mb(m.heapUsed)} of ${mb(m.heapTotal)}`;
};
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;

/** Empties the jobs table and inserts JOBS pending jobs due over the next SPREAD_S seconds. */
async function seed(): Promise<Date> {
  await database.db.execute(sql`truncate jobs restart identity`);
  const start = new Date(Date.now() + 2_000);
  const t0 = performance.now();
  await database.db.execute(sql`
    insert into jobs (team_id, kind, run_at, payload, created_at, updated_at)
    select ${TEAM}, 'bench.noop',
           ${start.toISOString()}::timestamptz + (random() * ${SPREAD_S * 1000}) * interval '1 millisecond',
           '{}'::jsonb, now(), now()
    from generate_series(1, ${JOBS})`);
  await database.db.execute(sql`analyze jobs`);
  console.log(`  seeded ${JOBS} jobs in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return start;
}

/**
 * The busy half of claimDueJobs (src/db/queries/jobs.ts): take due pending jobs, through the
 * partial index on pending run times. Explained inside a rolled-back transaction.
 */
async function explainClaim(at: Date): Promise<void> {
  const now = at.toISOString();
  const rows = await database.db
    .transaction(async (tx) => {
      const plan = await tx.execute(sql`
        explain (analyze, buffers)
        update jobs set status = 'running', locked_by = 'bench', locked_until = ${now}::timestamptz + interval '5 minutes',
               attempts = attempts + 1, updated_at = ${now}::timestamptz
        where id in (
          select id from jobs
          where status = 'pending' and run_at <= ${now}::timestamptz
          order by run_at, id limit 20 for update skip locked)
        returning *`);
      throw Object.assign(new Error('rollback'), { plan });
    })
    .catch((error: { plan?: unknown }) => {
      if (!error.plan) throw error;
      return error.plan;
    });
  const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as Record<string, string>[];
  console.log(`  claimDueJobs plan with ${JOBS} rows, about half due:`);
  for (const r of list) console.log(`    ${Object.values(r)[0]}`);
}

async function run(label: string, tickMs: number | undefined): Promise<void> {
  console.log(`\n${label}`);
  const start = await seed();
  if (database.kind === 'postgres' && tickMs === undefined)
    await explainClaim(new Date(start.getTime() + (SPREAD_S * 1000) / 2));
  global.gc?.();
  console.log(`  before: ${mem()}`);
  const lateMs: number[] = [];
  let resolveDone: () => void = () => {};
  const done = new Promise<void>((r) => {
    resolveDone = r;
  });
  const runner = new JobRunner({
    database,
    clock: systemClock,
    logger: createLogger('error'),
    metrics: createBatonMetrics(),
    handlers: {
      'bench.noop': async (job) => {
        lateMs.push(Date.now() - job.runAt.getTime());
        if (lateMs.length === JOBS) resolveDone();
      },
    },
  });
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 250);
  if (tickMs === undefined) runner.start();
  else runner.start(tickMs);
  await done;
  const finished = Date.now();
  await runner.stop();
  clearInterval(sampler);
  const s = [...lateMs].sort((a, b) => a - b);
  const lastDue = await database.rows<{ first: string; last: string }>(
    sql`select min(run_at)::text as first, max(run_at)::text as last from jobs`,
  );
  const seconds = (finished - Math.max(start.getTime(), Date.parse(lastDue[0]!.first))) / 1000;
  console.log(
    `  lateness (handler start - run_at): p50 ${pct(s, 0.5)} ms, p95 ${pct(s, 0.95)} ms, p99 ${pct(s, 0.99)} ms, max ${s.at(-1)} ms`,
  );
  console.log(
    `  ${JOBS} jobs from the first due time to the last run in ${seconds.toFixed(1)} s = ${(JOBS / seconds).toFixed(0)} jobs/s ` +
      `(due over ${SPREAD_S} s, so this is bounded by the due times); the last ran ${(finished - Date.parse(lastDue[0]!.last)) / 1000} s after the last was due`,
  );
  console.log(`  after: ${mem()}; peak rss ${mb(peakRss)}`);
}

/** Raw throughput: every job already due, drained by one runDue() pass. */
async function drain(): Promise<void> {
  console.log('\nall due at once, one runDue() pass');
  await database.db.execute(sql`truncate jobs restart identity`);
  await database.db.execute(sql`
    insert into jobs (team_id, kind, run_at, payload, created_at, updated_at)
    select ${TEAM}, 'bench.noop', now() - interval '1 second', '{}'::jsonb, now(), now()
    from generate_series(1, ${JOBS})`);
  await database.db.execute(sql`analyze jobs`);
  const runner = new JobRunner({
    database,
    clock: systemClock,
    logger: createLogger('error'),
    metrics: createBatonMetrics(),
    handlers: { 'bench.noop': async () => {} },
  });
  const t0 = performance.now();
  const ran = await runner.runDue();
  const seconds = (performance.now() - t0) / 1000;
  console.log(`  ${ran} jobs in ${seconds.toFixed(1)} s = ${(ran / seconds).toFixed(0)} jobs/s; ${mem()}`);
}

try {
  console.log(`database: ${database.kind}; node ${process.version}; ${JOBS} jobs due over ${SPREAD_S} s`);
  await run('default tick (5 s)', undefined);
  await run('one-second tick', 1_000);
  await drain();
} finally {
  await database.db.execute(sql`truncate jobs restart identity`);
  await database.close();
}
