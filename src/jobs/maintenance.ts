import type { AppContext } from '../context.js';
import { scheduleJob } from '../db/queries/jobs.js';
import {
  applyRetention,
  RETENTION_ORDER,
  type RetentionCursor,
  type RetentionOptions,
} from '../db/queries/retention.js';
import { FunnelService } from '../services/funnel.js';
import { scheduleContinuation } from './continuation.js';
import { rollCohort, rollFunnel, rollSpeed, rollStays } from './funnel-rollup.js';
import type { JobHandler } from './runner.js';

/**
 * The daily retention run. The kind keeps the name it had when it only pruned event receipts, so
 * runs booked by an older version still find their handler.
 */
export const RETENTION_JOB = 'maintenance.prune_event_receipts';
const DAY_MS = 24 * 3_600_000;
// A run shares the job runner with SLA steps and cadence reminders: it stops after this long and
// books a continuation, so a first run over years of history never holds them up for long.
const RUN_BUDGET_MS = 10_000;

/** Schedules the day's housekeeping for a workspace; the dedupe key makes it once per UTC day. */
export async function scheduleMaintenance(ctx: AppContext, teamId: string, runAt: Date): Promise<void> {
  const dedupeKey = `${RETENTION_JOB}:${runAt.toISOString().slice(0, 10)}`;
  await scheduleJob(ctx.database.db, { teamId, kind: RETENTION_JOB, runAt, dedupeKey }, ctx.clock.now());
}

/** Where the run this continuation finishes stopped (absent on a daily run, or a malformed payload). */
function resumeFrom(payload: Record<string, unknown>): RetentionCursor | undefined {
  const resume = payload.resume as Partial<RetentionCursor> | undefined;
  if (!resume || typeof resume.after !== 'number') return undefined;
  if (!resume.table || !RETENTION_ORDER.includes(resume.table)) return undefined;
  return { table: resume.table, after: resume.after };
}

export const maintenanceHandlers = (
  ctx: AppContext,
  options: RetentionOptions = {},
): Record<string, JobHandler> => ({
  [RETENTION_JOB]: async (job) => {
    const now = ctx.clock.now();
    const ages = ctx.configs.for(job.teamId).retention;
    const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
    const removed = await applyRetention(
      ctx.database,
      job.teamId,
      {
        jobs: daysAgo(ages.jobsDays),
        outbox: daysAgo(ages.outboxDays),
        eventReceipts: daysAgo(ages.eventReceiptsDays),
        crm: daysAgo(ages.crmDays),
      },
      { budgetMs: RUN_BUDGET_MS, from: resumeFrom(job.payload), ...options },
    );
    ctx.logger.info('retention: old rows deleted', {
      team_id: job.teamId,
      jobs: removed.jobs,
      outbox: removed.outbox,
      event_receipts: removed.eventReceipts,
      webhook_deliveries: removed.webhookDeliveries,
      hubspot_tasks: removed.hubspotTasks,
      hubspot_writes: removed.hubspotWrites,
      event_relay: removed.eventRelay,
      batches: removed.batches,
      complete: removed.complete,
    });
    // The funnel's precomputation: the days that closed into flow's, days in stage's and speed to lead's rollups,
    // the stage changes since the last run into cohort's,
    // and the hour's stay history stored ahead of the day's first report (issue 16).
    const rolled = await rollFunnel(ctx.database, job.teamId, now);
    const stays = await rollStays(ctx.database, job.teamId, now);
    const speed = await rollSpeed(ctx.database, job.teamId, now);
    const cohort = await rollCohort(ctx.database, job.teamId);
    await new FunnelService(ctx.database, ctx.configs).prepareHistory(job.teamId, now);
    ctx.logger.info('funnel: rollup up to date', {
      team_id: job.teamId,
      moves_until: rolled.movesUntil?.toISOString() ?? null,
      stays_until: stays.staysUntil?.toISOString() ?? null,
      speed_until: speed.speedUntil?.toISOString() ?? null,
      cohort_changes_until: cohort.changesUntil,
      complete: rolled.done && stays.done && speed.done && cohort.done,
    });
    // Either left work (a first rollup over years of history goes a month per step): go on in a minute.
    if (!removed.complete || !rolled.done || !stays.done || !speed.done || !cohort.done)
      // Where this run stopped, so the continuation does not walk the same rows again.
      await scheduleContinuation(
        ctx,
        job.teamId,
        RETENTION_JOB,
        now,
        removed.resume ? { resume: { ...removed.resume } } : {},
      );
    // A continuation only finishes the day's work; the daily run books the next day.
    if (job.payload.continuation === true) return;
    // Each run books the next one, so the chain lives in the database, not in a timer; after a
    // long downtime this run has caught up, so the next is a day from now, not a burst of runs.
    const due = job.runAt.getTime() + DAY_MS;
    await scheduleMaintenance(ctx, job.teamId, new Date(due > now.getTime() ? due : now.getTime() + DAY_MS));
  },
});
