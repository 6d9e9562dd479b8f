/**
 * The retro's job chain (docs/retro.md, "Schedule"): which week or month a job books next, and
 * whether a job that runs late still does its work. Pure; the jobs in src/jobs/retro.ts follow it.
 */
import type { WeeklyTime } from '../config/workspace-schema.js';
import {
  isoWeekKey,
  localInstant,
  monthDays,
  monthKey,
  shiftMonth,
  shiftWeek,
  weeklyMoment,
  weekMonday,
} from './retro-calendar.js';

export type WeeklyJob = 'open' | 'nudge' | 'close';

/**
 * Until when a weekly job of `weekKey` still does its work: the open job until that week's close
 * (after it the week had no retro), the nudge and the close until the week ends.
 */
export function weeklyJobDeadline(
  job: WeeklyJob,
  weekKey: string,
  close: WeeklyTime,
  timeZone: string,
): Date {
  if (job === 'open') return weeklyMoment(weekKey, close, timeZone);
  return localInstant(weekMonday(shiftWeek(weekKey, 1)), '00:00', timeZone);
}

/** Until when the monthly review of `key` still opens: the end of that month. */
export function monthlyJobDeadline(key: string, timeZone: string): Date {
  return localInstant(monthDays(key).end, '00:00', timeZone);
}

// Keys compare as text: the year comes first and the week or month is zero-padded.
const later = (a: string, b: string) => (a > b ? a : b);

/**
 * The week a job of `weekKey` books next: the one after it, or the current week when the chain
 * fell behind (the app was down for weeks), so it catches up with one run rather than one per
 * missed week.
 */
export function nextChainWeek(weekKey: string, now: Date, timeZone: string): string {
  return later(shiftWeek(weekKey, 1), isoWeekKey(now, timeZone));
}

/** The month the monthly review of `key` books next (as nextChainWeek, by month). */
export function nextChainMonth(key: string, now: Date, timeZone: string): string {
  return later(shiftMonth(key, 1), monthKey(now, timeZone));
}
