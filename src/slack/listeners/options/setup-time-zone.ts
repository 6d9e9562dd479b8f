import type { AllMiddlewareArgs, SlackOptionsMiddlewareArgs } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { timeZoneOptions } from '../../blocks/setup-calendar.js';
import { currentCatalog } from '../../setup-views.js';

type Args = SlackOptionsMiddlewareArgs<'block_suggestion'> & AllMiddlewareArgs;

/** The calendar modal's time zone search: IANA zones containing what was typed, with their offset now. */
export const timeZoneSearch =
  (ctx: AppContext) =>
  async ({ ack, body, payload, context }: Args): Promise<void> => {
    const teamId = context.teamId ?? body.team?.id ?? ctx.teamId;
    await ack({ options: timeZoneOptions(currentCatalog(ctx, teamId), payload.value, ctx.clock.now()) });
  };
