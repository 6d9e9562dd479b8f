import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { messages } from '../../../i18n/index.js';
import type { WebhookActionResult } from '../../../services/webhooks.js';
import { webhooksMessage } from '../../blocks/webhooks.js';
import { escapeMrkdwn } from '../../mrkdwn.js';
import { requestConfig } from '../request-config.js';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** Send test / Resume in the `/baton webhooks` answer (admins only): acts, then redraws the list. */
export const answerWebhookButton =
  (ctx: AppContext, what: 'test' | 'resume') =>
  async ({ ack, action, body, respond, context }: Args): Promise<void> => {
    await ack();
    const { teamId, config } = requestConfig(ctx, context, body);
    const t = messages(config.locale);
    const userId = body.user.id;
    const name = action.value ?? '';
    const say = (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text });
    try {
      if (!(await ctx.services.admins.isAdmin(teamId, userId))) {
        await say(t.webhooks.adminsOnly);
        return;
      }
      const now = ctx.clock.now();
      const { webhooks } = ctx.services;
      const result: WebhookActionResult =
        what === 'test'
          ? await webhooks.sendTest(teamId, name, userId, now)
          : await webhooks.resume(teamId, name, now);
      ctx.outbox.wake();
      const shown = escapeMrkdwn(name);
      if (!result.ok) {
        await say(
          result.reason === 'unknown_endpoint'
            ? t.webhooks.unknownEndpoint(shown)
            : t.webhooks.notPaused(shown),
        );
        return;
      }
      await respond({
        response_type: 'ephemeral',
        replace_original: true,
        ...webhooksMessage(t, await webhooks.list(teamId)),
      });
      await say(what === 'test' ? t.webhooks.testQueued(shown) : t.webhooks.resumed(shown));
    } catch (error) {
      ctx.logger.error('webhook button failed', { error, team_id: teamId, action: what });
      await say(t.errors.internal);
    }
  };
