/**
 * Lead intake and claim figures for the running app (in-process, real HTTP, real signature checks,
 * real WebClient against the fake Slack), on PostgreSQL when BENCH_DATABASE_URL is set (the issue
 * asks for PostgreSQL), else on embedded PGlite.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/baton_bench npm run bench:leads
 *
 * 1. Intake: INTAKE_LEADS signed POST /api/leads at concurrency 32 → leads committed per second
 *    (202 answers; each is sent only after its transaction commits) and latency percentiles.
 * 2. Claim: CLAIMS cards, each in its own channel (Slack paces one post per second per channel),
 *    clicked one after another → time from the signed click to Slack receiving the card's update.
 */
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/client.js';
import { sendLead } from '../test/harness/lead-webhook.js';
import { SlackDriver } from '../test/harness/slack-driver.js';
import { SIGNING_SECRET, TEAM_ID } from '../test/harness/test-app.js';
import { startBenchApp } from './bench-app.js';

const INTAKE_LEADS = Number(process.env.INTAKE_LEADS ?? 3000);
const CONCURRENCY = 32;
const CLAIMS = Number(process.env.CLAIMS ?? 200);

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
const summary = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return `p50 ${pct(s, 0.5).toFixed(1)} ms, p95 ${pct(s, 0.95).toFixed(1)} ms, p99 ${pct(s, 0.99).toFixed(1)} ms`;
};

const url = process.env.BENCH_DATABASE_URL;
const database = await openDatabase(url ? { url } : {});
await database.migrate();
// Start from an empty database so runs compare.
await database.db.execute(
  sql`truncate leads, lead_events, lead_contexts, outbox, channel_pacing, routing_state, jobs, slack_event_receipts, members, workspaces restart identity cascade`,
);
// The outbox would pace cards in the background; intake is measured on its own.
const { baton, slack, baseUrl, stop } = await startBenchApp(database, { jobTick: null });

try {
  console.log(`database: ${database.kind}; node ${process.version}`);

  // 1. Intake at concurrency 32.
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < INTAKE_LEADS) {
        const i = next++;
        const t0 = performance.now();
        const res = await sendLead(baseUrl, {
          external_id: `bench-${i}`,
          source: 'website',
          email: `lead${i}@company${i % 500}.example`,
          name: `Lead ${i}`,
          company: `Company ${i % 500}`,
          company_size: (i * 37) % 400,
          form: i % 3 === 0 ? 'contact' : 'demo_request',
          utm_source: 'bench',
        });
        if (res.status !== 202) throw new Error(`lead ${i}: ${res.status} ${JSON.stringify(res.json)}`);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const [{ n } = { n: 0 }] = await database.rows<{ n: number }>(sql`select count(*)::int as n from leads`);
  console.log(
    `intake: ${n} leads committed in ${seconds.toFixed(2)} s at concurrency ${CONCURRENCY} = ${(n / seconds).toFixed(0)} leads/s; ` +
      `per request ${summary(latencies)}`,
  );

  // 2. Claim click → card update, each card in its own channel.
  await database.db.execute(sql`delete from outbox`);
  const leads = await database.rows<{ id: number }>(
    sql`select id from leads where routed and segment = 'smb' order by id limit ${CLAIMS}`,
  );
  for (const [i, lead] of leads.entries()) {
    const channel = `C0BENCH${i}`;
    const card = slack.addMessage(channel, { text: 'card', user: 'U0BATONBOT' });
    await database.db.execute(
      sql`update leads set card_channel = ${channel}, card_ts = ${card.ts as string} where id = ${lead.id}`,
    );
  }
  const driver = new SlackDriver({ baseUrl, signingSecret: SIGNING_SECRET, teamId: TEAM_ID, slack });
  baton.outbox.start(); // as in production: the claim wakes it, the one-second tick covers paced writes
  const claimMs: number[] = [];
  for (const [i, lead] of leads.entries()) {
    const t0 = performance.now();
    await driver.blockActions({
      userId: 'U0SDR0001',
      channelId: `C0BENCH${i}`,
      actions: [{ action_id: 'lead_claim', block_id: `lead_actions:${lead.id}`, value: String(lead.id) }],
    });
    await slack.waitForCall('chat.update', (c) => c.args.channel === `C0BENCH${i}`, { timeoutMs: 10_000 });
    claimMs.push(performance.now() - t0);
  }
  console.log(`claim click → card updated in Slack: ${claimMs.length} claims, ${summary(claimMs)}`);
} finally {
  await stop();
  await database.close();
}
