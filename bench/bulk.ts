/**
 * Bulk import against the per-lead webhook, in the same run and on the same database: LEADS leads
 * sent as POST /api/leads at concurrency 32 (the baseline), then the same number of other leads as
 * one CSV to POST /api/leads/bulk. Embedded PGlite always; PostgreSQL too when BENCH_DATABASE_URL is set.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/baton_bench npm run bench:bulk
 *
 * The outbox is quiet during both (jobTick null, nothing delivered): intake is measured on its own.
 */
import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { type Database, openDatabase } from '../src/db/client.js';
import { postSigned, sendLead } from '../test/harness/lead-webhook.js';
import { startBenchApp } from './bench-app.js';
import { scratchDatabaseUrl } from './scratch-database.js';

const LEADS = Number(process.env.BULK_LEADS ?? 5000);
// The baseline's rate settles long before 5,000 one-by-one calls (minutes on a busy machine).
const BASELINE_LEADS = Math.min(LEADS, Number(process.env.BASELINE_LEADS ?? 1000));
const CONCURRENCY = 32;

const lead = (i: number, run: string) => ({
  external_id: `${run}-${i}`,
  email: `${run}${i}@company${i % 500}.example`,
  name: `Lead ${i}`,
  company: `Company ${i % 500}`,
  company_size: (i * 37) % 400,
  form: i % 3 === 0 ? 'contact' : 'demo_request',
});

async function reset(database: Database): Promise<void> {
  await database.db.execute(
    sql`truncate leads, lead_events, lead_contexts, lead_import_rows, lead_import_summaries, lead_imports, outbox,
        channel_pacing, routing_state, jobs, slack_event_receipts, members, workspaces restart identity cascade`,
  );
}

async function measure(database: Database): Promise<{ perLead: number; bulk: number }> {
  // perLead: seconds per lead through the webhook; bulk: seconds for the whole import.
  await reset(database);
  const { baseUrl, stop } = await startBenchApp(database, { jobTick: null });
  try {
    // Baseline: the per-lead webhook, concurrency 32.
    let next = 0;
    let resets = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < BASELINE_LEADS) {
          const body = { source: 'website', ...lead(next++, 'hook') };
          // A connection reset under load is sent again, as a sender would (external_id makes it safe).
          let res: Awaited<ReturnType<typeof sendLead>> | undefined;
          for (let attempt = 1; !res; attempt++) {
            res = await sendLead(baseUrl, body).catch((error: unknown) => {
              if (attempt >= 5) throw error;
              resets++;
              return undefined;
            });
          }
          if (res.status !== 202) throw new Error(`webhook answered ${res.status}`);
        }
      }),
    );
    const perLead = (performance.now() - t0) / 1000 / BASELINE_LEADS; // seconds per lead
    if (resets > 0) console.log(`  (${resets} webhook calls resent after a connection reset)`);

    // Bulk: the same number of new leads in one CSV.
    const header = 'external_id,email,name,company,company_size,form';
    const rows = Array.from({ length: LEADS }, (_, i) => {
      const l = lead(i, 'bulk');
      return [l.external_id, l.email, l.name, l.company, l.company_size, l.form].join(',');
    });
    const t1 = performance.now();
    const res = await postSigned(
      baseUrl,
      '/api/leads/bulk?source=tradeshow',
      `${header}\n${rows.join('\n')}\n`,
      {
        headers: { 'content-type': 'text/csv' },
      },
    );
    const bulk = (performance.now() - t1) / 1000;
    const counts = res.json.counts as { stored: number };
    if (res.status !== 200 || counts.stored !== LEADS)
      throw new Error(`bulk answered ${res.status}: ${JSON.stringify(res.json.counts ?? res.json)}`);
    return { perLead, bulk };
  } finally {
    await stop();
  }
}

console.log(
  `bulk import bench: ${LEADS} leads; node ${process.version}; load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
const targets: Array<{ name: string; open: () => Promise<Database> }> = [
  { name: 'pglite', open: () => openDatabase({ dataDir: 'memory://' }) },
];
// Emptied by reset: a sibling of BENCH_DATABASE_URL, so the report benches' seed there survives.
const url =
  process.env.BENCH_DATABASE_URL && (await scratchDatabaseUrl(process.env.BENCH_DATABASE_URL, 'bulk'));
if (url) targets.push({ name: 'postgresql', open: () => openDatabase({ url }) });
for (const target of targets) {
  const database = await target.open();
  try {
    await database.migrate();
    const { perLead, bulk } = await measure(database);
    const hookRate = 1 / perLead;
    const bulkRate = LEADS / bulk;
    console.log(
      `${target.name}: per-lead webhook (baseline, ${BASELINE_LEADS} leads at concurrency ${CONCURRENCY}) ${hookRate.toFixed(0)} leads/s ` +
        `(${LEADS} would take ${(LEADS * perLead).toFixed(1)} s); bulk import of ${LEADS}: ${bulk.toFixed(2)} s = ${bulkRate.toFixed(0)} leads/s; ` +
        `ratio ${(bulkRate / hookRate).toFixed(2)}x; target < 10 s: ${bulk < 10 ? 'met' : 'NOT met'}`,
    );
  } finally {
    await database.close();
  }
}
console.log(
  `load average after: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
