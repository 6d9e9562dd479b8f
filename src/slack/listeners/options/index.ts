import type { App } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { TIME_ZONE_ACTION } from '../../blocks/setup-calendar.js';
import { VOC_LEAD_ACTION } from '../../blocks/voc.js';
import { timeZoneSearch } from './setup-time-zone.js';
import { vocLeadOptions } from './voc-lead.js';

/** Options for external selects (`block_suggestion`), answered in the ack. */
export function registerOptions(app: App, ctx: AppContext): void {
  app.options(VOC_LEAD_ACTION, vocLeadOptions(ctx));
  app.options(TIME_ZONE_ACTION, timeZoneSearch(ctx));
}
