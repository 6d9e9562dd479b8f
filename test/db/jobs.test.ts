import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { findJob, scheduleJob } from '../../src/db/queries/jobs.js';
import { JobRunner } from '../../src/jobs/runner.js';
import { createLogger } from '../../src/observability/logger.js';
import { createBatonMetrics } from '../../src/observability/metrics.js';
import { openTestDatabase, seedWorkspace } from '../harness/database.js';
import { FakeClock } from '../harness/fake-clock.js';

let database: Database;
const clock = new FakeClock('2026-11-23T01:00:00Z');
const logger = createLogger('error', {}, () => {});
const T = 'T0JOBS';

beforeAll(async () => {
  database = await openTestDatabase();
  await seedWorkspace(database, T, clock.now());
});
afterAll(async () => {
  await database?.close();
});
beforeEach(async () => {
  await database.db.execute(sql`delete from jobs`);
});

function runner(
  handlers: ConstructorParameters<typeof JobRunner>[0]['handlers'],
  metrics = createBatonMetrics(),
) {
  return { jobs: new JobRunner({ database, clock, logger, metrics, handlers }), metrics };
}

describe('durable jobs', () => {
  it('runs due jobs once, oldest first, and leaves future ones', async () => {
    const ran: string[] = [];
    const { jobs } = runner({ note: async (job) => void ran.push(String(job.payload.name)) });
    const now = clock.now().getTime();
    await scheduleJob(
      database.db,
      { teamId: T, kind: 'note', runAt: new Date(now - 1000), payload: { name: 'b' } },
      clock.now(),
    );
    await scheduleJob(
      database.db,
      { teamId: T, kind: 'note', runAt: new Date(now - 5000), payload: { name: 'a' } },
      clock.now(),
    );
    await scheduleJob(
      database.db,
      { teamId: T, kind: 'note', runAt: new Date(now + 60_000), payload: { name: 'c' } },
      clock.now(),
    );
    expect(await jobs.runDue()).toBe(2);
    expect(await jobs.runDue()).toBe(0);
    expect(ran).toEqual(['a', 'b']);
    clock.advanceMinutes(1);
    expect(await jobs.runDue()).toBe(1);
    expect(ran).toEqual(['a', 'b', 'c']);
  });

  it('schedules a dedupe key only once', async () => {
    const job = { teamId: T, kind: 'note', runAt: clock.now(), dedupeKey: 'weekly:2026-W48' };
    const first = await scheduleJob(database.db, job, clock.now());
    expect(first).toBeTypeOf('number');
    expect(await scheduleJob(database.db, job, clock.now())).toBeUndefined();
  });

  it('retries a failing job with backoff, then moves it aside', async () => {
    let calls = 0;
    const { jobs, metrics } = runner({
      flaky: async () => {
        calls++;
        throw new Error('Slack said no');
      },
    });
    const id = (await scheduleJob(
      database.db,
      { teamId: T, kind: 'flaky', runAt: clock.now(), maxAttempts: 3 },
      clock.now(),
    ))!;
    await jobs.runDue();
    let row = await findJob(database.db, id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'Slack said no' });
    expect(row!.runAt.getTime() - clock.now().getTime()).toBe(30_000);
    clock.advance(30_000);
    await jobs.runDue();
    row = await findJob(database.db, id);
    expect(row).toMatchObject({ status: 'pending', attempts: 2 });
    expect(row!.runAt.getTime() - clock.now().getTime()).toBe(60_000);
    clock.advance(60_000);
    await jobs.runDue();
    expect(await findJob(database.db, id)).toMatchObject({ status: 'dead', attempts: 3 });
    expect(calls).toBe(3);
    await metrics.registry.render();
    expect(metrics.registry.value('baton_jobs_dead')).toBe(1);
    expect(metrics.registry.value('baton_jobs_run_total', { kind: 'flaky', outcome: 'dead' })).toBe(1);
    expect(metrics.registry.value('baton_jobs_run_total', { kind: 'flaky', outcome: 'retry' })).toBe(2);
  });

  it('moves aside a job nobody handles', async () => {
    const { jobs } = runner({});
    const id = (await scheduleJob(
      database.db,
      { teamId: T, kind: 'mystery', runAt: clock.now() },
      clock.now(),
    ))!;
    await jobs.runDue();
    expect(await findJob(database.db, id)).toMatchObject({
      status: 'dead',
      lastError: 'no handler for job kind "mystery"',
    });
  });

  it('takes over a job whose process died mid-run once its lock expires', async () => {
    const id = (await scheduleJob(
      database.db,
      { teamId: T, kind: 'note', runAt: clock.now() },
      clock.now(),
    ))!;
    await database.db.execute(
      sql`update jobs set status = 'running', locked_by = 'dead-process', attempts = 1, locked_until = ${new Date(clock.now().getTime() + 60_000).toISOString()}::timestamptz where id = ${id}`,
    );
    const ran: number[] = [];
    const { jobs } = runner({ note: async (job) => void ran.push(job.id) });
    expect(await jobs.runDue()).toBe(0);
    clock.advanceMinutes(2);
    expect(await jobs.runDue()).toBe(1);
    expect(ran).toEqual([id]);
    expect(await findJob(database.db, id)).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('runs each job once when several runners work the same database', async () => {
    const counts = new Map<number, number>();
    const handler = async (job: { id: number }) => {
      counts.set(job.id, (counts.get(job.id) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 1));
    };
    for (let i = 0; i < 60; i++) {
      await scheduleJob(database.db, { teamId: T, kind: 'note', runAt: clock.now() }, clock.now());
    }
    const runners = [1, 2, 3].map(() => runner({ note: handler }).jobs);
    const ran = await Promise.all(runners.map((r) => r.runDue()));
    expect(ran.reduce((a, b) => a + b, 0)).toBe(60);
    expect(counts.size).toBe(60);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });

  it('reports job lag from the oldest due job', async () => {
    const metrics = createBatonMetrics();
    runner({}, metrics);
    await scheduleJob(
      database.db,
      { teamId: T, kind: 'note', runAt: new Date(clock.now().getTime() - 90_000) },
      clock.now(),
    );
    await scheduleJob(
      database.db,
      { teamId: T, kind: 'note', runAt: new Date(clock.now().getTime() - 30_000) },
      clock.now(),
    );
    const text = await metrics.registry.render();
    expect(text).toContain('baton_job_lag_seconds 90');
    expect(text).toContain('baton_jobs_due 2');
  });
});

describe('lead history', () => {
  it('is append-only', async () => {
    const [lead] = await database.rows<{ id: number }>(
      sql`insert into leads (team_id, source, segment, stage) values (${T}, 'web', 'smb', 'MQL') returning id`,
    );
    await database.db.execute(
      sql`insert into lead_events (team_id, lead_id, type, occurred_at) values (${T}, ${lead!.id}, 'created', now())`,
    );
    await expect(database.db.execute(sql`update lead_events set type = 'edited'`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from lead_events`)).rejects.toThrow();
    const rows = await database.rows<{ type: string }>(sql`select type from lead_events`);
    expect(rows).toEqual([{ type: 'created' }]);
  });
});
