import type { Catalog } from '../../i18n/index.js';
import type { TouchRefusal } from '../../services/first-touch.js';
import { mention } from '../mrkdwn.js';
import { notOnRosterText } from './refusals.js';

/** A refused touch, as an ephemeral (mrkdwn) answer to a button or command. */
export function touchRefusalText(t: Catalog, refusal: TouchRefusal, userId: string): string {
  switch (refusal.reason) {
    case 'not_on_roster':
      return notOnRosterText(t, userId, refusal.adminIds);
    case 'not_your_lead':
      return refusal.ownerId ? t.touch.notYours(mention(refusal.ownerId)) : t.touch.notYoursUnowned;
    default:
      return touchRefusalPlain(t, refusal);
  }
}

/** A refused touch, as plain text for a modal's input error. */
export function touchRefusalPlain(t: Catalog, refusal: TouchRefusal): string {
  switch (refusal.reason) {
    case 'not_on_roster':
      return t.touch.notOnRosterPlain;
    case 'not_your_lead':
      return refusal.ownerId ? t.touch.notYours(refusal.ownerId) : t.touch.notYoursUnowned;
    case 'not_found':
      return t.touch.notFound;
    case 'before_arrival':
      return t.touch.beforeArrival;
  }
}
