import type { AllMiddlewareArgs, RespondFn, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { type Catalog, messages } from '../../../i18n/index.js';
import { helpBlocks } from '../../blocks/help.js';
import { escapeMrkdwn, slackDate } from '../../mrkdwn.js';
import { requestConfig } from '../request-config.js';
import { answerConfig } from './baton-config.js';
import { answerRoster } from './baton-roster.js';
import { answerSettings } from './baton-settings.js';
import { answerWebhooks } from './baton-webhooks.js';

type Args = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

interface Request {
  sub: string;
  arg: string;
  text: string;
  teamId: string;
  userId: string;
}

/** `/baton [help | roster [add|remove|set …] | ooo [date] | back | settings [retro-dms on|off] | config …]` — answers are ephemeral. */
export const batonCommand =
  (ctx: AppContext) =>
  async ({ command, ack, respond, context, client }: Args): Promise<void> => {
    const { teamId, config } = requestConfig(ctx, context, command);
    const t = messages(config.locale);
    const text = command.text.trim();
    const [word = '', ...rest] = text.split(/\s+/);
    const sub = word.toLowerCase();
    if (sub === '' || sub === 'help') {
      // Help needs no lookup, so it goes back in the ack itself.
      await ack({ response_type: 'ephemeral', text: t.help.title, blocks: helpBlocks(t) });
      return;
    }
    await ack();
    const request = {
      sub,
      arg: rest.join(' '),
      text,
      teamId,
      userId: command.user_id,
    };
    try {
      if (sub === 'config') await answerConfig(ctx, t, { ...request, config }, respond, client);
      else await answer(ctx, t, request, respond);
    } catch (error) {
      ctx.logger.error('/baton failed', { error, subcommand: sub, team_id: request.teamId });
      await respond({ response_type: 'ephemeral', text: t.errors.internal });
    }
  };

async function answer(ctx: AppContext, t: Catalog, req: Request, respond: RespondFn): Promise<void> {
  const now = ctx.clock.now();
  const reply = (text: string) => respond({ response_type: 'ephemeral', text });
  const { roster } = ctx.services;
  switch (req.sub) {
    case 'webhooks':
      await answerWebhooks(ctx, t, req, respond);
      return;
    case 'roster':
      // Lists the roster alone; `add`, `remove`, `set` and `help` change or explain it.
      await answerRoster(ctx, t, req, respond);
      return;
    case 'ooo': {
      const result = await roster.markOutOfOffice(req.teamId, req.userId, req.arg, now);
      if (result.ok) {
        await reply(result.until ? t.ooo.set(slackDate(result.until)) : t.ooo.setOpenEnded);
      } else if (result.reason === 'not-on-roster') {
        await reply(t.errors.notOnRoster);
      } else {
        const input = escapeMrkdwn(req.arg);
        await reply(result.reason === 'bad-date' ? t.ooo.badDate(input) : t.ooo.pastDate(input));
      }
      return;
    }
    case 'back': {
      const result = await roster.markBack(req.teamId, req.userId, now);
      await reply(
        { cleared: t.ooo.cleared, 'not-out': t.ooo.notOut, 'not-on-roster': t.errors.notOnRoster }[result],
      );
      return;
    }
    case 'settings':
      await answerSettings(ctx, t, req, respond);
      return;
    default:
      await reply(t.errors.unknownSubcommand(escapeMrkdwn(req.text)));
  }
}
