import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { messages } from '../../../i18n/index.js';
import { settingsAnswer } from '../commands/baton-settings.js';
import { requestConfig } from '../request-config.js';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** The retro DMs toggle in the `/baton settings` answer: flips it and redraws the answer in place. */
export const toggleRetroDms =
  (ctx: AppContext) =>
  async ({ ack, action, body, respond, context }: Args): Promise<void> => {
    await ack();
    const { teamId, config } = requestConfig(ctx, context, body);
    const t = messages(config.locale);
    try {
      const result = await ctx.services.settings.setRetroDms(
        teamId,
        body.user.id,
        action.value === 'on',
        ctx.clock.now(),
      );
      await respond({
        response_type: 'ephemeral',
        replace_original: result.ok,
        ...settingsAnswer(t, body.user.id, result),
      });
    } catch (error) {
      ctx.logger.error('retro DMs toggle failed', { error, team_id: teamId });
      await respond({ response_type: 'ephemeral', replace_original: false, text: t.errors.internal });
    }
  };
