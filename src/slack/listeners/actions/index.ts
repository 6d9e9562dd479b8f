import type { App } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { ACTION_DONE_ACTION, ACTION_DROP_ACTION } from '../../blocks/action-items.js';
import { TOUCH_ACTION } from '../../blocks/first-touch.js';
import { CLAIM_ACTION } from '../../blocks/lead-card.js';
import { ADD_CONTEXT_ACTION } from '../../blocks/lead-context.js';
import { ASSIGN_ACTION, RELEASE_ACTION } from '../../blocks/lead-ownership.js';
import { OFFER_ACCEPT_ACTION, OFFER_PASS_ACTION } from '../../blocks/offer-dm.js';
import { ADD_ACTION_ITEM_ACTION } from '../../blocks/retro-ids.js';
import { CARD_PASS_ACTION } from '../../blocks/routing.js';
import { RETRO_DMS_ACTION } from '../../blocks/settings.js';
import { CRM_ADD_ACTION, CRM_MENU_ACTION } from '../../blocks/settings-crm.js';
import { SETUP_OPEN_ACTION } from '../../blocks/setup-common.js';
import { STAGE_ACTION } from '../../blocks/stage-move.js';
import { VOC_CATEGORY_ACTION, VOC_DETAILS_ACTION } from '../../blocks/voc.js';
import { WEBHOOK_RESUME_ACTION, WEBHOOK_TEST_ACTION } from '../../blocks/webhooks.js';
import {
  CADENCE_DONE_ACTION,
  CADENCE_SKIP_ACTION,
  CADENCE_SNOOZE_ACTION,
} from '../../outbox/cadence-render.js';
import { openContextFromCard } from './add-context.js';
import { answerCadence } from './cadence.js';
import { claimLead } from './claim-lead.js';
import { openTouchModal } from './first-touch.js';
import { openAssignModal, releaseLead } from './lead-ownership.js';
import { answerActionItem, openActionItemModal } from './retro-action-item.js';
import { answerOffer } from './routing-offer.js';
import { toggleRetroDms } from './settings.js';
import { answerWebhookMenu, openAddWebhook } from './settings-crm.js';
import { openSetupModal } from './setup.js';
import { moveStageFromCard } from './stage-move.js';
import { chooseVocCategory } from './voc-category.js';
import { openVocDetails } from './voc-details.js';
import { answerWebhookButton } from './webhooks.js';

export function registerActions(app: App, ctx: AppContext): void {
  app.action(CLAIM_ACTION, claimLead(ctx));
  app.action(ASSIGN_ACTION, openAssignModal(ctx));
  app.action(RELEASE_ACTION, releaseLead(ctx));
  app.action(ADD_CONTEXT_ACTION, openContextFromCard(ctx));
  app.action(TOUCH_ACTION, openTouchModal(ctx));
  app.action(STAGE_ACTION, moveStageFromCard(ctx));
  app.action(OFFER_ACCEPT_ACTION, answerOffer(ctx, 'accept'));
  app.action(OFFER_PASS_ACTION, answerOffer(ctx, 'pass'));
  app.action(CARD_PASS_ACTION, answerOffer(ctx, 'pass'));
  app.action(CADENCE_DONE_ACTION, answerCadence(ctx, 'done'));
  app.action(CADENCE_SKIP_ACTION, answerCadence(ctx, 'skip'));
  app.action(CADENCE_SNOOZE_ACTION, answerCadence(ctx, 'snooze'));
  app.action(ADD_ACTION_ITEM_ACTION, openActionItemModal(ctx));
  app.action(ACTION_DONE_ACTION, answerActionItem(ctx, 'done'));
  app.action(ACTION_DROP_ACTION, answerActionItem(ctx, 'drop'));
  app.action(RETRO_DMS_ACTION, toggleRetroDms(ctx));
  app.action(VOC_CATEGORY_ACTION, chooseVocCategory(ctx));
  app.action(VOC_DETAILS_ACTION, openVocDetails(ctx));
  app.action(SETUP_OPEN_ACTION, openSetupModal(ctx));
  app.action(WEBHOOK_TEST_ACTION, answerWebhookButton(ctx, 'test'));
  app.action(WEBHOOK_RESUME_ACTION, answerWebhookButton(ctx, 'resume'));
  app.action(CRM_ADD_ACTION, openAddWebhook(ctx));
  app.action(CRM_MENU_ACTION, answerWebhookMenu(ctx));
}
