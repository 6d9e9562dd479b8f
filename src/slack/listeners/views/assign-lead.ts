import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { messages } from '../../../i18n/index.js';
import {
  ASSIGN_REASON_ACTION,
  ASSIGN_REASON_BLOCK,
  ASSIGN_REASON_MAX,
  ASSIGNEE_ACTION,
  ASSIGNEE_BLOCK,
} from '../../blocks/lead-ownership.js';
import { ownershipRefusalPlain } from '../refusals.js';
import { requestConfig } from '../request-config.js';
import { leadIdFrom } from './modal-lead-id.js';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * The Assign modal submitted. The change is made before the ack (one short transaction), so a
 * refusal comes back as an error under the field and the modal stays open.
 */
export const submitAssign =
  (ctx: AppContext) =>
  async ({ ack, body, view, context }: Args): Promise<void> => {
    const { teamId, config } = requestConfig(ctx, context, body);
    const t = messages(config.locale);
    const fail = (block: string, text: string) =>
      ack({ response_action: 'errors', errors: { [block]: text } });
    const leadId = leadIdFrom(view.private_metadata);
    const assigneeId = view.state.values[ASSIGNEE_BLOCK]?.[ASSIGNEE_ACTION]?.selected_user;
    const reason = view.state.values[ASSIGN_REASON_BLOCK]?.[ASSIGN_REASON_ACTION]?.value?.trim() || null;
    if (leadId === undefined) return fail(ASSIGNEE_BLOCK, t.ownership.notFound);
    if (!assigneeId) return fail(ASSIGNEE_BLOCK, t.ownership.assigneeHint);
    if (reason && reason.length > ASSIGN_REASON_MAX)
      return fail(ASSIGN_REASON_BLOCK, t.leadContext.tooLong(ASSIGN_REASON_MAX));
    try {
      const result = await ctx.services.ownership.assign(
        teamId,
        { leadId, actorId: body.user.id, assigneeId, reason },
        ctx.clock.now(),
      );
      if (!result.ok) return fail(ASSIGNEE_BLOCK, ownershipRefusalPlain(t, result));
    } catch (error) {
      await fail(ASSIGNEE_BLOCK, t.errors.internal);
      throw error;
    }
    await ack();
    ctx.outbox.wake();
  };
