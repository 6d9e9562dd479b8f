import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { publishHome } from '../../home-view.js';
import { requestTeamId } from '../request-config.js';

type Args = SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs;

/** Publishes the person's Home tab each time they open it (events are acked by Bolt already). */
export const appHomeOpened =
  (ctx: AppContext) =>
  async ({ event, body, client, context }: Args): Promise<void> => {
    if (event.tab !== 'home') return;
    await publishHome(ctx, client, requestTeamId(ctx, context, body), event.user);
  };
