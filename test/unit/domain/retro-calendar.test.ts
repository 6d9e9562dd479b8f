import { describe, expect, it } from 'vitest';
import {
  isoWeekKey,
  monthDays,
  monthKey,
  monthlyMoment,
  nextMonthlyMoment,
  nextWeeklyMoment,
  shiftMonth,
  shiftWeek,
  weeklyMoment,
  weekMonday,
} from '../../../src/domain/retro-calendar.js';

const SEOUL = 'Asia/Seoul';
const BERLIN = 'Europe/Berlin';

describe('ISO weeks in the team time zone', () => {
  it('names the week by its Thursday, across year ends', () => {
    // 2026-01-01 is a Thursday: that week is 2026-W01 and starts on Monday 2025-12-29.
    expect(isoWeekKey(new Date('2025-12-29T12:00:00Z'), 'UTC')).toBe('2026-W01');
    // 2027-01-01 is a Friday: it belongs to the last week of 2026 (2026-W53).
    expect(isoWeekKey(new Date('2027-01-01T12:00:00Z'), 'UTC')).toBe('2026-W53');
    expect(isoWeekKey(new Date('2027-01-04T12:00:00Z'), 'UTC')).toBe('2027-W01');
    expect(weekMonday('2026-W01')).toBe('2025-12-29');
    expect(weekMonday('2026-W53')).toBe('2026-12-28');
    expect(weekMonday('2026-W11')).toBe('2026-03-09');
  });

  it('uses local time: Sunday 23:30 UTC is already Monday in Seoul', () => {
    const at = new Date('2026-03-08T23:30:00Z'); // Monday 03-09 08:30 KST
    expect(isoWeekKey(at, 'UTC')).toBe('2026-W10');
    expect(isoWeekKey(at, SEOUL)).toBe('2026-W11');
  });

  it('shifts weeks across years', () => {
    expect(shiftWeek('2026-W53', 1)).toBe('2027-W01');
    expect(shiftWeek('2026-W01', -1)).toBe('2025-W52');
    expect(shiftWeek('2026-W11', -2)).toBe('2026-W09');
  });
});

describe('weekly moments', () => {
  it('gives the local time of a weekday in a week, through a DST change', () => {
    expect(weeklyMoment('2026-W11', { day: 'mon', time: '10:00' }, SEOUL)).toEqual(
      new Date('2026-03-09T01:00:00Z'),
    );
    // Berlin moves to summer time on Sunday 2026-03-29: Monday 10:00 is 08:00 UTC after, 09:00 before.
    expect(weeklyMoment('2026-W13', { day: 'mon', time: '10:00' }, BERLIN)).toEqual(
      new Date('2026-03-23T09:00:00Z'),
    );
    expect(weeklyMoment('2026-W14', { day: 'mon', time: '10:00' }, BERLIN)).toEqual(
      new Date('2026-03-30T08:00:00Z'),
    );
    expect(weeklyMoment('2026-W11', { day: 'fri', time: '17:00' }, SEOUL)).toEqual(
      new Date('2026-03-13T08:00:00Z'),
    );
  });

  it("books this week's moment while it is ahead, else next week's", () => {
    const open = { day: 'mon' as const, time: '10:00' };
    expect(nextWeeklyMoment(new Date('2026-03-09T00:59:00Z'), open, SEOUL)).toEqual({
      weekKey: '2026-W11',
      at: new Date('2026-03-09T01:00:00Z'),
    });
    // Exactly at the moment still counts as this week's.
    expect(nextWeeklyMoment(new Date('2026-03-09T01:00:00Z'), open, SEOUL).weekKey).toBe('2026-W11');
    expect(nextWeeklyMoment(new Date('2026-03-09T01:00:01Z'), open, SEOUL)).toEqual({
      weekKey: '2026-W12',
      at: new Date('2026-03-16T01:00:00Z'),
    });
  });
});

describe('monthly moments', () => {
  it('names months locally and shifts them across years', () => {
    expect(monthKey(new Date('2026-02-28T15:30:00Z'), SEOUL)).toBe('2026-03');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(monthDays('2026-12')).toEqual({ first: '2026-12-01', end: '2027-01-01' });
  });

  it("books this month's review while it is ahead, else next month's", () => {
    const review = { dayOfMonth: 1, time: '10:00' };
    expect(monthlyMoment('2026-04', review, SEOUL)).toEqual(new Date('2026-04-01T01:00:00Z'));
    expect(nextMonthlyMoment(new Date('2026-03-01T00:00:00Z'), review, SEOUL)).toEqual({
      monthKey: '2026-03',
      at: new Date('2026-03-01T01:00:00Z'),
    });
    expect(nextMonthlyMoment(new Date('2026-03-01T02:00:00Z'), review, SEOUL)).toEqual({
      monthKey: '2026-04',
      at: new Date('2026-04-01T01:00:00Z'),
    });
  });
});
