import { describe, expect, it } from 'vitest';
import { salesAcceptedStage } from '../../../src/domain/lead-stages.js';

describe('salesAcceptedStage', () => {
  it('moves an MQL to SAL when sales accepts it, and nothing else', () => {
    const working = ['Lead', 'MQL', 'SAL', 'SQL'];
    expect(salesAcceptedStage('MQL', working)).toBe('SAL');
    expect(salesAcceptedStage('SQL', working)).toBeUndefined();
    expect(salesAcceptedStage('MQL', ['Lead', 'MQL', 'SQL'])).toBeUndefined();
  });
});
