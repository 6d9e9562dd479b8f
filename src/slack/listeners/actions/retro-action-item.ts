import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { type Catalog, messages } from '../../../i18n/index.js';
import type { ActionAnswer, AnswerActionItemResult } from '../../../services/retro-actions.js';
import { actionItemModal } from '../../blocks/action-items.js';
import { mention } from '../../mrkdwn.js';
import { notOnRosterText } from '../refusals.js';
import { requestConfig } from '../request-config.js';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** "Add action item" on a retro's parent message: opens the modal for that retro (anyone on the roster). */
export const openActionItemModal =
  (ctx: AppContext) =>
  async ({ ack, action, body, client, respond, context }: Args): Promise<void> => {
    await ack();
    const { teamId, config } = requestConfig(ctx, context, body);
    const t = messages(config.locale);
    const { actionItems } = ctx.services;
    const actor = await actionItems.actor(teamId, body.user.id);
    if (actor.kind === 'stranger') {
      const text = notOnRosterText(t, body.user.id, actor.adminIds);
      await respond({ response_type: 'ephemeral', replace_original: false, text });
      return;
    }
    const id = idFrom(action.value);
    const retro = id === undefined ? undefined : await actionItems.weeklyRetro(teamId, id);
    if (!retro) {
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: t.retroActions.retroNotFound,
      });
      return;
    }
    await client.views.open({
      trigger_id: body.trigger_id,
      view: actionItemModal(t, { retro, ownerId: body.user.id }),
    });
  };

/** Done / Drop in the owner's DM; anyone not allowed to answer is told privately. The DM is edited through the outbox. */
export function answerActionItem(ctx: AppContext, answer: ActionAnswer) {
  return async ({ ack, action, body, respond, context }: Args): Promise<void> => {
    await ack();
    const { teamId, config } = requestConfig(ctx, context, body);
    const t = messages(config.locale);
    const itemId = idFrom(action.value);
    const reply = (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text });
    if (itemId === undefined) {
      await reply(t.retroActions.notFound);
      return;
    }
    try {
      const result = await ctx.services.actionItems.answer(
        teamId,
        itemId,
        answer,
        body.user.id,
        ctx.clock.now(),
      );
      if (result.ok) {
        ctx.outbox.wake();
        return;
      }
      await reply(refusal(t, result));
    } catch (error) {
      ctx.logger.error('action item answer failed', { error, answer, item_id: itemId, team_id: teamId });
      await reply(t.errors.internal);
    }
  };
}

/** A row id from a button value; buttons carry them as decimal strings. */
function idFrom(value: string | undefined): number | undefined {
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

function refusal(t: Catalog, refused: Exclude<AnswerActionItemResult, { ok: true }>): string {
  switch (refused.reason) {
    case 'not_found':
      return t.retroActions.notFound;
    case 'not_allowed':
      return t.retroActions.notAllowed(mention(refused.ownerId));
    case 'already_answered': {
      const who = refused.closedBy ? mention(refused.closedBy) : '?';
      return refused.status === 'done' ? t.retroActions.alreadyDone(who) : t.retroActions.alreadyDropped(who);
    }
  }
}
