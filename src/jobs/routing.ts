import type { AppContext } from '../context.js';
import { type AcceptTimeoutPayload, ROUTING_JOBS } from '../services/router.js';
import type { JobHandler } from './runner.js';

/**
 * Routing's durable jobs (scheduled by services/router.ts in the transaction that needs them):
 * an offer's accept timeout, a held lead's retry and claim mode's auto-assign. Each checks the
 * lead as it is now and does nothing when it has moved on, so a re-run is harmless.
 */
export const routingHandlers = (ctx: AppContext): Record<string, JobHandler> => {
  const { routing } = ctx.services;
  const done = () => ctx.outbox.wake();
  return {
    [ROUTING_JOBS.acceptTimeout]: async (job) => {
      await routing.acceptTimeout(
        job.teamId,
        job.payload as unknown as AcceptTimeoutPayload,
        ctx.clock.now(),
      );
      done();
    },
    [ROUTING_JOBS.retry]: async (job) => {
      const { leadId, afterMinutes } = job.payload as { leadId: number; afterMinutes?: number };
      await routing.retry(job.teamId, Number(leadId), afterMinutes, ctx.clock.now());
      done();
    },
    [ROUTING_JOBS.autoAssign]: async (job) => {
      const { leadId, afterMinutes } = job.payload as { leadId: number; afterMinutes: number };
      await routing.autoAssign(job.teamId, Number(leadId), Number(afterMinutes), ctx.clock.now());
      done();
    },
  };
};
