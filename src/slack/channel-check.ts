import type { WebClient } from '@slack/web-api';
import type { AppContext } from '../context.js';
import type { ChannelProblemKind } from '../db/schema.js';
import { configuredChannels } from '../domain/configured-channels.js';
import { slackErrorCode } from './file-upload.js';

type Ctx = Pick<AppContext, 'configs' | 'clock' | 'logger' | 'metrics' | 'outbox'> & {
  services: Pick<AppContext['services'], 'channelProblems'>;
};

export interface ChannelCheck {
  /** Public channels Baton was not in and joined. */
  joined: string[];
  /** Channels Baton cannot post to, and why. */
  problems: Array<{ channel: string; problem: ChannelProblemKind }>;
  /** Channels that could not be checked (Slack unreachable, an unexpected error). */
  unchecked: string[];
}

interface ConversationInfo {
  is_member?: boolean;
  is_private?: boolean;
  is_archived?: boolean;
}

/**
 * Checks every configured channel with conversations.info: joins public channels Baton is not in,
 * records private, archived and missing ones (admins are told once, by DM and on their Home), and
 * sends the posts parked for channels that work now. Never throws: a channel problem must not stop
 * Baton. Runs at start; call it again when the config changes.
 */
export async function checkChannels(ctx: Ctx, client: WebClient, teamId: string): Promise<ChannelCheck> {
  const result: ChannelCheck = { joined: [], problems: [], unchecked: [] };
  const service = ctx.services.channelProblems;
  let unparked = 0;
  for (const { channel } of configuredChannels(ctx.configs.for(teamId))) {
    try {
      const problem = await checkOne(client, channel, () => result.joined.push(channel));
      if (problem) result.problems.push({ channel, problem });
      else unparked += await service.resolved(teamId, channel, ctx.clock.now());
    } catch (error) {
      result.unchecked.push(channel);
      ctx.logger.warn('could not check a configured channel', { channel, error: slackErrorCode(error) });
    }
  }
  try {
    unparked += await service.retargetParked(teamId, ctx.clock.now());
    if (result.problems.length > 0) {
      await service.reportMany(teamId, result.problems, ctx.clock.now());
      ctx.metrics.channelProblems({}, result.problems.length);
      ctx.logger.warn('configured channels Baton cannot post to', { problems: result.problems });
    }
  } catch (error) {
    ctx.logger.error('could not record channel problems', { error });
  }
  if (unparked > 0) {
    ctx.metrics.outboxUnparked({}, unparked);
    ctx.logger.info('parked posts go out again', { unparked });
    ctx.outbox.wake();
  }
  if (result.joined.length > 0)
    ctx.logger.info('joined configured public channels', { channels: result.joined });
  return result;
}

async function checkOne(
  client: WebClient,
  channel: string,
  onJoined: () => void,
): Promise<ChannelProblemKind | undefined> {
  let info: ConversationInfo;
  try {
    info = ((await client.conversations.info({ channel })).channel ?? {}) as ConversationInfo;
  } catch (error) {
    if (slackErrorCode(error) === 'channel_not_found') return 'missing';
    throw error;
  }
  if (info.is_archived) return 'archived';
  if (info.is_member) return undefined;
  if (info.is_private) return 'private';
  try {
    await client.conversations.join({ channel });
    onJoined();
    return undefined;
  } catch (error) {
    const code = slackErrorCode(error);
    if (code === 'method_not_supported_for_channel_type') return 'private';
    if (code === 'is_archived') return 'archived';
    if (code === 'channel_not_found') return 'missing';
    if (code === 'missing_scope') return 'not_in_channel';
    throw error;
  }
}
