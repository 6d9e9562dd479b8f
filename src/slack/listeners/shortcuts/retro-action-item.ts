import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { messages } from '../../../i18n/index.js';
import { actionItemModal } from '../../blocks/action-items.js';
import { notOnRosterText } from '../refusals.js';
import { requestConfig } from '../request-config.js';

type Args = SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;

/**
 * "Make retro action item" on a reply in a weekly retro's thread: the modal, prefilled with the
 * reply's text. On any other message an ephemeral says where it works.
 */
export const actionItemShortcut =
  (ctx: AppContext) =>
  async ({ ack, shortcut, client, respond, context }: Args): Promise<void> => {
    await ack();
    const { teamId, config } = requestConfig(ctx, context, shortcut);
    const t = messages(config.locale);
    const reply = (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text });
    const { actionItems } = ctx.services;
    const actor = await actionItems.actor(teamId, shortcut.user.id);
    if (actor.kind === 'stranger') {
      await reply(notOnRosterText(t, shortcut.user.id, actor.adminIds));
      return;
    }
    const { message } = shortcut;
    const threadTs = typeof message.thread_ts === 'string' ? message.thread_ts : undefined;
    const channel = shortcut.channel.id;
    const retro = await actionItems.forMessage(teamId, channel, { ts: message.ts, threadTs });
    if (!retro) {
      await reply(t.retroActions.notAReply);
      return;
    }
    await client.views.open({
      trigger_id: shortcut.trigger_id,
      view: actionItemModal(t, {
        retro,
        ownerId: shortcut.user.id,
        text: typeof message.text === 'string' ? message.text : '',
        source: { channel, ts: message.ts },
      }),
    });
  };
