import { describe, expect, it } from 'vitest';
import { categoryWord, parseVocReportArgs } from '../../../src/domain/voc-report-args.js';

describe('parseVocReportArgs', () => {
  it('defaults to this week and every category', () => {
    expect(parseVocReportArgs('')).toEqual({ ok: true, period: 'this-week', category: null });
    expect(parseVocReportArgs('   ')).toEqual({ ok: true, period: 'this-week', category: null });
  });

  it('reads a period and a category in either order, in any case, with - or _', () => {
    expect(parseVocReportArgs('last-week feature-request')).toEqual({
      ok: true,
      period: 'last-week',
      category: 'feature_request',
    });
    expect(parseVocReportArgs(' Churn_Risk   LAST-MONTH ')).toEqual({
      ok: true,
      period: 'last-month',
      category: 'churn_risk',
    });
    expect(parseVocReportArgs('praise')).toEqual({ ok: true, period: 'this-week', category: 'praise' });
  });

  it('passes anything shaped like a date on to parsePeriod, which says what is wrong with it', () => {
    expect(parseVocReportArgs('2026-03-02..2026-03-08')).toEqual({
      ok: true,
      period: '2026-03-02..2026-03-08',
      category: null,
    });
    expect(parseVocReportArgs('2026-13-01')).toEqual({ ok: true, period: '2026-13-01', category: null });
  });

  it('names a word it does not know, as typed', () => {
    expect(parseVocReportArgs('last-week Pricey')).toEqual({
      ok: false,
      problem: { code: 'unknown_word', word: 'Pricey' },
    });
    // A funnel word is not a /voc report word.
    expect(parseVocReportArgs('flow')).toEqual({
      ok: false,
      problem: { code: 'unknown_word', word: 'flow' },
    });
  });

  it('refuses two periods or two categories', () => {
    expect(parseVocReportArgs('this-week last-week')).toEqual({
      ok: false,
      problem: { code: 'twice', first: 'this-week', second: 'last-week' },
    });
    expect(parseVocReportArgs('pricing lead_quality')).toEqual({
      ok: false,
      problem: { code: 'twice', first: 'pricing', second: 'lead-quality' },
    });
  });

  it('writes a category as the command takes it', () => {
    expect(categoryWord('feature_request')).toBe('feature-request');
    expect(categoryWord('other')).toBe('other');
  });
});
