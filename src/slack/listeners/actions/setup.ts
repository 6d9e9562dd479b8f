import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { SETUP_ITEMS, type SetupItem } from '../../../domain/setup-checklist.js';
import { noticeModal } from '../../blocks/sla-board.js';
import { currentCatalog, mayOpen, setupModalFor } from '../../setup-views.js';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** A checklist or Settings button on Home: opens that item's modal, or says why not. */
export const openSetupModal =
  (ctx: AppContext) =>
  async ({ ack, action, body, client, context }: Args): Promise<void> => {
    await ack();
    const teamId = context.teamId ?? body.team?.id ?? ctx.teamId;
    const userId = body.user.id;
    const t = currentCatalog(ctx, teamId);
    const item = (SETUP_ITEMS as readonly string[]).includes(action.value ?? '')
      ? (action.value as SetupItem)
      : null;
    if (!item) return;
    const rights = await ctx.services.admins.rights(teamId, userId);
    const view = mayOpen(rights, item)
      ? await setupModalFor(ctx, teamId, userId, item, rights)
      : noticeModal(t, t.admin.home.items[item], t.admin.refusals.notAnAdmin);
    await client.views.open({ trigger_id: body.trigger_id, view });
  };
