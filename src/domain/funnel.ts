/**
 * Funnel math from aggregates (docs/funnel.md): cohort and flow counts per working stage,
 * conversion and change, the bottleneck, deals and stuck thresholds. Pure: the SQL layer hands
 * in grouped rows, never one row per lead.
 */
import type {
  Bottleneck,
  CompetitorFigures,
  DealFigures,
  FunnelGroup,
  StageFigures,
} from './funnel-report.js';
import { LOST } from './lead-stages.js';

/** A stage needs this many leads (or entries) before it can be called the bottleneck. */
export const BOTTLENECK_MIN_COUNT = 5;
/** A stage's historical median sets its stuck threshold only over at least this many stays. */
export const STUCK_MIN_STAYS = 5;
/** How far back stays count for the historical median behind a stuck threshold. */
export const STUCK_HISTORY_DAYS = 180;
/** The breakdown key of leads (or moves) without an owner. */
export const UNASSIGNED = 'unassigned';

/** The workspace's funnel as the math needs it. */
export interface FunnelShape {
  /** Working stages in order. */
  working: ReadonlyArray<{ key: string; label: string }>;
  wonStage: string;
  /** The currency of an amount recorded without one. */
  currency: string;
}

/** Cohort leads per furthest stage. */
export interface ReachRow {
  furthestStage: string | null;
  count: number;
}

/** Stage changes per (from, to); `fromStage` null is an arrival. */
export interface MoveRow {
  fromStage: string | null;
  toStage: string;
  count: number;
}

const keys = (shape: FunnelShape) => shape.working.map((s) => s.key);

/** Cohort: count(S) = leads whose furthest stage is S or later. Unknown stages are ignored. */
export function cohortCounts(working: readonly string[], rows: readonly ReachRow[]): number[] {
  const counts = working.map(() => 0);
  for (const row of rows) {
    const reached = row.furthestStage === null ? -1 : working.indexOf(row.furthestStage);
    for (let i = 0; i <= reached; i++) counts[i]! += row.count;
  }
  return counts;
}

/**
 * The working stages a move enters. An arrival enters its stage and every one before it; a
 * forward move enters every stage after `from` up to `to`; a reopening from a side stage enters
 * only `to`; moves back and moves into side stages enter nothing.
 */
export function enteredStages(from: string | null, to: string, working: readonly string[]): string[] {
  const target = working.indexOf(to);
  if (target < 0) return [];
  if (from === null) return working.slice(0, target + 1);
  const source = working.indexOf(from);
  if (source < 0) return [to];
  return target > source ? working.slice(source + 1, target + 1) : [];
}

/** A move from a working stage to an earlier one. */
export function isMoveBack(from: string | null, to: string, working: readonly string[]): boolean {
  if (from === null) return false;
  const [source, target] = [working.indexOf(from), working.indexOf(to)];
  return source >= 0 && target >= 0 && target < source;
}

/** Flow: count(S) = entries into S, skips expanded; moves back counted apart. */
export function flowCounts(
  working: readonly string[],
  rows: readonly MoveRow[],
): { counts: number[]; movesBack: number } {
  const counts = working.map(() => 0);
  let movesBack = 0;
  for (const row of rows) {
    if (isMoveBack(row.fromStage, row.toStage, working)) movesBack += row.count;
    for (const stage of enteredStages(row.fromStage, row.toStage, working)) {
      counts[working.indexOf(stage)]! += row.count;
    }
  }
  return { counts, movesBack };
}

/** count(next) / count(S); null for the last stage or an empty one. */
export function conversions(counts: readonly number[]): Array<number | null> {
  return counts.map((count, i) => (i + 1 < counts.length && count > 0 ? counts[i + 1]! / count : null));
}

/** What each working stage shows, besides its counts. */
export interface StageExtras {
  /** Median days in stage over stays that ended in the period, by stage key. */
  medianDays: ReadonlyMap<string, number>;
  /** Leads stuck now and the threshold used, by stage key (absent: none, no threshold). */
  stuck: ReadonlyMap<string, { count: number; thresholdDays: number | null }>;
}

export function stageFigures(
  shape: FunnelShape,
  counts: readonly number[],
  previousCounts: readonly number[],
  extras: StageExtras,
): StageFigures[] {
  const conversion = conversions(counts);
  const previousConversion = conversions(previousCounts);
  return shape.working.map((stage, i) => {
    const [count, previousCount] = [counts[i]!, previousCounts[i]!];
    const change = count - previousCount;
    const stuck = extras.stuck.get(stage.key);
    return {
      stage: stage.key,
      label: stage.label,
      count,
      previousCount,
      change,
      changeRate: previousCount > 0 ? change / previousCount : null,
      conversion: conversion[i]!,
      previousConversion: previousConversion[i]!,
      medianDays: extras.medianDays.get(stage.key) ?? null,
      stuck: stuck?.count ?? 0,
      stuckThresholdDays: stuck?.thresholdDays ?? null,
    };
  });
}

/**
 * Among the stages before the won stage with at least 5, the one converting least to the next
 * (ties: the earlier stage); null when no stage has 5.
 */
export function findBottleneck(stages: readonly StageFigures[], wonStage: string): Bottleneck | null {
  const won = stages.findIndex((s) => s.stage === wonStage);
  let worst: Bottleneck | null = null;
  for (const [i, s] of stages.slice(0, Math.max(0, won)).entries()) {
    if (s.count < BOTTLENECK_MIN_COUNT || s.conversion === null) continue;
    if (worst && s.conversion >= worst.conversion) continue;
    worst = {
      stage: s.stage,
      next: stages[i + 1]!.stage,
      conversion: s.conversion,
      previousConversion: s.previousConversion,
      medianDays: s.medianDays,
    };
  }
  return worst;
}

/** Won and lost deals with a competitor and an amount, as SQL groups them. */
interface DealTally {
  won: number;
  lost: number;
  competitor: string | null;
  currency: string | null;
  /** Sum of the won deals' amounts in the group (null: none recorded). */
  amountWon: number | null;
}

function tallyDeals(shape: FunnelShape, tallies: readonly DealTally[]): DealFigures {
  const amounts = new Map<string, number>();
  const competitors = new Map<string, { won: number; lost: number }>();
  let [won, lost] = [0, 0];
  for (const t of tallies) {
    won += t.won;
    lost += t.lost;
    if (t.amountWon !== null && t.won > 0) {
      const currency = t.currency ?? shape.currency;
      amounts.set(currency, (amounts.get(currency) ?? 0) + t.amountWon);
    }
    if (t.competitor !== null && t.won + t.lost > 0) {
      const c = competitors.get(t.competitor) ?? { won: 0, lost: 0 };
      competitors.set(t.competitor, { won: c.won + t.won, lost: c.lost + t.lost });
    }
  }
  const rate = (w: number, l: number) => (w + l > 0 ? w / (w + l) : null);
  const byCompetitor: CompetitorFigures[] = [...competitors]
    .map(([competitor, c]) => ({ competitor, won: c.won, lost: c.lost, winRate: rate(c.won, c.lost) }))
    .sort(
      (a, b) =>
        b.won + b.lost - (a.won + a.lost) || b.won - a.won || a.competitor.localeCompare(b.competitor),
    );
  return {
    won,
    lost,
    winRate: rate(won, lost),
    // Rounded to cents: sums of numeric(18, 2) amounts stay exact.
    amountWon: [...amounts]
      .map(([currency, amount]) => ({ currency, amount: Math.round(amount * 100) / 100 }))
      .sort((a, b) => b.amount - a.amount || a.currency.localeCompare(b.currency)),
    byCompetitor,
  };
}

/** Cohort leads grouped by furthest stage, competitor and currency. */
export interface CohortDealRow {
  furthestStage: string | null;
  competitor: string | null;
  currency: string | null;
  count: number;
  /** How many of them sit in Lost now. */
  lost: number;
  /** Sum of the group's amounts. */
  amount: number | null;
}

/**
 * Cohort deals: won = furthest stage at or after the won stage; lost = in Lost now without ever
 * having been won (a won customer who later leaves is churn, not a lost deal).
 */
export function cohortDeals(shape: FunnelShape, rows: readonly CohortDealRow[]): DealFigures {
  const working = keys(shape);
  const wonAt = working.indexOf(shape.wonStage);
  return tallyDeals(
    shape,
    rows.map((r) => {
      const isWon = r.furthestStage !== null && working.indexOf(r.furthestStage) >= wonAt;
      return {
        won: isWon ? r.count : 0,
        lost: isWon ? 0 : r.lost,
        competitor: r.competitor,
        currency: r.currency,
        amountWon: isWon ? r.amount : null,
      };
    }),
  );
}

/** Stage changes grouped by (from, to), competitor and currency recorded on the move. */
export interface FlowDealRow extends MoveRow {
  competitor: string | null;
  currency: string | null;
  /** Sum of the amounts recorded on the moves. */
  amount: number | null;
}

/** Flow deals: won = entries into the won stage (skips included); lost = moves into Lost. */
export function flowDeals(shape: FunnelShape, rows: readonly FlowDealRow[]): DealFigures {
  const working = keys(shape);
  return tallyDeals(
    shape,
    rows.map((r) => {
      const isWon = enteredStages(r.fromStage, r.toStage, working).includes(shape.wonStage);
      return {
        won: isWon ? r.count : 0,
        lost: r.toStage === LOST ? r.count : 0,
        competitor: r.competitor,
        currency: r.currency,
        amountWon: isWon ? r.amount : null,
      };
    }),
  );
}

/** The stages a lead can be stuck in: the working stages before the won stage. */
export function stuckStages(shape: FunnelShape): string[] {
  const working = keys(shape);
  return working.slice(0, Math.max(0, working.indexOf(shape.wonStage)));
}

/**
 * Days in a stage after which a lead is stuck: the configured days; 'off' never; unset, twice the
 * stage's historical median when it rests on at least 5 stays, else no threshold.
 */
export function stuckThresholdDays(
  configured: number | 'off' | null,
  history: { stays: number; medianDays: number | null } | undefined,
): number | null {
  if (configured === 'off') return null;
  if (configured !== null) return configured;
  if (!history || history.stays < STUCK_MIN_STAYS || history.medianDays === null) return null;
  return 2 * history.medianDays;
}

/** Rows of one breakdown value; `key` null means no owner. */
type Keyed<T> = T & { key: string | null };

function sortGroups(groups: FunnelGroup[]): FunnelGroup[] {
  return groups.sort((a, b) => {
    for (let i = 0; i < a.stages.length; i++) {
      const diff = b.stages[i]!.count - a.stages[i]!.count;
      if (diff !== 0) return diff;
    }
    return a.key.localeCompare(b.key);
  });
}

function buildGroups<T>(
  working: readonly string[],
  rows: ReadonlyArray<Keyed<T>>,
  count: (rows: T[]) => number[],
): FunnelGroup[] {
  const byKey = new Map<string, T[]>();
  for (const row of rows) {
    const key = row.key ?? UNASSIGNED;
    byKey.set(key, [...(byKey.get(key) ?? []), row]);
  }
  const groups = [...byKey].map(([key, groupRows]) => ({ key, counts: count(groupRows) }));
  return sortGroups(
    // A value whose moves all went into side stages or back has nothing to show.
    groups
      .filter((g) => g.counts.some((c) => c > 0))
      .map(({ key, counts }) => {
        const conversion = conversions(counts);
        return {
          key,
          stages: working.map((stage, i) => ({ stage, count: counts[i]!, conversion: conversion[i]! })),
        };
      }),
  );
}

/** Cohort breakdown: each value's leads counted as the cohort is. Largest first. */
export function cohortGroups(
  working: readonly string[],
  rows: ReadonlyArray<Keyed<ReachRow>>,
): FunnelGroup[] {
  return buildGroups(working, rows, (r) => cohortCounts(working, r));
}

/** Flow breakdown: each value's moves counted as the flow is. Largest first. */
export function flowGroups(working: readonly string[], rows: ReadonlyArray<Keyed<MoveRow>>): FunnelGroup[] {
  return buildGroups(working, rows, (r) => flowCounts(working, r).counts);
}
