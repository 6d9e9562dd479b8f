import type { AppContext } from '../context.js';
import type { Database } from '../db/client.js';
import { rollFlowDays } from '../db/queries/funnel-rollups.js';
import { scheduleJob } from '../db/queries/jobs.js';
import { FunnelService } from '../services/funnel.js';
import type { JobHandler } from './runner.js';

/**
 * The funnel's hourly precomputation (issue 16): counts the days that closed (UTC) into flow's
 * daily rollup and stores the hour's stuck-threshold history, so the first report of the hour,
 * in any process, reads both instead of scanning millions of stage changes.
 */
export const FUNNEL_ROLLUP_JOB = 'funnel.rollup';
const HOUR_MS = 3_600_000;
/** Days counted per transaction: a first run over years of history goes a month at a time. */
const DAYS_PER_STEP = 31;
/** A run shares the job runner with SLA steps: it stops after this long; the next hour goes on. */
const RUN_BUDGET_MS = 10_000;

/** Books the run of the hour after `after` (a minute past it); the dedupe key makes it one per hour. */
export async function scheduleFunnelRollup(ctx: AppContext, teamId: string, after: Date): Promise<void> {
  const runAt = new Date((Math.floor(after.getTime() / HOUR_MS) + 1) * HOUR_MS + 60_000);
  await scheduleJob(
    ctx.database.db,
    { teamId, kind: FUNNEL_ROLLUP_JOB, runAt, dedupeKey: `${FUNNEL_ROLLUP_JOB}:${runAt.toISOString()}` },
    ctx.clock.now(),
  );
}

/** Rolls the team's closed days up to `now`, a month per transaction, within `budgetMs`. */
export async function rollFunnel(
  database: Database,
  teamId: string,
  now: Date,
  budgetMs = RUN_BUDGET_MS,
): Promise<{ movesUntil: Date | null; done: boolean }> {
  const started = performance.now();
  for (;;) {
    const step = await database.db.transaction((tx) => rollFlowDays(tx, teamId, now, DAYS_PER_STEP));
    if (step.done || performance.now() - started > budgetMs) return step;
  }
}

export const funnelRollupHandlers = (ctx: AppContext): Record<string, JobHandler> => ({
  [FUNNEL_ROLLUP_JOB]: async (job) => {
    const now = ctx.clock.now();
    const rolled = await rollFunnel(ctx.database, job.teamId, now);
    await new FunnelService(ctx.database, ctx.configs).prepareHistory(job.teamId, now);
    ctx.logger.info('funnel: rollups up to date', {
      team_id: job.teamId,
      moves_until: rolled.movesUntil?.toISOString() ?? null,
      complete: rolled.done,
    });
    // Each run books the next, so the chain lives in the database; after downtime, the next hour.
    await scheduleFunnelRollup(ctx, job.teamId, now);
  },
});
