import type {
  AllMiddlewareArgs,
  BlockButtonAction,
  BlockOverflowAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { WebhookSettings } from '../../../services/webhook-settings.js';
import { readMenuValue, secretView, webhookModal } from '../../blocks/settings-crm.js';
import { noticeModal } from '../../blocks/sla-board.js';
import { publishHome } from '../../home-view.js';
import { escapeMrkdwn } from '../../mrkdwn.js';
import { currentCatalog } from '../../setup-views.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;
type MenuArgs = SlackActionMiddlewareArgs<BlockOverflowAction> & AllMiddlewareArgs;

/** "Add endpoint" in Settings → Webhooks and CRM: the empty endpoint modal (admins only). */
export const openAddWebhook =
  (ctx: AppContext) =>
  async ({ ack, body, client, context }: ButtonArgs): Promise<void> => {
    await ack();
    const teamId = context.teamId ?? body.team?.id ?? ctx.teamId;
    const t = currentCatalog(ctx, teamId);
    const view = (await ctx.services.admins.isAdmin(teamId, body.user.id))
      ? webhookModal(t, null)
      : noticeModal(t, t.crmSettings.title, t.admin.refusals.notAnAdmin);
    await client.views.open({ trigger_id: body.trigger_id, view });
  };

/** An endpoint's menu: Edit opens its modal; Send test, Rotate secret and Remove act and say so. */
export const answerWebhookMenu =
  (ctx: AppContext) =>
  async ({ ack, action, body, client, context }: MenuArgs): Promise<void> => {
    await ack();
    const teamId = context.teamId ?? body.team?.id ?? ctx.teamId;
    const userId = body.user.id;
    const t = currentCatalog(ctx, teamId);
    const c = t.crmSettings;
    const open = (view: Parameters<typeof client.views.open>[0]['view']) =>
      client.views.open({ trigger_id: body.trigger_id, view });
    const picked = readMenuValue(action.selected_option?.value);
    if (!picked) return;
    if (!(await ctx.services.admins.isAdmin(teamId, userId))) {
      await open(noticeModal(t, c.title, t.admin.refusals.notAnAdmin));
      return;
    }
    const { choice, name } = picked;
    const shown = escapeMrkdwn(name);
    const endpoint = ctx.configs.for(teamId).webhooks.find((e) => e.name === name);
    if (!endpoint) {
      await open(noticeModal(t, c.title, c.gone(shown)));
      return;
    }
    const settings = new WebhookSettings(ctx.database, ctx.services.config);
    const now = ctx.clock.now();
    switch (choice) {
      case 'edit':
        await open(webhookModal(t, endpoint));
        return;
      case 'test':
        await ctx.services.webhooks.sendTest(teamId, name, userId, now);
        await open(noticeModal(t, c.title, c.testQueued(shown)));
        return;
      case 'rotate': {
        const result = await settings.rotate(teamId, name, now);
        await open(
          result.ok && result.secret
            ? secretView(t, name, result.secret)
            : noticeModal(t, c.title, c.gone(shown)),
        );
        return;
      }
      case 'remove': {
        const result = await settings.remove(
          teamId,
          { actorId: userId, via: 'slack', source: 'home:webhooks' },
          name,
        );
        const text = result.ok
          ? c.removed(shown)
          : result.reason === 'config' && result.result.reason === 'managed_by_file'
            ? t.admin.refusals.managed(result.result.keys.join(', '))
            : c.gone(shown);
        await open(noticeModal(t, c.title, text));
        await publishHome(ctx, client, teamId, userId);
        return;
      }
    }
  };
