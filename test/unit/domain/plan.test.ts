import { describe, expect, it } from 'vitest';
import type { KpiRole } from '../../../src/config/workspace-schema.js';
import {
  buildPlan,
  type FunnelPlan,
  goalDates,
  type PlanInput,
  parseDeals,
  parsePlanCommand,
  reachCounts,
} from '../../../src/domain/plan.js';

const STAGES = ['Lead', 'MQL', 'SAL', 'SQL', 'Opportunity', 'Negotiation', 'Closing', 'Retention'];
const ROLES: Record<string, KpiRole> = {
  Lead: 'marketer',
  MQL: 'marketer',
  SAL: 'sdr',
  SQL: 'sdr',
  Opportunity: 'ae',
  Negotiation: 'ae',
  Closing: 'ae',
  Retention: 'cs',
};
// The shipped defaults (src/config/workspace/defaults.ts).
const DEFAULTS = {
  Lead: 0.4,
  MQL: 0.6,
  SAL: 0.5,
  SQL: 0.5,
  Opportunity: 0.6,
  Negotiation: 0.5,
  Closing: 0.9,
};

/**
 * A trailing cohort of 300 leads by furthest stage. count(S) = this stage and every later one:
 * Lead 300, MQL 170, SAL 90, SQL 45, Opportunity 33, Negotiation 21, Closing 14, Retention 11.
 */
const REACH = [
  { furthestStage: 'Lead', count: 130 },
  { furthestStage: 'MQL', count: 80 },
  { furthestStage: 'SAL', count: 45 },
  { furthestStage: 'SQL', count: 12 },
  { furthestStage: 'Opportunity', count: 12 },
  { furthestStage: 'Negotiation', count: 7 },
  { furthestStage: 'Closing', count: 3 },
  { furthestStage: 'Retention', count: 11 },
];

function input(overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    deals: 9,
    stages: STAGES.map((key) => ({ key, label: key })),
    wonStage: 'Closing',
    kpiRoles: ROLES,
    trailingDays: 90,
    minSample: 10,
    defaultRates: DEFAULTS,
    reach: REACH,
    days: 91,
    ...overrides,
  };
}

function plan(overrides: Partial<PlanInput> = {}): FunnelPlan {
  const result = buildPlan(input(overrides));
  if (!result.ok) throw new Error(`unexpected problem ${JSON.stringify(result.problem)}`);
  return result.plan;
}

const column = <K extends keyof FunnelPlan['stages'][number]>(p: FunnelPlan, key: K) =>
  Object.fromEntries(p.stages.map((s) => [s.stage, s[key]]));

describe('reachCounts', () => {
  it('counts a lead at its furthest stage and every stage before it, ignoring unknown and empty stages', () => {
    const counts = reachCounts(STAGES, [
      ...REACH,
      { furthestStage: null, count: 5 },
      { furthestStage: 'Demo', count: 3 },
    ]);
    expect(Object.fromEntries(counts)).toEqual({
      Lead: 300,
      MQL: 170,
      SAL: 90,
      SQL: 45,
      Opportunity: 33,
      Negotiation: 21,
      Closing: 14,
      Retention: 11,
    });
  });
});

describe('buildPlan', () => {
  it('works back through observed rates when every stage has the minimum sample', () => {
    const p = plan();
    // Closing = 9 deals; each earlier stage = ceil(next × count(S) / count(next)):
    // Negotiation ceil(9×21/14 = 13.5) = 14; Opportunity 14×33/21 = 22; SQL 22×45/33 = 30;
    // SAL 30×90/45 = 60; MQL ceil(60×170/90 = 113.3) = 114; Lead ceil(114×300/170 = 201.2) = 202.
    // Retention = ceil(9 × 11/14 = 7.07) = 8.
    expect(column(p, 'needed')).toEqual({
      Lead: 202,
      MQL: 114,
      SAL: 60,
      SQL: 30,
      Opportunity: 22,
      Negotiation: 14,
      Closing: 9,
      Retention: 8,
    });
    // 91 days = 13 weeks: ceil(202/13 = 15.5) = 16, ceil(114/13 = 8.8) = 9, ceil(60/13 = 4.6) = 5, …
    expect(p.weeks).toBe(13);
    expect(column(p, 'perWeek')).toEqual({
      Lead: 16,
      MQL: 9,
      SAL: 5,
      SQL: 3,
      Opportunity: 2,
      Negotiation: 2,
      Closing: 1,
      Retention: 1,
    });
    expect(column(p, 'rate')).toEqual({
      Lead: 170 / 300,
      MQL: 90 / 170,
      SAL: 45 / 90,
      SQL: 33 / 45,
      Opportunity: 21 / 33,
      Negotiation: 14 / 21,
      Closing: 11 / 14,
      Retention: null,
    });
    expect(p.stages.find((s) => s.stage === 'SQL')?.basis).toEqual({
      source: 'observed',
      reached: 45,
      next: 33,
    });
    expect(p.stages.at(-1)?.basis).toBeNull();
    expect(p).toMatchObject({
      version: 1,
      deals: 9,
      wonStage: 'Closing',
      days: 91,
      trailingDays: 90,
      minSample: 10,
    });
  });

  it('falls back to the default rate, stage by stage, where the sample is under the minimum', () => {
    const p = plan({ minSample: 30 });
    // Negotiation (21) and Closing (14) are under 30: defaults 0.5 and 0.9. The rest stay observed.
    expect(column(p, 'basis')).toMatchObject({
      Lead: { source: 'observed' },
      Opportunity: { source: 'observed', reached: 33, next: 21 },
      Negotiation: { source: 'too_few', reached: 21, next: 14 },
      Closing: { source: 'too_few', reached: 14, next: 11 },
    });
    expect(column(p, 'rate')).toMatchObject({ Opportunity: 21 / 33, Negotiation: 0.5, Closing: 0.9 });
    // Negotiation ceil(9/0.5) = 18; Opportunity ceil(18×33/21 = 28.3) = 29; SQL ceil(29×45/33 = 39.5) = 40;
    // SAL 40×90/45 = 80; MQL ceil(80×170/90 = 151.1) = 152; Lead ceil(152×300/170 = 268.2) = 269;
    // Retention ceil(9 × 0.9 = 8.1) = 9.
    expect(column(p, 'needed')).toEqual({
      Lead: 269,
      MQL: 152,
      SAL: 80,
      SQL: 40,
      Opportunity: 29,
      Negotiation: 18,
      Closing: 9,
      Retention: 9,
    });
  });

  it('treats an observed rate of 0 as unusable and uses the default instead, without dividing by zero', () => {
    // 40 leads reached SQL (≥ 30) and none went further: count(Opportunity) = 0.
    // count: Lead 140, MQL 90, SAL 60, SQL 40, later stages 0.
    const p = plan({
      deals: 3,
      minSample: 30,
      reach: [
        { furthestStage: 'Lead', count: 50 },
        { furthestStage: 'MQL', count: 30 },
        { furthestStage: 'SAL', count: 20 },
        { furthestStage: 'SQL', count: 40 },
      ],
    });
    expect(column(p, 'basis')).toMatchObject({
      SAL: { source: 'observed', reached: 60, next: 40 },
      SQL: { source: 'none_converted', reached: 40, next: 0 },
      Opportunity: { source: 'too_few', reached: 0, next: 0 },
    });
    // Negotiation ceil(3/0.5) = 6; Opportunity 6/0.6 = 10; SQL 10/0.5 = 20; SAL 20×60/40 = 30; MQL 30×90/60 = 45; Lead 45×140/90 = 70; Retention ceil(2.7) = 3.
    expect(column(p, 'needed')).toEqual({
      Lead: 70,
      MQL: 45,
      SAL: 30,
      SQL: 20,
      Opportunity: 10,
      Negotiation: 6,
      Closing: 3,
      Retention: 3,
    });
    expect(p.stages.every((s) => s.rate === null || (s.rate > 0 && Number.isFinite(s.rate)))).toBe(true);
  });

  it('plans custom stages, carrying the won deals forward through every stage after the won stage', () => {
    const p = plan({
      deals: 10,
      stages: ['Inquiry', 'Qualified', 'Demo', 'Won', 'Renewal', 'Expansion'].map((key) => ({
        key,
        label: `${key}!`,
      })),
      wonStage: 'Won',
      kpiRoles: {
        Inquiry: 'marketer',
        Qualified: 'ae',
        Demo: 'ae',
        Won: 'ae',
        Renewal: 'cs',
        Expansion: 'cs',
      },
      defaultRates: { Inquiry: 0.5, Qualified: 0.4, Demo: 0.25, Won: 0.8, Renewal: 0.5 },
      reach: [],
      days: 30,
    });
    // Demo ceil(10/0.25) = 40; Qualified 40/0.4 = 100; Inquiry 100/0.5 = 200;
    // Renewal ceil(10 × 0.8) = 8; Expansion ceil(8 × 0.5) = 4. 30 days = 5 weeks.
    expect(p.weeks).toBe(5);
    expect(p.stages.map((s) => [s.label, s.needed, s.perWeek])).toEqual([
      ['Inquiry!', 200, 40],
      ['Qualified!', 100, 20],
      ['Demo!', 40, 8],
      ['Won!', 10, 2],
      ['Renewal!', 8, 2],
      ['Expansion!', 4, 1],
    ]);
    expect(p.stages.every((s) => s.basis === null || s.basis.source === 'too_few')).toBe(true);
    // No stage belongs to inside sales here, so it has no KPI line.
    expect(p.kpis.map((k) => [k.role, k.stages.map((s) => `${s.stage} ${s.needed}`)])).toEqual([
      ['marketer', ['Inquiry 200']],
      ['ae', ['Qualified 100', 'Demo 40', 'Won 10']],
      ['cs', ['Renewal 8', 'Expansion 4']],
    ]);
  });

  it('groups the default stages into KPIs per role', () => {
    const p = plan();
    expect(p.kpis.map((k) => [k.role, k.stages.map((s) => `${s.stage} ${s.needed}/${s.perWeek}`)])).toEqual([
      ['marketer', ['Lead 202/16', 'MQL 114/9']],
      ['sdr', ['SAL 60/5', 'SQL 30/3']],
      ['ae', ['Opportunity 22/2', 'Negotiation 14/2', 'Closing 9/1']],
      ['cs', ['Retention 8/1']],
    ]);
  });

  it('computes in exact fractions, so a whole result is not pushed up by floating-point error', () => {
    const p = plan({
      deals: 21,
      stages: ['A', 'B', 'C', 'D'].map((key) => ({ key, label: key })),
      wonStage: 'C',
      kpiRoles: { A: 'marketer', B: 'sdr', C: 'ae', D: 'cs' },
      defaultRates: { A: 0.28, B: 0.7, C: 0.14 },
      reach: [],
      days: 7,
    });
    // In floating point 21/0.7 = 30.000000000000004, which ceil makes 31; exactly, B needs 30.
    // A = 30 / 0.28 = 107.14… → 108; D = ceil(21 × 0.14 = 2.94) = 3.
    expect(column(p, 'needed')).toEqual({ A: 108, B: 30, C: 21, D: 3 });
    const fifty = plan({
      deals: 50,
      stages: ['A', 'B'].map((key) => ({ key, label: key })),
      wonStage: 'A',
      kpiRoles: { A: 'ae', B: 'cs' },
      defaultRates: { A: 0.14 },
      reach: [],
      days: 7,
    });
    // 50 × 0.14 is 7.000000000000001 in floating point; the renewals expected are exactly 7.
    expect(column(fifty, 'needed')).toEqual({ A: 50, B: 7 });
  });

  it('rounds weeks up and each weekly figure up', () => {
    const twoStages = (days: number) =>
      plan({
        deals: 9,
        stages: [
          { key: 'A', label: 'A' },
          { key: 'B', label: 'B' },
        ],
        wonStage: 'B',
        kpiRoles: { A: 'marketer', B: 'ae' },
        defaultRates: { A: 0.3 },
        reach: [],
        days,
      });
    // A = 9 / 0.3 = 30 (exactly). 1 or 7 days = 1 week; 8 days = 2 weeks; 31 days = 5 weeks.
    expect(twoStages(1).stages.map((s) => [s.needed, s.perWeek])).toEqual([
      [30, 30],
      [9, 9],
    ]);
    expect(twoStages(7).weeks).toBe(1);
    expect(twoStages(8).stages.map((s) => s.perWeek)).toEqual([15, 5]); // 30/2, ceil(9/2 = 4.5)
    expect(twoStages(31).stages.map((s) => s.perWeek)).toEqual([6, 2]); // 30/5, ceil(9/5 = 1.8)
  });

  it('refuses a goal of no deals or more than 100,000', () => {
    expect(buildPlan(input({ deals: 0 }))).toEqual({
      ok: false,
      problem: { kind: 'out_of_range', deals: 0, min: 1, max: 100_000 },
    });
    expect(buildPlan(input({ deals: 100_001 })).ok).toBe(false);
    expect(buildPlan(input({ deals: 100_000 })).ok).toBe(true);
  });
});

describe('parseDeals', () => {
  it('reads whole numbers, with or without thousands separators', () => {
    expect(parseDeals('12')).toEqual({ ok: true, deals: 12 });
    expect(parseDeals(' 1,200 ')).toEqual({ ok: true, deals: 1200 });
    expect(parseDeals('100000')).toEqual({ ok: true, deals: 100_000 });
  });

  it('says what is wrong with anything else', () => {
    for (const text of ['abc', '2.5', '1,00', '12deals', '']) {
      expect(parseDeals(text)).toEqual({ ok: false, problem: { kind: 'not_a_number', text } });
    }
    expect(parseDeals('0')).toEqual({
      ok: false,
      problem: { kind: 'out_of_range', deals: 0, min: 1, max: 100_000 },
    });
    expect(parseDeals('-3')).toMatchObject({ ok: false, problem: { kind: 'out_of_range', deals: -3 } });
    expect(parseDeals('100,001')).toMatchObject({
      ok: false,
      problem: { kind: 'out_of_range', deals: 100_001 },
    });
  });
});

describe('parsePlanCommand', () => {
  const SEOUL = 'Asia/Seoul';
  const NOW = new Date('2026-05-13T03:00:00Z'); // Wednesday 12:00 in Seoul
  const parse = (text: string, now = NOW) => parsePlanCommand(text, now, SEOUL);
  const days = (text: string, now = NOW) => {
    const parsed = parse(text, now);
    if (parsed.kind !== 'plan') throw new Error(`not a plan: ${JSON.stringify(parsed)}`);
    return {
      set: parsed.set,
      deals: parsed.deals,
      key: parsed.period.key,
      first: parsed.period.firstDay,
      last: parsed.period.lastDay,
    };
  };

  it('asks for help when there is nothing to plan', () => {
    expect(parse('')).toEqual({ kind: 'help' });
    expect(parse('  HELP ')).toEqual({ kind: 'help' });
  });

  it('plans this quarter in the team’s time zone unless a period is given', () => {
    expect(days('10')).toEqual({
      set: false,
      deals: 10,
      key: 'this-quarter',
      first: '2026-04-01',
      last: '2026-06-30',
    });
    // 2026-06-30 16:00 UTC is already 1 July 01:00 in Seoul: the third quarter.
    expect(days('10', new Date('2026-06-30T16:00:00Z'))).toMatchObject({
      first: '2026-07-01',
      last: '2026-09-30',
    });
    expect(days('set 1,200 this-month')).toEqual({
      set: true,
      deals: 1200,
      key: 'this-month',
      first: '2026-05-01',
      last: '2026-05-31',
    });
    expect(days('SET 3 Last-Week')).toMatchObject({
      set: true,
      deals: 3,
      first: '2026-05-04',
      last: '2026-05-10',
    });
  });

  it('accepts a date range that has not started yet, up to a year ahead', () => {
    expect(days('set 10 2026-07-01..2026-09-30')).toEqual({
      set: true,
      deals: 10,
      key: '2026-07-01..2026-09-30',
      first: '2026-07-01',
      last: '2026-09-30',
    });
    // 2026-05-13 + 366 days = 2027-05-14; a period starting 2027-05-15 is too far ahead.
    expect(days('10 2027-05-14..2027-05-20')).toMatchObject({ first: '2027-05-14' });
    expect(parse('10 2027-05-15..2027-05-20')).toEqual({
      kind: 'error',
      set: false,
      problem: { kind: 'too_far_ahead', first: '2027-05-15', max: 366 },
    });
  });

  it('names what is wrong', () => {
    const problem = (text: string) => {
      const parsed = parse(text);
      return parsed.kind === 'error' ? parsed.problem : parsed;
    };
    expect(problem('abc this-month')).toEqual({ kind: 'not_a_number', text: 'abc' });
    expect(problem('set')).toEqual({ kind: 'missing_deals' });
    expect(problem('0')).toMatchObject({ kind: 'out_of_range', deals: 0 });
    expect(problem('10 next-year')).toEqual({
      kind: 'period',
      problem: { code: 'unknown_period', text: 'next-year' },
    });
    expect(problem('10 2026-02-30..2026-03-05')).toEqual({
      kind: 'period',
      problem: { code: 'bad_date', value: '2026-02-30' },
    });
    expect(problem('10 this-month please')).toEqual({ kind: 'extra', text: 'please' });
    expect(parse('set abc')).toMatchObject({ kind: 'error', set: true });
  });
});

describe('goalDates', () => {
  it('stores a period as [first day, the day after the last)', () => {
    expect(goalDates({ key: 'this-quarter', firstDay: '2026-04-01', lastDay: '2026-06-30' })).toEqual({
      periodStart: '2026-04-01',
      periodEnd: '2026-07-01',
    });
    expect(goalDates({ key: 'x', firstDay: '2026-12-28', lastDay: '2026-12-31' }).periodEnd).toBe(
      '2027-01-01',
    );
  });
});
