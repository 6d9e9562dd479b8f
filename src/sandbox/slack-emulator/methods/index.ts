import { appsMethods } from './apps.js';
import { authMethods } from './auth.js';
import { chatMethods } from './chat.js';
import { conversationsMethods } from './conversations.js';
import { filesMethods } from './files.js';
import type { MethodTable } from './method.js';
import { reactionsMethods } from './reactions.js';
import { usersMethods } from './users.js';
import { viewsMethods } from './views.js';

/** Every Web API method the fake answers; others answer `unknown_method`. */
export const methods: MethodTable = {
  ...appsMethods,
  ...authMethods,
  ...chatMethods,
  ...conversationsMethods,
  ...viewsMethods,
  ...usersMethods,
  ...reactionsMethods,
  ...filesMethods,
};
