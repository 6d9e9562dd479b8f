/**
 * Round-robin routing within a segment: who may take a lead right now, and who takes it.
 *
 * The rotation is stride scheduling. Each seller has a persisted `pass` (virtual time) per
 * segment; the eligible seller with the lowest pass gets the lead and their pass grows by
 * 1/weight, so over time each seller's share of leads follows their weight. Two rules keep that
 * fair as people come and go:
 *
 * - Nobody banks credit while unavailable. The virtual time is the lowest pass among the sellers
 *   eligible for this lead. Every seller the caller lists whose pass is below it is lifted to it,
 *   eligible or not, so someone on leave, outside their hours or at their cap keeps level with
 *   the rotation instead of falling behind, and is not flooded with catch-up leads on return.
 * - Nobody is reset. A newcomer (no pass yet) starts at the virtual time; everyone else's pass
 *   is left as it is.
 *
 * Callers should list every seller with a stored pass for the segment, including ones who have
 * left the roster or the segment, so those passes stay level too. As a backstop against a pass
 * that was left behind anyway (a row not listed for a while), the virtual time is never taken
 * as more than one stride below the highest eligible pass: in a running rotation every pass lies
 * within one stride of the lowest, so a lower one can only be stale.
 */
import type { MemberHours } from '../config/workspace-schema.js';
import { isAway } from './members.js';
import { isSeller } from './roles.js';
import { findNextWorkingStart, isWorkingTime } from './working-time.js';

export type Ineligible =
  | 'not_on_roster'
  | 'not_a_seller'
  | 'not_serving_segment'
  | 'out_of_office'
  | 'outside_hours'
  | 'at_cap'
  | 'passed';

/** Why a seller cannot take this lead, with what the caller needs to act on it. */
export type IneligibleDetail =
  | { reason: 'not_on_roster' | 'not_a_seller' | 'not_serving_segment' }
  /** Set by the caller, not by `eligibility`: they already passed on (or let time out) this lead. */
  | { reason: 'passed' }
  /** `until`: when the absence ends; null = open-ended. */
  | { reason: 'out_of_office'; until: Date | null }
  /** `resumesAt`: when their working hours next begin; null = their hours never occur. */
  | { reason: 'outside_hours'; resumesAt: Date | null }
  | { reason: 'at_cap'; cap: number; openLeads: number };

export type Eligibility = { eligible: true } | ({ eligible: false } & IneligibleDetail);

export interface EligibilityCandidate {
  userId: string;
  roles: readonly string[];
  segments: readonly string[];
  onRoster: boolean;
  outOfOffice: boolean;
  outOfOfficeUntil: Date | null;
  timeZone: string;
  workingHours: MemberHours;
  /** null = no cap. */
  maxOpenLeads: number | null;
  openLeads: number;
}

export interface EligibilityContext {
  segment: string;
  now: Date;
  /** `YYYY-MM-DD` dates from the team calendar. */
  holidays: readonly string[];
}

/**
 * Whether `candidate` may be routed a lead of `ctx.segment` at `ctx.now`. Checks run from the
 * most lasting obstacle to the most passing one, and the first that fails is the reason: roster,
 * seller role, segment, out of office, open-lead cap, then working hours. So `outside_hours`
 * means the seller would be eligible once their hours begin, which is what a `hold` needs.
 */
export function eligibility(candidate: EligibilityCandidate, ctx: EligibilityContext): Eligibility {
  if (!candidate.onRoster) return { eligible: false, reason: 'not_on_roster' };
  if (!isSeller(candidate.roles)) return { eligible: false, reason: 'not_a_seller' };
  if (!candidate.segments.includes(ctx.segment)) return { eligible: false, reason: 'not_serving_segment' };
  if (isAway(candidate, ctx.now)) {
    return { eligible: false, reason: 'out_of_office', until: candidate.outOfOfficeUntil };
  }
  const cap = candidate.maxOpenLeads;
  if (cap !== null && candidate.openLeads >= cap) {
    return { eligible: false, reason: 'at_cap', cap, openLeads: candidate.openLeads };
  }
  if (!isWorkingTime(ctx.now, candidate.workingHours, candidate.timeZone, ctx.holidays)) {
    const resumesAt = findNextWorkingStart(ctx.now, candidate.workingHours, candidate.timeZone, ctx.holidays);
    return { eligible: false, reason: 'outside_hours', resumesAt };
  }
  return { eligible: true };
}

export interface RotationCandidate {
  userId: string;
  /** Share of leads relative to others; a positive number (the roster allows 1–100). */
  weight: number;
  /** Stored pass for this segment; null = never routed here. */
  pass: number | null;
  lastAssignedAt: Date | null;
  eligibility: Eligibility;
}

export type SkippedSeller = { userId: string } & IneligibleDetail;

export interface RotationResult {
  /** Who gets the lead; null when nobody is eligible (hold it, or leave it to be claimed). */
  chosen: string | null;
  /** Pass values to persist: the chosen seller's new pass and every lifted one. Others unchanged. */
  passes: Record<string, number>;
  /** Ineligible candidates, in the order given, with their reasons. */
  skipped: SkippedSeller[];
  /** 1-based place of the chosen seller among the eligible, in the order given (roster order); 0 if none. */
  position: number;
  eligibleCount: number;
  /** The rotation's virtual time for this lead; null when nobody is eligible. */
  virtualTime: number | null;
}

/** Passes this close are equal: strides like 1/3 do not add up exactly in floating point. */
const EPSILON = 1e-9;

function stride(c: RotationCandidate): number {
  if (!Number.isFinite(c.weight) || c.weight <= 0) {
    throw new RangeError(`weight for ${c.userId} must be a positive number, got ${c.weight}`);
  }
  return 1 / c.weight;
}

/**
 * Picks the seller for the next lead by weighted stride scheduling: the lowest pass among the
 * eligible wins (after lifting, see the module comment); ties go to whoever was assigned least
 * recently (never counts as longest ago), then to the lower user id.
 */
export function chooseNext(input: { candidates: readonly RotationCandidate[] }): RotationResult {
  const seen = new Set<string>();
  for (const c of input.candidates) {
    if (seen.has(c.userId)) throw new RangeError(`${c.userId} is listed twice`);
    seen.add(c.userId);
  }

  const eligible = input.candidates.filter((c) => c.eligibility.eligible);
  const skipped: SkippedSeller[] = [];
  for (const c of input.candidates) {
    if (!c.eligibility.eligible) {
      const { eligible: _, ...detail } = c.eligibility;
      skipped.push({ userId: c.userId, ...detail });
    }
  }
  if (eligible.length === 0) {
    return { chosen: null, passes: {}, skipped, position: 0, eligibleCount: 0, virtualTime: null };
  }

  const strides = new Map(eligible.map((c) => [c.userId, stride(c)]));
  const routed = eligible.filter((c) => c.pass !== null);
  let virtualTime: number;
  if (routed.length > 0) {
    const passes = routed.map((c) => c.pass!);
    const highest = Math.max(...passes);
    const widestStride = Math.max(...routed.map((c) => strides.get(c.userId)!));
    virtualTime = Math.max(Math.min(...passes), highest - widestStride);
  } else {
    // Only newcomers are eligible: the others' passes, kept level while they were away, mark it.
    const known = input.candidates.filter((c) => c.pass !== null).map((c) => c.pass!);
    virtualTime = known.length > 0 ? Math.min(...known) : 0;
  }

  const passes: Record<string, number> = {};
  const current = new Map<string, number>();
  for (const c of input.candidates) {
    if (c.pass === null && !c.eligibility.eligible) continue;
    const lifted = c.pass === null || c.pass < virtualTime - EPSILON;
    const pass = lifted ? virtualTime : c.pass!;
    current.set(c.userId, pass);
    if (lifted) passes[c.userId] = pass;
  }

  const order = [...eligible].sort((a, b) => {
    const byPass = current.get(a.userId)! - current.get(b.userId)!;
    if (Math.abs(byPass) > EPSILON) return byPass;
    const at = a.lastAssignedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
    const bt = b.lastAssignedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
    if (at !== bt) return at < bt ? -1 : 1;
    return a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0;
  });
  const chosen = order[0]!;
  passes[chosen.userId] = current.get(chosen.userId)! + strides.get(chosen.userId)!;

  return {
    chosen: chosen.userId,
    passes,
    skipped,
    position: eligible.indexOf(chosen) + 1,
    eligibleCount: eligible.length,
    virtualTime,
  };
}

/** When the first seller now outside their hours comes back on, or null if none will. */
export function earliestResume(skipped: readonly SkippedSeller[]): Date | null {
  let earliest: Date | null = null;
  for (const s of skipped) {
    if (s.reason === 'outside_hours' && s.resumesAt && (!earliest || s.resumesAt < earliest)) {
      earliest = s.resumesAt;
    }
  }
  return earliest;
}

// ---- Explanation for the lead's thread ----

/** Reasons worth telling the team: the seller would normally have been in line. */
const PASSING_REASONS: readonly Ineligible[] = ['out_of_office', 'outside_hours', 'at_cap', 'passed'];

export interface AssignmentExplanation {
  method: 'weighted_rotation';
  segment: string;
  chosen: string | null;
  position: number;
  eligibleCount: number;
  /** Sellers passed over for now (out of office, outside hours, at cap, passed), in roster order. */
  skipped: SkippedSeller[];
  /** Candidates not in this rotation at all (not on the roster, not a seller, other segment). */
  excluded: SkippedSeller[];
  /** Plain English with `<@U…>` mentions; the Slack layer may render a localized one instead. */
  text: string;
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix =
    tens >= 11 && tens <= 13 ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function mention(userId: string): string {
  return /^[UW][A-Z0-9]+$/.test(userId) ? `<@${userId}>` : escapeText(userId);
}

function reasonText(s: SkippedSeller): string {
  switch (s.reason) {
    case 'out_of_office':
      return 'out of office';
    case 'outside_hours':
      return 'outside working hours';
    case 'at_cap':
      return `at their cap of ${s.cap} open lead${s.cap === 1 ? '' : 's'}`;
    case 'not_on_roster':
      return 'not on the roster';
    case 'not_a_seller':
      return 'not a seller';
    case 'not_serving_segment':
      return 'not in this segment';
    case 'passed':
      return 'passed on this lead';
  }
}

/**
 * Why the lead went where it did, e.g. `Round robin (smb): <@U1> — 3rd of 4 eligible by weighted
 * rotation; skipped <@U2> (out of office), <@U3> (at their cap of 20 open leads).` The structured
 * fields are the primary output; `text` only names the sellers skipped for passing reasons.
 */
export function explainAssignment(segment: string, result: RotationResult): AssignmentExplanation {
  const skipped = result.skipped.filter((s) => PASSING_REASONS.includes(s.reason));
  const excluded = result.skipped.filter((s) => !PASSING_REASONS.includes(s.reason));
  const head = `Round robin (${escapeText(segment)}): `;
  const skips = skipped.map((s) => `${mention(s.userId)} (${reasonText(s)})`).join(', ');
  let text: string;
  if (result.chosen === null) {
    text = skips ? `${head}no eligible seller; skipped ${skips}.` : `${head}no eligible seller.`;
  } else {
    const place =
      result.eligibleCount === 1
        ? 'the only eligible seller'
        : `${ordinal(result.position)} of ${result.eligibleCount} eligible by weighted rotation`;
    text = `${head}${mention(result.chosen)} — ${place}${skips ? `; skipped ${skips}` : ''}.`;
  }
  return {
    method: 'weighted_rotation',
    segment,
    chosen: result.chosen,
    position: result.position,
    eligibleCount: result.eligibleCount,
    skipped,
    excluded,
    text,
  };
}
