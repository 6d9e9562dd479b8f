import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { messages } from '../../../i18n/index.js';
import { claimRefusalText } from '../refusals.js';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** Claim on a lead card: the first click wins; everyone else is told who has it, privately. */
export const claimLead =
  (ctx: AppContext) =>
  async ({ ack, action, body, respond, context }: Args): Promise<void> => {
    await ack();
    const t = messages(ctx.config.locale);
    const teamId = context.teamId ?? body.team?.id ?? ctx.teamId;
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
