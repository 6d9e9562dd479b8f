import { renderFunnelChart } from '../charts/funnel-chart.js';
import { funnelChartAltText, funnelChartData, funnelChartFilename } from '../charts/funnel-chart-data.js';
import type { AppContext } from '../context.js';
import type { JobRow } from '../db/queries/jobs.js';
import { scheduleJob } from '../db/queries/jobs.js';
import { findWriteByKey } from '../db/queries/outbox.js';
import { claimRetroChart, findRetro } from '../db/queries/retros.js';
import type { FunnelReport } from '../domain/funnel-report.js';
import type { RetroSnapshot } from '../domain/retro-report.js';
import { WEEKLY_PARTS } from '../domain/retro-thread.js';
import { type Catalog, messages } from '../i18n/index.js';
import { RETRO_CHART_JOB, retroChartKey, retroReplyKey } from '../services/retro.js';
import { slackErrorCode, uploadFiles } from '../slack/file-upload.js';

/** How long the chart waits between looks for its parent message, and how many looks it takes. */
const CHART_RETRY_MS = 60_000;
const CHART_MAX_TRIES = 120;
const WEEK_MS = 7 * 86_400_000;
const LAST_PART = WEEKLY_PARTS[WEEKLY_PARTS.length - 1]!;

/** The funnel chart of the reviewed week's cohort, with the goal's per-week figures as markers. */
export function retroChartData(t: Catalog, s: RetroSnapshot) {
  const { reviewed } = s;
  const start = new Date(reviewed.start);
  const period: FunnelReport['period'] = {
    key: reviewed.key,
    start,
    end: new Date(reviewed.end),
    previousStart: new Date(start.getTime() - WEEK_MS),
    previousEnd: start,
    running: false,
    firstDay: reviewed.firstDay,
    lastDay: reviewed.lastDay,
  };
  const goal = Object.fromEntries(
    s.funnel.stages.flatMap((st) => (st.goal === null ? [] : [[st.stage, st.goal] as const])),
  );
  // The chart draws count and conversion only; the report fields it does not read stay empty.
  const stages = s.funnel.stages.map((st) => ({
    ...st,
    previousConversion: null,
    medianDays: null,
    stuck: 0,
    stuckThresholdDays: null,
  }));
  return funnelChartData({ mode: 'cohort', period, stages }, t, s.funnel.goal ? goal : undefined);
}

/**
 * Shares the chart in the retro's thread once the thread's replies are posted (until then it books
 * itself a minute later). The upload is claimed on the retro row first, so it is made at most once: if the
 * process dies mid-upload, or Slack refuses it, the chart is skipped rather than shared twice.
 */
export async function runRetroChart(ctx: AppContext, job: JobRow): Promise<void> {
  const retroId = Number(job.payload.retroId);
  const tries = Number(job.payload.tries ?? 0);
  const now = ctx.clock.now();
  const log = ctx.logger.child({ team_id: job.teamId, retro_id: retroId });
  const retro = await findRetro(ctx.database.db, job.teamId, retroId);
  if (retro?.kind !== 'weekly') return;

  // The chart closes the thread: it waits for the last reply, so processes racing cannot put it
  // between the parent and reply (a).
  const lastReply = await findWriteByKey(ctx.database.db, job.teamId, retroReplyKey(retroId, LAST_PART));
  if (!retro.parentTs || lastReply?.status !== 'sent') {
    if (lastReply?.status === 'dead' || tries + 1 >= CHART_MAX_TRIES) {
      log.warn('retro chart given up: the thread was not posted');
      return;
    }
    await scheduleJob(
      ctx.database.db,
      {
        teamId: job.teamId,
        kind: RETRO_CHART_JOB,
        runAt: new Date(now.getTime() + CHART_RETRY_MS),
        payload: { retroId, tries: tries + 1 },
        dedupeKey: retroChartKey(retroId, tries + 1),
      },
      now,
    );
    return;
  }

  if (!(await claimRetroChart(ctx.database.db, job.teamId, retroId, now))) return;
  const t = messages(ctx.configs.for(job.teamId).locale);
  const snapshot = retro.snapshot as unknown as RetroSnapshot;
  try {
    const data = retroChartData(t, snapshot);
    await uploadFiles(
      ctx.slack,
      {
        channel: retro.channel,
        threadTs: retro.parentTs,
        comment: t.retro.chartComment(t.funnel.dates(snapshot.reviewed.firstDay, snapshot.reviewed.lastDay)),
      },
      [
        {
          filename: funnelChartFilename(snapshot.reviewed.key),
          bytes: renderFunnelChart(data),
          title: data.title,
          altText: funnelChartAltText(data),
        },
      ],
    );
  } catch (error) {
    log.warn('retro chart could not be shared; skipped', { error, code: slackErrorCode(error) });
  }
}
