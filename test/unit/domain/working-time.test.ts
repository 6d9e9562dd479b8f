import { describe, expect, it } from 'vitest';
import type { MemberHours } from '../../../src/config/workspace-schema.js';
import {
  findNextWorkingStart,
  holidayDates,
  isWorkingTime,
  nextWorkingStart,
} from '../../../src/domain/working-time.js';

const weekdays: MemberHours = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '18:00' };
const NY = 'America/New_York';
const SEOUL = 'Asia/Seoul';
const d = (iso: string) => new Date(iso);
const working = (iso: string, zone: string, holidays: string[] = [], hours: MemberHours = weekdays) =>
  isWorkingTime(d(iso), hours, zone, holidays);
const next = (iso: string, zone: string, holidays: string[] = [], hours: MemberHours = weekdays) =>
  nextWorkingStart(d(iso), hours, zone, holidays).toISOString();

describe('isWorkingTime', () => {
  it('reads the hours on the person’s clock in Seoul, start inclusive and end exclusive', () => {
    // Monday 2026-11-23 in Seoul (UTC+9).
    expect(working('2026-11-22T23:59:59Z', SEOUL)).toBe(false); // 08:59:59
    expect(working('2026-11-23T00:00:00Z', SEOUL)).toBe(true); // 09:00
    expect(working('2026-11-23T08:59:59Z', SEOUL)).toBe(true); // 17:59:59
    expect(working('2026-11-23T09:00:00Z', SEOUL)).toBe(false); // 18:00
    // Saturday 10:00 in Seoul.
    expect(working('2026-11-28T01:00:00Z', SEOUL)).toBe(false);
    // Sunday 23:00 UTC is already Monday 08:00 in Seoul; Sunday 15:00 UTC is Monday 00:00 — weekday, too early.
    expect(working('2026-11-22T15:00:00Z', SEOUL)).toBe(false);
  });

  it('follows New York into daylight time (2026-03-08)', () => {
    // Friday 2026-03-06 is EST (UTC-5): 09:00 is 14:00Z.
    expect(working('2026-03-06T13:30:00Z', NY)).toBe(false);
    expect(working('2026-03-06T14:00:00Z', NY)).toBe(true);
    // Monday 2026-03-09 is EDT (UTC-4): 09:00 is 13:00Z, 18:00 is 22:00Z.
    expect(working('2026-03-09T12:59:00Z', NY)).toBe(false);
    expect(working('2026-03-09T13:00:00Z', NY)).toBe(true);
    expect(working('2026-03-09T21:59:00Z', NY)).toBe(true);
    expect(working('2026-03-09T22:00:00Z', NY)).toBe(false);
  });

  it('follows New York back to standard time (2026-11-01)', () => {
    // Friday 2026-10-30 is EDT: 09:00 is 13:00Z.
    expect(working('2026-10-30T13:00:00Z', NY)).toBe(true);
    // Monday 2026-11-02 is EST: 13:30Z is 08:30 (it would be 09:30 a week earlier).
    expect(working('2026-11-02T13:30:00Z', NY)).toBe(false);
    expect(working('2026-11-02T14:00:00Z', NY)).toBe(true);
    expect(working('2026-11-02T22:59:00Z', NY)).toBe(true);
    expect(working('2026-11-02T23:00:00Z', NY)).toBe(false);
  });

  it('treats holidays as whole days off, dated in the person’s zone', () => {
    expect(working('2026-11-24T01:00:00Z', SEOUL, ['2026-11-24'])).toBe(false);
    expect(working('2026-11-24T01:00:00Z', SEOUL, ['2026-11-23'])).toBe(true);
    const allDay: MemberHours = { days: ['mon', 'tue'], start: '00:00', end: '23:59' };
    // Monday 2026-11-23T15:30Z is Tuesday 00:30 in Seoul: the Tuesday holiday applies, not Monday.
    expect(working('2026-11-23T15:30:00Z', SEOUL, ['2026-11-24'], allDay)).toBe(false);
    expect(working('2026-11-23T15:30:00Z', SEOUL, ['2026-11-23'], allDay)).toBe(true);
    // Thanksgiving 2026-11-26 in New York: 15:00Z is 10:00 EST.
    expect(working('2026-11-26T15:00:00Z', NY, ['2026-11-26'])).toBe(false);
  });

  it('takes holiday dates from the calendar shape', () => {
    expect(
      holidayDates([
        { date: '2026-12-25', name: 'Christmas' },
        { date: '2027-01-01', name: null },
      ]),
    ).toEqual(['2026-12-25', '2027-01-01']);
  });

  it('rejects malformed times', () => {
    expect(() =>
      working('2026-11-23T01:00:00Z', SEOUL, [], { days: ['mon'], start: '9:00', end: '18:00' }),
    ).toThrow(RangeError);
  });
});

describe('nextWorkingStart', () => {
  it('is the instant itself inside working time', () => {
    expect(next('2026-11-23T03:21:17.500Z', SEOUL)).toBe('2026-11-23T03:21:17.500Z');
  });

  it('is later the same day before the start', () => {
    expect(next('2026-11-22T22:00:00Z', SEOUL)).toBe('2026-11-23T00:00:00.000Z'); // Mon 07:00 → 09:00
  });

  it('skips the weekend in Seoul', () => {
    // Friday 2026-11-27 18:00 in Seoul → Monday 2026-11-30 09:00.
    expect(next('2026-11-27T09:00:00Z', SEOUL)).toBe('2026-11-30T00:00:00.000Z');
  });

  it('skips holidays', () => {
    // Wednesday 2026-11-25 18:00 EST → Thanksgiving off → Friday 09:00 EST.
    expect(next('2026-11-25T23:00:00Z', NY, ['2026-11-26'])).toBe('2026-11-27T14:00:00.000Z');
    expect(next('2026-11-25T23:00:00Z', NY, ['2026-11-26', '2026-11-27'])).toBe('2026-11-30T14:00:00.000Z');
  });

  it('crosses the spring-forward weekend in New York', () => {
    // Friday 2026-03-06 18:00 EST → Monday 2026-03-09 09:00 EDT.
    expect(next('2026-03-06T23:00:00Z', NY)).toBe('2026-03-09T13:00:00.000Z');
  });

  it('crosses the fall-back weekend in New York', () => {
    // Friday 2026-10-30 18:00 EDT → Monday 2026-11-02 09:00 EST.
    expect(next('2026-10-30T22:00:00Z', NY)).toBe('2026-11-02T14:00:00.000Z');
  });

  it('begins at the jump when the start time is skipped by daylight saving', () => {
    const sunday: MemberHours = { days: ['sun'], start: '02:30', end: '05:00' };
    // Clocks go from 01:59:59 EST (06:59:59Z) to 03:00 EDT (07:00Z); 03:00 is past 02:30.
    expect(next('2026-03-08T05:00:00Z', NY, [], sunday)).toBe('2026-03-08T07:00:00.000Z');
    expect(working('2026-03-08T06:59:59Z', NY, [], sunday)).toBe(false);
    expect(working('2026-03-08T07:00:00Z', NY, [], sunday)).toBe(true);
  });

  it('skips a day whose hours fall wholly in the skipped hour', () => {
    const sunday: MemberHours = { days: ['sun'], start: '02:00', end: '02:45' };
    // 2026-03-08 has no 02:00–02:45; the next Sunday's 02:00 EDT is 06:00Z.
    expect(next('2026-03-08T05:00:00Z', NY, [], sunday)).toBe('2026-03-15T06:00:00.000Z');
  });

  it('finds the second pass of a repeated start time after the first has gone by', () => {
    const sunday: MemberHours = { days: ['sun'], start: '01:30', end: '03:00' };
    // 06:15Z on 2026-11-01 is 01:15 EST, the second time the clock reads 01:15.
    expect(working('2026-11-01T06:15:00Z', NY, [], sunday)).toBe(false);
    expect(next('2026-11-01T06:15:00Z', NY, [], sunday)).toBe('2026-11-01T06:30:00.000Z');
    // Before the first pass, the first 01:30 (EDT) counts.
    expect(next('2026-11-01T04:00:00Z', NY, [], sunday)).toBe('2026-11-01T05:30:00.000Z');
  });

  it('reports hours that never occur', () => {
    const never: MemberHours = { days: [], start: '09:00', end: '18:00' };
    expect(findNextWorkingStart(d('2026-11-23T01:00:00Z'), never, SEOUL, [])).toBeNull();
    expect(() => nextWorkingStart(d('2026-11-23T01:00:00Z'), never, SEOUL, [])).toThrow(RangeError);
  });
});
