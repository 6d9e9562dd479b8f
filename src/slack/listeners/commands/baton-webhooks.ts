import type { RespondFn } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import type { Catalog } from '../../../i18n/index.js';
import { webhooksMessage } from '../../blocks/webhooks.js';

/** `/baton webhooks`: admins see each endpoint's health, with Send test and Resume; others are refused. */
export async function answerWebhooks(
  ctx: AppContext,
  t: Catalog,
  req: { teamId: string; userId: string },
  respond: RespondFn,
): Promise<void> {
  if (!(await ctx.services.admins.isAdmin(req.teamId, req.userId))) {
    await respond({ response_type: 'ephemeral', text: t.webhooks.adminsOnly });
    return;
  }
  const views = await ctx.services.webhooks.list(req.teamId);
  await respond({ response_type: 'ephemeral', ...webhooksMessage(t, views) });
}
