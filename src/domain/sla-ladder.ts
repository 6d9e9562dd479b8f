/**
 * The escalation ladder of one lead as a plan: which configured steps will run, and when. Pure:
 * the arrival time, the SLA policy and the calendar are passed in.
 */
import type { EscalationStep, WorkspaceConfig } from '../config/workspace-schema.js';
import { addBusinessMinutes, type BusinessCalendar } from './business-time.js';

export interface PlannedStep {
  /** The step's place in `sla.escalations` (stable: the job's dedupe key and the event use it). */
  index: number;
  step: EscalationStep;
  dueAt: Date;
}

export type SlaLadderPolicy = Pick<WorkspaceConfig['sla'], 'clock' | 'escalations'>;

/**
 * When a step `minutes` after arrival is due on the SLA's clock: working minutes on `business`
 * (from the next working start when the lead arrives outside hours), plain minutes on `always`.
 * Routing's auto-assign uses it too, so every rung of the ladder counts on the same clock.
 */
export function stepDueAt(
  arrivedAt: Date,
  minutes: number,
  sla: Pick<SlaLadderPolicy, 'clock'>,
  calendar: BusinessCalendar,
): Date {
  return sla.clock === 'always'
    ? new Date(arrivedAt.getTime() + minutes * 60_000)
    : addBusinessMinutes(arrivedAt, minutes, calendar);
}

/**
 * The steps to schedule for a lead that arrived at `arrivedAt`, in ascending due order. On the
 * business clock a step is `afterMinutes` of working time after arrival (counting from the next
 * working start when it arrives outside hours); on `always` it is plain minutes.
 *
 * Disabled steps are left out, and so is `auto_assign`: claim mode's auto-assign is already
 * scheduled by routing (`Router.onIntake`, from this same ladder step via
 * `autoAssignAfterMinutes`), so planning it here would assign the lead twice.
 */
export function planLadder(arrivedAt: Date, sla: SlaLadderPolicy, calendar: BusinessCalendar): PlannedStep[] {
  return sla.escalations.flatMap((step, index): PlannedStep[] => {
    if (!step.enabled || step.action === 'auto_assign') return [];
    return [{ index, step, dueAt: stepDueAt(arrivedAt, step.afterMinutes, sla, calendar) }];
  });
}

/** A step counts as late when it runs more than this after its due time (e.g. after downtime). */
export const LATE_AFTER_MS = 60_000;

export const isLate = (dueAt: Date, ranAt: Date): boolean =>
  ranAt.getTime() - dueAt.getTime() > LATE_AFTER_MS;
