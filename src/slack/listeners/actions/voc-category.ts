import type { AllMiddlewareArgs, BlockStaticSelectAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { messages } from '../../../i18n/index.js';
import { parseCategoryValue, vocPromptAnswered } from '../../blocks/voc.js';
import { notOnRosterText } from '../refusals.js';
import { requestConfig } from '../request-config.js';

type Args = SlackActionMiddlewareArgs<BlockStaticSelectAction> & AllMiddlewareArgs;

/** A category picked in the reaction's prompt: stored and routed; the prompt then says where it went. */
export const chooseVocCategory =
  (ctx: AppContext) =>
  async ({ ack, action, body, respond, context }: Args): Promise<void> => {
    await ack();
    const { teamId, config } = requestConfig(ctx, context, body);
    const t = messages(config.locale);
    const picked = parseCategoryValue(action.selected_option?.value);
    if (!picked) return;
    const saved = await ctx.services.voc.setCategory(
      teamId,
      picked.entryId,
      picked.category,
      body.user.id,
      ctx.clock.now(),
    );
    if (!saved.ok) {
      const text =
        saved.reason === 'not_on_roster'
          ? notOnRosterText(t, body.user.id, saved.adminIds)
          : t.voc.errors.notFound;
      await respond({ response_type: 'ephemeral', replace_original: false, text });
      return;
    }
    ctx.outbox.wake();
    await respond({ response_type: 'ephemeral', replace_original: true, ...vocPromptAnswered(t, saved) });
  };
