import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { messages } from '../../../i18n/index.js';
import { contextModal } from '../../blocks/lead-context.js';
import { notOnRosterText } from '../refusals.js';
import { requestConfig } from '../request-config.js';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** Add context on a card: opens the context modal for that lead (anyone on the roster). */
export const openContextFromCard =
  (ctx: AppContext) =>
  async ({ ack, action, body, client, respond, context }: Args): Promise<void> => {
    await ack();
    const { teamId, config } = requestConfig(ctx, context, body);
    const t = messages(config.locale);
    const actor = await ctx.services.leadContext.actor(teamId, body.user.id);
    const lead =
      actor.kind === 'member' ? await ctx.services.leadContext.find(teamId, Number(action.value)) : undefined;
    if (!lead) {
      const text =
        actor.kind === 'stranger' ? notOnRosterText(t, body.user.id, actor.adminIds) : t.leadContext.notFound;
      await respond({ response_type: 'ephemeral', replace_original: false, text });
      return;
    }
    await client.views.open({ trigger_id: body.trigger_id, view: contextModal(t, lead) });
  };
