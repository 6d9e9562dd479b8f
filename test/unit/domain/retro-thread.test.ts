import { describe, expect, it } from 'vitest';
import { isPlaybookPart, isWeeklyPart, participation } from '../../../src/domain/retro-thread.js';

describe('retro participation', () => {
  const roles = new Map<string, string | null>([
    ['U1', 'sdr'],
    ['U2', 'marketer'],
    ['U3', 'sdr'],
    ['U4', 'manager'],
    ['U5', null],
  ]);

  it('counts the participants who wrote at least one note, per first role in roster order', () => {
    // U1 wrote twice, U3 once, U9 (not asked) once: 2 of 5 took part.
    const p = participation(['U1', 'U2', 'U3', 'U4', 'U5'], roles, ['U1', 'U9', 'U1', 'U3']);
    expect(p.took).toBe(2);
    expect(p.total).toBe(5);
    expect(p.share).toBe(0.4);
    expect(p.byRole).toEqual([
      { role: 'marketer', members: ['U2'], took: [] },
      { role: 'sdr', members: ['U1', 'U3'], took: ['U1', 'U3'] },
      { role: 'manager', members: ['U4'], took: [] },
      { role: null, members: ['U5'], took: [] },
    ]);
  });

  it('has no share when nobody was asked', () => {
    expect(participation([], roles, ['U1'])).toEqual({ took: 0, total: 0, share: null, byRole: [] });
  });

  it('treats people missing from the role map as having no role', () => {
    const p = participation(['U7'], new Map(), ['U7']);
    expect(p.byRole).toEqual([{ role: null, members: ['U7'], took: ['U7'] }]);
    expect(p.share).toBe(1);
  });
});

describe('retro parts', () => {
  it('tells the weekly and the monthly reply parts apart', () => {
    expect(['funnel', 'sla', 'deals', 'voc', 'actions', 'prompts'].every(isWeeklyPart)).toBe(true);
    expect(['cadence', 'sla_trend', 'stages'].every(isPlaybookPart)).toBe(true);
    expect(isWeeklyPart('cadence')).toBe(false);
    expect(isPlaybookPart('funnel')).toBe(false);
    expect(isWeeklyPart(undefined)).toBe(false);
  });
});
