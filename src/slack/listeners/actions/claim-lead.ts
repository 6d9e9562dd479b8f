import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { messages } from '../../../i18n/index.js';
import { claimRefusalText } from '../refusals.js';
import { requestConfig } from '../request-config.js';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** Claim on a lead card: the first click wins; everyone else is told who has it, privately. */
export const claimLead =
  (ctx: AppContext) =>
  async ({ ack, action, body, respond, context }: Args): Promise<void> => {
    await ack();
    const { teamId, config } = requestConfig(ctx, context, body);
    const t = messages(config.locale);
    const result = await ctx.services.leads.claim(
      teamId,
      Number(action.value),
      body.user.id,
      ctx.clock.now(),
    );
    if (result.ok) {
      ctx.outbox.wake();
      return;
    }
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: claimRefusalText(t, result, body.user.id),
    });
  };
