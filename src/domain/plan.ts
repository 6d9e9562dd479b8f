/**
 * Reverse planning (docs/funnel.md, "Reverse planning"): from a deal goal, work back through the
 * team's trailing cohort conversion rates to what every working stage needs, in all and per week,
 * and whose KPI each stage is. Pure. The result is serialisable: it is stored as a goal's plan and
 * read back by App Home and the weekly retro.
 */
import { KPI_ROLES, type KpiRole } from '../config/workspace-schema.js';
import type { ReportPeriod } from './funnel-report.js';
import { type PeriodProblem, parsePeriod } from './periods.js';
import { fromLocal, parseIsoDate, toLocal } from './time.js';

export const MIN_DEALS = 1;
export const MAX_DEALS = 100_000;

export type DealsProblem =
  | { kind: 'not_a_number'; text: string }
  | { kind: 'out_of_range'; deals: number; min: number; max: number };

/**
 * Why a stage's rate is what it is. `observed`: count(next) / count(S) of the trailing cohort.
 * `too_few`: count(S) was under the minimum sample, so the configured default was used.
 * `none_converted`: enough leads reached S but none reached the next stage; a rate of 0 cannot be
 * worked back through, so the default was used.
 */
export interface RateBasis {
  source: 'observed' | 'too_few' | 'none_converted';
  /** count(S) in the trailing cohort. */
  reached: number;
  /** count(next) in the trailing cohort. */
  next: number;
}

export interface PlanStage {
  stage: string;
  label: string;
  role: KpiRole;
  /** What the stage must reach in the period for the goal (renewals expected, after the won stage). */
  needed: number;
  perWeek: number;
  /** The rate to the next stage that was used (0–1]; null for the last working stage. */
  rate: number | null;
  basis: RateBasis | null;
}

export interface PlanKpi {
  role: KpiRole;
  stages: Array<Pick<PlanStage, 'stage' | 'label' | 'needed' | 'perWeek'>>;
}

export interface FunnelPlan {
  version: 1;
  deals: number;
  wonStage: string;
  /** The period's length in days, and in weeks (days / 7, rounded up). */
  days: number;
  weeks: number;
  trailingDays: number;
  minSample: number;
  /** Every working stage, in order. */
  stages: PlanStage[];
  /** Per role that owns a stage, in the order marketer, sdr, ae, cs. */
  kpis: PlanKpi[];
}

export interface PlanInput {
  deals: number;
  /** Working stages in order. */
  stages: ReadonlyArray<{ key: string; label: string }>;
  wonStage: string;
  kpiRoles: Readonly<Record<string, KpiRole>>;
  trailingDays: number;
  minSample: number;
  /** Every working stage but the last mapped to its default rate to the next stage (0–1]. */
  defaultRates: Readonly<Record<string, number>>;
  /** Leads created in the trailing window, by furthest working stage reached (null: none). */
  reach: ReadonlyArray<{ furthestStage: string | null; count: number }>;
  /** The period's length in days. */
  days: number;
}

/** Reads a deal goal: a whole number like `12` or `1,200`, from 1 to 100,000. */
export function parseDeals(text: string): { ok: true; deals: number } | { ok: false; problem: DealsProblem } {
  const trimmed = text.trim();
  if (!/^-?(\d+|\d{1,3}(,\d{3})+)$/.test(trimmed))
    return { ok: false, problem: { kind: 'not_a_number', text } };
  const deals = Number(trimmed.replaceAll(',', ''));
  const problem = dealsProblem(deals);
  return problem ? { ok: false, problem } : { ok: true, deals };
}

function dealsProblem(deals: number): DealsProblem | null {
  if (Number.isInteger(deals) && deals >= MIN_DEALS && deals <= MAX_DEALS) return null;
  return { kind: 'out_of_range', deals, min: MIN_DEALS, max: MAX_DEALS };
}

/** A rate as an exact fraction, so ceil(21 / 0.7) is 30 and not 31 from floating-point error. */
interface Fraction {
  num: bigint;
  den: bigint;
}

const DEFAULT_RATE_SCALE = 1_000_000n;

function fromDecimal(rate: number): Fraction {
  // Config rates are shares like 0.25; six decimals are more than any team writes.
  const num = BigInt(Math.max(1, Math.round(rate * Number(DEFAULT_RATE_SCALE))));
  return { num, den: DEFAULT_RATE_SCALE };
}

const ceilDiv = (a: bigint, b: bigint) => (a + b - 1n) / b;
/** ceil(n / rate): how many must reach a stage for n to reach the next. */
const workBack = (n: number, r: Fraction) => Number(ceilDiv(BigInt(n) * r.den, r.num));
/** ceil(n × rate): how many of n are expected to reach the next stage. */
const carryForward = (n: number, r: Fraction) => Number(ceilDiv(BigInt(n) * r.num, r.den));

/** count(S) for every working stage: cohort leads whose furthest stage is S or later. */
export function reachCounts(stages: readonly string[], reach: PlanInput['reach']): Map<string, number> {
  const atOrAfter = new Map(stages.map((s) => [s, 0]));
  for (const { furthestStage, count } of reach) {
    const index = furthestStage === null ? -1 : stages.indexOf(furthestStage);
    // Leads whose furthest stage is no longer a working stage are not counted anywhere.
    for (let i = 0; i <= index; i++) atOrAfter.set(stages[i]!, atOrAfter.get(stages[i]!)! + count);
  }
  return atOrAfter;
}

function chooseRate(
  stage: string,
  reached: number,
  next: number,
  input: PlanInput,
): { fraction: Fraction; basis: RateBasis } {
  if (reached >= input.minSample && next > 0) {
    return {
      fraction: { num: BigInt(next), den: BigInt(reached) },
      basis: { source: 'observed', reached, next },
    };
  }
  const fallback = input.defaultRates[stage];
  if (fallback === undefined) throw new Error(`no default plan rate for stage ${stage}`);
  return {
    fraction: fromDecimal(fallback),
    basis: { source: reached >= input.minSample ? 'none_converted' : 'too_few', reached, next },
  };
}

/** Works the plan back from the deal goal, or says why the goal cannot be planned. */
export function buildPlan(
  input: PlanInput,
): { ok: true; plan: FunnelPlan } | { ok: false; problem: DealsProblem } {
  const problem = dealsProblem(input.deals);
  if (problem) return { ok: false, problem };
  const keys = input.stages.map((s) => s.key);
  const won = keys.indexOf(input.wonStage);
  if (won < 0) throw new Error(`won stage ${input.wonStage} is not a working stage`);
  const counts = reachCounts(keys, input.reach);
  const rates = keys.map((stage, i) =>
    i === keys.length - 1 ? null : chooseRate(stage, counts.get(stage)!, counts.get(keys[i + 1]!)!, input),
  );

  const needed = new Array<number>(keys.length);
  needed[won] = input.deals;
  for (let i = won - 1; i >= 0; i--) needed[i] = workBack(needed[i + 1]!, rates[i]!.fraction);
  for (let i = won + 1; i < keys.length; i++)
    needed[i] = carryForward(needed[i - 1]!, rates[i - 1]!.fraction);

  const weeks = Math.ceil(input.days / 7);
  const stages = input.stages.map(({ key, label }, i): PlanStage => {
    const rate = rates[i];
    const role = input.kpiRoles[key];
    if (!role) throw new Error(`no KPI role for stage ${key}`);
    return {
      stage: key,
      label,
      role,
      needed: needed[i]!,
      perWeek: Math.ceil(needed[i]! / weeks),
      rate: rate ? Number(rate.fraction.num) / Number(rate.fraction.den) : null,
      basis: rate?.basis ?? null,
    };
  });
  const kpis = KPI_ROLES.flatMap((role): PlanKpi[] => {
    const owned = stages.filter((s) => s.role === role);
    return owned.length
      ? [
          {
            role,
            stages: owned.map(({ stage, label, needed, perWeek }) => ({ stage, label, needed, perWeek })),
          },
        ]
      : [];
  });
  return {
    ok: true,
    plan: {
      version: 1,
      deals: input.deals,
      wonStage: input.wonStage,
      days: input.days,
      weeks,
      trailingDays: input.trailingDays,
      minSample: input.minSample,
      stages,
      kpis,
    },
  };
}

/** What a plan needs of a period: its local days, both included, and how it was asked for. */
export type PlanPeriod = Pick<ReportPeriod, 'key' | 'firstDay' | 'lastDay'>;

/** The period a plan covers when none is given: quarters are how B2B teams set deal targets. */
export const DEFAULT_PLAN_PERIOD = 'this-quarter';
/** How far ahead a goal's period may start, in days. */
export const MAX_DAYS_AHEAD = 366;

export type PlanCommand =
  | { kind: 'help' }
  | { kind: 'plan'; set: boolean; deals: number; period: PlanPeriod }
  | { kind: 'error'; set: boolean; problem: PlanCommandProblem };

export type PlanCommandProblem =
  | DealsProblem
  | { kind: 'missing_deals' }
  | { kind: 'period'; problem: Exclude<PeriodProblem, { code: 'future' }> }
  | { kind: 'too_far_ahead'; first: string; max: number }
  | { kind: 'extra'; text: string };

const DAY_MS = 86_400_000;

/**
 * Reads what follows `/funnel plan`: `[set] <deals> [period]`, the period defaulting to this
 * quarter. Unlike a report, a plan may be for a date range that has not started yet (next month's
 * goal), up to a year ahead.
 */
export function parsePlanCommand(rest: string, now: Date, timeZone: string): PlanCommand {
  const words = rest.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0 || (words.length === 1 && words[0]!.toLowerCase() === 'help'))
    return { kind: 'help' };
  const set = words[0]!.toLowerCase() === 'set';
  const [dealsText, periodText, ...extra] = set ? words.slice(1) : words;
  const error = (problem: PlanCommandProblem): PlanCommand => ({ kind: 'error', set, problem });
  if (dealsText === undefined) return error({ kind: 'missing_deals' });
  const deals = parseDeals(dealsText);
  if (!deals.ok) return error(deals.problem);
  if (extra.length) return error({ kind: 'extra', text: extra.join(' ') });
  const period = planPeriod(periodText ?? DEFAULT_PLAN_PERIOD, now, timeZone);
  return period.ok ? { kind: 'plan', set, deals: deals.deals, period: period.period } : error(period.problem);
}

function planPeriod(
  text: string,
  now: Date,
  timeZone: string,
): { ok: true; period: PlanPeriod } | { ok: false; problem: PlanCommandProblem } {
  const parsed = parsePeriod(text, now, timeZone);
  if (parsed.ok) return parsed;
  const { problem } = parsed;
  if (problem.code !== 'future') return { ok: false, problem: { kind: 'period', problem } };
  const first = parseIsoDate(problem.first)!;
  const today = toLocal(now, timeZone);
  const ahead = (utcMidnight(first) - utcMidnight(today)) / DAY_MS;
  if (ahead > MAX_DAYS_AHEAD) {
    return { ok: false, problem: { kind: 'too_far_ahead', first: problem.first, max: MAX_DAYS_AHEAD } };
  }
  // Seen from its own first morning the range is no longer in the future; its days stay the same.
  const seen = parsePeriod(text, fromLocal({ ...first, hour: 0, minute: 0 }, timeZone), timeZone);
  if (!seen.ok) throw new Error(`period ${text} failed again from its first day: ${seen.problem.code}`);
  return seen;
}

const utcMidnight = (d: { year: number; month: number; day: number }) => Date.UTC(d.year, d.month - 1, d.day);

/** A goal's period as stored: local dates [start, end), the end being the day after the last. */
export function goalDates(period: PlanPeriod): {
  periodStart: string;
  periodEnd: string;
} {
  const last = parseIsoDate(period.lastDay)!;
  const end = new Date(Date.UTC(last.year, last.month - 1, last.day + 1)).toISOString().slice(0, 10);
  return { periodStart: period.firstDay, periodEnd: end };
}
