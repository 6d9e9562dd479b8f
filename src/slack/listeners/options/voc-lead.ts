import type { AllMiddlewareArgs, SlackOptionsMiddlewareArgs } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { leadOption } from '../../blocks/voc.js';
import { requestTeamId } from '../request-config.js';

type Args = SlackOptionsMiddlewareArgs<'block_suggestion'> & AllMiddlewareArgs;

/** The VOC modal's lead search: leads by number, email, company or name, as the person types. */
export const vocLeadOptions =
  (ctx: AppContext) =>
  async ({ ack, body, payload, context }: Args): Promise<void> => {
    const teamId = requestTeamId(ctx, context, body);
    try {
      const leads = await ctx.services.voc.leadOptions(teamId, payload.value);
      await ack({ options: leads.map(leadOption) });
    } catch (error) {
      // Slack shows "no results" rather than an error; the search can be typed again.
      ctx.logger.error('VOC lead search failed', { error, team_id: teamId });
      await ack({ options: [] });
    }
  };
