import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { type Catalog, messages } from '../../../i18n/index.js';
import type { ClaimRefusal } from '../../../services/leads.js';
import { escapeMrkdwn, mention } from '../../mrkdwn.js';

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
      text: refusal(t, result, body.user.id),
    });
  };

function refusal(t: Catalog, refused: ClaimRefusal, userId: string): string {
  switch (refused.reason) {
    case 'already_owned':
      return t.claim.alreadyClaimed(mention(refused.ownerId));
    case 'not_serving_segment':
      return t.claim.notServing(escapeMrkdwn(refused.segment));
    case 'not_a_seller':
      return t.claim.notASeller;
    case 'not_on_roster':
      return t.home.notOnRoster(userId, t.home.anAdmin);
    case 'not_found':
      return t.claim.notFound;
  }
}
