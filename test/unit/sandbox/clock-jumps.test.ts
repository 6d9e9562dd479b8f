import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../../../src/domain/business-time.js';
import { clockTarget, nextMondayTen, nextWorkingMorning } from '../../../src/sandbox/clock-jumps.js';

const seoul: BusinessCalendar = {
  timeZone: 'Asia/Seoul',
  workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
  workingHours: { start: '09:00', end: '18:00' },
  // 2026-12-25 (Fri) is Christmas, a public holiday in Korea.
  holidays: [{ date: '2026-12-25', name: '기독탄신일', public: true }],
};
const newYork: BusinessCalendar = { ...seoul, timeZone: 'America/New_York', holidays: [] };

const at = (iso: string) => new Date(iso);

describe('+15 min and +1 h', () => {
  it('add exactly that much', () => {
    const now = at('2026-12-02T05:00:00Z');
    expect(clockTarget('15m', now, seoul).toISOString()).toBe('2026-12-02T05:15:00.000Z');
    expect(clockTarget('1h', now, seoul).toISOString()).toBe('2026-12-02T06:00:00.000Z');
  });
});

describe('next working morning', () => {
  it('is today’s start before work begins', () => {
    // Wednesday 07:30 KST → 09:00 KST the same day (00:00Z).
    expect(nextWorkingMorning(at('2026-12-01T22:30:00Z'), seoul).toISOString()).toBe(
      '2026-12-02T00:00:00.000Z',
    );
  });

  it('is tomorrow’s start during working hours (never now itself)', () => {
    // Wednesday 14:00 KST → Thursday 09:00 KST.
    expect(nextWorkingMorning(at('2026-12-02T05:00:00Z'), seoul).toISOString()).toBe(
      '2026-12-03T00:00:00.000Z',
    );
  });

  it('skips the weekend and public holidays', () => {
    // Thursday 2026-12-24 20:00 KST → Friday is Christmas → Monday 12-28 09:00 KST.
    expect(nextWorkingMorning(at('2026-12-24T11:00:00Z'), seoul).toISOString()).toBe(
      '2026-12-28T00:00:00.000Z',
    );
  });

  it('reads the team’s own clock (New York, daylight saving included)', () => {
    // Friday 2026-03-06 17:00 EST → Monday 03-09 09:00 EDT (clocks went forward on Sunday 03-08).
    expect(nextWorkingMorning(at('2026-03-06T22:00:00Z'), newYork).toISOString()).toBe(
      '2026-03-09T13:00:00.000Z',
    );
  });
});

describe('next Monday 10:00', () => {
  it('is the coming Monday 10:00 on the team’s clock', () => {
    // Wednesday 2026-12-02 14:00 KST → Monday 12-07 10:00 KST (01:00Z).
    expect(nextMondayTen(at('2026-12-02T05:00:00Z'), 'Asia/Seoul').toISOString()).toBe(
      '2026-12-07T01:00:00.000Z',
    );
  });

  it('is later today on a Monday before 10:00, and a week on at or after it', () => {
    expect(nextMondayTen(at('2026-12-07T00:30:00Z'), 'Asia/Seoul').toISOString()).toBe(
      '2026-12-07T01:00:00.000Z',
    );
    expect(nextMondayTen(at('2026-12-07T01:00:00Z'), 'Asia/Seoul').toISOString()).toBe(
      '2026-12-14T01:00:00.000Z',
    );
  });

  it('is on a holiday too (the retro opens on Mondays whatever the calendar)', () => {
    expect(clockTarget('next-monday', at('2026-12-30T05:00:00Z'), seoul).toISOString()).toBe(
      '2027-01-04T01:00:00.000Z',
    );
  });
});

describe('every step', () => {
  it('moves forward from any instant', () => {
    for (let hour = 0; hour < 24 * 14; hour += 5) {
      const now = new Date(Date.UTC(2026, 11, 1) + hour * 3_600_000 + 7 * 60_000);
      for (const step of ['15m', '1h', 'next-morning', 'next-monday'] as const)
        for (const calendar of [seoul, newYork])
          expect(clockTarget(step, now, calendar).getTime(), `${step} ${now.toISOString()}`).toBeGreaterThan(
            now.getTime(),
          );
    }
  });
});
