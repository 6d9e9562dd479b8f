/**
 * PostgreSQL goes away under load and comes back, five times in a row, under the compiled Baton
 * process (as `npm start` runs it): intake answers 503 while the server is away (never another
 * 5xx, never a reset connection), /readyz says 503, both recover without a restart, the process
 * never exits, and every lead that got 202 is in the database exactly once.
 *
 * The test starts and stops a PostgreSQL cluster of its own (test/harness/private-postgres.ts), so
 * it needs the PostgreSQL 15 server binaries; it runs in the PostgreSQL pass of CI (*.pg.test.ts).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BatonProcess, launchBaton } from '../harness/baton-process.js';
import { FakeSlack } from '../harness/fake-slack.js';
import { demoLead, sendLead, WEBHOOK_SECRET } from '../harness/lead-webhook.js';
import { PrivatePostgres } from '../harness/private-postgres.js';
import { BOT_TOKEN, SIGNING_SECRET, TEAM_ID, TEAM_USERS } from '../harness/test-app.js';

const CONCURRENCY = 16;
const ROUNDS = ['fast', 'immediate', 'fast', 'immediate', 'fast'] as const;

const CONFIG = `
locale: en
channels:
  leads: C0LEADS
roster:
  - { user: U0SDR0001, roles: [sdr] }
  - { user: U0AE00001, roles: [ae] }
`;

interface Outcome {
  externalId: string;
  /** HTTP status, or 'reset' when the request got no answer at all. */
  status: number | 'reset';
  startedAt: number;
  endedAt: number;
  leadId?: number;
  error?: string;
}

/** Polls until `check` returns a value; fails at once if the process has exited. */
async function waitFor<T>(
  run: BatonProcess,
  what: string,
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (run.child.exitCode !== null || run.child.signalCode !== null) {
      throw new Error(
        `Baton exited (${run.child.exitCode ?? run.child.signalCode}) while waiting for ${what}:\n${run.stderr()}`,
      );
    }
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function readyz(baseUrl: string): Promise<number | 'reset'> {
  return fetch(`${baseUrl}/readyz`).then(
    (r) => r.status,
    () => 'reset' as const,
  );
}

/** Signed leads from CONCURRENCY senders at once until stopped; every answer is recorded. */
function burst(baseUrl: string) {
  const outcomes: Outcome[] = [];
  let next = 0;
  let stopped = false;
  const workers = Array.from({ length: CONCURRENCY }, async () => {
    while (!stopped) {
      const i = next++;
      const externalId = `outage-${i}`;
      const startedAt = performance.now();
      try {
        const res = await sendLead(baseUrl, demoLead('outage', i));
        outcomes.push({
          externalId,
          status: res.status,
          startedAt,
          endedAt: performance.now(),
          ...(typeof res.json.lead_id === 'number' ? { leadId: res.json.lead_id } : {}),
        });
        // A sender told to retry waits a moment; it keeps the outage from becoming a busy loop.
        if (res.status !== 202) await new Promise((r) => setTimeout(r, 10));
      } catch (error) {
        outcomes.push({
          externalId,
          status: 'reset',
          startedAt,
          endedAt: performance.now(),
          error: String(error instanceof Error ? (error.cause ?? error.message) : error),
        });
        await new Promise((r) => setTimeout(r, 10));
      }
    }
  });
  return {
    outcomes,
    async stop() {
      stopped = true;
      await Promise.all(workers);
    },
  };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};

describe('PostgreSQL outages under load', () => {
  let pg: PrivatePostgres;
  let slack: FakeSlack;
  let dir: string;
  let run: BatonProcess;
  let baseUrl: string;

  beforeAll(async () => {
    pg = await PrivatePostgres.create();
    slack = await FakeSlack.start({ teamId: TEAM_ID, users: TEAM_USERS });
    dir = await mkdtemp(join(tmpdir(), 'baton-pg-outage-'));
    await writeFile(join(dir, 'baton.yaml'), CONFIG);
    run = launchBaton(
      {
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        LEAD_WEBHOOK_SECRET: WEBHOOK_SECRET,
        DATABASE_URL: pg.url,
        BATON_CONFIG: 'baton.yaml',
        PORT: '0',
        LOG_LEVEL: 'info',
      },
      dir,
    );
    const port = await waitFor(
      run,
      'Baton is up',
      () => run.logs().find((l) => l.msg === 'Baton is up')?.port as number | undefined,
      30_000,
    );
    baseUrl = `http://127.0.0.1:${port}`;
  }, 60_000);

  afterAll(async () => {
    if (run && run.child.exitCode === null) run.child.kill('SIGKILL');
    await run?.exited;
    await slack?.stop();
    await pg?.destroy();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('answers 503 while the server is away, recovers without a restart, and keeps every 202', async () => {
    const load = burst(baseUrl);
    const rounds: {
      mode: string;
      away503: number[];
      firstAcceptedSentMs: number;
      last503SentMs: number;
      readyBackMs: number;
    }[] = [];
    try {
      for (const [n, mode] of ROUNDS.entries()) {
        const round = `round ${n + 1} (${mode})`;
        // Leads flowing before each stop, so transactions are in flight when the server goes.
        const accepted = load.outcomes.filter((o) => o.status === 202).length;
        await waitFor(run, `leads accepted before the stop in ${round}`, () =>
          load.outcomes.filter((o) => o.status === 202).length >= accepted + 40 ? true : undefined,
        );
        await pg.stop(mode);
        const stoppedAt = performance.now();

        // While the server is away: intake says 503 promptly, and so does /readyz.
        const away = await waitFor(run, `503s while PostgreSQL is away in ${round}`, () => {
          const after = load.outcomes.filter((o) => o.startedAt > stoppedAt);
          return after.length >= 3 * CONCURRENCY ? after : undefined;
        });
        expect(away.map((o) => o.status)).toEqual(away.map(() => 503));
        expect(await readyz(baseUrl)).toBe(503);

        await pg.start();
        const startedAt = performance.now();
        const back = await waitFor(run, `a 202 after PostgreSQL is back in ${round}`, () =>
          load.outcomes.find((o) => o.startedAt > startedAt && o.status === 202),
        );
        await waitFor(run, `/readyz 200 after PostgreSQL is back in ${round}`, async () =>
          (await readyz(baseUrl)) === 200 ? true : undefined,
        );
        const readyBackMs = performance.now() - startedAt;
        // Requests sent after the server was back are stored: no connection stays stuck or waits
        // out a growing reconnect delay. (Time to answer is the load's, not the outage's.)
        const late503 = load.outcomes.filter((o) => o.startedAt > startedAt && o.status !== 202);
        rounds.push({
          mode,
          away503: away.map((o) => o.endedAt - o.startedAt),
          firstAcceptedSentMs: back.startedAt - startedAt,
          last503SentMs: Math.max(0, ...late503.map((o) => o.startedAt - startedAt)),
          readyBackMs,
        });
      }
    } finally {
      await load.stop();
    }

    // Never anything but 202 or 503: no other 5xx, no reset connection, and the process is up.
    const statuses = new Map<string, number>();
    for (const o of load.outcomes) statuses.set(String(o.status), (statuses.get(String(o.status)) ?? 0) + 1);
    expect([...statuses.keys()].sort()).toEqual(['202', '503']);
    expect(run.child.exitCode).toBeNull();
    expect(rounds).toHaveLength(ROUNDS.length);

    // Every 202 is in the database, once, under the id the sender was given.
    const accepted = load.outcomes.filter((o) => o.status === 202);
    const sql = postgres(pg.url, { max: 1, onnotice: () => {} });
    try {
      const rows = await sql<{ id: number; external_id: string }[]>`
        select id, external_id from leads where external_id like 'outage-%'`;
      const byExternal = new Map<string, number[]>();
      for (const r of rows)
        byExternal.set(r.external_id, [...(byExternal.get(r.external_id) ?? []), Number(r.id)]);
      const missing = accepted.filter((o) => !byExternal.has(o.externalId)).map((o) => o.externalId);
      expect(missing).toEqual([]);
      expect([...byExternal.values()].filter((ids) => ids.length > 1)).toEqual([]);
      expect(accepted.filter((o) => byExternal.get(o.externalId)?.[0] !== o.leadId)).toEqual([]);

      const away = rounds.flatMap((r) => r.away503);
      console.info(
        `pg-outage: ${rounds.length} rounds survived (${ROUNDS.join(', ')}); ` +
          `${accepted.length} leads got 202, ${rows.length} rows found, ${statuses.get('503') ?? 0} answers were 503; ` +
          `503 while away: median ${percentile(away, 50).toFixed(1)} ms, p95 ${percentile(away, 95).toFixed(1)} ms, max ${Math.max(...away).toFixed(1)} ms; ` +
          `after the server was back: first request that got 202 sent at +${rounds.map((r) => r.firstAcceptedSentMs.toFixed(0)).join('/')} ms, ` +
          `last one that got 503 sent at +${rounds.map((r) => r.last503SentMs.toFixed(0)).join('/')} ms, ` +
          `/readyz 200 by +${rounds.map((r) => r.readyBackMs.toFixed(0)).join('/')} ms`,
      );
      // No request waited on a timeout while the server was away, and none failed once it was back.
      expect(Math.max(...away)).toBeLessThan(1_000);
      expect(rounds.filter((r) => r.last503SentMs > 100)).toEqual([]);
    } finally {
      await sql.end();
    }

    // And it still stops cleanly.
    run.child.kill('SIGTERM');
    expect((await run.exited).code).toBe(0);
    expect(run.stderr()).toBe('');
  }, 120_000);
});
