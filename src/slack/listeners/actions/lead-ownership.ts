import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { messages } from '../../../i18n/index.js';
import { assignModal } from '../../blocks/lead-ownership.js';
import { ownershipRefusalText } from '../refusals.js';
import { requestConfig } from '../request-config.js';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** Assign… on a card: managers and admins get the modal; everyone else is told why not, privately. */
export const openAssignModal =
  (ctx: AppContext) =>
  async ({ ack, action, body, client, respond, context }: Args): Promise<void> => {
    await ack();
    const { teamId, config } = requestConfig(ctx, context, body);
    const t = messages(config.locale);
    const check = await ctx.services.ownership.mayAssign(teamId, Number(action.value), body.user.id);
    if (!check.ok) {
      const text = ownershipRefusalText(t, check, body.user.id);
      await respond({ response_type: 'ephemeral', replace_original: false, text });
      return;
    }
    await client.views.open({ trigger_id: body.trigger_id, view: assignModal(t, check.lead) });
  };

/** Release on a card: the owner (or a manager) makes the lead unowned, so it can be claimed again. */
export const releaseLead =
  (ctx: AppContext) =>
  async ({ ack, action, body, respond, context }: Args): Promise<void> => {
    await ack();
    const { teamId, config } = requestConfig(ctx, context, body);
    const t = messages(config.locale);
    const result = await ctx.services.ownership.release(
      teamId,
      Number(action.value),
      body.user.id,
      ctx.clock.now(),
    );
    if (result.ok) {
      ctx.outbox.wake();
      return;
    }
    const text = ownershipRefusalText(t, result, body.user.id);
    await respond({ response_type: 'ephemeral', replace_original: false, text });
  };
