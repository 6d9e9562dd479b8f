import type { App } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { appHomeOpened } from './app-home-opened.js';
import { memberJoinedChannel } from './member-joined-channel.js';
import { reactionAdded } from './reaction-added.js';
import { retroReply } from './retro-reply.js';

export function registerEvents(app: App, ctx: AppContext): void {
  app.event('app_home_opened', appHomeOpened(ctx));
  app.event('reaction_added', reactionAdded(ctx));
  app.event('message', retroReply(ctx));
  app.event('member_joined_channel', memberJoinedChannel(ctx));
}
