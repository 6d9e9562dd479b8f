import type { AppContext } from '../context.js';
import { SLA_STEP_JOB, SlaService, type SlaStepPayload } from '../services/sla.js';
import type { JobHandler } from './runner.js';

/**
 * The escalation ladder's durable job (services/sla.ts): intake books the first step, which books
 * the later ones it carries. The step checks the lead as it is now and records itself, so a re-run
 * does nothing twice.
 */
export const slaHandlers = (ctx: AppContext): Record<string, JobHandler> => {
  const sla = new SlaService(ctx.database, ctx.configs);
  return {
    [SLA_STEP_JOB]: async (job) => {
      const p = job.payload as unknown as SlaStepPayload;
      const result = await sla.runStep(
        job.teamId,
        {
          leadId: Number(p.leadId),
          step: Number(p.step),
          action: p.action,
          dueAt: p.dueAt,
          rest: (p.rest ?? []).map((r) => ({ step: Number(r.step), action: r.action, dueAt: r.dueAt })),
        },
        ctx.clock.now(),
      );
      if (result.outcome === 'done' && result.late)
        ctx.logger.info('SLA step ran late', { lead_id: p.leadId, step: p.step, due_at: p.dueAt });
      ctx.outbox.wake();
    },
  };
};
