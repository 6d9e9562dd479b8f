/**
 * The sandbox's time controls: where "+15 min", "+1 h", "next working morning" and "next Monday
 * 10:00" land from a given instant, on the workspace's calendar. Pure; the sandbox's Baton applies
 * the result to its clock (src/sandbox/baton-entry.ts). Time never moves backwards.
 */
import type { BusinessCalendar } from '../domain/business-time.js';
import { fromLocal, toLocal } from '../domain/time.js';
import { findNextWorkingStart, holidayDates, isWorkingTime } from '../domain/working-time.js';

export const CLOCK_STEPS = ['15m', '1h', 'next-morning', 'next-monday'] as const;
export type ClockStep = (typeof CLOCK_STEPS)[number];

export const isClockStep = (value: unknown): value is ClockStep =>
  typeof value === 'string' && (CLOCK_STEPS as readonly string[]).includes(value);

const MINUTE_MS = 60_000;
const MONDAY_HOUR = 10;

/** Local midnight starting the calendar day `days` after `at`'s, in `timeZone`. */
function localMidnight(at: Date, days: number, timeZone: string): Date {
  const today = toLocal(at, timeZone);
  const d = new Date(Date.UTC(today.year, today.month - 1, today.day + days));
  return fromLocal(
    { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: 0, minute: 0 },
    timeZone,
  );
}

/**
 * The start of the next working day's hours after `now`: today's when work has not begun yet,
 * else the next working day's (holidays and days off skipped). During working hours it is
 * tomorrow's (or later) start, never `now` itself.
 */
export function nextWorkingMorning(now: Date, calendar: BusinessCalendar): Date {
  const hours = {
    days: calendar.workingDays,
    start: calendar.workingHours.start,
    end: calendar.workingHours.end,
  };
  const holidays = holidayDates(calendar.holidays);
  const from = isWorkingTime(now, hours, calendar.timeZone, holidays)
    ? localMidnight(now, 1, calendar.timeZone)
    : now;
  const next = findNextWorkingStart(from, hours, calendar.timeZone, holidays);
  // Hours that never occur: a day later, rather than no move at all.
  return next ?? new Date(now.getTime() + 24 * 60 * MINUTE_MS);
}

/** The next Monday 10:00 on the team's clock strictly after `now` (a week on when it is Monday 10:00 already). */
export function nextMondayTen(now: Date, timeZone: string): Date {
  for (let days = 0; days <= 7; days++) {
    const midnight = localMidnight(now, days, timeZone);
    const local = toLocal(midnight, timeZone);
    const weekday = new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay();
    if (weekday !== 1) continue;
    const at = fromLocal({ ...local, hour: MONDAY_HOUR, minute: 0 }, timeZone);
    if (at.getTime() > now.getTime()) return at;
  }
  // Unreachable: among eight consecutive days two are Mondays, the later one after `now`.
  throw new RangeError(`no Monday 10:00 after ${now.toISOString()} in ${timeZone}`);
}

/** Where `step` moves the clock from `now`; always later than `now`. */
export function clockTarget(step: ClockStep, now: Date, calendar: BusinessCalendar): Date {
  switch (step) {
    case '15m':
      return new Date(now.getTime() + 15 * MINUTE_MS);
    case '1h':
      return new Date(now.getTime() + 60 * MINUTE_MS);
    case 'next-morning':
      return nextWorkingMorning(now, calendar);
    case 'next-monday':
      return nextMondayTen(now, calendar.timeZone);
  }
}
