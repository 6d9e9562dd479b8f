import type { IneligibleDetail } from '../../domain/routing.js';
import type { Catalog } from '../../i18n/index.js';
import type { SellerStatus } from '../../services/roster-status.js';
import { slackDate } from '../mrkdwn.js';

/** Why a seller cannot take a lead now, in words. */
function whyNot(t: Catalog, e: IneligibleDetail): string {
  const r = t.rosterStatus;
  switch (e.reason) {
    case 'out_of_office':
      return e.until ? r.outOfOffice(slackDate(e.until)) : r.outOfOfficeOpenEnded;
    case 'outside_hours':
      return e.resumesAt ? r.outsideHours(slackDate(e.resumesAt)) : r.noHours;
    case 'at_cap':
      return r.atCap(e.openLeads, e.cap);
    case 'not_serving_segment':
      return r.noSegment;
    default:
      // Only sellers on the roster get a status line, so the other reasons do not arise here.
      return r.unavailable;
  }
}

/** `:large_green_circle: Eligible now · 2 open leads · last assigned <date>`, or why not. */
export function sellerStatusLine(t: Catalog, s: SellerStatus): string {
  const r = t.rosterStatus;
  const state = s.eligibility.eligible ? r.eligible : r.notEligible(whyNot(t, s.eligibility));
  const last = s.lastAssignedAt ? r.lastAssigned(slackDate(s.lastAssignedAt)) : r.neverAssigned;
  return `${state} · ${r.openLeads(s.openLeads)} · ${last}`;
}
