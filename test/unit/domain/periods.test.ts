import { describe, expect, it } from 'vitest';
import type { ReportPeriod } from '../../../src/domain/funnel-report.js';
import { comparedDays, parsePeriod, periodDays, weekPeriod } from '../../../src/domain/periods.js';

const SEOUL = 'Asia/Seoul'; // UTC+9, no daylight saving
const NEW_YORK = 'America/New_York'; // UTC−5, UTC−4 from 2026-03-08 02:00 to 2026-11-01 02:00

function period(text: string, now: string, timeZone: string): ReportPeriod {
  const result = parsePeriod(text, new Date(now), timeZone);
  if (!result.ok) throw new Error(`${text}: ${JSON.stringify(result.problem)}`);
  return result.period;
}

/** The instants of a period, and its local days: first, last, and those of the comparison. */
const iso = (p: ReportPeriod, timeZone: string) => ({
  start: p.start.toISOString(),
  end: p.end.toISOString(),
  previousStart: p.previousStart.toISOString(),
  previousEnd: p.previousEnd.toISOString(),
  running: p.running,
  days: [p.firstDay, p.lastDay, comparedDays(p, timeZone).first, comparedDays(p, timeZone).last],
});

describe('weeks', () => {
  // Wednesday 2026-12-02 14:00 in Seoul.
  const now = '2026-12-02T05:00:00.000Z';

  it('starts this week Monday 00:00 Seoul time and cuts last week at the same elapsed time', () => {
    expect(iso(period('this-week', now, SEOUL), SEOUL)).toEqual({
      start: '2026-11-29T15:00:00.000Z', // Monday 11-30 00:00 KST
      end: now,
      previousStart: '2026-11-22T15:00:00.000Z', // Monday 11-23 00:00 KST
      previousEnd: '2026-11-25T05:00:00.000Z', // Wednesday 11-25 14:00 KST
      running: true,
      days: ['2026-11-30', '2026-12-06', '2026-11-23', '2026-11-25'],
    });
  });

  it('puts a lead at 00:30 Monday in Seoul (still Sunday in UTC) into that week, not the one before', () => {
    const week = period('this-week', now, SEOUL);
    const lead = new Date('2026-11-29T15:30:00Z'); // Monday 00:30 KST, Sunday 15:30 UTC
    expect(lead >= week.start && lead < week.end).toBe(true);
    const last = period('last-week', now, SEOUL);
    expect(lead >= last.start && lead < last.end).toBe(false);
    // 23:59 Sunday in Seoul is the last minute of last week.
    const sunday = new Date('2026-11-29T14:59:00Z');
    expect(sunday >= last.start && sunday < last.end).toBe(true);
  });

  it('gives last week in full, with the week before it', () => {
    expect(iso(period('last-week', now, SEOUL), SEOUL)).toEqual({
      start: '2026-11-22T15:00:00.000Z',
      end: '2026-11-29T15:00:00.000Z',
      previousStart: '2026-11-15T15:00:00.000Z',
      previousEnd: '2026-11-22T15:00:00.000Z',
      running: false,
      days: ['2026-11-23', '2026-11-29', '2026-11-16', '2026-11-22'],
    });
  });

  it('counts a Sunday as the end of its week', () => {
    // Sunday 2026-12-06 23:00 KST is still this week; Monday 00:00 starts the next.
    expect(period('this-week', '2026-12-06T14:00:00Z', SEOUL).start.toISOString()).toBe(
      '2026-11-29T15:00:00.000Z',
    );
    expect(period('this-week', '2026-12-06T15:00:00Z', SEOUL).start.toISOString()).toBe(
      '2026-12-06T15:00:00.000Z',
    );
  });

  it('follows New York across the end of daylight saving: last week is 169 hours long', () => {
    // Wednesday 2026-11-04 07:00 EST; last week ran Monday 10-26 (EDT) to Monday 11-02 (EST).
    const p = period('last-week', '2026-11-04T12:00:00Z', NEW_YORK);
    expect(iso(p, NEW_YORK)).toEqual({
      start: '2026-10-26T04:00:00.000Z',
      end: '2026-11-02T05:00:00.000Z',
      previousStart: '2026-10-19T04:00:00.000Z',
      previousEnd: '2026-10-26T04:00:00.000Z',
      running: false,
      days: ['2026-10-26', '2026-11-01', '2026-10-19', '2026-10-25'],
    });
    expect((p.end.getTime() - p.start.getTime()) / 3_600_000).toBe(169);
  });

  it('cuts the previous week at the same local time when daylight saving starts this week', () => {
    // Sunday 2026-03-08 12:00 EDT: 6 days 12 hours on the local clock, 6 days 11 hours real time.
    expect(iso(period('this-week', '2026-03-08T16:00:00Z', NEW_YORK), NEW_YORK)).toEqual({
      start: '2026-03-02T05:00:00.000Z',
      end: '2026-03-08T16:00:00.000Z',
      previousStart: '2026-02-23T05:00:00.000Z',
      previousEnd: '2026-03-01T17:00:00.000Z', // Sunday 03-01 12:00 EST
      running: true,
      days: ['2026-03-02', '2026-03-08', '2026-02-23', '2026-03-01'],
    });
  });

  it('weekPeriod is this week', () => {
    expect(weekPeriod(new Date(now), SEOUL)).toEqual(period('this-week', now, SEOUL));
  });
});

describe('months and quarters', () => {
  // Wednesday 2026-04-01 00:30 in Seoul, still 2026-03-31 in UTC.
  const now = '2026-03-31T15:30:00.000Z';

  it('starts April at midnight Seoul time and compares with the first half hour of March', () => {
    expect(iso(period('this-month', now, SEOUL), SEOUL)).toEqual({
      start: '2026-03-31T15:00:00.000Z',
      end: now,
      previousStart: '2026-02-28T15:00:00.000Z',
      previousEnd: '2026-02-28T15:30:00.000Z',
      running: true,
      days: ['2026-04-01', '2026-04-30', '2026-03-01', '2026-03-01'],
    });
  });

  it('gives March in full as last month, with February before it', () => {
    expect(iso(period('last-month', now, SEOUL), SEOUL)).toEqual({
      start: '2026-02-28T15:00:00.000Z',
      end: '2026-03-31T15:00:00.000Z',
      previousStart: '2026-01-31T15:00:00.000Z',
      previousEnd: '2026-02-28T15:00:00.000Z',
      running: false,
      days: ['2026-03-01', '2026-03-31', '2026-02-01', '2026-02-28'],
    });
  });

  it('starts the second quarter on April 1 and the first on January 1', () => {
    expect(iso(period('this-quarter', now, SEOUL), SEOUL)).toEqual({
      start: '2026-03-31T15:00:00.000Z',
      end: now,
      previousStart: '2025-12-31T15:00:00.000Z',
      previousEnd: '2025-12-31T15:30:00.000Z',
      running: true,
      days: ['2026-04-01', '2026-06-30', '2026-01-01', '2026-01-01'],
    });
    expect(iso(period('last-quarter', now, SEOUL), SEOUL)).toEqual({
      start: '2025-12-31T15:00:00.000Z',
      end: '2026-03-31T15:00:00.000Z',
      previousStart: '2025-09-30T15:00:00.000Z',
      previousEnd: '2025-12-31T15:00:00.000Z',
      running: false,
      days: ['2026-01-01', '2026-03-31', '2025-10-01', '2025-12-31'],
    });
  });

  it('reaches back into the previous year in January', () => {
    const january = '2026-01-15T03:00:00Z';
    const month = period('last-month', january, SEOUL);
    expect([month.start, month.end, month.previousStart].map((d) => d.toISOString())).toEqual([
      '2025-11-30T15:00:00.000Z',
      '2025-12-31T15:00:00.000Z',
      '2025-10-31T15:00:00.000Z',
    ]);
    const quarter = period('last-quarter', january, SEOUL);
    expect([quarter.firstDay, quarter.lastDay, comparedDays(quarter, SEOUL).first]).toEqual([
      '2025-10-01',
      '2025-12-31',
      '2025-07-01',
    ]);
  });

  it('stops the running cut at the end of a shorter previous month', () => {
    // March 31 14:00 KST is 30 days 14 hours into March; February has only 28 days.
    const p = period('this-month', '2026-03-31T05:00:00Z', SEOUL);
    expect(p.previousEnd.toISOString()).toBe('2026-02-28T15:00:00.000Z');
    expect(comparedDays(p, SEOUL)).toEqual({ first: '2026-02-01', last: '2026-02-28' });
    // On March 10 14:00 KST the cut is February 10 14:00 KST.
    const early = period('this-month', '2026-03-10T05:00:00Z', SEOUL);
    expect(early.previousEnd.toISOString()).toBe('2026-02-10T05:00:00.000Z');
  });
});

describe('date ranges', () => {
  const now = '2026-12-02T05:00:00.000Z'; // Wednesday 14:00 KST

  it('includes both days and compares with as many days just before', () => {
    expect(iso(period('2026-01-05..2026-01-11', now, SEOUL), SEOUL)).toEqual({
      start: '2026-01-04T15:00:00.000Z',
      end: '2026-01-11T15:00:00.000Z',
      previousStart: '2025-12-28T15:00:00.000Z',
      previousEnd: '2026-01-04T15:00:00.000Z',
      running: false,
      days: ['2026-01-05', '2026-01-11', '2025-12-29', '2026-01-04'],
    });
  });

  it('runs until now when it reaches past today, and cuts its comparison the same way', () => {
    // 16 days from 11-25; now is 7 days 14 hours in, so the comparison runs 11-09 to 11-16 14:00.
    expect(iso(period('2026-11-25..2026-12-10', now, SEOUL), SEOUL)).toEqual({
      start: '2026-11-24T15:00:00.000Z',
      end: now,
      previousStart: '2026-11-08T15:00:00.000Z',
      previousEnd: '2026-11-16T05:00:00.000Z',
      running: true,
      days: ['2026-11-25', '2026-12-10', '2026-11-09', '2026-11-16'],
    });
  });

  it('accepts a range starting today and a whole leap-sized year', () => {
    expect(period('2026-12-02..2026-12-02', now, SEOUL).running).toBe(true);
    expect(periodDays(period('2025-01-01..2026-01-01', now, SEOUL))).toBe(366);
  });

  it.each([
    ['2026-02-30..2026-03-01', { code: 'bad_date', value: '2026-02-30' }],
    ['2026-03-01..tomorrow', { code: 'bad_date', value: 'tomorrow' }],
    ['2026-03-05..2026-03-01', { code: 'reversed', first: '2026-03-05', last: '2026-03-01' }],
    ['2025-01-01..2026-01-02', { code: 'too_long', days: 367, max: 366 }],
    ['2026-12-03..2026-12-05', { code: 'future', first: '2026-12-03', today: '2026-12-02' }],
    ['next-week', { code: 'unknown_period', text: 'next-week' }],
  ])('rejects %s', (text, problem) => {
    expect(parsePeriod(text, new Date(now), SEOUL)).toEqual({ ok: false, problem });
  });

  it('reads keywords in any case', () => {
    expect(period('Last-Week', now, SEOUL).key).toBe('last-week');
  });
});

describe('periodDays', () => {
  it('counts the local days of a period, both ends included', () => {
    const now = '2026-03-31T15:30:00.000Z';
    expect(periodDays(period('this-week', now, SEOUL))).toBe(7);
    expect(periodDays(period('last-month', now, SEOUL))).toBe(31);
    expect(periodDays(period('last-quarter', now, SEOUL))).toBe(90);
    expect(periodDays(period('2026-02-01..2026-02-28', now, SEOUL))).toBe(28);
  });
});

describe('the last day of a running period (docs/funnel.md, "Rounding and running periods")', () => {
  it('on Sunday 23:59 this week still runs: whole dates shown, figures to now, last week cut at Sunday 23:59', () => {
    // Sunday 2026-12-06 23:59 in Seoul = 14:59Z; the week began Monday 11-30 00:00 KST (11-29 15:00Z).
    const p = period('this-week', '2026-12-06T14:59:00.000Z', SEOUL);
    expect(iso(p, SEOUL)).toEqual({
      start: '2026-11-29T15:00:00.000Z',
      end: '2026-12-06T14:59:00.000Z', // now, not Monday 00:00
      previousStart: '2026-11-22T15:00:00.000Z',
      previousEnd: '2026-11-29T14:59:00.000Z', // last Sunday 23:59
      running: true,
      days: ['2026-11-30', '2026-12-06', '2026-11-23', '2026-11-29'],
    });
    // A minute later it is last week: over, with its full figures against the full week before.
    const over = period('last-week', '2026-12-06T15:00:00.000Z', SEOUL);
    expect([over.running, over.end.toISOString(), over.lastDay]).toEqual([
      false,
      '2026-12-06T15:00:00.000Z',
      '2026-12-06',
    ]);
  });
});
