import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { messages } from '../../../i18n/index.js';
import { touchModal } from '../../blocks/first-touch.js';
import { noticeModal } from '../../blocks/sla-board.js';
import { requestConfig } from '../request-config.js';
import { touchRefusalText } from '../touch-refusals.js';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/**
 * Log first touch on a card or on App Home (the SLA board): the owner, a manager or an admin gets
 * the modal; others are told why not.
 */
export const openTouchModal =
  (ctx: AppContext) =>
  async ({ ack, action, body, client, respond, context }: Args): Promise<void> => {
    await ack();
    const { teamId, config } = requestConfig(ctx, context, body);
    const t = messages(config.locale);
    const check = await ctx.services.firstTouch.mayLog(teamId, Number(action.value), body.user.id);
    // From App Home there is no message, so no response_url: answer in a small modal instead.
    const fromHome = body.view?.type === 'home';
    if (!check.ok) {
      const text = touchRefusalText(t, check, body.user.id);
      if (respond && !fromHome) {
        await respond({ response_type: 'ephemeral', replace_original: false, text });
      } else {
        await client.views.open({
          trigger_id: body.trigger_id,
          view: noticeModal(t, t.touch.modalTitle, text),
        });
      }
      return;
    }
    await client.views.open({
      trigger_id: body.trigger_id,
      view: touchModal(t, check.lead, fromHome ? 'home' : undefined),
    });
  };
