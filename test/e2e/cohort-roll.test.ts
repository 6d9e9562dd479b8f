// The cohort rollup's hourly job (issue 16): booked at start-up for the top of the next hour, it
// counts the leads that arrived, moved or changed hands since, consumes the handovers the trigger on
// leads logged, and books the next hour.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findJob } from '../../src/db/queries/jobs.js';
import { COHORT_ROLL_JOB, cohortRollHandlers } from '../../src/jobs/cohort-roll.js';
import { startTestApp, TEAM_ID, TEAM_YAML, type TestApp } from '../harness/test-app.js';
import { claimCard, newCard } from './support/lead-cards.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ configYaml: `${TEAM_YAML}retro:\n  enabled: false\n` });
});
afterAll(async () => {
  await t?.stop();
});

const HOUR = 3_600_000;
const rollJobs = () =>
  t.database.rows<{ status: string; dedupe_key: string }>(
    sql`select status, dedupe_key from jobs where kind = ${COHORT_ROLL_JOB} order by run_at`,
  );

describe('hourly cohort roll', () => {
  it('counts the hour’s arrivals and handovers and books the next hour', async () => {
    // Start-up booked the top of the next hour (the fake clock reads 2026-11-23T01:00Z).
    expect((await rollJobs()).map((j) => [j.status, j.dedupe_key])).toEqual([
      ['pending', `${COHORT_ROLL_JOB}:2026-11-23T02`],
    ]);
    const claimed = await newCard(t, 'claimed@example.com');
    const open = await newCard(t, 'open@example.com');
    await claimCard(t, 'U0SDR0001', claimed.leadId, claimed.cardTs);
    // The claim changed the owner without a stage change: the trigger logged it.
    expect(await t.database.rows(sql`select lead_id::int from lead_key_changes`)).toEqual([
      { lead_id: claimed.leadId },
    ]);

    t.clock.advance(HOUR);
    await t.baton.jobs.runDue();
    const [top] = await t.database.rows<{ top: number }>(
      sql`select max(id)::int as top from stage_changes where team_id = ${TEAM_ID}`,
    );
    expect(
      await t.database.rows(
        sql`select changes_until::int as until from funnel_cohort_rolled where team_id = ${TEAM_ID}`,
      ),
    ).toEqual([{ until: top!.top }]);
    expect(await t.database.rows(sql`select lead_id::int from lead_key_changes`)).toEqual([]);
    // One lead each, per owner ('' for none), both arrived as SQL (a demo request).
    expect(
      await t.database.rows(sql`
        select key, furthest_stage, leads from funnel_daily_cohort_by
        where team_id = ${TEAM_ID} and by = 'owner' and leads <> 0 order by key`),
    ).toEqual([
      { key: '', furthest_stage: 'SQL', leads: 1 },
      { key: 'U0SDR0001', furthest_stage: 'SQL', leads: 1 },
    ]);
    expect(
      await t.database.rows(sql`select lead_id::int, owner_id from funnel_cohort_leads order by lead_id`),
    ).toEqual([
      { lead_id: claimed.leadId, owner_id: 'U0SDR0001' },
      { lead_id: open.leadId, owner_id: '' },
    ]);
    expect((await rollJobs()).map((j) => [j.status, j.dedupe_key])).toEqual([
      ['done', `${COHORT_ROLL_JOB}:2026-11-23T02`],
      ['pending', `${COHORT_ROLL_JOB}:2026-11-23T03`],
    ]);
  });

  it('a run out of time books a continuation a minute later, which finishes and books the next hour', async () => {
    // Three more arrivals to count; the run may count one stage change, then its time is up.
    for (const email of ['a@example.com', 'b@example.com', 'c@example.com']) await newCard(t, email);
    const until = async () =>
      Number(
        (
          await t.database.rows<{ until: number }>(
            sql`select changes_until::int as until from funnel_cohort_rolled where team_id = ${TEAM_ID}`,
          )
        )[0]!.until,
      );
    const before = await until();
    const [pending] = await t.database.rows<{ id: number }>(
      sql`select id from jobs where kind = ${COHORT_ROLL_JOB} and status = 'pending'`,
    );
    const job = (await findJob(t.database.db, Number(pending!.id)))!;
    const now = t.clock.now();
    await cohortRollHandlers(t.baton.context, { budgetMs: 0, changesPerStep: 1 })[COHORT_ROLL_JOB]!(job);
    expect(await until()).toBe(before + 1);
    const continuation = await t.database.rows<{ run_at: Date; payload: unknown }>(
      sql`select run_at, payload from jobs where kind = ${COHORT_ROLL_JOB} and dedupe_key like '%:continue:%'`,
    );
    expect(continuation).toHaveLength(1);
    expect(new Date(continuation[0]!.run_at).getTime()).toBe(now.getTime() + 60_000);
    expect(continuation[0]!.payload).toEqual({ continuation: true });

    t.clock.advance(61_000);
    await t.baton.jobs.runDue();
    const [top] = await t.database.rows<{ top: number }>(
      sql`select max(id)::int as top from stage_changes where team_id = ${TEAM_ID}`,
    );
    expect(await until()).toBe(top!.top);
    // The continuation finished the count and booked the hour after its own run.
    const next = new Date(Math.floor(t.clock.now().getTime() / HOUR + 1) * HOUR);
    expect((await rollJobs()).filter((j) => j.status === 'pending').map((j) => j.dedupe_key)).toEqual([
      `${COHORT_ROLL_JOB}:${next.toISOString().slice(0, 13)}`,
    ]);
  });
});
