import type { App } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { ADD_CONTEXT_SHORTCUT } from '../../blocks/lead-context.js';
import { addContextShortcut } from './add-context.js';

export function registerShortcuts(app: App, ctx: AppContext): void {
  app.shortcut({ callback_id: ADD_CONTEXT_SHORTCUT, type: 'message_action' }, addContextShortcut(ctx));
}
