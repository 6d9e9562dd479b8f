import type { WebClient } from '@slack/web-api';
import type { AppContext } from '../../context.js';
import type { OutboxRow } from '../../db/queries/outbox.js';
import { messages } from '../../i18n/index.js';
import { CHANNEL_PROBLEMS_DM_PURPOSE, type ChannelProblemNote } from '../../services/channel-problems.js';
import { channelProblemsDm } from '../blocks/channel-problems.js';
import type { Prepared } from './prepared.js';

type Ctx = Pick<AppContext, 'configs' | 'database'>;

/** Renders the admin DM listing channels Baton cannot post to, ahead of `next`. */
export function withChannelProblemWrites(
  ctx: Ctx,
  _client: WebClient,
  next: (row: OutboxRow) => Promise<Prepared>,
) {
  return async (row: OutboxRow): Promise<Prepared> => {
    if (row.purpose !== CHANNEL_PROBLEMS_DM_PURPOSE) return next(row);
    const problems = (row.args.problems ?? []) as ChannelProblemNote[];
    const dm = channelProblemsDm(messages(ctx.configs.for(row.teamId).locale), problems);
    return { send: { channel: row.channel, args: { ...dm, unfurl_links: false } } };
  };
}
