import { describe, expect, it } from 'vitest';
import { type CadenceStep, DEFAULT_CADENCE, type MemberHours } from '../../../src/config/workspace-schema.js';
import { cadenceActivityKind, planCadence } from '../../../src/domain/cadence.js';

const weekdays: MemberHours = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '18:00' };
const SEOUL = { timeZone: 'Asia/Seoul', workingHours: weekdays };
const NY = { timeZone: 'America/New_York', workingHours: weekdays };

const plan = (
  iso: string,
  member: typeof SEOUL,
  holidays: string[] = [],
  steps: readonly CadenceStep[] = DEFAULT_CADENCE,
) => planCadence(new Date(iso), steps, member, holidays).map((p) => [p.step.day, p.dueAt.toISOString()]);

describe('planCadence', () => {
  it('plans the default cadence on the owner’s clock in Seoul, weekends moved to Monday', () => {
    // Taken Monday 2026-11-23 10:00 KST (01:00 UTC).
    expect(plan('2026-11-23T01:00:00Z', SEOUL)).toEqual([
      [1, '2026-11-23T01:05:00.000Z'], // Mon 10:05 (within 5 minutes)
      [2, '2026-11-24T00:00:00.000Z'], // Tue 09:00 KST
      [4, '2026-11-26T00:00:00.000Z'], // Thu 09:00
      [7, '2026-11-30T00:00:00.000Z'], // Sun → Mon 09:00
      [10, '2026-12-02T00:00:00.000Z'], // Wed 09:00
      [14, '2026-12-07T00:00:00.000Z'], // Sun → Mon 09:00
    ]);
  });

  it('skips holidays and counts days by the owner’s local date, not UTC', () => {
    // Thursday 2026-11-26 is a holiday: day 4 moves to Friday 09:00 KST.
    expect(plan('2026-11-23T01:00:00Z', SEOUL, ['2026-11-26'])[2]).toEqual([4, '2026-11-27T00:00:00.000Z']);
    // Taken Monday 23:30 KST (14:30 UTC, still Monday in UTC): the 5 minutes end after hours, so
    // day 1 is Tuesday 09:00 KST; day 2 is Tuesday too (Monday + 1 on the Seoul calendar).
    expect(plan('2026-11-23T14:30:00Z', SEOUL).slice(0, 2)).toEqual([
      [1, '2026-11-24T00:00:00.000Z'],
      [2, '2026-11-24T00:00:00.000Z'],
    ]);
    // Friday 17:58 KST + 5 minutes is after 18:00: Monday 09:00; day 2 (Saturday) also Monday.
    expect(plan('2026-11-27T08:58:00Z', SEOUL).slice(0, 2)).toEqual([
      [1, '2026-11-30T00:00:00.000Z'],
      [2, '2026-11-30T00:00:00.000Z'],
    ]);
  });

  it('follows New York across the end of daylight saving time', () => {
    // Taken Thursday 2026-10-29 14:00 EDT (18:00 UTC); clocks fall back on Sunday 2026-11-01.
    expect(plan('2026-10-29T18:00:00Z', NY)).toEqual([
      [1, '2026-10-29T18:05:00.000Z'], // Thu 14:05 EDT
      [2, '2026-10-30T13:00:00.000Z'], // Fri 09:00 EDT (UTC−4)
      [4, '2026-11-02T14:00:00.000Z'], // Sun → Mon 09:00 EST (UTC−5)
      [7, '2026-11-04T14:00:00.000Z'], // Wed 09:00 EST
      [10, '2026-11-09T14:00:00.000Z'], // Sat → Mon 09:00 EST
      [14, '2026-11-11T14:00:00.000Z'], // Wed 09:00 EST
    ]);
  });

  it('without withinMinutes, day 1 is the time it was taken, or the next working start', () => {
    const steps: CadenceStep[] = [{ day: 1, action: 'email', label: 'Intro', withinMinutes: null }];
    expect(plan('2026-10-29T18:00:00Z', NY, [], steps)).toEqual([[1, '2026-10-29T18:00:00.000Z']]);
    // Thursday 20:00 EDT: Friday 09:00 EDT.
    expect(plan('2026-10-30T00:00:00Z', NY, [], steps)).toEqual([[1, '2026-10-30T13:00:00.000Z']]);
  });

  it('maps step actions to activity kinds', () => {
    expect(
      ['call', 'email', 'meeting', 'linkedin', 'other'].map((a) => cadenceActivityKind(a as 'call')),
    ).toEqual(['call', 'email', 'meeting', 'other', 'other']);
  });
});
