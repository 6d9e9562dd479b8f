/**
 * The shape of a funnel report: what `/funnel`, App Home, the chart and the weekly retro read.
 * Every figure is defined in docs/funnel.md.
 */

export type FunnelMode = 'cohort' | 'flow';
export type FunnelBreakdown = 'segment' | 'source' | 'owner';

/** A period in the team's time zone, as UTC instants; the interval is [start, end). */
export interface ReportPeriod {
  /** What was asked for: this-week, last-month, 2026-01-05..2026-01-11, … */
  key: string;
  start: Date;
  /** The period's end, or now while the period is still running. */
  end: Date;
  /** The period just before, cut at the same elapsed time while this one runs. */
  previousStart: Date;
  previousEnd: Date;
  /** True while now is inside the period. */
  running: boolean;
  /** Local dates (team time zone) of the first and last day, for display. */
  firstDay: string;
  lastDay: string;
}

export interface StageFigures {
  stage: string;
  label: string;
  count: number;
  previousCount: number;
  /** count − previousCount. */
  change: number;
  /** change / previousCount; null when previousCount is 0. */
  changeRate: number | null;
  /** count(next) / count; null for the last working stage or when count is 0. */
  conversion: number | null;
  previousConversion: number | null;
  /** Median days in stage over stays that ended in the period; null when none did. */
  medianDays: number | null;
  /** Leads stuck in this stage now, and the threshold used (null = no threshold). */
  stuck: number;
  stuckThresholdDays: number | null;
}

export interface Bottleneck {
  stage: string;
  next: string;
  conversion: number;
  previousConversion: number | null;
  medianDays: number | null;
}

export interface CompetitorFigures {
  competitor: string;
  won: number;
  lost: number;
  /** won / (won + lost). */
  winRate: number | null;
}

export interface DealFigures {
  won: number;
  lost: number;
  winRate: number | null;
  /** Sums per currency, largest first; never added across currencies. */
  amountWon: Array<{ currency: string; amount: number }>;
  byCompetitor: CompetitorFigures[];
}

export interface SpeedToLead {
  /** Routed leads created in the period. */
  leads: number;
  /** Of those, with a first touch logged. */
  touched: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
  met: number;
  breached: number;
  /** met / (met + breached); null when both are 0. */
  withinSla: number | null;
}

/** One slice of a breakdown: its counts per working stage, in stage order. */
export interface FunnelGroup {
  key: string;
  stages: Array<{ stage: string; count: number; conversion: number | null }>;
}

export interface FunnelReport {
  mode: FunnelMode;
  period: ReportPeriod;
  /** Every working stage, in order. */
  stages: StageFigures[];
  /** Null when no stage before the won stage has at least 5. */
  bottleneck: Bottleneck | null;
  /** Flow only: moves back to an earlier working stage in the period (0 in cohort mode). */
  movesBack: number;
  deals: DealFigures;
  speed: SpeedToLead;
  /** Leads stuck now, over all stages. */
  stuckTotal: number;
  by: FunnelBreakdown | null;
  /** Per breakdown value (owner: user id or "unassigned"), largest first; null without `by`. */
  groups: FunnelGroup[] | null;
}

export interface FunnelQuery {
  period: ReportPeriod;
  mode: FunnelMode;
  by: FunnelBreakdown | null;
}
