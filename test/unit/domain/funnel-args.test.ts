import { describe, expect, it } from 'vitest';
import { parseFunnelArgs } from '../../../src/domain/funnel-args.js';

const report = (period: string, mode: string, by: string | null, chart = false) => ({
  kind: 'report',
  period,
  mode,
  by,
  chart,
});

describe('/funnel arguments', () => {
  it('defaults to this week, cohort, no breakdown, no chart', () => {
    expect(parseFunnelArgs('')).toEqual(report('this-week', 'cohort', null));
    expect(parseFunnelArgs('   ')).toEqual(report('this-week', 'cohort', null));
  });

  it('takes period, breakdown, mode and chart in any order and any case', () => {
    expect(parseFunnelArgs('last-week')).toEqual(report('last-week', 'cohort', null));
    expect(parseFunnelArgs('this-week by owner flow')).toEqual(report('this-week', 'flow', 'owner'));
    expect(parseFunnelArgs('FLOW  by Source last-quarter')).toEqual(report('last-quarter', 'flow', 'source'));
    expect(parseFunnelArgs('chart by segment')).toEqual(report('this-week', 'cohort', 'segment', true));
    expect(parseFunnelArgs('2026-01-05..2026-01-11 cohort')).toEqual(
      report('2026-01-05..2026-01-11', 'cohort', null),
    );
  });

  it('passes anything date-like on as the period, for parsePeriod to judge', () => {
    expect(parseFunnelArgs('2026-02-30..2026-03-01')).toEqual(
      report('2026-02-30..2026-03-01', 'cohort', null),
    );
    expect(parseFunnelArgs('2026-01-05')).toEqual(report('2026-01-05', 'cohort', null));
  });

  it('hands plan and export the rest of the text as typed', () => {
    expect(parseFunnelArgs('plan 12 This-Quarter')).toEqual({ kind: 'plan', rest: '12 This-Quarter' });
    expect(parseFunnelArgs('Plan set 12')).toEqual({ kind: 'plan', rest: 'set 12' });
    expect(parseFunnelArgs('export last-month')).toEqual({ kind: 'export', rest: 'last-month' });
    expect(parseFunnelArgs('export')).toEqual({ kind: 'export', rest: '' });
  });

  it('answers help wherever it is asked for', () => {
    expect(parseFunnelArgs('help')).toEqual({ kind: 'help' });
    expect(parseFunnelArgs('last-week HELP')).toEqual({ kind: 'help' });
  });

  it('names the word it does not know', () => {
    expect(parseFunnelArgs('last-week bogus')).toEqual({
      kind: 'error',
      problem: { code: 'unknown_word', word: 'bogus' },
    });
    expect(parseFunnelArgs('yesterday')).toEqual({
      kind: 'error',
      problem: { code: 'unknown_word', word: 'yesterday' },
    });
  });

  it('wants a group after "by"', () => {
    expect(parseFunnelArgs('by')).toEqual({ kind: 'error', problem: { code: 'by_needs_group', got: null } });
    expect(parseFunnelArgs('by Region')).toEqual({
      kind: 'error',
      problem: { code: 'by_needs_group', got: 'Region' },
    });
  });

  it('refuses two periods, two modes or two breakdowns', () => {
    expect(parseFunnelArgs('last-week this-week')).toEqual({
      kind: 'error',
      problem: { code: 'twice', first: 'last-week', second: 'this-week' },
    });
    expect(parseFunnelArgs('cohort flow')).toEqual({
      kind: 'error',
      problem: { code: 'twice', first: 'cohort', second: 'flow' },
    });
    expect(parseFunnelArgs('by owner by source')).toEqual({
      kind: 'error',
      problem: { code: 'twice', first: 'by owner', second: 'by source' },
    });
  });
});
