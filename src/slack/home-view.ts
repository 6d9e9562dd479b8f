import type { types } from '@slack/bolt';
import type { AppContext } from '../context.js';
import { messages } from '../i18n/index.js';
import type { Block } from './blocks/common.js';
import { memberHome, strangerHome } from './blocks/home.js';
import { slaBoardBlocks } from './blocks/sla-board.js';

/** The SLA board blocks for a roster member's Home (none for a stranger). */
export async function slaHomeBlocks(ctx: AppContext, teamId: string, userId: string): Promise<Block[]> {
  const t = messages(ctx.config.locale);
  const board = await ctx.services.slaBoard.board(teamId, userId, ctx.clock.now());
  return board.kind === 'member' ? slaBoardBlocks(t, board.board) : [];
}

/** A person's App Home: the greeting and, for roster members, their SLA board. */
export async function homeView(ctx: AppContext, teamId: string, userId: string): Promise<types.HomeView> {
  const t = messages(ctx.config.locale);
  const subject = await ctx.services.roster.homeSubject(teamId, userId, ctx.clock.now());
  if (subject.kind !== 'member') return strangerHome(t, userId, subject.adminIds);
  return memberHome(t, subject.member, await slaHomeBlocks(ctx, teamId, userId));
}

/** Publishes the person's Home again, e.g. after they logged a touch from it. */
export async function publishHome(
  ctx: AppContext,
  client: { views: { publish(args: { user_id: string; view: types.HomeView }): Promise<unknown> } },
  teamId: string,
  userId: string,
): Promise<void> {
  await client.views.publish({ user_id: userId, view: await homeView(ctx, teamId, userId) });
}
