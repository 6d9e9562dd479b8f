import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { type Catalog, messages } from '../../../i18n/index.js';
import { type CadenceAnswer, type CadenceAnswerResult, CadenceService } from '../../../services/cadence.js';
import { mention } from '../../mrkdwn.js';
import { parseCadenceValue } from '../../outbox/cadence-render.js';
import { requestConfig } from '../request-config.js';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/**
 * Done / Skip / Snooze 1h on a cadence reminder. Only the lead's owner may answer; anyone else is
 * told privately. The DM is edited through the outbox.
 */
export function answerCadence(ctx: AppContext, answer: CadenceAnswer) {
  return async ({ ack, action, body, respond, context }: Args): Promise<void> => {
    await ack();
    const cadence = new CadenceService(ctx.database, ctx.configs, ctx.services.firstTouch);
    const { teamId, config } = requestConfig(ctx, context, body);
    const t = messages(config.locale);
    const ref = parseCadenceValue(action.value ?? '');
    if (!ref) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: t.cadence.stepRemoved });
      return;
    }
    try {
      const result = await cadence.answer(teamId, ref, answer, body.user.id, ctx.clock.now());
      if (result.ok) {
        ctx.outbox.wake();
        return;
      }
      await respond({ response_type: 'ephemeral', replace_original: false, text: refusal(t, result) });
    } catch (error) {
      ctx.logger.error('cadence answer failed', { error, answer, lead_id: ref.leadId, team_id: teamId });
      await respond({ response_type: 'ephemeral', replace_original: false, text: t.errors.internal });
    }
  };
}

function refusal(t: Catalog, refused: Exclude<CadenceAnswerResult, { ok: true }>): string {
  switch (refused.reason) {
    case 'not_found':
      return t.claim.notFound;
    case 'already_answered':
      return t.cadence.alreadyAnswered;
    case 'step_removed':
      return t.cadence.stepRemoved;
    case 'not_owner':
      return refused.ownerId ? t.cadence.notOwner(mention(refused.ownerId)) : t.cadence.notOwnerNobody;
  }
}
