/**
 * Webhook fan-out: LEADS lead events (one per lead: intake in claim mode writes `created`) to three
 * endpoints, one answering after 500 ms. In the same run, intake throughput without endpoints and
 * with them (the ratio is what matters on a noisy machine), then each endpoint's delivery lag: from
 * the event's commit to the endpoint receiving it, p50 / p95 / max.
 *
 *   npm run bench:webhooks                      # embedded PGlite
 *   BENCH_DATABASE_URL=postgres://… npm run bench:webhooks
 */
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/client.js';
import { WebhookReceiver } from '../test/e2e/support/webhook-receiver.js';
import { sendLead } from '../test/harness/lead-webhook.js';
import { TEAM_YAML } from '../test/harness/test-app.js';
import { startBenchApp } from './bench-app.js';

const LEADS = Number(process.env.LEADS ?? 1000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 8);
process.env.BENCH_HOOK_SECRET = 'bench-secret-0123456789';

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

const url = process.env.BENCH_DATABASE_URL;
const database = await openDatabase(url ? { url } : {});
await database.migrate();
const empty = () =>
  database.db.execute(
    sql`truncate leads, lead_events, lead_contexts, outbox, channel_pacing, routing_state, jobs, slack_event_receipts,
        members, workspaces, event_relay, webhook_deliveries, webhook_endpoints restart identity cascade`,
  );

async function intake(configYaml: string, round: string) {
  await empty();
  const app = await startBenchApp(database, { yaml: configYaml });
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < LEADS) {
        const i = next++;
        const lead = {
          external_id: `${round}-${i}`,
          source: 'website',
          email: `lead${i}@company${i}.example`,
          name: `Lead ${i}`,
          company: `Company ${i}`,
          company_size: 20,
          form: 'demo_request',
        };
        // A socket reset on a loaded machine is retried: the same external_id is stored once.
        const send = (tries: number): ReturnType<typeof sendLead> =>
          sendLead(app.baseUrl, lead).catch((error) => (tries > 1 ? send(tries - 1) : Promise.reject(error)));
        const res = await send(3);
        if (res.status !== 202) throw new Error(`lead ${i}: ${res.status} ${JSON.stringify(res.json)}`);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { app, perSecond: LEADS / seconds, seconds };
}

const hooks = [await WebhookReceiver.start(), await WebhookReceiver.start(), await WebhookReceiver.start()];
hooks[2]!.slow(500);
const arrivals = hooks.map(() => [] as number[]);
const yamlWith = `${TEAM_YAML}webhooks:\n${hooks
  .map((h, i) => `  - { name: hook${i}, url: "${h.url}/in", events: "*", secret_env: BENCH_HOOK_SECRET }\n`)
  .join('')}`;

try {
  console.log(
    `database: ${database.kind}; node ${process.version}; ${LEADS} leads at concurrency ${CONCURRENCY}`,
  );
  const runs: Array<{ label: string; perSecond: number }> = [];
  for (const label of ['without', 'with', 'without', 'with']) {
    for (const h of hooks) h.reset();
    const { app, perSecond, seconds } = await intake(
      label === 'with' ? yamlWith : TEAM_YAML,
      `${label}${runs.length}`,
    );
    runs.push({ label, perSecond });
    console.log(`intake ${label} endpoints: ${perSecond.toFixed(0)} leads/s (${seconds.toFixed(2)} s)`);
    if (label === 'with') {
      // Lag: event committed (occurred_at) → the endpoint answered; every delivery must arrive.
      const deadline = Date.now() + 300_000;
      while (hooks.some((h) => h.delivered().length < LEADS) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 200));
      hooks.forEach((h, i) => {
        const lags = h.delivered().map((r) => r.at - Date.parse(String(r.json.occurred_at)));
        arrivals[i]!.push(...lags);
        const s = [...lags].sort((a, b) => a - b);
        console.log(
          `  hook${i}${i === 2 ? ' (500 ms)' : ''}: ${h.delivered().length} delivered, ${new Set(h.delivered().map((r) => r.headers['x-baton-delivery'])).size} distinct keys; lag p50 ${pct(s, 0.5)} ms, p95 ${pct(s, 0.95)} ms, max ${s.at(-1)} ms`,
        );
      });
    }
    await app.stop();
  }
  const mean = (label: string) => {
    const xs = runs.filter((r) => r.label === label).map((r) => r.perSecond);
    return xs.reduce((a, b) => a + b, 0) / xs.length;
  };
  console.log(
    `intake with 3 endpoints / without: ${(mean('with') / mean('without')).toFixed(2)} (mean of 2 runs each: ${mean('with').toFixed(0)} vs ${mean('without').toFixed(0)} leads/s)`,
  );
} finally {
  await Promise.all(hooks.map((h) => h.stop()));
  await database.close();
}
