/**
 * When the retro's moments fall (docs/retro.md, "Schedule"): ISO weeks and calendar months in the
 * team's time zone, and the instants their configured local times name. Pure, so the schedule is
 * unit-tested apart from the jobs that follow it.
 */
import { WEEKDAYS, type Weekday } from '../config/workspace/constants.js';
import { fromLocal, parseIsoDate, toLocal } from './time.js';

const DAY_MS = 86_400_000;

/** A local calendar day as days since 1970-01-01 (UTC arithmetic on local dates). */
const dayNumber = (d: { year: number; month: number; day: number }) =>
  Date.UTC(d.year, d.month - 1, d.day) / DAY_MS;
const isoDay = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
/** 0 = Monday … 6 = Sunday. */
const weekdayOf = (n: number) => (new Date(n * DAY_MS).getUTCDay() + 6) % 7;

/** The ISO week of a local day: its Thursday decides the year. */
function isoWeekOfDay(n: number): { year: number; week: number; monday: number } {
  const monday = n - weekdayOf(n);
  const thursday = monday + 3;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const jan4 = dayNumber({ year, month: 1, day: 4 });
  const week1Monday = jan4 - weekdayOf(jan4);
  return { year, week: (monday - week1Monday) / 7 + 1, monday };
}

const weekKeyOf = (w: { year: number; week: number }) => `${w.year}-W${String(w.week).padStart(2, '0')}`;
const WEEK_KEY = /^(\d{4})-W(\d{2})$/;
const MONTH_KEY = /^(\d{4})-(\d{2})$/;

/** `2026-W11`: the ISO week that contains `at` in the team's time zone. */
export function isoWeekKey(at: Date, timeZone: string): string {
  return weekKeyOf(isoWeekOfDay(dayNumber(toLocal(at, timeZone))));
}

/** The local date (`YYYY-MM-DD`) of the Monday of an ISO week key. */
export function weekMonday(weekKey: string): string {
  const m = WEEK_KEY.exec(weekKey);
  if (!m) throw new Error(`not an ISO week key: ${weekKey}`);
  const jan4 = dayNumber({ year: Number(m[1]), month: 1, day: 4 });
  return isoDay(jan4 - weekdayOf(jan4) + (Number(m[2]) - 1) * 7);
}

/** The ISO week key `weeks` weeks after (or before, when negative) `weekKey`. */
export function shiftWeek(weekKey: string, weeks: number): string {
  const monday = dayNumber(parseIsoDate(weekMonday(weekKey))!);
  return weekKeyOf(isoWeekOfDay(monday + weeks * 7));
}

/** The instant local clocks read `time` (`HH:MM`) on a local date. */
export function localInstant(date: string, time: string, timeZone: string): Date {
  const d = parseIsoDate(date);
  if (!d) throw new Error(`not a date: ${date}`);
  return fromLocal({ ...d, hour: Number(time.slice(0, 2)), minute: Number(time.slice(3, 5)) }, timeZone);
}

/** A weekly moment of the retro (open, nudge, close) in a given ISO week. */
export function weeklyMoment(
  weekKey: string,
  moment: { day: Weekday; time: string },
  timeZone: string,
): Date {
  const monday = dayNumber(parseIsoDate(weekMonday(weekKey))!);
  return localInstant(isoDay(monday + WEEKDAYS.indexOf(moment.day)), moment.time, timeZone);
}

/**
 * The first week whose `moment` is at or after `now`: this week's if it has not passed yet,
 * else next week's.
 */
export function nextWeeklyMoment(
  now: Date,
  moment: { day: Weekday; time: string },
  timeZone: string,
): { weekKey: string; at: Date } {
  const thisWeek = isoWeekKey(now, timeZone);
  const at = weeklyMoment(thisWeek, moment, timeZone);
  if (at.getTime() >= now.getTime()) return { weekKey: thisWeek, at };
  const next = shiftWeek(thisWeek, 1);
  return { weekKey: next, at: weeklyMoment(next, moment, timeZone) };
}

/** `2026-03`: the calendar month that contains `at` in the team's time zone. */
export function monthKey(at: Date, timeZone: string): string {
  const l = toLocal(at, timeZone);
  return `${l.year}-${String(l.month).padStart(2, '0')}`;
}

/** The month key `months` months after (or before) `key`. */
export function shiftMonth(key: string, months: number): string {
  const m = MONTH_KEY.exec(key);
  if (!m) throw new Error(`not a month key: ${key}`);
  const index = Number(m[1]) * 12 + Number(m[2]) - 1 + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The monthly review's instant in a month: its day (1–28, so every month has it) at its time. */
export function monthlyMoment(
  key: string,
  review: { dayOfMonth: number; time: string },
  timeZone: string,
): Date {
  return localInstant(`${key}-${String(review.dayOfMonth).padStart(2, '0')}`, review.time, timeZone);
}

/** The first month whose review moment is at or after `now`. */
export function nextMonthlyMoment(
  now: Date,
  review: { dayOfMonth: number; time: string },
  timeZone: string,
): { monthKey: string; at: Date } {
  const thisMonth = monthKey(now, timeZone);
  const at = monthlyMoment(thisMonth, review, timeZone);
  if (at.getTime() >= now.getTime()) return { monthKey: thisMonth, at };
  const next = shiftMonth(thisMonth, 1);
  return { monthKey: next, at: monthlyMoment(next, review, timeZone) };
}

/** The local dates [first, end) of a month key, end exclusive (the next month's first day). */
export function monthDays(key: string): { first: string; end: string } {
  return { first: `${key}-01`, end: `${shiftMonth(key, 1)}-01` };
}
