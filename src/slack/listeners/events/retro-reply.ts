import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import type { NoteOutcome, ThreadReply } from '../../../services/retro.js';
import { requestConfig } from '../request-config.js';

type Args = SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs;

/** The fields of a message event (or of the message inside a message_changed) that a note needs. */
interface MessageLike {
  subtype?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  ts?: string;
  thread_ts?: string;
}

// A person's own post: plain, also sent to the channel, or with a file. Everything else is Slack's or a bot's.
const PERSON_SUBTYPES = new Set([undefined, 'thread_broadcast', 'file_share']);

/** A thread reply written by a person, or undefined (bots, thread parents, top-level messages). */
function personReply(channel: string, m: MessageLike): ThreadReply | undefined {
  if (!PERSON_SUBTYPES.has(m.subtype) || m.bot_id || !m.user || !m.ts) return undefined;
  if (!m.thread_ts || m.thread_ts === m.ts) return undefined;
  return { channel, threadTs: m.thread_ts, ts: m.ts, userId: m.user, text: m.text ?? '' };
}

/**
 * Replies in a weekly retro's thread become retro notes; editing a reply edits its note and deleting
 * it removes the note. Only the retro channel is looked at; the service checks the thread is a retro's.
 */
export const retroReply =
  (ctx: AppContext) =>
  async ({ event, body, context }: Args): Promise<void> => {
    const { teamId, config } = requestConfig(ctx, context, body);
    if (event.channel !== config.channels.retro) return;
    const now = ctx.clock.now();
    const retro = ctx.services.retro;
    let outcome: NoteOutcome = 'unchanged';
    if (event.subtype === 'message_changed') {
      const reply = personReply(event.channel, event.message as MessageLike);
      if (reply) outcome = await retro.editNote(teamId, reply, now);
    } else if (event.subtype === 'message_deleted') {
      outcome = await retro.removeNote(teamId, event.channel, event.deleted_ts, now);
    } else {
      const reply = personReply(event.channel, event as MessageLike);
      if (reply) outcome = await retro.addNote(teamId, reply, now);
    }
    // A new or removed note changes the parent's participation: its refresh is queued.
    if (outcome === 'added' || outcome === 'removed') ctx.outbox.wake();
  };
