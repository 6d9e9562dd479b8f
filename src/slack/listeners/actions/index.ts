import type { App } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { TOUCH_ACTION } from '../../blocks/first-touch.js';
import { CLAIM_ACTION } from '../../blocks/lead-card.js';
import { ADD_CONTEXT_ACTION } from '../../blocks/lead-context.js';
import { ASSIGN_ACTION, RELEASE_ACTION } from '../../blocks/lead-ownership.js';
import { OFFER_ACCEPT_ACTION, OFFER_PASS_ACTION } from '../../blocks/offer-dm.js';
import { CARD_PASS_ACTION } from '../../blocks/routing.js';
import { STAGE_ACTION } from '../../blocks/stage-move.js';
import { CADENCE_DONE_ACTION, CADENCE_SKIP_ACTION, CADENCE_SNOOZE_ACTION } from '../../cadence-render.js';
import { openContextFromCard } from './add-context.js';
import { answerCadence } from './cadence.js';
import { claimLead } from './claim-lead.js';
import { openTouchModal } from './first-touch.js';
import { openAssignModal, releaseLead } from './lead-ownership.js';
import { answerOffer } from './routing-offer.js';
import { moveStageFromCard } from './stage-move.js';

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
}
