import type { SlackState } from '../state.js';
import type { SlackArgs, SlackObject } from '../types.js';

/** A Web API method: answers from the fake's state, or throws ApiError to answer `{ ok: false, error }`. */
export type Method = (state: SlackState, args: SlackArgs) => SlackObject | Promise<SlackObject>;

/** Web API methods by name. */
export type MethodTable = Record<string, Method>;
