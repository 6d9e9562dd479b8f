import type { types } from '@slack/bolt';
import type { LeadRow } from '../../db/queries/leads.js';
import type { Catalog } from '../../i18n/index.js';
import type { RoutedNote, RoutingNote, SkipRecord } from '../../services/routing-notes.js';
import { mention, slackDate } from '../mrkdwn.js';
import { type Block, context } from './common.js';
import { escapedWithin, joinWithin } from './fit.js';

/** The matched company or domain, cut: it is the lead's own text. */
const MATCH_MAX = 200;

/** Pass on the card: for the seller a round-robin lead is offered to, until they accept. */
export const CARD_PASS_ACTION = 'lead_pass';

const plain = (text: string) => ({ type: 'plain_text' as const, text });
const date = (iso: string) => slackDate(new Date(iso));

function skipReason(t: Catalog, s: SkipRecord): string {
  switch (s.reason) {
    case 'out_of_office':
      return s.until
        ? t.routing.outOfOfficeUntil(slackDate(new Date(s.until), '{date_short_pretty}'))
        : t.routing.outOfOffice;
    case 'outside_hours':
      return t.routing.outsideHours;
    case 'at_cap':
      return t.routing.atCap(s.openLeads ?? 0, s.cap ?? 0);
    case 'passed':
      return t.routing.passedReason;
    case 'not_on_roster':
      return t.routing.notOnRoster;
    case 'not_a_seller':
      return t.routing.notASeller;
    case 'not_serving_segment':
      return t.routing.notServing;
  }
}

/** Sellers passed over; a roster of 60 would overflow the "why you" context of the offer DM. */
function skipList(t: Catalog, skipped: readonly SkipRecord[]): string {
  const skips = skipped.map((s) => t.routing.skip(mention(s.userId), skipReason(t, s)));
  return joinWithin(skips, ', ', SKIPS_MAX, (n) => `(+${n})`);
}
const SKIPS_MAX = 1500;

/** The one line that says why a lead went to its owner (thread note, and "why you" in their DM). */
export function routedText(t: Catalog, note: RoutedNote): string {
  const owner = mention(note.to);
  if (note.method === 'existing_account' && note.match) {
    const value = escapedWithin(note.match.value, MATCH_MAX);
    const match = note.match.by === 'domain' ? t.routing.sameDomain(value) : t.routing.sameCompany(value);
    return `${t.routing.accountOwner(owner, match)}.`;
  }
  const place =
    note.eligibleCount <= 1
      ? t.routing.onlyEligible
      : t.routing.place(t.routing.ordinal(note.position), note.eligibleCount);
  const span = t.sla.span(note.afterMinutes ?? 0, note.clock);
  const line =
    note.reassignedFrom !== undefined
      ? t.routing.slaReassigned(
          owner,
          note.reassignedFrom ? mention(note.reassignedFrom) : t.sla.nobody,
          span,
          place,
        )
      : note.method === 'auto_assign'
        ? t.routing.autoAssigned(owner, span, place)
        : t.routing.routed(owner, place);
  const skips = note.skipped.length ? t.routing.skippedTail(skipList(t, note.skipped)) : '';
  return `${line}${skips}.`;
}

export function routingNoteText(t: Catalog, note: RoutingNote): string {
  switch (note.kind) {
    case 'routed':
      return routedText(t, note);
    case 'routing_held':
      return t.routing.held(skipList(t, note.skipped) || t.routing.noSellers, date(note.retryAt));
    case 'routing_left': {
      const reasons = skipList(t, note.skipped) || t.routing.noSellers;
      return note.why === 'policy' ? t.routing.leftPolicy(reasons) : t.routing.leftNobodyComing(reasons);
    }
    case 'offer_accepted':
      return t.routing.accepted(mention(note.by));
    case 'offer_passed':
      return note.timedOutAfterMinutes === null
        ? t.routing.passed(mention(note.by))
        : t.routing.timedOut(mention(note.by), note.timedOutAfterMinutes);
  }
}

/** The card's line while an offer waits for its seller. */
export function offerPendingContext(t: Catalog, lead: LeadRow): Block {
  return context(t.routing.offerPending(lead.ownerId ? mention(lead.ownerId) : t.card.unclaimed));
}

export function cardPassButton(t: Catalog, lead: LeadRow): types.Button {
  return {
    type: 'button',
    action_id: CARD_PASS_ACTION,
    value: String(lead.id),
    text: plain(t.routing.passButton),
  };
}
