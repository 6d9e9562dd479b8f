/**
 * What routing does when nobody is eligible for a lead right now: hold it and try again when
 * someone may be, or leave it in the channel for anyone to claim.
 */
import type { OutsideHoursPolicy } from '../config/workspace-schema.js';
import { earliestResume, type SkippedSeller } from './routing.js';

/** How often a held lead is tried again when no skipped seller has a known time to come back. */
export const HOLD_RETRY_MS = 15 * 60_000;

export type NobodyEligible =
  | { action: 'hold'; retryAt: Date }
  /** `policy`: the segment says skip; `nobody_coming`: waiting would not help (all passed or excluded). */
  | { action: 'leave'; why: 'policy' | 'nobody_coming' };

/**
 * `hold` tries again at the earliest moment someone may be eligible: when the first seller now
 * outside their hours starts work, or in `HOLD_RETRY_MS` while anyone is away or at their cap (they
 * may come back or close a lead at any time), whichever is sooner. When nobody skipped can become
 * eligible by waiting (everyone passed, or hours that never occur) the lead is left to be claimed.
 */
export function whenNobodyEligible(
  policy: OutsideHoursPolicy,
  skipped: readonly SkippedSeller[],
  now: Date,
): NobodyEligible {
  if (policy === 'skip') return { action: 'leave', why: 'policy' };
  const resume = earliestResume(skipped);
  const polling = skipped.some((s) => s.reason === 'out_of_office' || s.reason === 'at_cap');
  if (!resume && !polling) return { action: 'leave', why: 'nobody_coming' };
  const poll = polling ? now.getTime() + HOLD_RETRY_MS : Number.POSITIVE_INFINITY;
  const at = Math.min(resume ? resume.getTime() : Number.POSITIVE_INFINITY, poll);
  return { action: 'hold', retryAt: new Date(Math.max(at, now.getTime())) };
}
