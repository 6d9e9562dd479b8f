import type { WebClient } from '@slack/web-api';
import type { Logger } from '../observability/logger.js';

/** A message as Baton needs it to quote it: what it says, who wrote it, the thread it is in. */
export interface SourceMessage {
  text: string;
  user: string | null;
  /** The thread parent when the message is a reply (not when it is the parent itself). */
  threadTs: string | null;
}

interface HistoryMessage {
  ts?: string;
  text?: string;
  user?: string;
  thread_ts?: string;
}

/** The message's permalink; null when Slack will not give one (the quote is still worth keeping). */
export async function messagePermalink(
  client: WebClient,
  channel: string,
  ts: string,
  logger: Logger,
): Promise<string | null> {
  try {
    const res = await client.chat.getPermalink({ channel, message_ts: ts });
    return res.permalink ?? null;
  } catch (error) {
    logger.warn('no permalink for a VOC source message', { error, channel, ts });
    return null;
  }
}

const asSource = (m: HistoryMessage): SourceMessage => ({
  text: m.text ?? '',
  user: m.user ?? null,
  threadTs: m.thread_ts && m.thread_ts !== m.ts ? m.thread_ts : null,
});

/**
 * A message a reaction names (channel and ts only): from the channel's history, or, for a thread
 * reply (which history leaves out), from its thread. Undefined when it is gone.
 */
export async function readMessage(
  client: WebClient,
  channel: string,
  ts: string,
): Promise<SourceMessage | undefined> {
  const history = await client.conversations.history({ channel, latest: ts, inclusive: true, limit: 1 });
  const top = (history.messages as HistoryMessage[] | undefined)?.find((m) => m.ts === ts);
  if (top) return asSource(top);
  // Slack resolves a reply's ts to its thread; the parent always comes first, then replies from `oldest`.
  const thread = await client.conversations.replies({ channel, ts, oldest: ts, inclusive: true, limit: 2 });
  const reply = (thread.messages as HistoryMessage[] | undefined)?.find((m) => m.ts === ts);
  return reply && asSource(reply);
}
