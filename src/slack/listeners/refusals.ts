import type { Catalog } from '../../i18n/index.js';
import type { OwnershipRefusal } from '../../services/lead-ownership.js';
import type { ClaimRefusal } from '../../services/leads.js';
import { escapeMrkdwn, mention } from '../mrkdwn.js';

/** The "how to be added" answer for someone not on the roster, naming the admins when there are any. */
export function notOnRosterText(t: Catalog, userId: string, adminIds: string[]): string {
  return t.home.notOnRoster(userId, adminIds.length ? adminIds.map(mention).join(', ') : t.home.anAdmin);
}

/** A refused assign or release, as an ephemeral (mrkdwn) answer to a button. */
export function ownershipRefusalText(t: Catalog, refusal: OwnershipRefusal, userId: string): string {
  switch (refusal.reason) {
    case 'not_on_roster':
      return notOnRosterText(t, userId, refusal.adminIds);
    case 'not_a_manager':
      return t.ownership.notAManager;
    case 'not_your_lead':
      return t.ownership.notYours(mention(refusal.ownerId));
    case 'assignee_not_serving':
      return t.ownership.assigneeNotServing(escapeMrkdwn(refusal.segment));
    default:
      return ownershipRefusalPlain(t, refusal);
  }
}

/** A refused assign, as plain text for a modal's input error. */
export function ownershipRefusalPlain(t: Catalog, refusal: OwnershipRefusal): string {
  switch (refusal.reason) {
    case 'not_on_roster':
      return t.ownership.notOnRosterPlain;
    case 'not_a_manager':
      return t.ownership.notAManagerPlain;
    case 'not_found':
      return t.ownership.notFound;
    case 'assignee_not_on_roster':
      return t.ownership.assigneeNotOnRoster;
    case 'assignee_not_a_seller':
      return t.ownership.assigneeNotASeller;
    case 'assignee_not_serving':
      return t.ownership.assigneeNotServing(refusal.segment);
    case 'already_owner':
      return t.ownership.alreadyOwner;
    case 'changed':
      return t.ownership.changed;
    case 'not_owned':
      return t.ownership.notOwned;
    case 'not_your_lead':
      return t.ownership.notYours(refusal.ownerId);
  }
}

/** A refused Claim, as an ephemeral answer to the button. */
export function claimRefusalText(t: Catalog, refused: ClaimRefusal, userId: string): string {
  switch (refused.reason) {
    case 'already_owned':
      return t.claim.alreadyClaimed(mention(refused.ownerId));
    case 'not_serving_segment':
      return t.claim.notServing(escapeMrkdwn(refused.segment));
    case 'not_a_seller':
      return t.claim.notASeller;
    case 'not_on_roster':
      return notOnRosterText(t, userId, []);
    case 'not_found':
      return t.claim.notFound;
  }
}
