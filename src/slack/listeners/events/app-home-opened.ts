import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { messages } from '../../../i18n/index.js';
import { memberHome, strangerHome } from '../../blocks/home.js';
import { slaHomeBlocks } from '../../home-view.js';

type Args = SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs;

/** Publishes the person's Home tab each time they open it (events are acked by Bolt already). */
export const appHomeOpened =
  (ctx: AppContext) =>
  async ({ event, body, client, context }: Args): Promise<void> => {
    if (event.tab !== 'home') return;
    const t = messages(ctx.config.locale);
    const teamId = context.teamId ?? body.team_id;
    const subject = await ctx.services.roster.homeSubject(teamId, event.user, ctx.clock.now());
    const view =
      subject.kind === 'member'
        ? memberHome(t, subject.member, await slaHomeBlocks(ctx, teamId, event.user))
        : strangerHome(t, event.user, subject.adminIds);
    await client.views.publish({ user_id: event.user, view });
  };
