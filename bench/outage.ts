/**
 * What a quiet PostgreSQL outage looks like to a lead sender: the app in-process (real HTTP, real
 * signature checks) on a PostgreSQL cluster of the bench's own, which it stops and starts
 * (`pg_ctl stop -m fast`, then `-m immediate`). One request at a time, so the figures are the
 * app's and not a queue's (the burst under load is test/e2e/pg-outage.pg.test.ts).
 *
 *   npm run bench:outage
 *
 * Per stop mode: intake latency with the server up (the baseline), the 503 answer and /readyz
 * while it is away, and how long after `pg_ctl start` returns the first lead is accepted again.
 */
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/db/client.js';
import { createLogger } from '../src/observability/logger.js';
import { sendLead } from '../test/harness/lead-webhook.js';
import { PrivatePostgres } from '../test/harness/private-postgres.js';
import { startBenchApp } from './bench-app.js';
import { line } from './stats.js';

const PROBES = Number(process.env.OUTAGE_PROBES ?? 100);

const pg = await PrivatePostgres.create();
const database = await openDatabase({ url: pg.url });
// Each 503 is logged; the bench measures answers, not log output.
const { baseUrl, stop } = await startBenchApp(database, {
  logger: createLogger('error', {}, () => {}),
});

let n = 0;
async function probe(): Promise<{ status: number; ms: number }> {
  const i = n++;
  const t0 = performance.now();
  const res = await sendLead(baseUrl, {
    external_id: `bench-outage-${i}`,
    source: 'website',
    name: `Lead ${i}`,
    email: `buyer${i}@company${i}.example`,
    company: `Company ${i}`,
    company_size: 20,
  });
  return { status: res.status, ms: performance.now() - t0 };
}

async function readyz(): Promise<{ status: number; ms: number }> {
  const t0 = performance.now();
  const res = await fetch(`${baseUrl}/readyz`);
  await res.arrayBuffer();
  return { status: res.status, ms: performance.now() - t0 };
}

async function sample(
  what: () => Promise<{ status: number; ms: number }>,
  expected: number,
  count: number,
): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < count; i++) {
    const r = await what();
    if (r.status !== expected) throw new Error(`expected ${expected}, got ${r.status}`);
    ms.push(r.ms);
  }
  return ms;
}

try {
  for (const mode of ['fast', 'immediate'] as const) {
    const up = await sample(probe, 202, PROBES);
    await pg.stop(mode);
    const away = await sample(probe, 503, PROBES);
    const readyAway = await sample(readyz, 503, 20);
    await pg.start();
    const started = performance.now();
    let failed = 0;
    for (;;) {
      const r = await probe();
      if (r.status === 202) break;
      failed++;
    }
    const backMs = performance.now() - started;
    console.log(`stop -m ${mode}:`);
    console.log(`  intake, server up (baseline): ${line(up)}`);
    console.log(`  intake 503, server away:      ${line(away)}`);
    console.log(`  /readyz 503, server away:     ${line(readyAway)}`);
    console.log(
      `  first 202 after pg_ctl start returned: ${backMs.toFixed(1)} ms (${failed} refused before it)`,
    );
  }
} finally {
  await stop();
  await database.close();
  await pg.destroy();
}
