import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRUNE_EVENT_RECEIPTS } from '../../src/jobs/maintenance.js';
import { startTestApp, TEAM_ID, TEAM_YAML, type TestApp } from '../harness/test-app.js';

let t: TestApp;
beforeAll(async () => {
  // The retro's own jobs would fall due in the days this test skips; only housekeeping is counted here.
  t = await startTestApp({ configYaml: `${TEAM_YAML}retro:\n  enabled: false\n` });
});
afterAll(async () => {
  await t?.stop();
});

const receipts = () =>
  t.database.rows<{ event_id: string }>(sql`select event_id from slack_event_receipts order by event_id`);
const pruneJobs = () =>
  t.database.rows<{ status: string; run_at: Date; dedupe_key: string }>(
    sql`select status, run_at, dedupe_key from jobs where kind = ${PRUNE_EVENT_RECEIPTS} order by run_at`,
  );

describe('daily housekeeping', () => {
  it('prunes event receipts older than two days and books the next run', async () => {
    // Start-up booked today's run (the fake clock reads 2026-11-23T01:00Z).
    expect((await pruneJobs()).map((j) => [j.status, j.dedupe_key])).toEqual([
      ['pending', `${PRUNE_EVENT_RECEIPTS}:2026-11-23`],
    ]);

    await t.driver.event({ type: 'app_home_opened', user: 'U0SDR0001', tab: 'home' }, { eventId: 'Ev0OLD' });
    await t.slack.waitForCall('views.publish', { user_id: 'U0SDR0001' });
    t.clock.advance(3 * 24 * 3_600_000);
    await t.driver.event({ type: 'app_home_opened', user: 'U0AE00001', tab: 'home' }, { eventId: 'Ev0NEW' });
    await t.slack.waitForCall('views.publish', { user_id: 'U0AE00001' });
    expect((await receipts()).map((r) => r.event_id)).toEqual(['Ev0NEW', 'Ev0OLD']);

    expect(await t.baton.jobs.runDue()).toBe(1);
    expect((await receipts()).map((r) => r.event_id)).toEqual(['Ev0NEW']);

    // The run was three days late, so the next one is a day from now rather than a catch-up burst.
    const jobs = await pruneJobs();
    expect(jobs.map((j) => j.status)).toEqual(['done', 'pending']);
    expect(new Date(jobs[1]!.run_at).toISOString()).toBe('2026-11-27T01:00:00.000Z');
    expect(jobs[1]!.dedupe_key).toBe(`${PRUNE_EVENT_RECEIPTS}:2026-11-27`);
    expect(await t.baton.jobs.runDue()).toBe(0);
  });

  it('records receipts under the workspace they came from', async () => {
    const teams = await t.database.rows<{ team_id: string }>(
      sql`select distinct team_id from slack_event_receipts`,
    );
    expect(teams).toEqual([{ team_id: TEAM_ID }]);
  });
});
