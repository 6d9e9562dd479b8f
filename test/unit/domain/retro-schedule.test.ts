import { describe, expect, it } from 'vitest';
import {
  monthlyJobDeadline,
  nextChainMonth,
  nextChainWeek,
  weeklyJobDeadline,
} from '../../../src/domain/retro-schedule.js';

const SEOUL = 'Asia/Seoul';
const CLOSE = { day: 'fri' as const, time: '17:00' };

describe('weekly retro job deadlines', () => {
  it('lets the open job run until the week’s close, in the team time zone', () => {
    // 2026-W11 runs Monday 2026-03-09 to Sunday 03-15; Friday 17:00 KST = 08:00 UTC.
    expect(weeklyJobDeadline('open', '2026-W11', CLOSE, SEOUL).toISOString()).toBe(
      '2026-03-13T08:00:00.000Z',
    );
  });

  it('lets the nudge and the close run until the week ends (next Monday 00:00 local)', () => {
    expect(weeklyJobDeadline('nudge', '2026-W11', CLOSE, SEOUL).toISOString()).toBe(
      '2026-03-15T15:00:00.000Z',
    );
    expect(weeklyJobDeadline('close', '2026-W53', CLOSE, 'UTC').toISOString()).toBe(
      '2027-01-04T00:00:00.000Z',
    );
  });

  it('lets the monthly review open until its month ends', () => {
    expect(monthlyJobDeadline('2026-12', SEOUL).toISOString()).toBe('2026-12-31T15:00:00.000Z');
  });
});

describe('the next job of a chain', () => {
  it('is next week’s when the chain is on time, across a year end', () => {
    // Monday 2026-03-09 10:00 KST.
    expect(nextChainWeek('2026-W11', new Date('2026-03-09T01:00:00Z'), SEOUL)).toBe('2026-W12');
    expect(nextChainWeek('2026-W53', new Date('2026-12-28T01:00:00Z'), SEOUL)).toBe('2027-W01');
  });

  it('is the current week’s after a downtime of weeks, not one per missed week', () => {
    // The W11 job runs late on Wednesday 2026-04-01 (2026-W14).
    expect(nextChainWeek('2026-W11', new Date('2026-04-01T03:00:00Z'), SEOUL)).toBe('2026-W14');
  });

  it('works the same by month', () => {
    expect(nextChainMonth('2026-12', new Date('2026-12-01T01:00:00Z'), SEOUL)).toBe('2027-01');
    expect(nextChainMonth('2026-03', new Date('2026-06-15T01:00:00Z'), SEOUL)).toBe('2026-06');
  });
});
