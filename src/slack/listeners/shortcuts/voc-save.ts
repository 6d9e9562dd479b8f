import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { messages } from '../../../i18n/index.js';
import { vocModal } from '../../blocks/voc.js';
import { messagePermalink } from '../../voc-source.js';
import { notOnRosterText } from '../refusals.js';
import { requestConfig } from '../request-config.js';

type Args = SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;

/**
 * "Save as VOC" on a message: the modal filled in from it (text, author, permalink, thread parent
 * for a reply). A message already saved opens its entry to edit, so it is never stored twice.
 */
export const saveVocShortcut =
  (ctx: AppContext) =>
  async ({ ack, shortcut, client, respond, context }: Args): Promise<void> => {
    await ack();
    const { teamId, config } = requestConfig(ctx, context, shortcut);
    const t = messages(config.locale);
    const voc = ctx.services.voc;
    const actor = await voc.actor(teamId, shortcut.user.id);
    if (actor.kind === 'stranger') {
      const text = notOnRosterText(t, shortcut.user.id, actor.adminIds);
      await respond({ response_type: 'ephemeral', replace_original: false, text });
      return;
    }
    const { message, channel } = shortcut;
    const saved = await voc.bySource(teamId, channel.id, message.ts);
    if (saved) {
      const metadata = { entryId: saved.entry.id, via: saved.entry.via };
      await client.views.open({
        trigger_id: shortcut.trigger_id,
        view: vocModal(t, { metadata, entry: saved.entry, lead: saved.lead }),
      });
      return;
    }
    const threadTs =
      typeof message.thread_ts === 'string' && message.thread_ts !== message.ts ? message.thread_ts : null;
    const source = {
      channel: channel.id,
      ts: message.ts,
      threadTs,
      authorId: message.user ?? null,
      permalink: await messagePermalink(client, channel.id, message.ts, ctx.logger),
    };
    await client.views.open({
      trigger_id: shortcut.trigger_id,
      view: vocModal(t, { metadata: { source, via: 'shortcut' }, quote: message.text ?? '' }),
    });
  };
