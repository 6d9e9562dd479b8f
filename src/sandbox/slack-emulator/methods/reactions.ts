import { ApiError } from '../api-error.js';
import type { SlackState } from '../state.js';
import type { SlackArgs, SlackObject } from '../types.js';
import { str } from '../values.js';
import type { MethodTable } from './method.js';

function add(state: SlackState, args: SlackArgs): SlackObject {
  const channel = state.conversation(args.channel);
  const message = state.find(channel, args.timestamp);
  if (!message) throw new ApiError('message_not_found');
  const name = str(args.name)?.replace(/^:|:$/g, '');
  if (!name || !/^[a-z0-9_+'-]+(::skin-tone-\d)?$/.test(name)) throw new ApiError('invalid_name');
  const { botUserId } = state.workspace;
  const reactions = (message.reactions ?? []) as { name: string; users: string[]; count: number }[];
  const reaction = reactions.find((r) => r.name === name);
  if (reaction?.users.includes(botUserId)) throw new ApiError('already_reacted');
  if (reaction) {
    reaction.users.push(botUserId);
    reaction.count++;
  } else {
    reactions.push({ name, users: [botUserId], count: 1 });
  }
  message.reactions = reactions;
  return {};
}

export const reactionsMethods: MethodTable = { 'reactions.add': add };
