/**
 * Retention on a year of history: table sizes before and after the daily job's deletion, how long
 * it takes, and whether lead intake waits for it. The running app (real HTTP, real signature checks)
 * takes leads at concurrency 8 in the same run: alone (baseline), while retention runs (in turns of two
 * seconds working and two held between batches, so a busy machine weighs on both sides alike), and
 * alone again.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/baton_retention_bench npm run bench:retention
 *
 * Without BENCH_DATABASE_URL it runs on embedded PGlite in memory (DAYS=90 keeps that quick).
 * The database is emptied first. DAYS (default 365) and LEADS_PER_DAY (default 200) size the
 * history; each lead brings what it brings in production: about ten finished jobs (SLA ladder,
 * cadence, routing), thirteen delivered Slack writes (card, card edits, thread notes, offer DM,
 * three cadence reminders, two of them answered) and five Slack event receipts.
 */
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/client.js';
import { applyRetention } from '../src/db/queries/retention.js';
import { sendLead } from '../test/harness/lead-webhook.js';
import { TEAM_ID } from '../test/harness/test-app.js';
import { startBenchApp } from './bench-app.js';
import { line } from './stats.js';

const DAYS = Number(process.env.DAYS ?? 365);
const LEADS_PER_DAY = Number(process.env.LEADS_PER_DAY ?? 200);
const BASELINE_LEADS = Number(process.env.BASELINE_LEADS ?? 1500);
const CONCURRENCY = 8;
/** Retention works and is held in turns of this length while intake runs. */
const PHASE_MS = 2_000;
const DAY_MS = 24 * 3_600_000;
const TABLES = ['jobs', 'outbox', 'slack_event_receipts'] as const;

const url = process.env.BENCH_DATABASE_URL;
const database = await openDatabase(url ? { url } : {});
await database.migrate();
await database.db.execute(
  sql`truncate leads, lead_events, lead_contexts, stage_changes, outbox, channel_pacing, routing_state, jobs, slack_event_receipts, members, workspaces restart identity cascade`,
);
// Retention is called directly below; the outbox and job runner stay out of the figures.
const { baseUrl, stop } = await startBenchApp(database, { jobTick: null });

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
async function sizes(label: string): Promise<void> {
  const parts: string[] = [];
  for (const table of TABLES) {
    const [row] = await database.rows<{ n: number | string; bytes: number | string }>(
      sql.raw(`select count(*) as n, pg_total_relation_size('${table}') as bytes from ${table}`),
    );
    parts.push(`${table} ${Number(row!.n).toLocaleString('en')} rows / ${mb(Number(row!.bytes))}`);
  }
  console.log(`  ${label.padEnd(28)} ${parts.join('; ')}`);
}

/** One lead history per LEADS_PER_DAY-th of a day over DAYS days, set-based. */
async function seed(): Promise<void> {
  const t0 = performance.now();
  const leads = DAYS * LEADS_PER_DAY;
  const now = new Date().toISOString();
  // Lead i arrived i/LEADS_PER_DAY days ago; its owner alternates between the two sellers.
  await database.db.execute(sql`
    insert into leads (team_id, source, external_id, segment, stage, routed, owner_id, created_at, updated_at, stage_entered_at)
    select ${TEAM_ID}, 'history', 'h' || i, 'smb', 'MQL', true,
      case when i % 2 = 0 then 'U0SDR0001' else 'U0AE00001' end, at, at, at
    from (select i, ${now}::timestamptz - (i::float8 / ${LEADS_PER_DAY}) * interval '1 day' as at
          from generate_series(1, ${leads}) i) s`);
  const history = sql`(select id, owner_id, created_at from leads where source = 'history')`;
  // Ten jobs: SLA steps within hours, cadence steps over two weeks, routing at once.
  await database.db.execute(sql`
    insert into jobs (team_id, kind, dedupe_key, payload, run_at, status, attempts, finished_at, created_at, updated_at)
    select ${TEAM_ID}, case when k < 3 then 'sla.step' when k < 9 then 'cadence.step' else 'routing.auto_assign' end,
      'hist:' || l.id || ':' || k, jsonb_build_object('leadId', l.id, 'step', k), due,
      case when due < ${now}::timestamptz then 'done' else 'pending' end, 1,
      case when due < ${now}::timestamptz then due end, l.created_at, due
    from ${history} l cross join generate_series(0, 9) k
    cross join lateral (select l.created_at + (case when k < 3 then k + 1 else (k - 2) * 36 end) * interval '1 hour' as due) d`);
  // Thirteen writes: card, four card edits, four thread notes, offer DM, three cadence reminders.
  await database.db.execute(sql`
    insert into outbox (team_id, method, channel, args, lead_id, purpose, dedupe_key, status, attempts, next_attempt_at, result_ts, sent_at, created_at)
    select ${TEAM_ID}, case when k between 1 and 4 then 'chat.update' else 'chat.postMessage' end,
      case when k >= 9 then l.owner_id else 'C0LEADS' end,
      case when k >= 10 then jsonb_build_object('cadence', jsonb_build_object('leadId', l.id, 'owner', l.owner_id, 'step', k - 10, 'snoozes', 0))
           else '{}'::jsonb end,
      l.id,
      case when k = 0 then 'lead_card' when k <= 4 then 'lead_card_update' when k <= 8 then 'lead_thread'
           when k = 9 then 'lead_offer' else 'lead_cadence_dm' end,
      case when k = 0 then 'lead_card:' || l.id when k >= 9 then 'hist:' || l.id || ':' || k end,
      'sent', 1, at, '1700000000.' || lpad((l.id * 13 + k)::text, 6, '0'), at, at
    from ${history} l cross join generate_series(0, 12) k
    cross join lateral (select l.created_at + k * 20 * interval '1 hour' as at) d
    where at < ${now}::timestamptz`);
  // The owner answered the first two reminders of every lead; the third is still open.
  await database.db.execute(sql`
    insert into lead_events (team_id, lead_id, type, actor_id, data, occurred_at)
    select ${TEAM_ID}, l.id, 'cadence_step_done', l.owner_id,
      jsonb_build_object('owner', l.owner_id, 'step', k, 'snoozes', 0), l.created_at + interval '10 days'
    from ${history} l cross join generate_series(0, 1) k`);
  await database.db.execute(sql`
    insert into slack_event_receipts (team_id, event_id, received_at)
    select ${TEAM_ID}, 'EvH' || l.id || '_' || k, l.created_at + k * interval '3 hours'
    from ${history} l cross join generate_series(0, 4) k`);
  for (const table of [...TABLES, 'leads', 'lead_events'])
    await database.db.execute(sql.raw(`analyze ${table}`));
  console.log(
    `seeded ${DAYS} days × ${LEADS_PER_DAY} leads/day = ${leads.toLocaleString('en')} leads in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}

let sent = 0;
/** Signed POST /api/leads at concurrency 8 until `until()` says stop; latencies by the phase they fell in. */
async function intake(
  until: (done: number) => boolean,
  phase: () => string = () => 'alone',
): Promise<Map<string, number[]>> {
  const byPhase = new Map<string, number[]>();
  let done = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (!until(done)) {
        const i = sent++;
        const before = phase();
        const t0 = performance.now();
        const res = await sendLead(baseUrl, {
          external_id: `bench-${i}`,
          source: 'website',
          email: `lead${i}@company${i % 500}.example`,
          name: `Lead ${i}`,
          company: `Company ${i % 500}`,
          form: i % 3 === 0 ? 'contact' : 'demo_request',
        });
        if (res.status !== 202) throw new Error(`lead ${i}: ${res.status} ${JSON.stringify(res.json)}`);
        const ms = performance.now() - t0;
        done += 1;
        // A request that saw both phases counts in neither.
        const label = phase() === before ? before : 'mixed';
        const list = byPhase.get(label) ?? [];
        list.push(ms);
        byPhase.set(label, list);
      }
    }),
  );
  return byPhase;
}

try {
  console.log(`database: ${database.kind}; node ${process.version}`);
  await seed();
  await sizes('before retention:');

  // Warm the route and the connection pool, then the baseline: intake alone.
  await intake((n) => n >= 200);
  const baseline = (await intake((n) => n >= BASELINE_LEADS)).get('alone') ?? [];

  // Retention as the daily job runs it (defaults: 30, 30, 7 days), with intake running alongside.
  // The machine may be shared and busy, so the comparison is interleaved: retention is held
  // between batches every other PHASE_MS, and each intake request counts as "during" only when it
  // started and ended while retention was working, as "held" when both fell in a held phase.
  const now = Date.now();
  const daysAgo = (d: number) => new Date(now - d * DAY_MS);
  let running = true;
  let working = true;
  let heldMs = 0;
  const flip = setInterval(() => {
    working = !working;
  }, PHASE_MS);
  const t0 = performance.now();
  const retention = applyRetention(
    database,
    TEAM_ID,
    { jobs: daysAgo(30), outbox: daysAgo(30), eventReceipts: daysAgo(7) },
    {
      pause: async () => {
        await new Promise<void>((resolve) => setImmediate(resolve));
        const h0 = performance.now();
        while (!working) await new Promise((resolve) => setTimeout(resolve, 10));
        heldMs += performance.now() - h0;
      },
    },
  ).finally(() => {
    running = false;
    clearInterval(flip);
  });
  const phases = await intake(
    () => !running,
    () => (!running ? 'after' : working ? 'working' : 'held'),
  );
  const removed = await retention;
  const seconds = (performance.now() - t0) / 1000;
  const during = phases.get('working') ?? [];
  const held = phases.get('held') ?? [];

  console.log(
    `retention: deleted ${removed.jobs.toLocaleString('en')} jobs, ${removed.outbox.toLocaleString('en')} outbox rows, ` +
      `${removed.eventReceipts.toLocaleString('en')} event receipts in ${(seconds - heldMs / 1000).toFixed(1)} s of work ` +
      `(${seconds.toFixed(1)} s wall, ${(heldMs / 1000).toFixed(1)} s held for the comparison; ` +
      `${removed.batches.toLocaleString('en')} batches of 500, ${Math.round((removed.jobs + removed.outbox + removed.eventReceipts) / (seconds - heldMs / 1000)).toLocaleString('en')} rows/s)`,
  );
  // The machine may be shared: a second baseline after the run shows how much the figures drift.
  const after = (await intake((n) => n >= BASELINE_LEADS)).get('alone') ?? [];
  console.log(`intake at concurrency ${CONCURRENCY}, POST /api/leads → 202:`);
  console.log(`  baseline, alone (before): ${String(baseline.length).padStart(5)} leads, ${line(baseline)}`);
  console.log(`  while retention works:    ${String(during.length).padStart(5)} leads, ${line(during)}`);
  console.log(`  retention held (between): ${String(held.length).padStart(5)} leads, ${line(held)}`);
  console.log(`  baseline, alone (after):  ${String(after.length).padStart(5)} leads, ${line(after)}`);
  // A second daily run finds little: this is the steady-state cost.
  const t1 = performance.now();
  const again = await applyRetention(database, TEAM_ID, {
    jobs: daysAgo(30),
    outbox: daysAgo(30),
    eventReceipts: daysAgo(7),
  });
  console.log(
    `a second run right after: ${again.jobs + again.outbox + again.eventReceipts} rows deleted, ${again.batches} batches, ${((performance.now() - t1) / 1000).toFixed(2)} s`,
  );
  // Last: VACUUM FULL locks the tables, and an idle gap would let the server drop kept-alive sockets.
  await sizes('after retention:');
  for (const table of TABLES) await database.db.execute(sql.raw(`vacuum ${table}`));
  await sizes('after vacuum:');
  for (const table of TABLES) await database.db.execute(sql.raw(`vacuum full ${table}`));
  await sizes('after vacuum full (live data):');
} finally {
  await stop();
  await database.close();
}
