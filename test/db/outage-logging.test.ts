/**
 * While the database is away, the job runner's and the outbox sender's timers fail on every
 * tick: each logs the first failure and, once the database is back, one line saying so — not a
 * line per tick for the length of the outage — and neither timer stops.
 */
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import type { Database, Db } from '../../src/db/client.js';
import { JobRunner } from '../../src/jobs/runner.js';
import { createLogger } from '../../src/observability/logger.js';
import { createBatonMetrics } from '../../src/observability/metrics.js';
import { createOutboxClient, OutboxSender } from '../../src/slack/outbox/sender.js';
import { openTestDatabase } from '../harness/database.js';
import { FakeClock } from '../harness/fake-clock.js';

let real: Database;
let up = true;
// What a pooled driver does while the server is down: every query is refused.
const refused = new Proxy({} as Db, {
  get() {
    throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
  },
});

beforeAll(async () => {
  real = await openTestDatabase();
});
afterAll(async () => {
  await real?.close();
});
afterEach(() => {
  vi.useRealTimers();
});

it('logs a database outage once per timer, and its end once, while the timers keep ticking', async () => {
  const lines: { msg: string; failures?: number }[] = [];
  const logger = createLogger('info', {}, (line) => lines.push(JSON.parse(line)));
  const database: Database = {
    ...real,
    get db() {
      return up ? real.db : refused;
    },
  };
  const clock = new FakeClock('2026-11-23T01:00:00Z');
  const metrics = createBatonMetrics();
  const jobs = new JobRunner({ database, clock, logger, metrics, handlers: {} });
  const outbox = new OutboxSender({
    database,
    clock,
    logger,
    metrics,
    client: createOutboxClient({ token: 'xoxb-outage', apiUrl: 'http://127.0.0.1:9/api/', logger, metrics }),
  });
  // Only the timers the wake-up ticks use: the database driver keeps its own.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  jobs.start(1_000);
  outbox.start();
  const count = (msg: string) => lines.filter((l) => l.msg === msg).length;
  try {
    up = false;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(count('job tick failed')).toBe(1);
    expect(count('outbox pass failed')).toBe(1);

    up = true;
    await vi.advanceTimersByTimeAsync(2_000);
    vi.useRealTimers();
    await vi.waitFor(() => {
      expect(lines.find((l) => l.msg === 'job ticks work again')?.failures).toBeGreaterThanOrEqual(9);
      expect(lines.find((l) => l.msg === 'outbox passes work again')?.failures).toBeGreaterThanOrEqual(9);
    });

    // A second outage is reported again.
    up = false;
    outbox.wake();
    await vi.waitFor(() => expect(count('outbox pass failed')).toBe(2));
  } finally {
    up = true;
    await jobs.stop();
    await outbox.stop();
  }
});
