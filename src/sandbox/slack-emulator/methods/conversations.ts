import { ApiError, missing } from '../api-error.js';
import { dmChannel, type SlackState } from '../state.js';
import type { FakeMessage, SlackArgs, SlackObject } from '../types.js';
import { bool, str, tsMicros } from '../values.js';
import type { MethodTable } from './method.js';

function open(state: SlackState, args: SlackArgs): SlackObject {
  const channelArg = str(args.channel);
  if (channelArg) return { channel: { id: state.conversation(channelArg) } };
  const users = (str(args.users) ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  if (users.length === 0) throw new ApiError('users_list_not_supplied');
  if (users.length > 8) throw new ApiError('too_many_users');
  for (const u of users) if (!state.users.has(u)) throw new ApiError('user_not_found');
  if (users.length === 1 && users[0]) {
    const id = dmChannel(users[0]);
    const alreadyOpen = state.openedDms.has(id);
    state.openedDms.add(id);
    const channel = bool(args.return_im)
      ? {
          id,
          created: Math.floor(state.now().getTime() / 1000),
          is_im: true,
          is_org_shared: false,
          user: users[0],
        }
      : { id };
    return alreadyOpen ? { no_op: true, already_open: true, channel } : { channel };
  }
  const key = [...users].sort().join(',');
  let id = [...state.mpims].find(([, members]) => members.join(',') === key)?.[0];
  if (!id) {
    id = state.id('G');
    state.mpims.set(id, key.split(','));
  }
  return { channel: { id } };
}

function info(state: SlackState, args: SlackArgs): SlackObject {
  const id = state.conversation(args.channel);
  const created = Math.floor(state.now().getTime() / 1000);
  if (id.startsWith('D'))
    return { channel: { id, created, is_im: true, is_open: true, user: state.dmUser(id) } };
  const known = state.channels.get(id);
  return {
    channel: {
      id,
      name: state.channelName(id),
      created,
      is_channel: !known?.isPrivate && !state.mpims.has(id),
      is_group: Boolean(known?.isPrivate),
      is_mpim: state.mpims.has(id),
      is_im: false,
      is_private: Boolean(known?.isPrivate) || state.mpims.has(id),
      is_archived: Boolean(known?.isArchived),
      is_member: known?.botIsMember !== false,
    },
  };
}

/** The bot joins a public channel; private ones need an invite, as in Slack. */
function join(state: SlackState, args: SlackArgs): SlackObject {
  const id = state.conversation(args.channel);
  const known = state.channels.get(id);
  if (id.startsWith('D') || state.mpims.has(id) || known?.isPrivate)
    throw new ApiError('method_not_supported_for_channel_type');
  if (known?.isArchived) throw new ApiError('is_archived');
  const already = known?.botIsMember !== false;
  if (known) known.botIsMember = true;
  return { ...info(state, { channel: id }), ...(already ? { already_in_channel: true } : {}) };
}

function replies(state: SlackState, args: SlackArgs): SlackObject {
  const channel = state.conversation(args.channel);
  const ts = str(args.ts);
  if (!ts) throw missing('ts');
  const thread = state.thread(channel, ts);
  if (thread.length === 0) throw new ApiError('thread_not_found');
  const withMeta = bool(args.include_all_metadata);
  // As Slack does: `oldest`/`latest` bound the replies, and the parent always comes first.
  const [parent, ...rest] = thread;
  const list = [parent!, ...rest.filter(within(args))].map((m) => state.present(channel, m, withMeta));
  return page(list, args, 'asc');
}

/** Whether a message is inside the `oldest`/`latest` bounds of a history or replies call. */
function within(args: SlackArgs): (m: FakeMessage) => boolean {
  const oldest = str(args.oldest);
  const latest = str(args.latest);
  const inclusive = bool(args.inclusive);
  return (m) =>
    (!oldest || (inclusive ? tsMicros(m.ts) >= tsMicros(oldest) : tsMicros(m.ts) > tsMicros(oldest))) &&
    (!latest || (inclusive ? tsMicros(m.ts) <= tsMicros(latest) : tsMicros(m.ts) < tsMicros(latest)));
}

function history(state: SlackState, args: SlackArgs): SlackObject {
  const channel = state.conversation(args.channel);
  const withMeta = bool(args.include_all_metadata);
  const list = (state.messages.get(channel) ?? [])
    // History shows top-level messages and broadcast replies, not ordinary thread replies.
    .filter((m) => m.thread_ts === undefined || m.thread_ts === m.ts || m.subtype === 'thread_broadcast')
    .filter(within(args))
    .map((m) => state.present(channel, m, withMeta))
    .reverse();
  return page(list, args, 'desc');
}

/** Cursor pagination as Slack does it: base64("next_ts:<ts>"). */
function page(list: FakeMessage[], args: SlackArgs, order: 'asc' | 'desc'): SlackObject {
  const limit = Math.min(Math.max(Number(str(args.limit) ?? 100) || 100, 1), 1000);
  const cursor = str(args.cursor);
  let start = 0;
  if (cursor) {
    const nextTs = Buffer.from(cursor, 'base64')
      .toString('utf8')
      .replace(/^next_ts:/, '');
    start = Math.max(
      list.findIndex((m) => m.ts === nextTs),
      0,
    );
  }
  const messages = list.slice(start, start + limit);
  const next = list[start + limit];
  return {
    messages,
    has_more: next !== undefined,
    ...(order === 'desc' ? { pin_count: 0 } : {}),
    response_metadata: { next_cursor: next ? Buffer.from(`next_ts:${next.ts}`).toString('base64') : '' },
  };
}

export const conversationsMethods: MethodTable = {
  'conversations.open': open,
  'conversations.info': info,
  'conversations.join': join,
  'conversations.replies': replies,
  'conversations.history': history,
};
