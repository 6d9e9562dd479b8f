import { describe, expect, it } from 'vitest';
import { openStages } from '../../../src/domain/open-leads.js';

describe('openStages', () => {
  it('keeps the working stages before Closing (won), in order', () => {
    const stages = ['Lead', 'MQL', 'SAL', 'SQL', 'Opportunity', 'Negotiation', 'Closing', 'Retention'];
    expect(openStages(stages)).toEqual(['Lead', 'MQL', 'SAL', 'SQL', 'Opportunity', 'Negotiation']);
  });

  it('treats every working stage as open when there is no Closing stage', () => {
    expect(openStages(['New', 'Qualified', 'Demo'])).toEqual(['New', 'Qualified', 'Demo']);
  });

  it('has no open stage when Closing comes first', () => {
    expect(openStages(['Closing', 'Retention'])).toEqual([]);
  });
});
