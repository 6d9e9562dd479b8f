import { ApiError } from '../api-error.js';
import { messageContent } from '../blocks.js';
import type { SlackState } from '../state.js';
import type { SlackArgs, SlackObject } from '../types.js';
import { bool, str } from '../values.js';
import type { MethodTable } from './method.js';

function postMessage(state: SlackState, args: SlackArgs): SlackObject {
  const channel = state.conversation(args.channel, { allowUser: true });
  state.requireBotCanWrite(channel);
  const content = messageContent(args, { maxBlocks: 50 });
  const threadTs = str(args.thread_ts);
  const parent = threadTs ? state.find(channel, threadTs) : undefined;
  const message = state.botMessage({
    ...content,
    ...(threadTs ? { thread_ts: threadTs } : {}),
    ...(parent?.user ? { parent_user_id: parent.user } : {}),
    ...(threadTs && bool(args.reply_broadcast) ? { subtype: 'thread_broadcast' } : {}),
  });
  state.store(channel, message);
  return { channel, ts: message.ts, message: structuredClone(message) };
}

function update(state: SlackState, args: SlackArgs): SlackObject {
  const channel = state.conversation(args.channel);
  state.requireBotCanWrite(channel);
  const message = state.find(channel, args.ts);
  if (!message) throw new ApiError('message_not_found');
  if (!state.isOwn(message)) throw new ApiError('cant_update_message');
  // Fields left out of chat.update keep their previous value.
  Object.assign(message, messageContent(args, { maxBlocks: 50, requireContent: false }));
  message.edited = { user: state.workspace.botUserId, ts: state.nextTs() };
  return { channel, ts: message.ts, text: message.text, message: state.present(channel, message, true) };
}

function postEphemeral(state: SlackState, args: SlackArgs): SlackObject {
  const channel = state.conversation(args.channel);
  const user = str(args.user);
  if (!user || !state.users.has(user)) throw new ApiError('user_not_found');
  const threadTs = str(args.thread_ts);
  const message = state.botMessage({
    ...messageContent(args, { maxBlocks: 50 }),
    ...(threadTs ? { thread_ts: threadTs } : {}),
  });
  state.ephemerals.push({ channel, user, message });
  return { message_ts: message.ts };
}

function remove(state: SlackState, args: SlackArgs): SlackObject {
  const channel = state.conversation(args.channel);
  const message = state.find(channel, args.ts);
  if (!message) throw new ApiError('message_not_found');
  if (!state.isOwn(message)) throw new ApiError('cant_delete_message');
  state.remove(channel, message);
  return { channel, ts: message.ts };
}

function permalink(state: SlackState, args: SlackArgs): SlackObject {
  const channel = state.conversation(args.channel);
  const message = state.find(channel, args.message_ts);
  if (!message) throw new ApiError('message_not_found');
  let permalink = `https://${state.workspace.teamDomain}.slack.com/archives/${channel}/p${message.ts.replace('.', '')}`;
  if (message.thread_ts && message.thread_ts !== message.ts) {
    permalink += `?thread_ts=${message.thread_ts}&cid=${channel}`;
  }
  return { channel, permalink };
}

export const chatMethods: MethodTable = {
  'chat.postMessage': postMessage,
  'chat.update': update,
  'chat.postEphemeral': postEphemeral,
  'chat.delete': remove,
  'chat.getPermalink': permalink,
};
