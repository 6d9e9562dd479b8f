/**
 * The weekly retro's and the playbook review's math (docs/retro.md) over rows the SQL layer has
 * already grouped: reviewed periods, the stages against the goal, the sellers' SLA list, lost
 * reasons, cadence-step completion, and the weekly SLA and days-in-stage trends. Pure.
 */
import type { CadenceStep } from '../config/workspace-schema.js';
import type { SpeedToLead, StageFigures } from './funnel-report.js';
import { localInstant, monthDays, shiftWeek, weekMonday } from './retro-calendar.js';
import type {
  CadenceStepFigures,
  RetroStage,
  SellerSla,
  SlaWeek,
  SnapshotPeriod,
  StageTrend,
} from './retro-report.js';
import { isSeller } from './roles.js';

/** How many ISO weeks the playbook review's trends cover. */
export const TREND_WEEKS = 4;
/** The lost reason of a move into Lost that recorded none. */
export const UNKNOWN_REASON = 'unknown';

const DAY_MS = 86_400_000;

/** The local date before `YYYY-MM-DD`: the last day of a period that ends before it. */
export const dayBefore = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);

/** Local days [firstDay, endDay) as a snapshot period: midnight to midnight in the team's time zone. */
function localPeriod(key: string, firstDay: string, endDay: string, timeZone: string): SnapshotPeriod {
  return {
    key,
    firstDay,
    lastDay: dayBefore(endDay),
    start: localInstant(firstDay, '00:00', timeZone).toISOString(),
    end: localInstant(endDay, '00:00', timeZone).toISOString(),
  };
}

/** An ISO week (`2026-W10`), Monday 00:00 to the next Monday 00:00 local time. */
export function isoWeekPeriod(weekKey: string, timeZone: string): SnapshotPeriod {
  return localPeriod(weekKey, weekMonday(weekKey), weekMonday(shiftWeek(weekKey, 1)), timeZone);
}

/** A calendar month (`2026-02`), its first day 00:00 to the next month's first day 00:00 local time. */
export function monthPeriod(monthKey: string, timeZone: string): SnapshotPeriod {
  const { first, end } = monthDays(monthKey);
  return localPeriod(monthKey, first, end, timeZone);
}

/** The last `TREND_WEEKS` ISO weeks before `weekKey` (the week the review opens in), oldest first. */
export function trendWeeks(weekKey: string): string[] {
  return Array.from({ length: TREND_WEEKS }, (_, i) => shiftWeek(weekKey, i - TREND_WEEKS));
}

/** met / (met + breached); null when nothing was decided. */
export function withinSla(met: number, breached: number): number | null {
  return met + breached > 0 ? met / (met + breached) : null;
}

/** (a) The cohort stages of the reviewed week, each with the goal plan's per-week figure (null: no goal). */
export function retroStages(
  stages: readonly StageFigures[],
  goalPerWeek: ReadonlyMap<string, number> | null,
): RetroStage[] {
  return stages.map((s) => ({
    stage: s.stage,
    label: s.label,
    count: s.count,
    previousCount: s.previousCount,
    change: s.change,
    changeRate: s.changeRate,
    conversion: s.conversion,
    goal: goalPerWeek?.get(s.stage) ?? null,
  }));
}

/** One owner's routed leads of the week, as grouped in SQL. */
export interface OwnerSlaRow {
  ownerId: string;
  leads: number;
  touched: number;
  met: number;
  breached: number;
  medianMinutes: number | null;
}

/**
 * (b) Every seller (sdr or ae) on the roster, with 0 when they had no lead, and anyone else who
 * owned one; by leads, most first, then user id.
 */
export function sellerSla(
  roster: ReadonlyArray<{ userId: string; roles: readonly string[] }>,
  rows: readonly OwnerSlaRow[],
): SellerSla[] {
  const byOwner = new Map(rows.map((r) => [r.ownerId, r]));
  const ids = new Set([...roster.filter((m) => isSeller(m.roles)).map((m) => m.userId), ...byOwner.keys()]);
  return [...ids]
    .map((userId): SellerSla => {
      const r = byOwner.get(userId);
      if (!r) {
        return { userId, leads: 0, touched: 0, met: 0, breached: 0, withinSla: null, medianMinutes: null };
      }
      const { leads, touched, met, breached } = r;
      return {
        userId,
        leads,
        touched,
        met,
        breached,
        withinSla: withinSla(met, breached),
        medianMinutes: r.medianMinutes,
      };
    })
    .sort((a, b) => b.leads - a.leads || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
}

/** (c) Moves into Lost per recorded reason (none: `unknown`), largest first, ties by reason. */
export function lostReasons(
  rows: ReadonlyArray<{ reason: string | null; count: number }>,
): Array<{ reason: string; count: number }> {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const reason = r.reason || UNKNOWN_REASON;
    counts.set(reason, (counts.get(reason) ?? 0) + r.count);
  }
  return [...counts.entries()]
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0));
}

/** One cadence step's reminders that fell due in the month, counted once per lead and owner. */
export interface CadenceStepRow {
  step: number;
  due: number;
  done: number;
  skipped: number;
}

/**
 * Completion per configured step, in step order (steps with nothing due show 0); rows of steps
 * no longer configured are left out. Done wins over skipped, so the three parts add up to due.
 */
export function cadenceCompletion(
  steps: readonly CadenceStep[],
  rows: readonly CadenceStepRow[],
): CadenceStepFigures[] {
  const byStep = new Map(rows.map((r) => [r.step, r]));
  return steps.map((s, step) => {
    const r = byStep.get(step);
    const due = r?.due ?? 0;
    const done = r?.done ?? 0;
    const skipped = r?.skipped ?? 0;
    return {
      step,
      day: s.day,
      label: s.label,
      due,
      done,
      skipped,
      unanswered: due - done - skipped,
      completion: due > 0 ? done / due : null,
    };
  });
}

/** One week of the SLA trend from the team's speed to lead over the week's routed leads. */
export function slaWeek(
  weekKey: string,
  speed: Pick<SpeedToLead, 'met' | 'breached' | 'medianMinutes'>,
): SlaWeek {
  return {
    weekKey,
    firstDay: weekMonday(weekKey),
    met: speed.met,
    breached: speed.breached,
    withinSla: withinSla(speed.met, speed.breached),
    medianMinutes: speed.medianMinutes,
  };
}

/**
 * Days in stage per stage and week: every given stage, every week (0 stays and no median when
 * no stay ended that week). `perWeek[i]` holds week i's stays per stage.
 */
export function stageTrends(
  stages: ReadonlyArray<{ key: string; label: string }>,
  weeks: readonly string[],
  perWeek: ReadonlyArray<ReadonlyArray<{ stage: string; stays: number; medianDays: number | null }>>,
): StageTrend[] {
  return stages.map((s) => ({
    stage: s.key,
    label: s.label,
    weeks: weeks.map((weekKey, i) => {
      const found = perWeek[i]?.find((m) => m.stage === s.key);
      return {
        weekKey,
        stays: found?.stays ?? 0,
        medianDays: found && found.stays > 0 ? found.medianDays : null,
      };
    }),
  }));
}
