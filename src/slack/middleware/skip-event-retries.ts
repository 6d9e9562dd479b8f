import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { AppContext } from '../../context.js';
import { recordEventReceipt } from '../../db/queries/event-receipts.js';

/**
 * Slack redelivers an event it thinks was not acknowledged. Each event id is recorded once in the
 * database (shared by every Baton process), and later deliveries stop here.
 */
export const skipEventRetries =
  (ctx: AppContext): Middleware<AnyMiddlewareArgs> =>
  async ({ body, context, next }) => {
    const envelope = body as { type?: string; event_id?: string; team_id?: string };
    if (envelope.type !== 'event_callback' || !envelope.event_id) return next();
    const teamId = context.teamId ?? envelope.team_id ?? 'unknown';
    const fresh = await recordEventReceipt(ctx.database.db, teamId, envelope.event_id, ctx.clock.now());
    if (fresh) return next();
    ctx.metrics.slackDuplicate();
    ctx.logger.info('skipped a repeated event delivery', { event_id: envelope.event_id, team_id: teamId });
  };
