import { describe, expect, it } from 'vitest';
import type { SkippedSeller } from '../../../src/domain/routing.js';
import { HOLD_RETRY_MS, whenNobodyEligible } from '../../../src/domain/routing-hold.js';

const NOW = new Date('2026-11-28T10:00:00Z'); // a Saturday
const MONDAY_9 = new Date('2026-11-30T09:00:00Z');
const TUESDAY_9 = new Date('2026-12-01T09:00:00Z');
const inFifteen = new Date(NOW.getTime() + HOLD_RETRY_MS);

const hours = (userId: string, resumesAt: Date | null): SkippedSeller => ({
  userId,
  reason: 'outside_hours',
  resumesAt,
});

describe('whenNobodyEligible', () => {
  it('holds until the first seller outside their hours starts work', () => {
    expect(whenNobodyEligible('hold', [hours('UB', TUESDAY_9), hours('UA', MONDAY_9)], NOW)).toEqual({
      action: 'hold',
      retryAt: MONDAY_9,
    });
  });

  it('polls every 15 minutes while someone is away or at their cap, if that is sooner', () => {
    const away: SkippedSeller = { userId: 'UC', reason: 'out_of_office', until: null };
    const capped: SkippedSeller = { userId: 'UD', reason: 'at_cap', cap: 5, openLeads: 5 };
    expect(whenNobodyEligible('hold', [hours('UA', MONDAY_9), away], NOW)).toEqual({
      action: 'hold',
      retryAt: inFifteen,
    });
    expect(whenNobodyEligible('hold', [capped], NOW)).toEqual({ action: 'hold', retryAt: inFifteen });
    // A resume sooner than the poll wins.
    const soon = new Date(NOW.getTime() + 5 * 60_000);
    expect(whenNobodyEligible('hold', [hours('UA', soon), away], NOW)).toEqual({
      action: 'hold',
      retryAt: soon,
    });
  });

  it('leaves the lead to be claimed when waiting cannot help, or when the policy is skip', () => {
    const passed: SkippedSeller = { userId: 'UA', reason: 'passed' };
    expect(whenNobodyEligible('hold', [passed, hours('UB', null)], NOW)).toEqual({
      action: 'leave',
      why: 'nobody_coming',
    });
    expect(whenNobodyEligible('hold', [], NOW)).toEqual({ action: 'leave', why: 'nobody_coming' });
    expect(whenNobodyEligible('skip', [hours('UA', MONDAY_9)], NOW)).toEqual({
      action: 'leave',
      why: 'policy',
    });
  });
});
