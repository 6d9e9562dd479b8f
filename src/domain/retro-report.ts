/**
 * The shapes of what the weekly retro and the monthly playbook review show, and of `/voc report`.
 * Every figure is defined in docs/retro.md. A retro's figures are computed once, when it opens,
 * and stored with it (`retros.snapshot`), so its thread and its later edits always agree.
 */
import type { VocCategory } from '../config/workspace/constants.js';
import type { Bottleneck, DealFigures, SpeedToLead } from './funnel-report.js';

/** Local dates (team time zone) and instants of a reviewed period; instants as ISO strings (JSON). */
export interface SnapshotPeriod {
  /** `2026-W10` or `2026-03`, or `YYYY-MM-DD..YYYY-MM-DD` for `/voc report` ranges. */
  key: string;
  firstDay: string;
  lastDay: string;
  start: string;
  end: string;
}

/** (a) One working stage of the reviewed week's cohort funnel. */
export interface RetroStage {
  stage: string;
  label: string;
  count: number;
  /** The week before. */
  previousCount: number;
  change: number;
  changeRate: number | null;
  conversion: number | null;
  /** The goal's figure for one week (its plan's `perWeek`); null without a goal. */
  goal: number | null;
}

export interface RetroFunnel {
  stages: RetroStage[];
  bottleneck: Bottleneck | null;
  /** The goal covering the reviewed week's Monday, if any. */
  goal: { deals: number; firstDay: string; lastDay: string } | null;
}

/** (b) One seller's first-touch SLA over the leads routed to them that arrived in the reviewed week. */
export interface SellerSla {
  userId: string;
  /** Routed leads created in the week and owned by the seller now. */
  leads: number;
  touched: number;
  met: number;
  breached: number;
  /** met / (met + breached); null when both are 0. */
  withinSla: number | null;
  /** Median working minutes from arrival to first touch over the touched leads. */
  medianMinutes: number | null;
}

/** (c) Deals decided in the reviewed week (flow, as `/funnel last-week flow`), with lost reasons. */
export interface RetroDeals extends DealFigures {
  /** Moves to Lost in the week per reason, largest first. */
  lostReasons: Array<{ reason: string; count: number }>;
}

/** (d) and `/voc report`: VOC captured in a period. `category: null` = not categorised yet. */
export interface VocFigures {
  total: number;
  previousTotal: number;
  byCategory: Array<{ category: VocCategory | null; count: number; previousCount: number; change: number }>;
  byCompetitor: Array<{ competitor: string; count: number }>;
  /** The most used tags, up to 5. */
  tags: Array<{ tag: string; count: number }>;
  /** Up to 5 quotes chosen as docs/retro.md says. */
  quotes: VocQuote[];
}

export interface VocQuote {
  id: number;
  quote: string;
  category: VocCategory | null;
  sentiment: 'positive' | 'neutral' | 'negative' | null;
  competitor: string | null;
  /** Who said it in Slack, when known, else who captured it. */
  authorId: string | null;
  capturedBy: string;
  permalink: string | null;
}

/** (e) An action item as it stood when the next retro opened. */
export interface RetroActionStatus {
  id: number;
  text: string;
  ownerId: string;
  dueOn: string | null;
  status: 'open' | 'done' | 'dropped';
  /** After this opening's carry-over (an item still open is carried once more). */
  carryCount: number;
}

/** Everything a weekly retro thread shows, fixed when it opens. */
export interface RetroSnapshot {
  /** The retro's own ISO week (it opens in this week and reviews the one before). */
  weekKey: string;
  reviewed: SnapshotPeriod;
  funnel: RetroFunnel;
  /** The team's speed to lead for the reviewed week (docs/funnel.md). */
  speed: SpeedToLead;
  /** Sellers on the roster, and anyone else who owned a lead of the week, by user id. */
  sellers: SellerSla[];
  deals: RetroDeals;
  voc: VocFigures;
  /** The previous weekly retro's items; empty when there was none. */
  previousActions: RetroActionStatus[];
  /** Roster members asked to take part (on the roster when it opened), by user id. */
  participants: string[];
}

/** Cadence-step completion over the reviewed month (docs/retro.md, "Monthly playbook review"). */
export interface CadenceStepFigures {
  step: number;
  day: number;
  label: string;
  due: number;
  done: number;
  skipped: number;
  unanswered: number;
  /** done / due; null when nothing was due. */
  completion: number | null;
}

/** One ISO week of the SLA trend. */
export interface SlaWeek {
  weekKey: string;
  firstDay: string;
  met: number;
  breached: number;
  withinSla: number | null;
  medianMinutes: number | null;
}

/** One working stage's median days in stage per ISO week of the trend. */
export interface StageTrend {
  stage: string;
  label: string;
  weeks: Array<{ weekKey: string; stays: number; medianDays: number | null }>;
}

export interface PlaybookSnapshot {
  /** The month the review opens in; it reviews the month before. */
  monthKey: string;
  reviewed: SnapshotPeriod;
  cadence: CadenceStepFigures[];
  /** The last four ISO weeks that ended before the review opened, oldest first. */
  sla: SlaWeek[];
  stages: StageTrend[];
}
