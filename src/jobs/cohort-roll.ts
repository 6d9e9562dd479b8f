import type { AppContext } from '../context.js';
import { scheduleJob } from '../db/queries/jobs.js';
import { scheduleContinuation } from './continuation.js';
import { rollCohort } from './funnel-rollup.js';
import type { JobHandler } from './runner.js';

/**
 * The cohort rollup, hourly (issue 16). A cohort report looks up every lead moved or handed over
 * since the rollup last counted: a day of them cost a year's report by owner ~120 ms at a million
 * leads, an hour of them a few. The daily housekeeping run counts it too.
 */
export const COHORT_ROLL_JOB = 'funnel.roll_cohort';
const HOUR_MS = 3_600_000;

/**
 * Books the team's next hourly roll at the top of the hour after `now`. The dedupe key names the
 * hour, so every process's start and every run book the same one.
 */
export async function scheduleCohortRoll(ctx: AppContext, teamId: string, now: Date): Promise<void> {
  const runAt = new Date((Math.floor(now.getTime() / HOUR_MS) + 1) * HOUR_MS);
  const dedupeKey = `${COHORT_ROLL_JOB}:${runAt.toISOString().slice(0, 13)}`;
  await scheduleJob(ctx.database.db, { teamId, kind: COHORT_ROLL_JOB, runAt, dedupeKey }, ctx.clock.now());
}

/** How much a run does before it hands over to a continuation (tests make it small). */
export interface CohortRollOptions {
  budgetMs?: number;
  changesPerStep?: number;
}

export const cohortRollHandlers = (
  ctx: AppContext,
  options: CohortRollOptions = {},
): Record<string, JobHandler> => ({
  [COHORT_ROLL_JOB]: async (job) => {
    const now = ctx.clock.now();
    const rolled = await rollCohort(
      ctx.database,
      job.teamId,
      options.budgetMs,
      undefined,
      options.changesPerStep,
    );
    // A first count over years of history goes on a minute later, as the housekeeping run's does.
    if (!rolled.done) return scheduleContinuation(ctx, job.teamId, COHORT_ROLL_JOB, now);
    // Late after a downtime: the next is the coming hour, not a burst of missed ones.
    await scheduleCohortRoll(ctx, job.teamId, now);
  },
});
