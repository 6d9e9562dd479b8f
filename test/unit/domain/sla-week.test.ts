import { describe, expect, it } from 'vitest';
import { isoWeek } from '../../../src/services/sla-board.js';

describe('isoWeek (the /sla board’s "this week")', () => {
  it('runs Monday 00:00 to the next Monday 00:00 in the team zone', () => {
    expect(isoWeek(new Date('2026-12-02T10:20:00Z'), 'UTC')).toEqual({
      from: new Date('2026-11-30T00:00:00Z'),
      to: new Date('2026-12-07T00:00:00Z'),
    });
  });

  it('is already next week in Seoul on Sunday evening UTC', () => {
    // Sunday 2026-11-29 16:00 UTC is Monday 01:00 in Seoul (UTC+9).
    expect(isoWeek(new Date('2026-11-29T16:00:00Z'), 'Asia/Seoul')).toEqual({
      from: new Date('2026-11-29T15:00:00Z'),
      to: new Date('2026-12-06T15:00:00Z'),
    });
  });

  it('follows daylight saving in New York', () => {
    // The week of 2026-11-01 (DST ends that Sunday): Monday 2026-10-26 00:00 EDT to Monday 11-02 00:00 EST.
    expect(isoWeek(new Date('2026-10-30T12:00:00Z'), 'America/New_York')).toEqual({
      from: new Date('2026-10-26T04:00:00Z'),
      to: new Date('2026-11-02T05:00:00Z'),
    });
  });
});
