import { describe, expect, it } from 'vitest';
import type { Weekday } from '../../../src/config/workspace-schema.js';
import {
  addBusinessMinutes,
  type BusinessCalendar,
  businessMinutesBetween,
  firstTouchDueAt,
  meetsDue,
  type SlaClockPolicy,
} from '../../../src/domain/business-time.js';

const SEOUL = 'Asia/Seoul';
const NY = 'America/New_York';
const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

/** A Mon–Fri 09:00–18:00 team unless told otherwise. */
function calendar(
  timeZone: string,
  holidays: string[] = [],
  workingDays: Weekday[] = WEEKDAYS,
  workingHours = { start: '09:00', end: '18:00' },
): BusinessCalendar {
  return { timeZone, workingDays, workingHours, holidays: holidays.map((date) => ({ date, name: null })) };
}

const seoul = calendar(SEOUL);
const ny = calendar(NY);
const business: SlaClockPolicy = { clock: 'business', firstTouchMinutes: 60 };
const d = (iso: string) => new Date(iso);
const add = (iso: string, minutes: number, cal: BusinessCalendar) =>
  addBusinessMinutes(d(iso), minutes, cal).toISOString();
const between = (from: string, to: string, cal: BusinessCalendar) =>
  businessMinutesBetween(d(from), d(to), cal);
const due = (iso: string, cal: BusinessCalendar, sla = business) =>
  firstTouchDueAt(d(iso), sla, cal).toISOString();

describe('firstTouchDueAt on the business clock', () => {
  it('counts from arrival inside working hours', () => {
    // Monday 2026-11-23 10:30 KST (UTC+9) → 11:30 KST.
    expect(due('2026-11-23T01:30:00Z', seoul)).toBe('2026-11-23T02:30:00.000Z');
  });

  it('starts at the next working start after hours and before them', () => {
    // Monday 19:00 KST → Tuesday 09:00 + 60 min = Tuesday 10:00 KST.
    expect(due('2026-11-23T10:00:00Z', seoul)).toBe('2026-11-24T01:00:00.000Z');
    // Monday 07:00 KST → 09:00 + 60 min = 10:00 KST.
    expect(due('2026-11-22T22:00:00Z', seoul)).toBe('2026-11-23T01:00:00.000Z');
  });

  it('is due Monday 10:00 for a lead arriving Friday 20:00 (Seoul)', () => {
    // Friday 2026-11-27 20:00 KST = 11:00Z → Monday 2026-11-30 10:00 KST = 01:00Z.
    expect(due('2026-11-27T11:00:00Z', seoul)).toBe('2026-11-30T01:00:00.000Z');
  });

  it('skips a Monday holiday to Tuesday', () => {
    const withHoliday = calendar(SEOUL, ['2026-11-30']);
    // Friday 20:00 KST → (Monday off) → Tuesday 2026-12-01 10:00 KST.
    expect(due('2026-11-27T11:00:00Z', withHoliday)).toBe('2026-12-01T01:00:00.000Z');
  });

  it('counts from exactly the start, and treats exactly the end as after hours', () => {
    // Monday 09:00 KST → 10:00 KST.
    expect(due('2026-11-23T00:00:00Z', seoul)).toBe('2026-11-23T01:00:00.000Z');
    // Monday 18:00 KST is closed → Tuesday 10:00 KST.
    expect(due('2026-11-23T09:00:00Z', seoul)).toBe('2026-11-24T01:00:00.000Z');
    // Monday 17:59 KST: one minute on Monday, 59 on Tuesday → Tuesday 09:59 KST.
    expect(due('2026-11-23T08:59:00Z', seoul)).toBe('2026-11-24T00:59:00.000Z');
  });

  it('crosses New York’s spring-forward weekend (2026-03-08)', () => {
    // Saturday 2026-03-07 20:00 EST = 2026-03-08T01:00Z → Monday 2026-03-09 10:00 EDT = 14:00Z.
    expect(due('2026-03-08T01:00:00Z', ny)).toBe('2026-03-09T14:00:00.000Z');
    // Friday 2026-03-06 17:30 EST (22:30Z): 30 min Friday, 30 min from Monday 09:00 EDT (13:00Z).
    expect(due('2026-03-06T22:30:00Z', ny)).toBe('2026-03-09T13:30:00.000Z');
  });

  it('crosses New York’s fall-back weekend (2026-11-01)', () => {
    // Saturday 2026-10-31 20:00 EDT = 2026-11-01T00:00Z → Monday 2026-11-02 10:00 EST = 15:00Z.
    expect(due('2026-11-01T00:00:00Z', ny)).toBe('2026-11-02T15:00:00.000Z');
    // Friday 2026-10-30 17:30 EDT (21:30Z): 30 min Friday, 30 min from Monday 09:00 EST (14:00Z).
    expect(due('2026-10-30T21:30:00Z', ny)).toBe('2026-11-02T14:30:00.000Z');
  });
});

describe('firstTouchDueAt on the 24/7 clock', () => {
  const always: SlaClockPolicy = { clock: 'always', firstTouchMinutes: 60 };

  it('is arrival plus the SLA, whatever the calendar says', () => {
    // Friday 20:00 KST → Friday 21:00 KST, weekend or not.
    expect(due('2026-11-27T11:00:00Z', seoul, always)).toBe('2026-11-27T12:00:00.000Z');
    // Across the spring-forward jump it is 60 real minutes: 01:30 EST → 03:30 EDT.
    expect(due('2026-03-08T06:30:00Z', ny, always)).toBe('2026-03-08T07:30:00.000Z');
    expect(due('2026-11-23T01:00:00Z', calendar(SEOUL, ['2026-11-23']), always)).toBe(
      '2026-11-23T02:00:00.000Z',
    );
  });
});

describe('addBusinessMinutes', () => {
  it('spans several days in whole working days (600 minutes)', () => {
    // Monday 17:00 KST: 60 min Monday, 540 = all of Tuesday → Tuesday 18:00 KST, not Wednesday 09:00.
    expect(add('2026-11-23T08:00:00Z', 600, seoul)).toBe('2026-11-24T09:00:00.000Z');
    // Thursday 16:00 KST: 120 min Thursday, 480 Friday → Friday 17:00 KST.
    expect(add('2026-11-26T07:00:00Z', 600, seoul)).toBe('2026-11-27T08:00:00.000Z');
    // Friday 15:00 KST: 180 min Friday, 420 Monday → Monday 2026-11-30 16:00 KST.
    expect(add('2026-11-27T06:00:00Z', 600, seoul)).toBe('2026-11-30T07:00:00.000Z');
    // Wednesday 12:00 KST, 1200 min: 360 Wednesday, 540 Thursday, 300 Friday → Friday 14:00 KST.
    expect(add('2026-11-25T03:00:00Z', 1200, seoul)).toBe('2026-11-27T05:00:00.000Z');
  });

  it('skips a holiday in the middle of a span', () => {
    // As above with Thursday 2026-11-26 off: 360 Wednesday, 540 Friday, 300 Monday → Monday 14:00 KST.
    expect(add('2026-11-25T03:00:00Z', 1200, calendar(SEOUL, ['2026-11-26']))).toBe(
      '2026-11-30T05:00:00.000Z',
    );
  });

  it('handles the longest SLA the config allows (10,080 minutes = 18 days and 360 minutes)', () => {
    // From Monday 2026-11-23 09:00 KST: 18 full days end Wednesday 2026-12-16 → Thursday 15:00 KST.
    expect(add('2026-11-23T00:00:00Z', 10_080, seoul)).toBe('2026-12-17T06:00:00.000Z');
  });

  it('gives the starting instant for zero minutes', () => {
    expect(add('2026-11-23T01:30:00Z', 0, seoul)).toBe('2026-11-23T01:30:00.000Z');
    expect(add('2026-11-27T11:00:00Z', 0, seoul)).toBe('2026-11-30T00:00:00.000Z');
  });

  it('counts the real minutes of a day that gains or loses an hour', () => {
    const sundays = calendar(NY, [], ['sun'], { start: '00:00', end: '23:59' });
    // Sunday 2026-03-08 00:00 EST (05:00Z) + 180 min = 08:00Z, which reads 04:00 EDT.
    expect(add('2026-03-08T05:00:00Z', 180, sundays)).toBe('2026-03-08T08:00:00.000Z');
    // That day runs 00:00 EST → 23:59 EDT: 22 h 59 min = 1379 min; one more lands next Sunday.
    expect(add('2026-03-08T05:00:00Z', 1379, sundays)).toBe('2026-03-09T03:59:00.000Z');
    expect(add('2026-03-08T05:00:00Z', 1380, sundays)).toBe('2026-03-15T04:01:00.000Z');
    // Sunday 2026-11-01 runs 00:00 EDT (04:00Z) → 23:59 EST (2026-11-02T04:59Z): 1499 min.
    expect(add('2026-11-01T04:00:00Z', 1499, sundays)).toBe('2026-11-02T04:59:00.000Z');
  });

  it('ends a day at a skipped end time and splits one whose start repeats', () => {
    // 01:00–02:30 on 2026-03-08: the clock jumps 02:00 EST → 03:00 EDT at 07:00Z, so 60 minutes.
    const gap = calendar(NY, [], ['sun'], { start: '01:00', end: '02:30' });
    // 60 min that Sunday, then 30 from 2026-03-15 01:00 EDT (05:00Z).
    expect(add('2026-03-08T05:00:00Z', 90, gap)).toBe('2026-03-15T05:30:00.000Z');
    // 01:30–03:00 on 2026-11-01: 01:30–02:00 EDT (05:30–06:00Z), then the clock reads 01:00 EST,
    // before the start, until 01:30 EST (06:30Z); 01:30–03:00 EST runs to 08:00Z.
    const repeat = calendar(NY, [], ['sun'], { start: '01:30', end: '03:00' });
    expect(add('2026-11-01T04:00:00Z', 45, repeat)).toBe('2026-11-01T06:45:00.000Z');
    expect(add('2026-11-01T04:00:00Z', 120, repeat)).toBe('2026-11-01T08:00:00.000Z');
  });

  it('rejects negative minutes and hours that never occur', () => {
    expect(() => add('2026-11-23T01:00:00Z', -1, seoul)).toThrow(RangeError);
    expect(() => add('2026-11-23T01:00:00Z', Number.NaN, seoul)).toThrow(RangeError);
    expect(() => add('2026-11-23T01:00:00Z', 60, calendar(SEOUL, [], []))).toThrow(RangeError);
  });
});

describe('businessMinutesBetween', () => {
  /** Each case above as [start, minutes, calendar]; the span to the deadline must count back. */
  const cases: Array<[string, number, BusinessCalendar]> = [
    ['2026-11-23T01:30:00Z', 60, seoul],
    ['2026-11-23T10:00:00Z', 60, seoul],
    ['2026-11-22T22:00:00Z', 60, seoul],
    ['2026-11-27T11:00:00Z', 60, seoul],
    ['2026-11-27T11:00:00Z', 60, calendar(SEOUL, ['2026-11-30'])],
    ['2026-11-23T00:00:00Z', 60, seoul],
    ['2026-11-23T09:00:00Z', 60, seoul],
    ['2026-11-23T08:59:00Z', 60, seoul],
    ['2026-03-08T01:00:00Z', 60, ny],
    ['2026-03-06T22:30:00Z', 60, ny],
    ['2026-11-01T00:00:00Z', 60, ny],
    ['2026-10-30T21:30:00Z', 60, ny],
    ['2026-11-23T08:00:00Z', 600, seoul],
    ['2026-11-27T06:00:00Z', 600, seoul],
    ['2026-11-25T03:00:00Z', 1200, seoul],
    ['2026-11-25T03:00:00Z', 1200, calendar(SEOUL, ['2026-11-26'])],
    ['2026-11-23T00:00:00Z', 10_080, seoul],
    ['2026-11-01T04:00:00Z', 45, calendar(NY, [], ['sun'], { start: '01:30', end: '03:00' })],
    ['2026-03-08T05:00:00Z', 90, calendar(NY, [], ['sun'], { start: '01:00', end: '02:30' })],
  ];

  it.each(cases)('is the inverse of addBusinessMinutes from %s (%i min)', (start, minutes, cal) => {
    expect(between(start, add(start, minutes, cal), cal)).toBe(minutes);
  });

  it('counts only working time between two instants', () => {
    // Friday 17:30 EST → Monday 09:30 EDT is 63 real hours but 60 working minutes.
    expect(between('2026-03-06T22:30:00Z', '2026-03-09T13:30:00Z', ny)).toBe(60);
    // Friday 20:00 KST → Monday 08:00 KST: none.
    expect(between('2026-11-27T11:00:00Z', '2026-11-29T23:00:00Z', seoul)).toBe(0);
    // A whole Mon–Fri week in Seoul: 5 × 540.
    expect(between('2026-11-22T15:00:00Z', '2026-11-29T15:00:00Z', seoul)).toBe(2700);
    // Partial minutes are kept: 90 seconds.
    expect(between('2026-11-23T01:00:00Z', '2026-11-23T01:01:30Z', seoul)).toBe(1.5);
  });

  it('counts the long and short days of daylight saving', () => {
    const sundays = calendar(NY, [], ['sun'], { start: '00:00', end: '23:59' });
    expect(between('2026-03-07T12:00:00Z', '2026-03-10T00:00:00Z', sundays)).toBe(1379);
    expect(between('2026-10-31T12:00:00Z', '2026-11-03T00:00:00Z', sundays)).toBe(1499);
    const repeat = calendar(NY, [], ['sun'], { start: '01:30', end: '03:00' });
    expect(between('2026-11-01T04:00:00Z', '2026-11-01T09:00:00Z', repeat)).toBe(120);
  });

  it('is zero for an empty or backwards span, and for hours that never occur', () => {
    expect(between('2026-11-23T02:00:00Z', '2026-11-23T02:00:00Z', seoul)).toBe(0);
    expect(between('2026-11-23T03:00:00Z', '2026-11-23T02:00:00Z', seoul)).toBe(0);
    expect(between('2026-11-23T01:00:00Z', '2026-11-30T01:00:00Z', calendar(SEOUL, [], []))).toBe(0);
  });
});

describe('first-touch due at the end of a working day (docs/funnel.md, "Speed to lead")', () => {
  it('is due at 18:00 that day, and a touch at exactly 18:00:00 meets it; a millisecond later breaches', () => {
    // Monday 2026-11-23 17:00 KST + 60 working minutes = 18:00 KST (09:00Z), not Tuesday 09:00.
    const dueAt = firstTouchDueAt(d('2026-11-23T08:00:00Z'), business, seoul);
    expect(dueAt.toISOString()).toBe('2026-11-23T09:00:00.000Z');
    expect(meetsDue(d('2026-11-23T09:00:00.000Z'), dueAt)).toBe(true);
    expect(meetsDue(d('2026-11-23T09:00:00.001Z'), dueAt)).toBe(false);
    // The touch at the due instant has used exactly the SLA's 60 working minutes.
    expect(between('2026-11-23T08:00:00Z', '2026-11-23T09:00:00Z', seoul)).toBe(60);
  });
});
