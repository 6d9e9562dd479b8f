import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { messages } from '../../../i18n/index.js';
import { helpBlocks } from '../../blocks/help.js';
import { rosterBlocks } from '../../blocks/roster.js';
import { escapeMrkdwn, slackDate } from '../../mrkdwn.js';

type Args = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** `/baton [help | roster | ooo [date] | back]` — answers are ephemeral. */
export const batonCommand =
  (ctx: AppContext) =>
  async ({ command, ack, respond, context }: Args): Promise<void> => {
    const t = messages(ctx.config.locale);
    const [word = '', ...rest] = command.text.trim().split(/\s+/);
    const sub = word.toLowerCase();
    const arg = rest.join(' ');
    if (sub === '' || sub === 'help') {
      // Help needs no lookup, so it goes back in the ack itself.
      await ack({ response_type: 'ephemeral', text: t.help.title, blocks: helpBlocks(t) });
      return;
    }
    await ack();
    const teamId = context.teamId ?? command.team_id;
    const now = ctx.clock.now();
    const reply = (text: string) => respond({ response_type: 'ephemeral', text });
    const { roster } = ctx.services;
    switch (sub) {
      case 'roster': {
        const members = await roster.roster(teamId, now);
        await respond({
          response_type: 'ephemeral',
          text: t.roster.title(members.length),
          blocks: rosterBlocks(t, members),
        });
        return;
      }
      case 'ooo': {
        const result = await roster.markOutOfOffice(teamId, command.user_id, arg, now);
        if (result.ok) {
          await reply(result.until ? t.ooo.set(slackDate(result.until)) : t.ooo.setOpenEnded);
        } else if (result.reason === 'not-on-roster') {
          await reply(t.errors.notOnRoster);
        } else {
          const input = escapeMrkdwn(arg);
          await reply(result.reason === 'bad-date' ? t.ooo.badDate(input) : t.ooo.pastDate(input));
        }
        return;
      }
      case 'back': {
        const result = await roster.markBack(teamId, command.user_id, now);
        const text = {
          cleared: t.ooo.cleared,
          'not-out': t.ooo.notOut,
          'not-on-roster': t.errors.notOnRoster,
        }[result];
        await reply(text);
        return;
      }
      default:
        await reply(t.errors.unknownSubcommand(escapeMrkdwn(command.text.trim())));
    }
  };
