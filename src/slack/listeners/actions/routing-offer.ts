import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { type Catalog, messages } from '../../../i18n/index.js';
import type { OfferRefusal } from '../../../services/routing.js';
import { parseOfferValue } from '../../blocks/offer-dm.js';
import { mention } from '../../mrkdwn.js';
import { requestConfig } from '../request-config.js';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/**
 * Accept / Pass on a round-robin offer (in the seller's DM; Pass also on the card). Only the
 * seller it is offered to may answer; anyone else is told privately who has the lead. The DM and
 * the card are edited through the outbox.
 */
export const answerOffer =
  (ctx: AppContext, answer: 'accept' | 'pass') =>
  async ({ ack, action, body, respond, context }: Args): Promise<void> => {
    await ack();
    const { teamId, config } = requestConfig(ctx, context, body);
    const t = messages(config.locale);
    const { leadId, offeredAt } = parseOfferValue(action.value ?? '');
    const { routing } = ctx.services;
    const now = ctx.clock.now();
    try {
      const result =
        answer === 'accept'
          ? await routing.accept(teamId, leadId, body.user.id, offeredAt, now)
          : await routing.pass(teamId, leadId, body.user.id, offeredAt, now);
      if (result.ok) {
        ctx.outbox.wake();
        return;
      }
      await respond({ response_type: 'ephemeral', replace_original: false, text: refusal(t, result) });
    } catch (error) {
      ctx.logger.error('offer answer failed', { error, answer, lead_id: leadId, team_id: teamId });
      await respond({ response_type: 'ephemeral', replace_original: false, text: t.errors.internal });
    }
  };

function refusal(t: Catalog, refused: OfferRefusal): string {
  switch (refused.reason) {
    case 'not_found':
      return t.claim.notFound;
    case 'already_accepted':
      return t.routing.alreadyAccepted;
    case 'not_yours':
      return refused.ownerId ? t.routing.notYours(mention(refused.ownerId)) : t.routing.notYoursUnowned;
    case 'offer_ended':
      return refused.ownerId ? t.routing.offerEnded(mention(refused.ownerId)) : t.routing.offerEndedUnowned;
  }
}
