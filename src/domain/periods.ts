/**
 * Report periods in the team's time zone (docs/funnel.md, "Periods"): weeks from Monday 00:00
 * local time, calendar months and quarters, and inclusive date ranges, each with the period
 * just before it — cut at the same elapsed local time while the period is still running.
 */
import type { ReportPeriod } from './funnel-report.js';
import { fromLocal, offsetMs, parseIsoDate, toLocal } from './time.js';

export const PERIOD_KEYWORDS = [
  'this-week',
  'last-week',
  'this-month',
  'last-month',
  'this-quarter',
  'last-quarter',
] as const;
export type PeriodKeyword = (typeof PERIOD_KEYWORDS)[number];

/** The longest date range a report covers, in days (a leap year). */
export const MAX_RANGE_DAYS = 366;

export type PeriodProblem =
  | { code: 'unknown_period'; text: string }
  | { code: 'bad_date'; value: string }
  | { code: 'reversed'; first: string; last: string }
  | { code: 'too_long'; days: number; max: number }
  | { code: 'future'; first: string; today: string };

export type PeriodResult = { ok: true; period: ReportPeriod } | { ok: false; problem: PeriodProblem };

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const RANGE = /^(\S+)\.\.(\S+)$/;

/** A calendar day as a count of days since 1970-01-01, so day arithmetic is plain addition. */
type DayNumber = number;

const dayNumber = (d: { year: number; month: number; day: number }): DayNumber =>
  Date.UTC(d.year, d.month - 1, d.day) / DAY_MS;

const monthStart = (year: number, month: number): DayNumber => dayNumber({ year, month, day: 1 });

const isoDay = (n: DayNumber): string => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** The instant local clocks read 00:00 on day `n` (just after the jump if midnight is skipped). */
function midnight(n: DayNumber, timeZone: string): Date {
  const d = new Date(n * DAY_MS);
  return fromLocal(
    { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: 0, minute: 0 },
    timeZone,
  );
}

/** Local wall-clock time as milliseconds since 1970-01-01 00:00 on that clock. */
const wallMs = (at: Date, timeZone: string) => at.getTime() + offsetMs(at, timeZone);

/** The instant local clocks read `wall` (milliseconds on the local clock). */
function fromWall(wall: number, timeZone: string): Date {
  const minute = Math.floor(wall / MINUTE_MS) * MINUTE_MS;
  const d = new Date(minute);
  const at = fromLocal(
    {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
    },
    timeZone,
  );
  return new Date(at.getTime() + (wall - minute));
}

/** Local days [first, end) of a period and of the one just before it. */
interface Days {
  first: DayNumber;
  end: DayNumber;
  previousFirst: DayNumber;
}

function keywordDays(keyword: PeriodKeyword, today: DayNumber): Days {
  const d = new Date(today * DAY_MS);
  const [year, month] = [d.getUTCFullYear(), d.getUTCMonth() + 1];
  const back = keyword.startsWith('last-') ? 1 : 0;
  if (keyword.endsWith('-week')) {
    const monday = today - ((d.getUTCDay() + 6) % 7) - 7 * back;
    return { first: monday, end: monday + 7, previousFirst: monday - 7 };
  }
  // Date.UTC normalises month 0 and negative months into earlier years.
  const span = keyword.endsWith('-month') ? 1 : 3;
  const startMonth = span === 1 ? month : Math.floor((month - 1) / 3) * 3 + 1;
  const first = startMonth - span * back;
  return {
    first: monthStart(year, first),
    end: monthStart(year, first + span),
    previousFirst: monthStart(year, first - span),
  };
}

function rangeDays(first: string, last: string, today: DayNumber): Days | PeriodProblem {
  const from = parseIsoDate(first);
  if (!from) return { code: 'bad_date', value: first };
  const to = parseIsoDate(last);
  if (!to) return { code: 'bad_date', value: last };
  const [a, b] = [dayNumber(from), dayNumber(to)];
  if (b < a) return { code: 'reversed', first, last };
  const days = b - a + 1;
  if (days > MAX_RANGE_DAYS) return { code: 'too_long', days, max: MAX_RANGE_DAYS };
  if (a > today) return { code: 'future', first, today: isoDay(today) };
  return { first: a, end: b + 1, previousFirst: a - days };
}

/** Builds the period from its local days; a period still running ends now, and so does its comparison. */
function toPeriod(key: string, days: Days, now: Date, timeZone: string): ReportPeriod {
  const start = midnight(days.first, timeZone);
  const fullEnd = midnight(days.end, timeZone);
  const previousStart = midnight(days.previousFirst, timeZone);
  const running = now.getTime() >= start.getTime() && now.getTime() < fullEnd.getTime();
  let previousEnd = start;
  if (running) {
    // Same elapsed local time (days and time of day) after the previous start, never past its end.
    const elapsed = wallMs(now, timeZone) - days.first * DAY_MS;
    const cut = fromWall(days.previousFirst * DAY_MS + elapsed, timeZone);
    previousEnd = cut.getTime() < start.getTime() ? cut : start;
  }
  return {
    key,
    start,
    end: running ? now : fullEnd,
    previousStart,
    previousEnd,
    running,
    firstDay: isoDay(days.first),
    lastDay: isoDay(days.end - 1),
  };
}

/**
 * Reads a period as typed (`this-week`, `last-quarter`, `2026-01-05..2026-01-11`, any case) at
 * `now`, in `timeZone`. Ranges include both days, span at most 366 days and start no later than today.
 */
export function parsePeriod(text: string, now: Date, timeZone: string): PeriodResult {
  const input = text.trim().toLowerCase();
  const today = dayNumber(toLocal(now, timeZone));
  const keyword = PERIOD_KEYWORDS.find((k) => k === input);
  if (keyword) return { ok: true, period: toPeriod(keyword, keywordDays(keyword, today), now, timeZone) };
  const range = RANGE.exec(input);
  if (!range) return { ok: false, problem: { code: 'unknown_period', text: text.trim() } };
  const days = rangeDays(range[1]!, range[2]!, today);
  if ('code' in days) return { ok: false, problem: days };
  return { ok: true, period: toPeriod(`${range[1]}..${range[2]}`, days, now, timeZone) };
}

/** This week (Monday 00:00 local time to now), for App Home and the retro. */
export function weekPeriod(now: Date, timeZone: string): ReportPeriod {
  const today = dayNumber(toLocal(now, timeZone));
  return toPeriod('this-week', keywordDays('this-week', today), now, timeZone);
}

/** The local days the comparison covers: the previous period's first day, and its last or the day of its cut. */
export function comparedDays(
  period: Pick<ReportPeriod, 'previousStart' | 'previousEnd'>,
  timeZone: string,
): { first: string; last: string } {
  const localDay = (at: Date) => isoDay(dayNumber(toLocal(at, timeZone)));
  return {
    first: localDay(period.previousStart),
    last: localDay(new Date(period.previousEnd.getTime() - 1)),
  };
}

/** The number of local days a period covers, both ends included (7 for a week). */
export function periodDays(period: Pick<ReportPeriod, 'firstDay' | 'lastDay'>): number {
  const day = (iso: string) => dayNumber(parseIsoDate(iso)!);
  return day(period.lastDay) - day(period.firstDay) + 1;
}
