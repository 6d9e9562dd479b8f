import type { AppContext } from '../context.js';
import { RECYCLE_REOPEN_JOB, type RecycleReopenPayload } from '../services/stage-moves.js';
import type { JobHandler } from './runner.js';

/**
 * Reopening recycled leads (scheduled by services/stage-moves.ts when a lead is moved to Recycle):
 * one job per lead and revisit day. The service checks the lead is still parked for that day, so a
 * re-run or a lead that moved on meanwhile does nothing.
 */
export const recycleHandlers = (ctx: AppContext): Record<string, JobHandler> => ({
  [RECYCLE_REOPEN_JOB]: async (job) => {
    const p = job.payload as unknown as RecycleReopenPayload;
    const result = await ctx.services.stageMoves.reopen(
      job.teamId,
      {
        leadId: Number(p.leadId),
        revisitOn: String(p.revisitOn),
        parkedBy: p.parkedBy ? String(p.parkedBy) : null,
        parkedAt: String(p.parkedAt ?? job.createdAt.toISOString()),
        reason: p.reason ? String(p.reason) : null,
        note: p.note ? String(p.note) : null,
      },
      ctx.clock.now(),
    );
    if (result.outcome === 'reopened')
      ctx.logger.info('recycled lead reopened', {
        lead_id: p.leadId,
        stage: result.lead.stage,
        notified: result.notified.length,
      });
    ctx.outbox.wake();
  },
});
