import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { messages } from '../../../i18n/index.js';
import { contextModal } from '../../blocks/lead-context.js';
import { notOnRosterText } from '../refusals.js';
import { requestConfig } from '../request-config.js';

type Args = SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;

/**
 * "Add context" on a message: on a lead card or a reply in its thread the modal is for that lead;
 * on any other message it first asks which lead (number or email).
 */
export const addContextShortcut =
  (ctx: AppContext) =>
  async ({ ack, shortcut, client, respond, context }: Args): Promise<void> => {
    await ack();
    const { teamId, config } = requestConfig(ctx, context, shortcut);
    const t = messages(config.locale);
    const actor = await ctx.services.leadContext.actor(teamId, shortcut.user.id);
    if (actor.kind === 'stranger') {
      const text = notOnRosterText(t, shortcut.user.id, actor.adminIds);
      await respond({ response_type: 'ephemeral', replace_original: false, text });
      return;
    }
    const threadTs = typeof shortcut.message.thread_ts === 'string' ? shortcut.message.thread_ts : undefined;
    const lead = await ctx.services.leadContext.forMessage(teamId, shortcut.channel.id, {
      ts: shortcut.message.ts,
      threadTs,
    });
    await client.views.open({ trigger_id: shortcut.trigger_id, view: contextModal(t, lead) });
  };
