/**
 * A person's working time: weekly hours on their own wall clock, minus the team's holidays.
 * Pure: every instant is passed in, every reading goes through the zone's rules (DST included).
 */
import type { Holiday, Weekday } from '../config/workspace-schema.js';
import { fromLocal, type LocalDateTime, toLocal } from './time.js';

/** Weekly hours as the roster stores them (`MemberHours`); times are "HH:MM", start before end. */
export interface WorkingHours {
  readonly days: readonly Weekday[];
  readonly start: string;
  readonly end: string;
}

/** Indexed by `Date#getUTCDay()`. */
const DAY_BY_INDEX: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const SECOND_MS = 1000;
const HOUR_MS = 3_600_000;
/** Far enough to pass any run of holidays; a schedule with no working day in it has none at all. */
const SEARCH_DAYS = 3660;

/** The dates of the team calendar's holidays, as `isWorkingTime` takes them. */
export function holidayDates(holidays: readonly Holiday[]): string[] {
  return holidays.map((h) => h.date);
}

/** Minutes since midnight of a 24-hour "HH:MM" time; a RangeError for anything else. */
export function minuteOfDay(clock: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(clock);
  if (!m) throw new RangeError(`"${clock}" is not a 24-hour time like "09:00"`);
  return Number(m[1]) * 60 + Number(m[2]);
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (d: { year: number; month: number; day: number }) =>
  `${d.year}-${pad(d.month)}-${pad(d.day)}`;
const weekdayOf = (d: { year: number; month: number; day: number }): Weekday =>
  DAY_BY_INDEX[new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay()]!;

/** A wall-clock reading as a comparable number (ms as if the zone were UTC). */
function wallValue(l: LocalDateTime & { second?: number }): number {
  return Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second ?? 0);
}

function isWorkingDate(
  d: { year: number; month: number; day: number },
  hours: WorkingHours,
  holidays: ReadonlySet<string>,
): boolean {
  return hours.days.includes(weekdayOf(d)) && !holidays.has(isoDate(d));
}

function inside(at: Date, hours: WorkingHours, timeZone: string, holidays: ReadonlySet<string>): boolean {
  const start = minuteOfDay(hours.start);
  const end = minuteOfDay(hours.end);
  const l = toLocal(at, timeZone);
  if (!isWorkingDate(l, hours, holidays)) return false;
  const minute = l.hour * 60 + l.minute;
  return minute >= start && minute < end;
}

/**
 * Whether `at` falls within the working hours on the person's own clock in `timeZone`: on one
 * of `hours.days`, from `start` (inclusive) to `end` (exclusive), and not on a holiday. Holidays
 * are `YYYY-MM-DD` dates of the team calendar and count as whole days off in `timeZone`.
 */
export function isWorkingTime(
  at: Date,
  hours: WorkingHours,
  timeZone: string,
  holidays: readonly string[],
): boolean {
  return inside(at, hours, timeZone, new Set(holidays));
}

/**
 * The earliest instant in (`lo`, `hi`] whose wall-clock reading is at least `target`, to the
 * second. Assumes the reading only moves forward in that window and is below `target` at `lo`.
 */
function firstReadingAtLeast(lo: number, hi: number, target: number, timeZone: string): number {
  let below = Math.floor(lo / SECOND_MS);
  let atLeast = Math.ceil(hi / SECOND_MS);
  while (atLeast - below > 1) {
    const mid = Math.floor((below + atLeast) / 2);
    if (wallValue(toLocal(new Date(mid * SECOND_MS), timeZone)) >= target) atLeast = mid;
    else below = mid;
  }
  return Math.max(atLeast * SECOND_MS, lo + 1);
}

/** `nextWorkingStart`, or null when the hours never occur (no days, or start not before end). */
export function findNextWorkingStart(
  at: Date,
  hours: WorkingHours,
  timeZone: string,
  holidays: readonly string[],
): Date | null {
  const holidaySet = new Set(holidays);
  if (inside(at, hours, timeZone, holidaySet)) return at;
  const startMinute = minuteOfDay(hours.start);
  if (hours.days.length === 0 || startMinute >= minuteOfDay(hours.end)) return null;

  const now = at.getTime();
  const today = toLocal(at, timeZone);
  const nowReading = wallValue(today);
  for (let offset = 0; offset <= SEARCH_DAYS; offset++) {
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
    const local = {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: Math.floor(startMinute / 60),
      minute: startMinute % 60,
    };
    if (!isWorkingDate(local, hours, holidaySet)) continue;
    const target = wallValue(local);
    // Today's start is only ahead if the clock has not reached it yet.
    if (target <= nowReading) continue;

    let begins = fromLocal(local, timeZone).getTime();
    const exact = begins > now && wallValue(toLocal(new Date(begins), timeZone)) === target;
    if (!exact) {
      // Either the start fell in a spring-forward gap (work begins at the jump itself), or it
      // was a repeated fall-back time whose first occurrence is already behind `at`.
      begins =
        begins > now
          ? firstReadingAtLeast(Math.max(now, begins - 6 * HOUR_MS), begins, target, timeZone)
          : firstReadingAtLeast(now, now + 26 * HOUR_MS, target, timeZone);
    }
    // A window that lies wholly inside a skipped stretch of clock time does not happen that day.
    if (inside(new Date(begins), hours, timeZone, holidaySet)) return new Date(begins);
  }
  return null;
}

/**
 * The next instant working time begins: `at` itself when it is already working time, else the
 * start of the next working day's hours in `timeZone` (skipping non-working days and holidays).
 * A start time skipped by a daylight-saving jump begins at the jump. Throws a RangeError for
 * hours that never occur (no days, or start not before end).
 */
export function nextWorkingStart(
  at: Date,
  hours: WorkingHours,
  timeZone: string,
  holidays: readonly string[],
): Date {
  const next = findNextWorkingStart(at, hours, timeZone, holidays);
  if (!next) {
    throw new RangeError(`working hours ${hours.days.join(',')} ${hours.start}–${hours.end} never occur`);
  }
  return next;
}
