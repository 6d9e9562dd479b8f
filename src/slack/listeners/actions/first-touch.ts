import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { messages } from '../../../i18n/index.js';
import { touchModal } from '../../blocks/first-touch.js';
import { touchRefusalText } from '../touch-refusals.js';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** Log first touch on a card: the owner, a manager or an admin gets the modal; others are told why not. */
export const openTouchModal =
  (ctx: AppContext) =>
  async ({ ack, action, body, client, respond, context }: Args): Promise<void> => {
    await ack();
    const t = messages(ctx.config.locale);
    const teamId = context.teamId ?? body.team?.id ?? ctx.teamId;
    const check = await ctx.services.firstTouch.mayLog(teamId, Number(action.value), body.user.id);
    if (!check.ok) {
      const text = touchRefusalText(t, check, body.user.id);
      await respond({ response_type: 'ephemeral', replace_original: false, text });
      return;
    }
    await client.views.open({ trigger_id: body.trigger_id, view: touchModal(t, check.lead) });
  };
