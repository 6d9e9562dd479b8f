import { ApiError } from '../api-error.js';
import type { SlackState } from '../state.js';
import type { SlackObject } from '../types.js';
import type { MethodTable } from './method.js';

/** Socket Mode's first step: trade the app-level token for a WebSocket URL. */
function connectionsOpen(state: SlackState): SlackObject {
  if (!state.socketModeUrl) throw new ApiError('socket_mode_not_enabled');
  return { url: state.socketModeUrl };
}

export const appsMethods: MethodTable = { 'apps.connections.open': connectionsOpen };

/** Methods that take an app-level token (xapp-) instead of the bot token. */
export const APP_TOKEN_METHODS = new Set(Object.keys(appsMethods));
