/**
 * SLA clock math over the team calendar: when a routed lead's first touch is due, and how much
 * working time lies between two instants. Pure: every instant is passed in, and every reading of
 * the wall clock goes through the team's time zone (daylight saving included).
 *
 * Working time is what `isWorkingTime` says it is: the calendar's working days, from
 * `workingHours.start` (inclusive) to `workingHours.end` (exclusive) on the team's clock, minus
 * holidays as whole days off. The math walks one working day's window at a time, never minute by
 * minute, so a week-long SLA costs a handful of steps.
 */
import type { WorkspaceConfig } from '../config/workspace-schema.js';
import { offsetMs, toLocal } from './time.js';
import {
  findNextWorkingStart,
  holidayDates,
  isWorkingTime,
  minuteOfDay,
  nextWorkingStart,
  type WorkingHours,
} from './working-time.js';

/** What the SLA clock reads of the calendar. */
export type BusinessCalendar = Pick<
  WorkspaceConfig['calendar'],
  'timeZone' | 'workingDays' | 'workingHours' | 'holidays'
>;
export type SlaClockPolicy = Pick<WorkspaceConfig['sla'], 'firstTouchMinutes' | 'clock'>;

const MINUTE_MS = 60_000;
const SECOND_MS = 1000;

/** The calendar in the shape `working-time` reads, resolved once per call. */
interface Resolved {
  readonly hours: WorkingHours;
  readonly timeZone: string;
  readonly holidays: readonly string[];
  readonly endMinute: number;
}

function resolve(calendar: BusinessCalendar): Resolved {
  const { workingDays, workingHours, timeZone } = calendar;
  return {
    hours: { days: workingDays, start: workingHours.start, end: workingHours.end },
    timeZone,
    holidays: holidayDates(calendar.holidays),
    endMinute: minuteOfDay(workingHours.end),
  };
}

/**
 * The first instant after `from` whose zone offset differs from `offset`, to the second.
 * Assumes the offset is `offset` at `from` and something else at `to`.
 */
function offsetChange(from: number, to: number, offset: number, timeZone: string): number {
  let same = Math.floor(from / SECOND_MS);
  let changed = Math.floor(to / SECOND_MS);
  while (changed - same > 1) {
    const mid = Math.floor((same + changed) / 2);
    if (offsetMs(new Date(mid * SECOND_MS), timeZone) === offset) same = mid;
    else changed = mid;
  }
  return changed * SECOND_MS;
}

/**
 * Where the stretch of working time that contains `at` (which must be working time) ends: the
 * first instant after it that is not working time. Without a daylight-saving change that is the
 * end of today's hours at today's offset. A change inside the window either ends it (the clock
 * jumps past the end, or falls back before a start it has already passed) or the window carries
 * on at the new offset.
 */
function windowEnd(at: number, cal: Resolved): number {
  let from = at;
  for (;;) {
    const local = toLocal(new Date(from), cal.timeZone);
    const offset = offsetMs(new Date(from), cal.timeZone);
    const wallEnd = Date.UTC(local.year, local.month - 1, local.day, 0, cal.endMinute);
    const end = wallEnd - offset;
    if (offsetMs(new Date(end - 1), cal.timeZone) === offset) return end;
    const change = offsetChange(from, end - 1, offset, cal.timeZone);
    if (!isWorkingTime(new Date(change), cal.hours, cal.timeZone, cal.holidays)) return change;
    from = change;
  }
}

/**
 * The instant `minutes` of working time after `start`: counting begins at `start` when it is
 * working time, else at the next working start. Zero minutes gives that starting instant. A
 * deadline that uses up a day's hours exactly is that day's end (18:00), not the next morning.
 * Throws a RangeError for a negative or non-finite `minutes`, or hours that never occur.
 */
export function addBusinessMinutes(start: Date, minutes: number, calendar: BusinessCalendar): Date {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`business minutes must be a finite number of at least 0, got ${minutes}`);
  }
  const cal = resolve(calendar);
  let remaining = minutes * MINUTE_MS;
  let cursor = nextWorkingStart(start, cal.hours, cal.timeZone, cal.holidays).getTime();
  for (;;) {
    const end = windowEnd(cursor, cal);
    if (remaining <= end - cursor) return new Date(cursor + remaining);
    remaining -= end - cursor;
    cursor = nextWorkingStart(new Date(end), cal.hours, cal.timeZone, cal.holidays).getTime();
  }
}

/**
 * The working time in [`from`, `to`), in minutes (exact, so possibly fractional: round as the
 * report needs). Zero when `to` is not after `from` or the hours never occur. The inverse of
 * `addBusinessMinutes`: `businessMinutesBetween(s, addBusinessMinutes(s, m)) === m`.
 */
export function businessMinutesBetween(from: Date, to: Date, calendar: BusinessCalendar): number {
  const cal = resolve(calendar);
  const until = to.getTime();
  let total = 0;
  let cursor = findNextWorkingStart(from, cal.hours, cal.timeZone, cal.holidays)?.getTime();
  while (cursor !== undefined && cursor < until) {
    const end = windowEnd(cursor, cal);
    total += Math.min(end, until) - cursor;
    if (end >= until) break;
    cursor = findNextWorkingStart(new Date(end), cal.hours, cal.timeZone, cal.holidays)?.getTime();
  }
  return total / MINUTE_MS;
}

/**
 * When a routed lead that arrived at `arrivedAt` must have its first touch: `firstTouchMinutes`
 * later on a 24/7 clock (`always`), or that much working time later on the team calendar
 * (`business`), starting at arrival inside working hours or at the next working start outside them.
 */
export function firstTouchDueAt(arrivedAt: Date, sla: SlaClockPolicy, calendar: BusinessCalendar): Date {
  if (sla.clock === 'always') return new Date(arrivedAt.getTime() + sla.firstTouchMinutes * MINUTE_MS);
  return addBusinessMinutes(arrivedAt, sla.firstTouchMinutes, calendar);
}

/**
 * Whether a first touch at `touchedAt` meets a clock due at `dueAt`: the due instant is inclusive,
 * so an activity logged at 18:00:00 for a clock due at 18:00:00 meets it (docs/funnel.md).
 */
export function meetsDue(touchedAt: Date, dueAt: Date): boolean {
  return touchedAt.getTime() <= dueAt.getTime();
}
