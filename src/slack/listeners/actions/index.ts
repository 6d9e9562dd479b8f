import type { App } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { CLAIM_ACTION } from '../../blocks/lead-card.js';
import { claimLead } from './claim-lead.js';

export function registerActions(app: App, ctx: AppContext): void {
  app.action(CLAIM_ACTION, claimLead(ctx));
}
