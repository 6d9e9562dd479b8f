import { describe, expect, it } from 'vitest';
import { chooseNext, explainAssignment, type RotationCandidate } from '../../../src/domain/routing.js';

const at = new Date('2026-11-23T10:00:00Z');
const candidate = (userId: string, pass: number, passed = false): RotationCandidate => ({
  userId,
  weight: 1,
  pass,
  lastAssignedAt: at,
  eligibility: passed ? { eligible: false, reason: 'passed' } : { eligible: true },
});

describe('a seller who passed on the lead', () => {
  it('is skipped for it even when next in line, is kept level, and is named in the explanation', () => {
    const result = chooseNext({
      candidates: [candidate('UA', 3, true), candidate('UB', 4), candidate('UC', 5)],
    });
    expect(result.chosen).toBe('UB');
    // The virtual time is UB's 4: UA's 3 is lifted to it, as for anyone unavailable.
    expect(result.passes).toEqual({ UA: 4, UB: 5 });
    const explained = explainAssignment('smb', result);
    expect(explained.skipped).toEqual([{ userId: 'UA', reason: 'passed' }]);
    expect(explained.text).toBe(
      'Round robin (smb): <@UB> — 1st of 2 eligible by weighted rotation; skipped <@UA> (passed on this lead).',
    );
  });
});
