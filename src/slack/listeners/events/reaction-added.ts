import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { excerpt, isVocReaction, VOC_LIMITS } from '../../../domain/voc.js';
import { messages } from '../../../i18n/index.js';
import type { Block } from '../../blocks/common.js';
import { vocPrompt } from '../../blocks/voc.js';
import { messagePermalink, readMessage } from '../../voc-source.js';
import { notOnRosterText } from '../refusals.js';
import { requestConfig } from '../request-config.js';

type Args = SlackEventMiddlewareArgs<'reaction_added'> & AllMiddlewareArgs;

/**
 * The capture emoji on a message saves it as VOC at once (uncategorised) and asks the person who
 * reacted, privately, for the category. A message saved already keeps its one entry; the prompt
 * then shows where it stands. Reactions on files, and Baton's own, are not captures.
 */
export const reactionAdded =
  (ctx: AppContext) =>
  async ({ event, client, context, body }: Args): Promise<void> => {
    const item = event.item as { type: string; channel?: string; ts?: string };
    if (item.type !== 'message' || !item.channel || !item.ts) return;
    const { teamId, config } = requestConfig(ctx, context, body);
    if (!isVocReaction(event.reaction, config.voc.reaction)) return;
    if (event.user === context.botUserId) return;
    const { channel, ts } = item;
    const user = event.user;
    const voc = ctx.services.voc;
    const t = messages(config.locale);
    const tell = (message: { text: string; blocks?: Block[]; thread_ts?: string }) =>
      client.chat.postEphemeral({ channel, user, ...message });

    const actor = await voc.actor(teamId, user);
    if (actor.kind === 'stranger') {
      await tell({ text: notOnRosterText(t, user, actor.adminIds) });
      return;
    }
    const saved = await voc.bySource(teamId, channel, ts);
    if (saved) {
      const threadTs = saved.entry.sourceThreadTs ?? undefined;
      const prompt = vocPrompt(t, saved.entry, {
        created: false,
        channel: voc.channelFor(teamId, saved.entry.category),
      });
      await tell({ ...prompt, ...(threadTs ? { thread_ts: threadTs } : {}) });
      return;
    }
    const message = await readMessage(client, channel, ts);
    if (!message) {
      ctx.logger.info('VOC reaction on a message Slack no longer has', { channel, ts });
      return;
    }
    const thread = message.threadTs ? { thread_ts: message.threadTs } : {};
    if (message.text.trim() === '') {
      await tell({ text: t.voc.errors.noText, ...thread });
      return;
    }
    const source = {
      channel,
      ts,
      threadTs: message.threadTs,
      authorId: message.user,
      permalink: await messagePermalink(client, channel, ts, ctx.logger),
    };
    const quote = excerpt(message.text, VOC_LIMITS.quote);
    const result = await voc.captureReaction(teamId, { source, quote, by: user }, ctx.clock.now());
    if (!result.ok) {
      await tell({ text: notOnRosterText(t, user, result.adminIds), ...thread });
      return;
    }
    const channelOfCategory = voc.channelFor(teamId, result.entry.category);
    await tell({
      ...vocPrompt(t, result.entry, { created: result.created, channel: channelOfCategory }),
      ...thread,
    });
  };
