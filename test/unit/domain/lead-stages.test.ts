import { describe, expect, it } from 'vitest';
import {
  furthestOf,
  needsDeal,
  planStageMove,
  reasonsFor,
  resolveStage,
  type StageMoveLead,
  type StageMoveRequest,
  type StageRules,
  salesAcceptedStage,
} from '../../../src/domain/lead-stages.js';

const WORKING = ['Lead', 'MQL', 'SAL', 'SQL', 'Opportunity', 'Negotiation', 'Closing', 'Retention'];
const RULES: StageRules = {
  working: WORKING,
  dealStage: 'Opportunity',
  lostReasons: ['lost_to_competitor', 'no_budget', 'timing'],
  disqualifyReasons: ['not_a_fit', 'spam_or_fake'],
  defaultCurrency: 'USD',
};
const TODAY = '2026-11-23';

const lead = (over: Partial<StageMoveLead> = {}): StageMoveLead => ({
  stage: 'SQL',
  furthestStage: 'SQL',
  amount: null,
  currency: null,
  competitor: null,
  ...over,
});

function plan(request: StageMoveRequest, from: Partial<StageMoveLead> = {}, rules = RULES) {
  return planStageMove(lead(from), request, rules, TODAY);
}

function moved(request: StageMoveRequest, from: Partial<StageMoveLead> = {}) {
  const result = plan(request, from);
  if (!result.ok) throw new Error(`expected a move, got ${JSON.stringify(result.problem)}`);
  return result.move;
}

const problem = (request: StageMoveRequest, from: Partial<StageMoveLead> = {}) => {
  const result = plan(request, from);
  if (result.ok) throw new Error(`expected a problem, got ${JSON.stringify(result.move)}`);
  return result.problem;
};

describe('salesAcceptedStage', () => {
  it('moves an MQL to SAL when sales accepts it, and nothing else', () => {
    const working = ['Lead', 'MQL', 'SAL', 'SQL'];
    expect(salesAcceptedStage('MQL', working)).toBe('SAL');
    expect(salesAcceptedStage('SQL', working)).toBeUndefined();
    expect(salesAcceptedStage('MQL', ['Lead', 'MQL', 'SQL'])).toBeUndefined();
  });
});

describe('stage helpers', () => {
  it('resolves stage keys case-insensitively, side stages included, and nothing else', () => {
    expect(resolveStage('sql', WORKING)).toBe('SQL');
    expect(resolveStage('  opportunity ', WORKING)).toBe('Opportunity');
    expect(resolveStage('LOST', WORKING)).toBe('Lost');
    expect(resolveStage('recycle', WORKING)).toBe('Recycle');
    expect(resolveStage('Won', WORKING)).toBeUndefined();
  });

  it('keeps the later working stage as the furthest; side stages never count', () => {
    expect(furthestOf('SQL', 'Opportunity', WORKING)).toBe('Opportunity');
    expect(furthestOf('SQL', 'MQL', WORKING)).toBe('SQL');
    expect(furthestOf('SQL', 'Lost', WORKING)).toBe('SQL');
    expect(furthestOf(null, 'Lead', WORKING)).toBe('Lead');
    expect(furthestOf(null, 'Recycle', WORKING)).toBeNull();
  });

  it('asks for a deal from the deal stage on, and reasons only for Lost and Disqualified', () => {
    expect(WORKING.filter((s) => needsDeal(s, RULES))).toEqual([
      'Opportunity',
      'Negotiation',
      'Closing',
      'Retention',
    ]);
    expect(needsDeal('Lost', RULES)).toBe(false);
    expect(reasonsFor('Lost', RULES)).toEqual(RULES.lostReasons);
    expect(reasonsFor('Disqualified', RULES)).toEqual(RULES.disqualifyReasons);
    expect(reasonsFor('Recycle', RULES)).toBeNull();
    expect(reasonsFor('SQL', RULES)).toBeNull();
  });
});

describe('planStageMove: the stage', () => {
  it('refuses an unknown stage and lists every stage, side stages last', () => {
    expect(problem({ to: 'Won' })).toEqual({
      code: 'unknown_stage',
      stage: 'Won',
      stages: [...WORKING, 'Lost', 'Disqualified', 'Recycle'],
    });
  });

  it('refuses the stage the lead is already at (however it is spelled)', () => {
    expect(problem({ to: 'sql' })).toEqual({ code: 'same_stage', stage: 'SQL' });
  });

  it('moves forward, skipping stages, and raises the furthest stage', () => {
    const move = moved({ to: 'sal' }, { stage: 'MQL', furthestStage: 'MQL' });
    expect(move).toEqual({
      from: 'MQL',
      to: 'SAL',
      reason: null,
      competitor: null,
      amount: null,
      currency: null,
      revisitOn: null,
      note: null,
      furthestStage: 'SAL',
      direction: 'forward',
    });
    expect(moved({ to: 'SQL' }, { stage: 'Lead', furthestStage: 'Lead' })).toMatchObject({
      direction: 'forward',
      furthestStage: 'SQL',
    });
  });

  it('moves back without lowering the furthest stage', () => {
    expect(moved({ to: 'MQL' }, { stage: 'SQL', furthestStage: 'Opportunity' })).toMatchObject({
      from: 'SQL',
      to: 'MQL',
      direction: 'back',
      furthestStage: 'Opportunity',
    });
  });

  it('calls a move to a side stage "side" and one out of a side stage "reopen"', () => {
    expect(moved({ to: 'Recycle', revisitOn: '2027-01-15' })).toMatchObject({
      direction: 'side',
      furthestStage: 'SQL',
    });
    expect(moved({ to: 'MQL' }, { stage: 'Recycle', furthestStage: 'SQL' })).toMatchObject({
      from: 'Recycle',
      to: 'MQL',
      direction: 'reopen',
      furthestStage: 'SQL',
    });
    expect(moved({ to: 'Lost', reason: 'timing' }, { stage: 'Recycle' }).direction).toBe('side');
  });

  it('trims the note and drops a blank one', () => {
    expect(moved({ to: 'SAL', note: '  Talked to the CTO  ' }).note).toBe('Talked to the CTO');
    expect(moved({ to: 'SAL', note: '   ' }).note).toBeNull();
  });
});

describe('planStageMove: Lost and Disqualified', () => {
  it('needs a reason and says which ones there are', () => {
    expect(problem({ to: 'Lost' })).toEqual({
      code: 'reason_required',
      stage: 'Lost',
      reasons: RULES.lostReasons,
    });
    expect(problem({ to: 'Disqualified', reason: '  ' })).toEqual({
      code: 'reason_required',
      stage: 'Disqualified',
      reasons: RULES.disqualifyReasons,
    });
  });

  it('refuses a reason that is not on the stage’s list', () => {
    expect(problem({ to: 'Lost', reason: 'not_a_fit' })).toEqual({
      code: 'unknown_reason',
      stage: 'Lost',
      reason: 'not_a_fit',
      reasons: RULES.lostReasons,
    });
  });

  it('takes a listed reason in any case and stores it as configured', () => {
    expect(moved({ to: 'disqualified', reason: 'SPAM_OR_FAKE' })).toMatchObject({
      to: 'Disqualified',
      reason: 'spam_or_fake',
      direction: 'side',
    });
  });

  it('needs a competitor for "lost to competitor", and keeps it', () => {
    expect(problem({ to: 'Lost', reason: 'lost_to_competitor', competitor: ' ' })).toEqual({
      code: 'competitor_required',
    });
    expect(moved({ to: 'Lost', reason: 'lost_to_competitor', competitor: ' Acme CRM ' })).toMatchObject({
      reason: 'lost_to_competitor',
      competitor: 'Acme CRM',
    });
  });

  it('keeps the competitor last named on the deal when a move names none', () => {
    expect(moved({ to: 'Lost', reason: 'no_budget' }, { competitor: 'Globex' }).competitor).toBe('Globex');
    expect(
      moved({ to: 'Lost', reason: 'no_budget', competitor: 'Initech' }, { competitor: 'Globex' }).competitor,
    ).toBe('Initech');
  });

  it('keeps a free-text reason on a stage without a list', () => {
    expect(moved({ to: 'SAL', reason: 'demo booked' }).reason).toBe('demo booked');
  });
});

describe('planStageMove: the deal', () => {
  it('needs an amount from the deal stage on, also when skipping past it', () => {
    expect(problem({ to: 'Opportunity' })).toEqual({ code: 'amount_required', stage: 'Opportunity' });
    expect(problem({ to: 'Closing' })).toEqual({ code: 'amount_required', stage: 'Closing' });
  });

  it('gives an amount without a currency the default currency, rounded to cents', () => {
    expect(moved({ to: 'Opportunity', amount: 12000.456 })).toMatchObject({
      amount: 12000.46,
      currency: 'USD',
      furthestStage: 'Opportunity',
    });
  });

  it('upper-cases a given currency and refuses anything but three letters', () => {
    expect(moved({ to: 'Opportunity', amount: 15000000, currency: 'krw' })).toMatchObject({
      amount: 15000000,
      currency: 'KRW',
    });
    expect(problem({ to: 'Opportunity', amount: 1, currency: 'US' })).toEqual({
      code: 'bad_currency',
      currency: 'US',
    });
    expect(problem({ to: 'Opportunity', amount: 1, currency: 'usd1' })).toEqual({
      code: 'bad_currency',
      currency: 'USD1',
    });
  });

  it('refuses a negative, non-finite or absurd amount', () => {
    for (const amount of [-1, Number.NaN, Number.POSITIVE_INFINITY, 1e16])
      expect(problem({ to: 'Opportunity', amount })).toEqual({ code: 'bad_amount' });
    expect(moved({ to: 'Opportunity', amount: 0 }).amount).toBe(0);
  });

  it('keeps the deal the lead already has when a later move names none', () => {
    const from = { stage: 'Opportunity', furthestStage: 'Opportunity', amount: 9000, currency: 'EUR' };
    expect(moved({ to: 'Negotiation' }, from)).toMatchObject({ amount: 9000, currency: 'EUR' });
    expect(moved({ to: 'Negotiation', currency: 'gbp' }, from)).toMatchObject({
      amount: 9000,
      currency: 'GBP',
    });
  });

  it('takes a new amount in the default currency unless the move names one', () => {
    const from = { stage: 'Opportunity', furthestStage: 'Opportunity', amount: 9000, currency: 'EUR' };
    expect(moved({ to: 'Negotiation', amount: 11000 }, from)).toMatchObject({
      amount: 11000,
      currency: 'USD',
    });
  });

  it('records an amount given before the deal stage too', () => {
    expect(moved({ to: 'SAL', amount: 500 })).toMatchObject({ amount: 500, currency: 'USD' });
  });

  it('follows the configured deal stage', () => {
    const rules = { ...RULES, dealStage: 'Negotiation' };
    expect(plan({ to: 'Opportunity' }, {}, rules).ok).toBe(true);
    expect(plan({ to: 'Negotiation' }, {}, rules)).toEqual({
      ok: false,
      problem: { code: 'amount_required', stage: 'Negotiation' },
    });
  });
});

describe('planStageMove: Recycle', () => {
  it('needs a revisit day', () => {
    expect(problem({ to: 'Recycle' })).toEqual({ code: 'revisit_required' });
    expect(problem({ to: 'Recycle', revisitOn: ' ' })).toEqual({ code: 'revisit_required' });
  });

  it('refuses what is not a real YYYY-MM-DD day', () => {
    for (const value of ['2027-02-30', '15/01/2027', '2027-1-5', 'soon'])
      expect(problem({ to: 'Recycle', revisitOn: value })).toEqual({ code: 'bad_date', value });
  });

  it('needs a day after today (the team’s today)', () => {
    expect(problem({ to: 'Recycle', revisitOn: TODAY })).toEqual({
      code: 'revisit_not_future',
      revisitOn: TODAY,
      today: TODAY,
    });
    expect(problem({ to: 'Recycle', revisitOn: '2026-01-01' })).toMatchObject({ code: 'revisit_not_future' });
    expect(moved({ to: 'Recycle', revisitOn: '2026-11-24' }).revisitOn).toBe('2026-11-24');
  });

  it('ignores a revisit day on any other move', () => {
    expect(moved({ to: 'SAL', revisitOn: '2027-01-15' }).revisitOn).toBeNull();
    expect(moved({ to: 'SAL', revisitOn: 'garbage' }).revisitOn).toBeNull();
  });
});
