import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { requestTeamId } from '../request-config.js';

type Args = SlackEventMiddlewareArgs<'member_joined_channel'> & AllMiddlewareArgs;

/**
 * The bot was invited to (or joined) a channel: the posts parked there go out now, in their
 * original order, and the channel's problem leaves admins' Home. Others joining are not Baton's business.
 */
export const memberJoinedChannel =
  (ctx: AppContext) =>
  async ({ event, body, context }: Args): Promise<void> => {
    if (!context.botUserId || event.user !== context.botUserId) return;
    const teamId = requestTeamId(ctx, context, body);
    const unparked = await ctx.services.channelProblems.resolved(teamId, event.channel, ctx.clock.now());
    ctx.logger.info('Baton joined a channel; parked posts go out', { channel: event.channel, unparked });
    if (unparked > 0) {
      ctx.metrics.outboxUnparked({}, unparked);
      ctx.outbox.wake();
    }
  };
