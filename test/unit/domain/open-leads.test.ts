import { describe, expect, it } from 'vitest';
import { openStages } from '../../../src/domain/open-leads.js';

const funnelOf = (working: string[], wonStage: string) => ({
  stages: { working: working.map((key) => ({ key })) },
  funnel: { wonStage },
});
const DEFAULT = ['Lead', 'MQL', 'SAL', 'SQL', 'Opportunity', 'Negotiation', 'Closing', 'Retention'];

describe('openStages', () => {
  it('keeps the working stages before the won stage, in order', () => {
    expect(openStages(funnelOf(DEFAULT, 'Closing'))).toEqual([
      'Lead',
      'MQL',
      'SAL',
      'SQL',
      'Opportunity',
      'Negotiation',
    ]);
  });

  it('follows a configured won stage rather than the name Closing', () => {
    expect(openStages(funnelOf(DEFAULT, 'Negotiation'))).toEqual([
      'Lead',
      'MQL',
      'SAL',
      'SQL',
      'Opportunity',
    ]);
    expect(openStages(funnelOf(['New', 'Qualified', 'Demo', 'Signed'], 'Signed'))).toEqual([
      'New',
      'Qualified',
      'Demo',
    ]);
  });

  it('has no open stage when the won stage comes first', () => {
    expect(openStages(funnelOf(['Closing', 'Retention'], 'Closing'))).toEqual([]);
  });
});
