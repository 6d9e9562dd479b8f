import type { App } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { ACTION_ITEM_VIEW } from '../../blocks/action-items.js';
import { TOUCH_VIEW } from '../../blocks/first-touch.js';
import { CONTEXT_VIEW } from '../../blocks/lead-context.js';
import { IMPORT_CONFIRM_VIEW, IMPORT_PICK_VIEW } from '../../blocks/lead-import-modal.js';
import { LEAD_NEW_CALLBACK } from '../../blocks/lead-modal.js';
import { ASSIGN_VIEW } from '../../blocks/lead-ownership.js';
import { CRM_WEBHOOK_VIEW } from '../../blocks/settings-crm.js';
import { SETUP_VIEWS } from '../../blocks/setup-common.js';
import { STAGE_VIEW } from '../../blocks/stage-move.js';
import { VOC_MODAL_VIEW } from '../../blocks/voc.js';
import { submitContext } from './add-context.js';
import { submitAssign } from './assign-lead.js';
import { submitTouch } from './first-touch.js';
import { submitImportConfirm, submitImportPick } from './lead-import.js';
import { leadNewSubmission } from './lead-new.js';
import { submitActionItem } from './retro-action-item.js';
import { submitWebhook } from './settings-crm.js';
import { submitSetup } from './setup.js';
import { submitStageMove } from './stage-move.js';
import { submitVoc } from './voc-modal.js';

export function registerViews(app: App, ctx: AppContext): void {
  app.view(LEAD_NEW_CALLBACK, leadNewSubmission(ctx));
  app.view(IMPORT_PICK_VIEW, submitImportPick(ctx));
  app.view(IMPORT_CONFIRM_VIEW, submitImportConfirm(ctx));
  app.view(ASSIGN_VIEW, submitAssign(ctx));
  app.view(CONTEXT_VIEW, submitContext(ctx));
  app.view(TOUCH_VIEW, submitTouch(ctx));
  app.view(STAGE_VIEW, submitStageMove(ctx));
  app.view(ACTION_ITEM_VIEW, submitActionItem(ctx));
  app.view(VOC_MODAL_VIEW, submitVoc(ctx));
  app.view(CRM_WEBHOOK_VIEW, submitWebhook(ctx));
  for (const [item, callbackId] of Object.entries(SETUP_VIEWS)) {
    app.view(callbackId, submitSetup(ctx, item as keyof typeof SETUP_VIEWS));
  }
}
