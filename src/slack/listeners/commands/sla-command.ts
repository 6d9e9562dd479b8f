import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { messages } from '../../../i18n/index.js';
import { slaBoardBlocks, slaHelpBlocks } from '../../blocks/sla-board.js';
import { escapeMrkdwn } from '../../mrkdwn.js';
import { notOnRosterText } from '../refusals.js';
import { requestConfig } from '../request-config.js';

type Args = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** `/sla [help]` — the caller's SLA board (a manager's: the team's), ephemeral. */
export const slaCommand =
  (ctx: AppContext) =>
  async ({ command, ack, respond, context }: Args): Promise<void> => {
    const { teamId, config } = requestConfig(ctx, context, command);
    const t = messages(config.locale);
    const text = command.text.trim();
    if (text.toLowerCase() === 'help') {
      await ack({ response_type: 'ephemeral', text: t.slaBoard.helpTitle, blocks: slaHelpBlocks(t) });
      return;
    }
    if (text !== '') {
      const unknown = t.slaBoard.unknown(escapeMrkdwn(text));
      await ack({ response_type: 'ephemeral', text: unknown, blocks: slaHelpBlocks(t, unknown) });
      return;
    }
    await ack();
    try {
      const result = await ctx.services.slaBoard.board(teamId, command.user_id, ctx.clock.now());
      if (result.kind === 'stranger') {
        await respond({
          response_type: 'ephemeral',
          text: notOnRosterText(t, command.user_id, result.adminIds),
        });
        return;
      }
      const title = result.board.scope === 'team' ? t.slaBoard.teamTitle : t.slaBoard.title;
      await respond({ response_type: 'ephemeral', text: title, blocks: slaBoardBlocks(t, result.board) });
    } catch (error) {
      ctx.logger.error('/sla failed', { error, team_id: teamId });
      await respond({ response_type: 'ephemeral', text: t.errors.internal });
    }
  };
