import type { SlaClock } from '../config/workspace/constants.js';
import type { Ineligible, SkippedSeller } from '../domain/routing.js';

/** How routing chose an owner. */
export type AssignMethod = 'round_robin' | 'auto_assign' | 'existing_account';

/** A seller routing passed over, as stored in events and queued notes (JSON: dates as ISO text). */
export interface SkipRecord {
  userId: string;
  reason: Ineligible;
  /** out_of_office: when it ends; null = until `/baton back`. */
  until?: string | null;
  /** outside_hours: when their hours begin; null = never. */
  resumesAt?: string | null;
  cap?: number;
  openLeads?: number;
}

export function skipRecord(s: SkippedSeller): SkipRecord {
  switch (s.reason) {
    case 'out_of_office':
      return { userId: s.userId, reason: s.reason, until: s.until?.toISOString() ?? null };
    case 'outside_hours':
      return { userId: s.userId, reason: s.reason, resumesAt: s.resumesAt?.toISOString() ?? null };
    case 'at_cap':
      return { userId: s.userId, reason: s.reason, cap: s.cap, openLeads: s.openLeads };
    default:
      return { userId: s.userId, reason: s.reason };
  }
}

/** The account a lead was matched to: by email domain or company name. */
export interface AccountMatchRecord {
  leadId: number;
  by: 'domain' | 'company';
  value: string;
}

/** Why a lead went to `to`, as one thread line (and the "why you" line of their DM). */
export interface RoutedNote {
  kind: 'routed';
  to: string;
  method: AssignMethod;
  /** 1-based place among the eligible sellers; 0 for an account match. */
  position: number;
  eligibleCount: number;
  /** Sellers passed over for now (out of office, outside hours, at cap, passed). */
  skipped: SkipRecord[];
  match?: AccountMatchRecord;
  /** auto_assign: how long the lead waited unclaimed. */
  afterMinutes?: number;
  /** The SLA clock `afterMinutes` counts on (absent on notes queued before it existed: plain minutes). */
  clock?: SlaClock;
  /** The SLA ladder's reassign: the owner it was taken from (the "why you" says so). */
  reassignedFrom?: string | null;
}

/** Thread notes routing queues (part of `ThreadNote`); rendered in the Slack layer. */
export type RoutingNote =
  | RoutedNote
  | { kind: 'routing_held'; skipped: SkipRecord[]; retryAt: string }
  | { kind: 'routing_left'; skipped: SkipRecord[]; why: 'policy' | 'nobody_coming' }
  | { kind: 'offer_accepted'; by: string }
  | { kind: 'offer_passed'; by: string; timedOutAfterMinutes: number | null };

/**
 * The DM routing sends the new owner (purpose `lead_offer`, channel = their user id). With
 * `acceptMinutes` it is an offer with Accept / Pass buttons; without, a notice of a direct assignment.
 */
export interface OfferDm {
  note: RoutedNote;
  /** The offer's identity: when they became owner (ISO). */
  offeredAt: string;
  acceptMinutes: number | null;
}

/** How an offer ended, shown by editing its DM (purpose `lead_offer_closed`). */
export type OfferOutcome = { kind: 'accepted' } | { kind: 'passed' } | { kind: 'timed_out'; minutes: number };

export interface OfferClosed {
  /** The dedupe key of the offer DM to edit. */
  offerKey: string;
  outcome: OfferOutcome;
}

export const OFFER_DM_PURPOSE = 'lead_offer';
export const OFFER_CLOSED_PURPOSE = 'lead_offer_closed';

export const offerDmKey = (leadId: number, userId: string, offeredAt: Date) =>
  `lead_offer:${leadId}:${userId}:${offeredAt.getTime()}`;
