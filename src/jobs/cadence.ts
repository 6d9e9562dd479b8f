import type { AppContext } from '../context.js';
import { CADENCE_STEP_JOB, CadenceService, type CadenceStepPayload } from '../services/cadence.js';
import type { JobHandler } from './runner.js';

/**
 * The sales cadence's durable job (scheduled when a lead gets an owner, by services/cadence.ts):
 * one per step and owner, plus one per snooze. The step records itself, so a re-run does nothing twice.
 */
export const cadenceHandlers = (ctx: AppContext): Record<string, JobHandler> => {
  const cadence = new CadenceService(ctx.database, ctx.configs, ctx.services.firstTouch);
  return {
    [CADENCE_STEP_JOB]: async (job) => {
      const p = job.payload as unknown as CadenceStepPayload;
      const result = await cadence.runStep(
        job.teamId,
        {
          leadId: Number(p.leadId),
          owner: String(p.owner),
          step: Number(p.step),
          dueAt: String(p.dueAt ?? job.runAt.toISOString()),
          snoozes: Number(p.snoozes ?? 0),
        },
        ctx.clock.now(),
      );
      if (result.outcome === 'due' && result.late)
        ctx.logger.info('cadence step ran late', { lead_id: p.leadId, step: p.step, due_at: p.dueAt });
      ctx.outbox.wake();
    },
  };
};
