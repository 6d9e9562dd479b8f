import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { messages } from '../../../i18n/index.js';
import { vocHelpBlocks, vocModal } from '../../blocks/voc.js';
import { notOnRosterText } from '../refusals.js';
import { requestConfig } from '../request-config.js';
import { answerVocReport } from './voc-report.js';

type Args = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/**
 * `/voc` opens the capture modal, `/voc <text>` opens it with the quote filled in, `/voc report …`
 * answers with the figures, `/voc help` lists all this (in the ack).
 */
export const vocCommand =
  (ctx: AppContext) =>
  async (args: Args): Promise<void> => {
    const { command, ack, client, respond, context } = args;
    const { teamId, config } = requestConfig(ctx, context, command);
    const t = messages(config.locale);
    const text = command.text.trim();
    const [first = ''] = text.split(/\s+/, 1);
    if (text.toLowerCase() === 'help') {
      await ack({
        response_type: 'ephemeral',
        text: t.voc.help.title,
        blocks: vocHelpBlocks(t, config.voc.reaction),
      });
      return;
    }
    await ack();
    if (first.toLowerCase() === 'report') {
      await answerVocReport(ctx, args, text.slice(first.length).trim());
      return;
    }
    try {
      const actor = await ctx.services.voc.actor(teamId, command.user_id);
      if (actor.kind === 'stranger') {
        await respond({
          response_type: 'ephemeral',
          text: notOnRosterText(t, command.user_id, actor.adminIds),
        });
        return;
      }
      await client.views.open({
        trigger_id: command.trigger_id,
        view: vocModal(t, { metadata: { via: 'command' }, quote: text }),
      });
    } catch (error) {
      ctx.logger.error('/voc failed', { error, team_id: teamId });
      await respond({ response_type: 'ephemeral', text: t.errors.internal });
    }
  };
