import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findJob } from '../../src/db/queries/jobs.js';
import { maintenanceHandlers, RETENTION_JOB } from '../../src/jobs/maintenance.js';
import { startTestApp, TEAM_ID, TEAM_YAML, type TestApp } from '../harness/test-app.js';

let t: TestApp;
beforeAll(async () => {
  // The retro's own jobs would fall due in the days this test skips; only housekeeping is counted here.
  // Ages other than the defaults (30, 30, 7), so the test shows the job reads them from the config.
  t = await startTestApp({
    configYaml: `${TEAM_YAML}retro:\n  enabled: false\nretention:\n  jobs_days: 2\n  outbox_days: 3\n  event_receipts_days: 3\n  crm_days: 3\n`,
  });
});
afterAll(async () => {
  await t?.stop();
});

const DAY = 24 * 3_600_000;
const receipts = () =>
  t.database.rows<{ event_id: string }>(sql`select event_id from slack_event_receipts order by event_id`);
const retentionJobs = () =>
  t.database.rows<{ status: string; run_at: Date; dedupe_key: string }>(
    sql`select status, run_at, dedupe_key from jobs where kind = ${RETENTION_JOB} order by run_at`,
  );
const sentWrite = async (key: string, sentAt: Date) => {
  await t.database.rows(sql`
    insert into outbox (team_id, method, channel, args, purpose, dedupe_key, status, next_attempt_at, sent_at, created_at)
    values (${TEAM_ID}, 'chat.postMessage', 'C0LEADS', '{}'::jsonb, 'lead_thread', ${key}, 'sent',
      ${sentAt.toISOString()}::timestamptz, ${sentAt.toISOString()}::timestamptz, ${sentAt.toISOString()}::timestamptz)
    returning id`);
};
const deliveredHook = (eventId: string, at: Date) =>
  t.database.rows(sql`
    insert into webhook_deliveries (team_id, endpoint, event_id, event_type, body, status, next_attempt_at,
      give_up_at, created_at, delivered_at)
    values (${TEAM_ID}, 'crm', ${eventId}, 'lead.created', '{}', 'delivered', ${at.toISOString()}::timestamptz,
      ${at.toISOString()}::timestamptz, ${at.toISOString()}::timestamptz, ${at.toISOString()}::timestamptz)`);
const deliveryIds = async () =>
  (await t.database.rows<{ event_id: string }>(sql`select event_id from webhook_deliveries order by id`)).map(
    (r) => r.event_id,
  );
const outboxKeys = async () =>
  (await t.database.rows<{ dedupe_key: string }>(sql`select dedupe_key from outbox order by dedupe_key`)).map(
    (r) => r.dedupe_key,
  );

describe('daily housekeeping', () => {
  it('deletes rows older than the configured ages and books the next run', async () => {
    // Start-up booked today's run (the fake clock reads 2026-11-23T01:00Z).
    expect((await retentionJobs()).map((j) => [j.status, j.dedupe_key])).toEqual([
      ['pending', `${RETENTION_JOB}:2026-11-23`],
    ]);

    await t.driver.event({ type: 'app_home_opened', user: 'U0SDR0001', tab: 'home' }, { eventId: 'Ev0OLD' });
    await t.slack.waitForCall('views.publish', { user_id: 'U0SDR0001' });
    t.clock.advance(4 * DAY);
    await t.driver.event({ type: 'app_home_opened', user: 'U0AE00001', tab: 'home' }, { eventId: 'Ev0NEW' });
    await t.slack.waitForCall('views.publish', { user_id: 'U0AE00001' });
    expect((await receipts()).map((r) => r.event_id)).toEqual(['Ev0NEW', 'Ev0OLD']);
    const now = t.clock.now().getTime();
    await sentWrite('sent-4d-ago', new Date(now - 4 * DAY));
    await sentWrite('sent-2d-ago', new Date(now - 2 * DAY));
    await deliveredHook('hook-4d-ago', new Date(now - 4 * DAY));
    await deliveredHook('hook-2d-ago', new Date(now - 2 * DAY));

    // The day's run and the hourly cohort roll (jobs/cohort-roll.ts), late by as much.
    expect(await t.baton.jobs.runDue()).toBe(2);
    // event_receipts_days: 3 and outbox_days: 3 (the defaults, 7 and 30, would have kept both).
    expect((await receipts()).map((r) => r.event_id)).toEqual(['Ev0NEW']);
    expect(await outboxKeys()).toEqual(['sent-2d-ago']);
    // crm_days: 3 (the default, 30, would have kept both).
    expect(await deliveryIds()).toEqual(['hook-2d-ago']);

    // The run was four days late, so the next one is a day from now rather than a catch-up burst.
    let jobs = await retentionJobs();
    expect(jobs.map((j) => j.status)).toEqual(['done', 'pending']);
    expect(new Date(jobs[1]!.run_at).toISOString()).toBe('2026-11-28T01:00:00.000Z');
    expect(jobs[1]!.dedupe_key).toBe(`${RETENTION_JOB}:2026-11-28`);
    expect(await t.baton.jobs.runDue()).toBe(0);

    // The chain goes on day after day; a run finished more than jobs_days (2) ago is deleted.
    // (Each day also runs one cohort roll: a late hourly job books the coming hour, not the missed ones.)
    t.clock.advance(DAY);
    expect(await t.baton.jobs.runDue()).toBe(2);
    expect((await retentionJobs()).map((j) => j.status)).toEqual(['done', 'done', 'pending']);
    t.clock.advance(DAY);
    expect(await t.baton.jobs.runDue()).toBe(2);
    t.clock.advance(DAY);
    expect(await t.baton.jobs.runDue()).toBe(2);
    jobs = await retentionJobs();
    expect(jobs.map((j) => [j.status, j.dedupe_key])).toEqual([
      // The first run (finished 11-27, three days ago) is gone; the one finished exactly two days
      // ago is not older than jobs_days yet.
      ['done', `${RETENTION_JOB}:2026-11-28`],
      ['done', `${RETENTION_JOB}:2026-11-29`],
      ['done', `${RETENTION_JOB}:2026-11-30`],
      ['pending', `${RETENTION_JOB}:2026-12-01`],
    ]);
  });

  it('records receipts under the workspace they came from', async () => {
    const teams = await t.database.rows<{ team_id: string }>(
      sql`select distinct team_id from slack_event_receipts`,
    );
    expect(teams).toEqual([{ team_id: TEAM_ID }]);
  });

  it('a run out of time books a continuation a minute later, which finishes without booking another day', async () => {
    const now = t.clock.now();
    await t.database.rows(sql`
      insert into jobs (team_id, kind, dedupe_key, run_at, status, finished_at, created_at, updated_at)
      values (${TEAM_ID}, 'test', 'finished-10d-ago', ${now.toISOString()}::timestamptz, 'done',
        ${new Date(now.getTime() - 10 * DAY).toISOString()}::timestamptz, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz)
      returning id`);
    const [daily] = (await retentionJobs()).filter((j) => j.status === 'pending');
    const [row] = await t.database.rows<{ id: number }>(
      sql`select id from jobs where dedupe_key = ${daily!.dedupe_key}`,
    );
    const job = (await findJob(t.database.db, Number(row!.id)))!;

    // No time at all: nothing is deleted and the rest is left to a continuation.
    await maintenanceHandlers(t.baton.context, { budgetMs: 0 })[RETENTION_JOB]!({
      ...job,
      payload: { continuation: true },
    });
    const continuation = await t.database.rows<{ run_at: Date; payload: { continuation: boolean } }>(
      sql`select run_at, payload from jobs where kind = ${RETENTION_JOB} and dedupe_key like '%:continue:%'`,
    );
    expect(continuation).toHaveLength(1);
    expect(new Date(continuation[0]!.run_at).getTime()).toBe(now.getTime() + 60_000);
    expect(continuation[0]!.payload).toEqual({
      continuation: true,
      resume: { table: 'eventReceipts', after: 0 },
    });
    const jobKeys = async () =>
      (
        await t.database.rows<{ dedupe_key: string }>(sql`select dedupe_key from jobs where kind = 'test'`)
      ).map((r) => r.dedupe_key);
    expect(await jobKeys()).toEqual(['finished-10d-ago']);

    t.clock.advance(61_000);
    expect(await t.baton.jobs.runDue()).toBe(1);
    expect(await jobKeys()).toEqual([]);
    // The daily chain is as it was: one pending run, tomorrow's.
    expect((await retentionJobs()).filter((j) => j.status === 'pending').map((j) => j.dedupe_key)).toEqual([
      daily!.dedupe_key,
    ]);
  });
});
