/** Stage order and the rules of a stage move: pure, so the card, the command and the API agree. */

import { SIDE_STAGES } from '../config/workspace/constants.js';

/** Side states every workspace has (the config's fixed list): never ordered working stages. */
export const [LOST, DISQUALIFIED, RECYCLE] = SIDE_STAGES;
export const SIDE_STAGE_KEYS: readonly string[] = SIDE_STAGES;
/** The lost reason that needs a competitor named. */
export const LOST_TO_COMPETITOR = 'lost_to_competitor';

/** The stage sales accepting a lead moves it to: MQL → SAL when both are working stages. */
export function salesAcceptedStage(stage: string, working: readonly string[]): string | undefined {
  return stage === 'MQL' && working.includes('SAL') ? 'SAL' : undefined;
}

/** What a move needs to know about the workspace's funnel. */
export interface StageRules {
  working: readonly string[];
  dealStage: string;
  lostReasons: readonly string[];
  disqualifyReasons: readonly string[];
  defaultCurrency: string;
}

/** A requested move, as typed or sent: only `to` is always needed. */
export interface StageMoveRequest {
  to: string;
  reason?: string | null;
  competitor?: string | null;
  amount?: number | null;
  currency?: string | null;
  /** YYYY-MM-DD, for Recycle. */
  revisitOn?: string | null;
  note?: string | null;
}

/** The lead as a move sees it. */
export interface StageMoveLead {
  stage: string;
  furthestStage: string | null;
  amount: number | null;
  currency: string | null;
  competitor: string | null;
}

export type StageMoveProblem =
  | { code: 'unknown_stage'; stage: string; stages: readonly string[] }
  | { code: 'same_stage'; stage: string }
  | { code: 'reason_required'; stage: string; reasons: readonly string[] }
  | { code: 'unknown_reason'; stage: string; reason: string; reasons: readonly string[] }
  | { code: 'competitor_required' }
  | { code: 'amount_required'; stage: string }
  | { code: 'bad_amount' }
  | { code: 'bad_currency'; currency: string }
  | { code: 'revisit_required' }
  | { code: 'bad_date'; value: string }
  | { code: 'revisit_not_future'; revisitOn: string; today: string };

/** A move ready to store: the stage key as configured, and the deal fields it leaves on the lead. */
export interface StageMove {
  from: string;
  to: string;
  reason: string | null;
  competitor: string | null;
  amount: number | null;
  currency: string | null;
  revisitOn: string | null;
  note: string | null;
  furthestStage: string | null;
  direction: 'forward' | 'back' | 'side' | 'reopen';
}

export const isSideStage = (stage: string) => SIDE_STAGE_KEYS.includes(stage);

/** The stage key as configured for `input`, matched case-insensitively (`sql` → `SQL`). */
export function resolveStage(input: string, working: readonly string[]): string | undefined {
  const wanted = input.trim().toLowerCase();
  return [...working, ...SIDE_STAGE_KEYS].find((s) => s.toLowerCase() === wanted);
}

/** The later of two stages in working order (side stages and unknown keys never win). */
export function furthestOf(a: string | null, b: string, working: readonly string[]): string | null {
  const rank = (s: string | null) => (s === null ? -1 : working.indexOf(s));
  return rank(b) > rank(a) ? b : a;
}

/** From the deal stage on, a lead carries an amount (asked for when it has none yet). */
export function needsDeal(stage: string, rules: Pick<StageRules, 'working' | 'dealStage'>): boolean {
  const at = rules.working.indexOf(stage);
  return at >= 0 && at >= rules.working.indexOf(rules.dealStage);
}

/** Which reasons a stage asks for: Lost and Disqualified have lists, the rest none. */
export function reasonsFor(stage: string, rules: Pick<StageRules, 'lostReasons' | 'disqualifyReasons'>) {
  if (stage === LOST) return rules.lostReasons;
  if (stage === DISQUALIFIED) return rules.disqualifyReasons;
  return null;
}

function isIsoDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
  );
}

const clean = (value: string | null | undefined) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

/**
 * Checks a move against the funnel's rules. Skips and moves back are allowed; Lost and
 * Disqualified need a listed reason ("lost to competitor" a competitor too); Recycle a revisit day
 * after `today`; from the deal stage on, an amount unless the lead already has one.
 */
export function planStageMove(
  lead: StageMoveLead,
  request: StageMoveRequest,
  rules: StageRules,
  today: string,
): { ok: true; move: StageMove } | { ok: false; problem: StageMoveProblem } {
  const fail = (problem: StageMoveProblem) => ({ ok: false as const, problem });
  const to = resolveStage(request.to, rules.working);
  if (!to)
    return fail({ code: 'unknown_stage', stage: request.to, stages: [...rules.working, ...SIDE_STAGE_KEYS] });
  if (to === lead.stage) return fail({ code: 'same_stage', stage: to });

  const reasons = reasonsFor(to, rules);
  let reason = clean(request.reason);
  if (reasons) {
    if (!reason) return fail({ code: 'reason_required', stage: to, reasons });
    const listed = reasons.find((r) => r.toLowerCase() === reason!.toLowerCase());
    if (!listed) return fail({ code: 'unknown_reason', stage: to, reason, reasons });
    reason = listed;
  }
  const competitor = clean(request.competitor);
  if (to === LOST && reason === LOST_TO_COMPETITOR && !competitor)
    return fail({ code: 'competitor_required' });

  let amount = lead.amount;
  let currency = lead.currency;
  if (request.amount !== undefined && request.amount !== null) {
    if (!Number.isFinite(request.amount) || request.amount < 0 || request.amount >= 1e16)
      return fail({ code: 'bad_amount' });
    amount = Math.round(request.amount * 100) / 100;
    currency = null;
  }
  const askedCurrency = clean(request.currency)?.toUpperCase() ?? null;
  if (askedCurrency !== null && !/^[A-Z]{3}$/.test(askedCurrency))
    return fail({ code: 'bad_currency', currency: askedCurrency });
  if (askedCurrency) currency = askedCurrency;
  if (needsDeal(to, rules) && amount === null) return fail({ code: 'amount_required', stage: to });
  if (amount !== null && currency === null) currency = rules.defaultCurrency;

  const revisitOn = to === RECYCLE ? clean(request.revisitOn) : null;
  if (to === RECYCLE) {
    if (!revisitOn) return fail({ code: 'revisit_required' });
    if (!isIsoDate(revisitOn)) return fail({ code: 'bad_date', value: revisitOn });
    if (revisitOn <= today) return fail({ code: 'revisit_not_future', revisitOn, today });
  }

  const fromRank = rules.working.indexOf(lead.stage);
  const toRank = rules.working.indexOf(to);
  const direction = toRank < 0 ? 'side' : fromRank < 0 ? 'reopen' : toRank > fromRank ? 'forward' : 'back';
  return {
    ok: true,
    move: {
      from: lead.stage,
      to,
      reason,
      // A deal keeps the competitor last named on any of its moves.
      competitor: competitor ?? lead.competitor,
      amount,
      currency,
      revisitOn,
      note: clean(request.note),
      furthestStage: furthestOf(lead.furthestStage, to, rules.working),
      direction,
    },
  };
}

/**
 * A move Baton makes itself, which needs no checks: the MQL → SAL hand-off on claim or accept
 * (`forward`) and a recycled lead reopening (`reopen`). The deal fields stay as they are.
 */
export function systemMove(
  lead: StageMoveLead & { furthestStage: string | null },
  to: string,
  reason: string | null,
  working: readonly string[],
  direction: 'forward' | 'reopen',
): StageMove {
  return {
    from: lead.stage,
    to,
    reason,
    competitor: lead.competitor,
    amount: lead.amount,
    currency: lead.currency,
    revisitOn: null,
    note: null,
    furthestStage: furthestOf(lead.furthestStage, to, working),
    direction,
  };
}
