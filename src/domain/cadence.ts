/**
 * The sales cadence of one owned lead as a plan: when each configured step's reminder is due.
 * Pure: the ownership time, the steps, the owner's zone and hours and the holidays are passed in.
 */
import type { CadenceAction, CadenceStep } from '../config/workspace-schema.js';
import type { ActivityKind } from './activity.js';
import { fromLocal, toLocal } from './time.js';
import { minuteOfDay, nextWorkingStart, type WorkingHours } from './working-time.js';

export interface CadenceMember {
  timeZone: string;
  workingHours: WorkingHours;
}

export interface PlannedCadenceStep {
  /** The step's place in `cadence.steps` (stable: the job's dedupe key and the events use it). */
  index: number;
  step: CadenceStep;
  dueAt: Date;
}

const MINUTE_MS = 60_000;

/**
 * Each step's reminder time, in step order. Day 1 is the day the lead was taken: with
 * `withinMinutes` at `ownerSince` + that many minutes, else at `ownerSince`; either moved to the
 * next working start when outside the member's hours. Day N is the start of the member's working
 * day N − 1 calendar days after `ownerSince` on their own clock, or the next working start after
 * it when that day is not a working day or is a holiday. Throws a RangeError for hours that never occur.
 */
export function planCadence(
  ownerSince: Date,
  steps: readonly CadenceStep[],
  member: CadenceMember,
  holidays: readonly string[],
): PlannedCadenceStep[] {
  const { timeZone, workingHours } = member;
  const taken = toLocal(ownerSince, timeZone);
  const start = minuteOfDay(workingHours.start);
  return steps.map((step, index): PlannedCadenceStep => {
    let at: Date;
    if (step.day <= 1) {
      at = new Date(ownerSince.getTime() + (step.withinMinutes ?? 0) * MINUTE_MS);
    } else {
      const date = new Date(Date.UTC(taken.year, taken.month - 1, taken.day + step.day - 1));
      at = fromLocal(
        {
          year: date.getUTCFullYear(),
          month: date.getUTCMonth() + 1,
          day: date.getUTCDate(),
          hour: Math.floor(start / 60),
          minute: start % 60,
        },
        timeZone,
      );
    }
    return { index, step, dueAt: nextWorkingStart(at, workingHours, timeZone, holidays) };
  });
}

/** The activity a Done on a step logs (LinkedIn messages count as "other"). */
export function cadenceActivityKind(action: CadenceAction): ActivityKind {
  return action === 'call' || action === 'email' || action === 'meeting' ? action : 'other';
}
