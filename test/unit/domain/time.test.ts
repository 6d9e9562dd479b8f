import { describe, expect, it } from 'vitest';
import { fromLocal, parseIsoDate, toLocal } from '../../../src/domain/time.js';

describe('fromLocal / toLocal', () => {
  it('converts Seoul wall time (UTC+9, no DST)', () => {
    expect(
      fromLocal({ year: 2026, month: 11, day: 23, hour: 0, minute: 30 }, 'Asia/Seoul').toISOString(),
    ).toBe('2026-11-22T15:30:00.000Z');
    expect(toLocal(new Date('2026-11-22T15:30:00Z'), 'Asia/Seoul')).toEqual({
      year: 2026,
      month: 11,
      day: 23,
      hour: 0,
      minute: 30,
      second: 0,
    });
  });

  it('follows New York across daylight saving', () => {
    // EDT (UTC-4) before 2026-11-01 02:00, EST (UTC-5) after.
    expect(
      fromLocal({ year: 2026, month: 10, day: 31, hour: 9, minute: 0 }, 'America/New_York').toISOString(),
    ).toBe('2026-10-31T13:00:00.000Z');
    expect(
      fromLocal({ year: 2026, month: 11, day: 2, hour: 9, minute: 0 }, 'America/New_York').toISOString(),
    ).toBe('2026-11-02T14:00:00.000Z');
  });

  it('resolves a wall time skipped by the spring-forward jump to just after it', () => {
    // 2026-03-08 02:30 does not exist in New York; 03:00 EDT is 07:00Z.
    const t = fromLocal({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, 'America/New_York');
    expect(t.toISOString()).toBe('2026-03-08T07:30:00.000Z');
  });

  it('resolves a repeated fall-back wall time to its first occurrence', () => {
    // 01:30 happens twice on 2026-11-01; the first is EDT (05:30Z).
    const t = fromLocal({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, 'America/New_York');
    expect(t.toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });
});

describe('parseIsoDate', () => {
  it('reads real dates only', () => {
    expect(parseIsoDate('2026-02-28')).toEqual({ year: 2026, month: 2, day: 28 });
    expect(parseIsoDate(' 2028-02-29 ')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(parseIsoDate('2026-02-29')).toBeUndefined();
    expect(parseIsoDate('2026-13-01')).toBeUndefined();
    expect(parseIsoDate('tomorrow')).toBeUndefined();
    expect(parseIsoDate('2026-1-5')).toBeUndefined();
  });
});
