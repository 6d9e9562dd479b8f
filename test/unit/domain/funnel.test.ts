import { describe, expect, it } from 'vitest';
import {
  cohortCounts,
  cohortDeals,
  cohortGroups,
  conversions,
  enteredStages,
  type FunnelShape,
  findBottleneck,
  flowCounts,
  flowDeals,
  flowGroups,
  isMoveBack,
  stageFigures,
  stuckStages,
  stuckThresholdDays,
} from '../../../src/domain/funnel.js';

const WORKING = ['Lead', 'MQL', 'SAL', 'SQL', 'Opportunity', 'Negotiation', 'Closing', 'Retention'];
const SHAPE: FunnelShape = {
  working: WORKING.map((key) => ({ key, label: key === 'Opportunity' ? 'Opp' : key })),
  wonStage: 'Closing',
  currency: 'USD',
};
const NO_EXTRAS = { medianDays: new Map(), stuck: new Map() };

describe('cohort counts', () => {
  it('counts a lead for its furthest stage and every stage before it, ignoring unknown stages', () => {
    const counts = cohortCounts(WORKING, [
      { furthestStage: 'Lead', count: 3 },
      { furthestStage: 'MQL', count: 2 },
      { furthestStage: 'SQL', count: 4 }, // arrived as SQL or got there: Lead, MQL, SAL, SQL
      { furthestStage: 'Closing', count: 1 },
      { furthestStage: null, count: 1 },
      { furthestStage: 'Removed', count: 2 },
    ]);
    // Lead 3+2+4+1, MQL 2+4+1, SAL 4+1, SQL 4+1, then the one that reached Closing.
    expect(counts).toEqual([10, 7, 5, 5, 1, 1, 1, 0]);
  });
});

describe('flow entries', () => {
  it.each([
    [null, 'SQL', ['Lead', 'MQL', 'SAL', 'SQL']], // an arrival enters every stage up to its own
    [null, 'Lead', ['Lead']],
    ['MQL', 'SAL', ['SAL']],
    ['MQL', 'SQL', ['SAL', 'SQL']], // a skip passes through SAL
    ['SQL', 'SAL', []], // back
    ['Recycle', 'MQL', ['MQL']], // a reopening enters only its target
    ['SQL', 'Lost', []],
    ['Lost', 'Recycle', []],
  ] as const)('%s → %s enters %j', (from, to, entered) => {
    expect(enteredStages(from, to, WORKING)).toEqual(entered);
  });

  it('tells moves back from the rest', () => {
    expect(isMoveBack('SQL', 'SAL', WORKING)).toBe(true);
    expect(isMoveBack('SAL', 'SQL', WORKING)).toBe(false);
    expect(isMoveBack('Recycle', 'MQL', WORKING)).toBe(false);
    expect(isMoveBack('SQL', 'Lost', WORKING)).toBe(false);
    expect(isMoveBack(null, 'MQL', WORKING)).toBe(false);
  });

  it('adds up entries per stage, expanding skips, and counts moves back apart', () => {
    const { counts, movesBack } = flowCounts(WORKING, [
      { fromStage: null, toStage: 'Lead', count: 4 },
      { fromStage: null, toStage: 'SQL', count: 2 },
      { fromStage: 'Lead', toStage: 'MQL', count: 3 },
      { fromStage: 'MQL', toStage: 'SQL', count: 2 },
      { fromStage: 'SQL', toStage: 'SAL', count: 1 },
      { fromStage: 'SAL', toStage: 'SQL', count: 1 },
      { fromStage: 'Recycle', toStage: 'MQL', count: 1 },
      { fromStage: 'SQL', toStage: 'Lost', count: 1 },
      { fromStage: 'Negotiation', toStage: 'Retention', count: 1 },
    ]);
    expect(counts).toEqual([
      4 + 2, // Lead: arrivals as Lead and as SQL
      2 + 3 + 1, // MQL: arrivals as SQL, Lead→MQL, the reopening
      2 + 2, // SAL: arrivals as SQL, the MQL→SQL skips (the move back to SAL enters nothing)
      2 + 2 + 1, // SQL: arrivals, skips, SAL→SQL
      0,
      0,
      1, // Closing: passed through by Negotiation→Retention
      1,
    ]);
    expect(movesBack).toBe(1);
  });
});

describe('per-stage figures', () => {
  it('converts count(next) / count(S), null for the last stage and empty stages', () => {
    expect(conversions([10, 7, 5, 5, 1, 1, 1, 0])).toEqual([0.7, 5 / 7, 1, 0.2, 1, 1, 0, null]);
    expect(conversions([4, 0, 0])).toEqual([0, null, null]);
  });

  it('computes change, its rate, conversions both periods, medians and stuck', () => {
    const figures = stageFigures(SHAPE, [10, 7, 5, 5, 1, 1, 1, 0], [8, 7, 0, 0, 0, 0, 0, 0], {
      medianDays: new Map([['MQL', 2.5]]),
      stuck: new Map([['SAL', { count: 3, thresholdDays: 4 }]]),
    });
    expect(figures[0]).toEqual({
      stage: 'Lead',
      label: 'Lead',
      count: 10,
      previousCount: 8,
      change: 2,
      changeRate: 2 / 8,
      conversion: 0.7,
      previousConversion: 7 / 8,
      medianDays: null,
      stuck: 0,
      stuckThresholdDays: null,
    });
    expect(figures[1]).toMatchObject({ change: 0, changeRate: 0, medianDays: 2.5, previousConversion: 0 });
    // No previous SALs: a change but no rate, and no previous conversion.
    expect(figures[2]).toMatchObject({
      change: 5,
      changeRate: null,
      previousConversion: null,
      stuck: 3,
      stuckThresholdDays: 4,
    });
    expect(figures[4]!.label).toBe('Opp');
    expect(figures.map((f) => f.stage)).toEqual(WORKING);
  });
});

describe('bottleneck', () => {
  const bottleneck = (counts: number[], previous = counts) =>
    findBottleneck(stageFigures(SHAPE, counts, previous, NO_EXTRAS), 'Closing');

  it('is the stage with at least 5 converting least to the next', () => {
    // Lead .6, MQL .5, SAL 5/6, SQL 1/5: SQL has exactly 5 and converts least.
    expect(bottleneck([20, 12, 6, 5, 1, 1, 1, 0], [10, 5, 5, 5, 2, 1, 1, 0])).toEqual({
      stage: 'SQL',
      next: 'Opportunity',
      conversion: 0.2,
      previousConversion: 0.4,
      medianDays: null,
    });
  });

  it('skips stages under 5, breaks ties by the earlier stage and never picks the won stage', () => {
    // Lead .5, MQL .8, SAL .5; SQL converts 0 but has only 4.
    expect(bottleneck([20, 10, 8, 4, 0, 0, 0, 0])?.stage).toBe('Lead');
    // Every step converts fully except Closing → Retention, but Closing is the won stage.
    expect(bottleneck([10, 10, 10, 10, 10, 10, 10, 1])?.stage).toBe('Lead');
  });

  it('names the median days of the stage', () => {
    const figures = stageFigures(SHAPE, [10, 3, 3, 3, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0], {
      medianDays: new Map([['Lead', 1.25]]),
      stuck: new Map(),
    });
    expect(findBottleneck(figures, 'Closing')).toEqual({
      stage: 'Lead',
      next: 'MQL',
      conversion: 0.3,
      previousConversion: null,
      medianDays: 1.25,
    });
  });

  it('is missing when no stage before the won stage has 5', () => {
    expect(bottleneck([4, 3, 2, 1, 0, 0, 0, 0])).toBeNull();
  });
});

describe('deals', () => {
  it('cohort: won by furthest stage, lost by current stage, amounts per currency and competitors', () => {
    const deals = cohortDeals(SHAPE, [
      { furthestStage: 'Closing', competitor: 'Acme', currency: 'KRW', count: 2, lost: 0, amount: 3_000_000 },
      { furthestStage: 'Retention', competitor: null, currency: 'USD', count: 1, lost: 0, amount: 1200.5 },
      {
        furthestStage: 'Negotiation',
        competitor: 'Acme',
        currency: 'KRW',
        count: 3,
        lost: 3,
        amount: 900_000,
      },
      { furthestStage: 'SQL', competitor: null, currency: null, count: 1, lost: 1, amount: null },
      { furthestStage: 'Opportunity', competitor: 'Beta', currency: 'USD', count: 1, lost: 1, amount: 700 },
      // Two won deals against Beta, one of them in Lost afterwards: churn, so won only.
      { furthestStage: 'Closing', competitor: 'Beta', currency: 'USD', count: 2, lost: 1, amount: 5100 },
    ]);
    expect(deals).toEqual({
      won: 2 + 1 + 2,
      lost: 3 + 1 + 1,
      winRate: 5 / 10,
      amountWon: [
        { currency: 'KRW', amount: 3_000_000 }, // lost deals' amounts are not won
        { currency: 'USD', amount: 1200.5 + 5100 },
      ],
      byCompetitor: [
        { competitor: 'Acme', won: 2, lost: 3, winRate: 2 / 5 },
        { competitor: 'Beta', won: 2, lost: 1, winRate: 2 / 3 },
      ],
    });
  });

  it('flow: won by entries into the won stage (skips, reopenings, arrivals), lost by moves into Lost', () => {
    const deals = flowDeals(SHAPE, [
      {
        fromStage: 'Negotiation',
        toStage: 'Closing',
        competitor: 'Acme',
        currency: 'USD',
        count: 2,
        amount: 10_000,
      },
      {
        fromStage: 'Negotiation',
        toStage: 'Retention',
        competitor: null,
        currency: 'USD',
        count: 1,
        amount: 500,
      },
      // Already won: moving on to Retention is no second win.
      {
        fromStage: 'Closing',
        toStage: 'Retention',
        competitor: null,
        currency: 'USD',
        count: 1,
        amount: 300,
      },
      { fromStage: 'SQL', toStage: 'Lost', competitor: 'Acme', currency: null, count: 2, amount: null },
      {
        fromStage: 'Recycle',
        toStage: 'Closing',
        competitor: 'Beta',
        currency: 'KRW',
        count: 1,
        amount: 1000,
      },
      // An amount recorded without a currency is in the workspace currency.
      { fromStage: null, toStage: 'Closing', competitor: null, currency: null, count: 1, amount: 50 },
    ]);
    expect(deals).toEqual({
      won: 2 + 1 + 1 + 1,
      lost: 2,
      winRate: 5 / 7,
      amountWon: [
        { currency: 'USD', amount: 10_000 + 500 + 50 },
        { currency: 'KRW', amount: 1000 },
      ],
      byCompetitor: [
        { competitor: 'Acme', won: 2, lost: 2, winRate: 0.5 },
        { competitor: 'Beta', won: 1, lost: 0, winRate: 1 },
      ],
    });
  });

  it('has no win rate without deals', () => {
    expect(cohortDeals(SHAPE, [])).toEqual({
      won: 0,
      lost: 0,
      winRate: null,
      amountWon: [],
      byCompetitor: [],
    });
  });
});

describe('stuck thresholds', () => {
  it('uses the configured days, none when off, else twice the median over at least 5 stays', () => {
    expect(stuckThresholdDays(10, { stays: 100, medianDays: 1 })).toBe(10);
    expect(stuckThresholdDays('off', { stays: 100, medianDays: 1 })).toBeNull();
    expect(stuckThresholdDays(null, { stays: 5, medianDays: 3.5 })).toBe(7);
    expect(stuckThresholdDays(null, { stays: 4, medianDays: 3.5 })).toBeNull();
    expect(stuckThresholdDays(null, undefined)).toBeNull();
  });

  it('applies only to the stages before the won stage', () => {
    expect(stuckStages(SHAPE)).toEqual(['Lead', 'MQL', 'SAL', 'SQL', 'Opportunity', 'Negotiation']);
  });
});

describe('breakdowns', () => {
  it('counts each value like the cohort, unassigned for no owner, largest first', () => {
    const groups = cohortGroups(WORKING, [
      { key: 'U0SMB', furthestStage: 'Lead', count: 2 },
      { key: 'U0SMB', furthestStage: 'SQL', count: 1 },
      { key: 'U0ENT', furthestStage: 'SQL', count: 3 },
      { key: null, furthestStage: 'MQL', count: 1 },
    ]);
    expect(groups.map((g) => [g.key, g.stages.map((s) => s.count)])).toEqual([
      // Both have 3 at Lead; U0ENT has more at MQL.
      ['U0ENT', [3, 3, 3, 3, 0, 0, 0, 0]],
      ['U0SMB', [3, 1, 1, 1, 0, 0, 0, 0]],
      ['unassigned', [1, 1, 0, 0, 0, 0, 0, 0]],
    ]);
    expect(groups[1]!.stages[0]).toEqual({ stage: 'Lead', count: 3, conversion: 1 / 3 });
  });

  it('counts each value like the flow and leaves out values with no entries', () => {
    const groups = flowGroups(WORKING, [
      { key: 'web', fromStage: 'MQL', toStage: 'SQL', count: 2 },
      { key: 'web', fromStage: null, toStage: 'MQL', count: 1 },
      { key: 'event', fromStage: 'SQL', toStage: 'Lost', count: 4 },
      { key: 'event', fromStage: 'SQL', toStage: 'SAL', count: 1 },
    ]);
    expect(groups.map((g) => [g.key, g.stages.map((s) => s.count)])).toEqual([
      ['web', [1, 1, 2, 2, 0, 0, 0, 0]],
    ]);
  });
});
