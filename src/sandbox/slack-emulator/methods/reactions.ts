import { ApiError } from '../api-error.js';
import type { SlackState } from '../state.js';
import type { SlackArgs, SlackObject } from '../types.js';
import { str } from '../values.js';
import type { MethodTable } from './method.js';

/** Stores `user`'s reaction on a message, with Slack's errors; the bot's (reactions.add) and a person's alike. */
export function react(
  state: SlackState,
  channelArg: unknown,
  ts: unknown,
  nameArg: unknown,
  user: string,
): void {
  const channel = state.conversation(channelArg);
  const message = state.find(channel, ts);
  if (!message) throw new ApiError('message_not_found');
  const name = str(nameArg)?.replace(/^:|:$/g, '');
  if (!name || !/^[a-z0-9_+'-]+(::skin-tone-\d)?$/.test(name)) throw new ApiError('invalid_name');
  const reactions = (message.reactions ?? []) as { name: string; users: string[]; count: number }[];
  const reaction = reactions.find((r) => r.name === name);
  if (reaction?.users.includes(user)) throw new ApiError('already_reacted');
  if (reaction) {
    reaction.users.push(user);
    reaction.count++;
  } else {
    reactions.push({ name, users: [user], count: 1 });
  }
  message.reactions = reactions;
}

function add(state: SlackState, args: SlackArgs): SlackObject {
  react(state, args.channel, args.timestamp, args.name, state.workspace.botUserId);
  return {};
}

export const reactionsMethods: MethodTable = { 'reactions.add': add };
