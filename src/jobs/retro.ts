import type { WeeklyTime, WorkspaceConfig } from '../config/workspace-schema.js';
import type { AppContext } from '../context.js';
import { deletePendingJobs, scheduleJob } from '../db/queries/jobs.js';
import {
  monthlyMoment,
  nextMonthlyMoment,
  nextWeeklyMoment,
  weeklyMoment,
} from '../domain/retro-calendar.js';
import {
  monthlyJobDeadline,
  nextChainMonth,
  nextChainWeek,
  type WeeklyJob,
  weeklyJobDeadline,
} from '../domain/retro-schedule.js';
import { RETRO_CHART_JOB } from '../services/retro.js';
import { runRetroChart } from './retro-chart.js';
import type { JobHandler } from './runner.js';

export const RETRO_OPEN_JOB = 'retro.open';
export const RETRO_NUDGE_JOB = 'retro.nudge';
export const RETRO_CLOSE_JOB = 'retro.close';
export const RETRO_MONTHLY_JOB = 'retro.monthly';

const WEEKLY_KINDS: Record<WeeklyJob, string> = {
  open: RETRO_OPEN_JOB,
  nudge: RETRO_NUDGE_JOB,
  close: RETRO_CLOSE_JOB,
};

const momentOf = (config: WorkspaceConfig, job: WeeklyJob): WeeklyTime => config.retro[job];

/** Books a weekly job of `weekKey` at its configured moment; booking it twice is a no-op. */
async function bookWeekly(
  ctx: AppContext,
  config: WorkspaceConfig,
  teamId: string,
  job: WeeklyJob,
  weekKey: string,
): Promise<void> {
  const kind = WEEKLY_KINDS[job];
  await scheduleJob(
    ctx.database.db,
    {
      teamId,
      kind,
      runAt: weeklyMoment(weekKey, momentOf(config, job), config.calendar.timeZone),
      payload: { weekKey },
      dedupeKey: `${kind}:${weekKey}`,
    },
    ctx.clock.now(),
  );
}

async function bookMonthly(
  ctx: AppContext,
  config: WorkspaceConfig,
  teamId: string,
  monthKey: string,
): Promise<void> {
  await scheduleJob(
    ctx.database.db,
    {
      teamId,
      kind: RETRO_MONTHLY_JOB,
      runAt: monthlyMoment(monthKey, config.retro.monthlyReview, config.calendar.timeZone),
      payload: { monthKey },
      dedupeKey: `${RETRO_MONTHLY_JOB}:${monthKey}`,
    },
    ctx.clock.now(),
  );
}

/** The retro runs when it is on and has a channel (a workspace still being set up has none). */
const retroOn = (config: WorkspaceConfig) => config.retro.enabled && config.channels.retro !== '';

/**
 * After a config change moved the retro's times (or turned it off): the pending retro jobs not yet
 * due are dropped and the next ones booked from the new settings.
 */
export async function rebookRetro(ctx: AppContext, teamId: string, now: Date): Promise<void> {
  await deletePendingJobs(ctx.database.db, teamId, [...Object.values(WEEKLY_KINDS), RETRO_MONTHLY_JOB], now);
  await scheduleRetro(ctx, teamId, now);
}

/**
 * Books the next open, nudge, close and monthly review still ahead (docs/retro.md, "Schedule").
 * Called at every start; each job then books its successor, so the chain lives in the database.
 */
export async function scheduleRetro(ctx: AppContext, teamId: string, now: Date): Promise<void> {
  const config = ctx.configs.for(teamId);
  const { retro, calendar } = config;
  if (retroOn(config))
    for (const job of Object.keys(WEEKLY_KINDS) as WeeklyJob[])
      await bookWeekly(
        ctx,
        config,
        teamId,
        job,
        nextWeeklyMoment(now, momentOf(config, job), calendar.timeZone).weekKey,
      );
  // The review is part of the retro: turning the retro off turns it off too.
  if (retroOn(config) && retro.monthlyReview.enabled)
    await bookMonthly(
      ctx,
      config,
      teamId,
      nextMonthlyMoment(now, retro.monthlyReview, calendar.timeZone).monthKey,
    );
}

/**
 * A weekly job: does its work if it is still in time (a late run after a downtime still counts
 * within the week), then books next week's. With the retro turned off it does nothing and the
 * chain stops; the next start books it again once it is back on.
 */
function weeklyHandler(
  ctx: AppContext,
  job: WeeklyJob,
  work: (teamId: string, weekKey: string, now: Date) => Promise<void>,
): JobHandler {
  return async (row) => {
    const config = ctx.configs.for(row.teamId);
    if (!retroOn(config)) return;
    const weekKey = String(row.payload.weekKey);
    const now = ctx.clock.now();
    const { timeZone } = config.calendar;
    const log = ctx.logger.child({ team_id: row.teamId, week: weekKey, job });
    if (now < weeklyJobDeadline(job, weekKey, config.retro.close, timeZone)) {
      await work(row.teamId, weekKey, now);
      ctx.outbox.wake();
    } else {
      log.info('retro job ran too late for its week; skipped');
    }
    await bookWeekly(ctx, config, row.teamId, job, nextChainWeek(weekKey, now, timeZone));
  };
}

export const retroHandlers = (ctx: AppContext): Record<string, JobHandler> => {
  const retro = ctx.services.retro;
  const log = (teamId: string, message: string, fields: Record<string, unknown>) =>
    ctx.logger.info(message, { team_id: teamId, ...fields });
  return {
    [RETRO_OPEN_JOB]: weeklyHandler(ctx, 'open', async (teamId, weekKey, now) => {
      const outcome = await retro.open(teamId, weekKey, now);
      log(teamId, outcome.opened ? 'weekly retro opened' : 'weekly retro was open already', {
        week: weekKey,
      });
    }),
    [RETRO_NUDGE_JOB]: weeklyHandler(ctx, 'nudge', async (teamId, weekKey, now) => {
      const nudged = await retro.nudge(teamId, weekKey, now);
      log(teamId, 'weekly retro nudges queued', { week: weekKey, nudged: nudged.length });
    }),
    [RETRO_CLOSE_JOB]: weeklyHandler(ctx, 'close', async (teamId, weekKey, now) => {
      const closed = await retro.close(teamId, weekKey, now);
      log(teamId, closed ? 'weekly retro closed' : 'no open weekly retro to close', { week: weekKey });
    }),
    [RETRO_MONTHLY_JOB]: async (row) => {
      const config = ctx.configs.for(row.teamId);
      const review = config.retro.monthlyReview;
      if (!retroOn(config) || !review.enabled) return;
      const monthKey = String(row.payload.monthKey);
      const now = ctx.clock.now();
      const { timeZone } = config.calendar;
      if (now < monthlyJobDeadline(monthKey, timeZone)) {
        const outcome = await retro.openMonthly(row.teamId, monthKey, now);
        log(row.teamId, outcome.opened ? 'playbook review opened' : 'playbook review was open already', {
          month: monthKey,
        });
        ctx.outbox.wake();
      }
      await bookMonthly(ctx, config, row.teamId, nextChainMonth(monthKey, now, timeZone));
    },
    [RETRO_CHART_JOB]: (row) => runRetroChart(ctx, row),
  };
};
