import type { AppContext } from '../context.js';
import { pruneEventReceipts } from '../db/queries/event-receipts.js';
import { scheduleJob } from '../db/queries/jobs.js';
import type { JobHandler } from './runner.js';

export const PRUNE_EVENT_RECEIPTS = 'maintenance.prune_event_receipts';
// Slack gives up retrying an event within the hour; two days leaves room for clock trouble.
const KEEP_RECEIPTS_MS = 2 * 24 * 3_600_000;
const DAY_MS = 24 * 3_600_000;

/** Schedules the day's housekeeping for a workspace; the dedupe key makes it once per UTC day. */
export async function scheduleMaintenance(ctx: AppContext, teamId: string, runAt: Date): Promise<void> {
  const dedupeKey = `${PRUNE_EVENT_RECEIPTS}:${runAt.toISOString().slice(0, 10)}`;
  await scheduleJob(
    ctx.database.db,
    { teamId, kind: PRUNE_EVENT_RECEIPTS, runAt, dedupeKey },
    ctx.clock.now(),
  );
}

export const maintenanceHandlers = (ctx: AppContext): Record<string, JobHandler> => ({
  [PRUNE_EVENT_RECEIPTS]: async (job) => {
    const now = ctx.clock.now();
    const removed = await pruneEventReceipts(
      ctx.database.db,
      job.teamId,
      new Date(now.getTime() - KEEP_RECEIPTS_MS),
    );
    ctx.logger.info('pruned Slack event receipts', { team_id: job.teamId, removed });
    // Each run books the next one, so the chain lives in the database, not in a timer; after a
    // long downtime this run has caught up, so the next is a day from now, not a burst of runs.
    const due = job.runAt.getTime() + DAY_MS;
    await scheduleMaintenance(ctx, job.teamId, new Date(due > now.getTime() ? due : now.getTime() + DAY_MS));
  },
});
