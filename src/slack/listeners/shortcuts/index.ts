import type { App } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { ADD_CONTEXT_SHORTCUT } from '../../blocks/lead-context.js';
import { ACTION_ITEM_SHORTCUT, VOC_SHORTCUT } from '../../blocks/retro-ids.js';
import { addContextShortcut } from './add-context.js';
import { actionItemShortcut } from './retro-action-item.js';
import { saveVocShortcut } from './voc-save.js';

export function registerShortcuts(app: App, ctx: AppContext): void {
  app.shortcut({ callback_id: ADD_CONTEXT_SHORTCUT, type: 'message_action' }, addContextShortcut(ctx));
  app.shortcut({ callback_id: ACTION_ITEM_SHORTCUT, type: 'message_action' }, actionItemShortcut(ctx));
  app.shortcut({ callback_id: VOC_SHORTCUT, type: 'message_action' }, saveVocShortcut(ctx));
}
