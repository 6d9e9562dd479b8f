import { describe, expect, it } from 'vitest';
import type { StageFigures } from '../../../src/domain/funnel-report.js';
import {
  cadenceCompletion,
  dayBefore,
  isoWeekPeriod,
  lostReasons,
  monthPeriod,
  retroStages,
  sellerSla,
  slaWeek,
  stageTrends,
  trendWeeks,
  withinSla,
} from '../../../src/domain/retro-figures.js';

describe('reviewed periods', () => {
  it('an ISO week runs Monday 00:00 to the next Monday 00:00 in the team zone', () => {
    expect(isoWeekPeriod('2026-W10', 'Asia/Seoul')).toEqual({
      key: '2026-W10',
      firstDay: '2026-03-02',
      lastDay: '2026-03-08',
      start: '2026-03-01T15:00:00.000Z',
      end: '2026-03-08T15:00:00.000Z',
    });
  });

  it('follows daylight saving (New York springs forward on Sunday 2026-03-08)', () => {
    // Monday 03-02 00:00 EST (UTC−5) to Monday 03-09 00:00 EDT (UTC−4): a week of 167 hours.
    expect(isoWeekPeriod('2026-W10', 'America/New_York')).toMatchObject({
      start: '2026-03-02T05:00:00.000Z',
      end: '2026-03-09T04:00:00.000Z',
    });
  });

  it('a calendar month runs from its first day to the next month’s, across a year end too', () => {
    expect(monthPeriod('2026-02', 'Asia/Seoul')).toEqual({
      key: '2026-02',
      firstDay: '2026-02-01',
      lastDay: '2026-02-28',
      start: '2026-01-31T15:00:00.000Z',
      end: '2026-02-28T15:00:00.000Z',
    });
    expect(monthPeriod('2025-12', 'UTC')).toMatchObject({
      lastDay: '2025-12-31',
      end: '2026-01-01T00:00:00.000Z',
    });
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
  });

  it('the trend covers the four ISO weeks before the review’s week, oldest first', () => {
    expect(trendWeeks('2026-W10')).toEqual(['2026-W06', '2026-W07', '2026-W08', '2026-W09']);
    // 2025 has 52 ISO weeks; 2026-W01 starts Monday 2025-12-29.
    expect(trendWeeks('2026-W02')).toEqual(['2025-W50', '2025-W51', '2025-W52', '2026-W01']);
  });
});

describe('(a) stages against the goal', () => {
  const stage = (
    key: string,
    count: number,
    previousCount: number,
    conversion: number | null,
  ): StageFigures => ({
    stage: key,
    label: `${key} label`,
    count,
    previousCount,
    change: count - previousCount,
    changeRate: previousCount ? (count - previousCount) / previousCount : null,
    conversion,
    previousConversion: 0.5,
    medianDays: 2,
    stuck: 1,
    stuckThresholdDays: 7,
  });
  const stages = [stage('Lead', 20, 16, 0.5), stage('MQL', 10, 0, null)];

  it('carries count, change and conversion, with the goal plan’s per-week figure per stage', () => {
    expect(retroStages(stages, new Map([['Lead', 25]]))).toEqual([
      {
        stage: 'Lead',
        label: 'Lead label',
        count: 20,
        previousCount: 16,
        change: 4,
        changeRate: 0.25,
        conversion: 0.5,
        goal: 25,
      },
      // The plan has no figure for MQL.
      {
        stage: 'MQL',
        label: 'MQL label',
        count: 10,
        previousCount: 0,
        change: 10,
        changeRate: null,
        conversion: null,
        goal: null,
      },
    ]);
  });

  it('has no goal figures without a goal', () => {
    expect(retroStages(stages, null).map((s) => s.goal)).toEqual([null, null]);
  });
});

describe('(b) sellers', () => {
  const roster = [
    { userId: 'U0SDR0002', roles: ['sdr'] },
    { userId: 'U0AE00001', roles: ['ae'] },
    { userId: 'U0MKT0001', roles: ['marketer'] },
    { userId: 'U0SDR0001', roles: ['manager', 'sdr'] },
    { userId: 'U0MGR0001', roles: ['manager'] },
  ];
  const row = (
    ownerId: string,
    leads: number,
    met: number,
    breached: number,
    medianMinutes: number | null,
  ) => ({
    ownerId,
    leads,
    touched: met + breached,
    met,
    breached,
    medianMinutes,
  });

  it('lists every seller on the roster and anyone else who owned a lead, by leads then user id', () => {
    expect(
      sellerSla(roster, [
        row('U0AE00001', 3, 2, 1, 22.5),
        row('U0MKT0001', 1, 0, 0, null), // a marketer who owns a lead: listed
        row('U0GONE001', 3, 3, 0, 10), // off the roster now: listed
      ]),
    ).toEqual([
      {
        userId: 'U0AE00001',
        leads: 3,
        touched: 3,
        met: 2,
        breached: 1,
        withinSla: 2 / 3,
        medianMinutes: 22.5,
      },
      { userId: 'U0GONE001', leads: 3, touched: 3, met: 3, breached: 0, withinSla: 1, medianMinutes: 10 },
      {
        userId: 'U0MKT0001',
        leads: 1,
        touched: 0,
        met: 0,
        breached: 0,
        withinSla: null,
        medianMinutes: null,
      },
      {
        userId: 'U0SDR0001',
        leads: 0,
        touched: 0,
        met: 0,
        breached: 0,
        withinSla: null,
        medianMinutes: null,
      },
      {
        userId: 'U0SDR0002',
        leads: 0,
        touched: 0,
        met: 0,
        breached: 0,
        withinSla: null,
        medianMinutes: null,
      },
    ]);
  });

  it('within SLA is met over decided, none when nothing was decided', () => {
    expect(withinSla(3, 1)).toBe(0.75);
    expect(withinSla(0, 2)).toBe(0);
    expect(withinSla(0, 0)).toBeNull();
  });
});

describe('(c) lost reasons', () => {
  it('counts moves without a reason as unknown, largest first, ties by reason', () => {
    expect(
      lostReasons([
        { reason: 'no_budget', count: 2 },
        { reason: null, count: 1 },
        { reason: 'lost_to_competitor', count: 3 },
        { reason: 'no_decision', count: 2 },
        { reason: '', count: 1 },
      ]),
    ).toEqual([
      { reason: 'lost_to_competitor', count: 3 },
      { reason: 'no_budget', count: 2 }, // ties: by name
      { reason: 'no_decision', count: 2 },
      { reason: 'unknown', count: 2 }, // null + empty
    ]);
  });
});

describe('playbook review', () => {
  const steps = [
    { day: 1, action: 'call' as const, label: 'Intro call', withinMinutes: 60 },
    { day: 3, action: 'email' as const, label: 'Follow-up email', withinMinutes: null },
    { day: 7, action: 'linkedin' as const, label: 'LinkedIn', withinMinutes: null },
  ];

  it('cadence completion per configured step: unanswered is what is neither done nor skipped', () => {
    expect(
      cadenceCompletion(steps, [
        { step: 2, due: 4, done: 1, skipped: 2 },
        { step: 0, due: 5, done: 4, skipped: 0 },
        { step: 5, due: 9, done: 9, skipped: 0 }, // a step no longer configured
      ]),
    ).toEqual([
      { step: 0, day: 1, label: 'Intro call', due: 5, done: 4, skipped: 0, unanswered: 1, completion: 0.8 },
      {
        step: 1,
        day: 3,
        label: 'Follow-up email',
        due: 0,
        done: 0,
        skipped: 0,
        unanswered: 0,
        completion: null,
      },
      { step: 2, day: 7, label: 'LinkedIn', due: 4, done: 1, skipped: 2, unanswered: 1, completion: 0.25 },
    ]);
  });

  it('an SLA week carries met, breached, the share within and the median', () => {
    expect(slaWeek('2026-W09', { met: 3, breached: 1, medianMinutes: 17.5 })).toEqual({
      weekKey: '2026-W09',
      firstDay: '2026-02-23',
      met: 3,
      breached: 1,
      withinSla: 0.75,
      medianMinutes: 17.5,
    });
    expect(slaWeek('2026-W08', { met: 0, breached: 0, medianMinutes: null }).withinSla).toBeNull();
  });

  it('days in stage list every stage and every week, 0 stays where none ended', () => {
    expect(
      stageTrends(
        [
          { key: 'Lead', label: 'Lead' },
          { key: 'SAL', label: 'Accepted' },
        ],
        ['2026-W08', '2026-W09'],
        [[{ stage: 'SAL', stays: 3, medianDays: 4.5 }], []],
      ),
    ).toEqual([
      {
        stage: 'Lead',
        label: 'Lead',
        weeks: [
          { weekKey: '2026-W08', stays: 0, medianDays: null },
          { weekKey: '2026-W09', stays: 0, medianDays: null },
        ],
      },
      {
        stage: 'SAL',
        label: 'Accepted',
        weeks: [
          { weekKey: '2026-W08', stays: 3, medianDays: 4.5 },
          { weekKey: '2026-W09', stays: 0, medianDays: null },
        ],
      },
    ]);
  });
});
