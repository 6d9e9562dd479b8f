import { describe, expect, it } from 'vitest';
import { ACTION_TEXT_MAX, checkActionItem, localToday } from '../../../src/domain/action-items.js';

// 15:30 UTC on 10 March is already 00:30 on 11 March in Seoul.
const NOW = new Date('2026-03-10T15:30:00Z');
const SEOUL = 'Asia/Seoul';

describe('localToday', () => {
  it('is the date on the team’s clocks, not in UTC', () => {
    expect(localToday(NOW, SEOUL)).toBe('2026-03-11');
    expect(localToday(NOW, 'UTC')).toBe('2026-03-10');
    expect(localToday(NOW, 'America/Los_Angeles')).toBe('2026-03-10');
  });
});

describe('checkActionItem', () => {
  it('trims the text and keeps the owner and due date', () => {
    expect(
      checkActionItem(
        { text: '  Rewrite the FAQ \n', ownerId: 'U0SDR0001', dueOn: '2026-03-20' },
        NOW,
        SEOUL,
      ),
    ).toEqual({ ok: true, fields: { text: 'Rewrite the FAQ', ownerId: 'U0SDR0001', dueOn: '2026-03-20' } });
  });

  it('takes no due date as none', () => {
    for (const dueOn of [null, undefined, '', '  '])
      expect(checkActionItem({ text: 'x', ownerId: 'U1', dueOn }, NOW, SEOUL)).toEqual({
        ok: true,
        fields: { text: 'x', ownerId: 'U1', dueOn: null },
      });
  });

  it('accepts exactly 300 characters after trimming, and today as the due date', () => {
    const text = 'a'.repeat(ACTION_TEXT_MAX);
    expect(checkActionItem({ text: ` ${text} `, ownerId: 'U1', dueOn: '2026-03-11' }, NOW, SEOUL)).toEqual({
      ok: true,
      fields: { text, ownerId: 'U1', dueOn: '2026-03-11' },
    });
  });

  it('reports every problem at once: blank text, no owner, a day already past in the team time zone', () => {
    expect(checkActionItem({ text: '   ', ownerId: null, dueOn: '2026-03-10' }, NOW, SEOUL)).toEqual({
      ok: false,
      problems: [
        { field: 'text', problem: 'empty' },
        { field: 'owner', problem: 'missing' },
        { field: 'due', problem: 'past', today: '2026-03-11' },
      ],
    });
  });

  it('the same day is still allowed where it is still that day', () => {
    expect(checkActionItem({ text: 'x', ownerId: 'U1', dueOn: '2026-03-10' }, NOW, 'UTC').ok).toBe(true);
  });

  it('refuses text over 300 characters and dates that are not real days', () => {
    expect(
      checkActionItem({ text: 'b'.repeat(301), ownerId: 'U1', dueOn: '2026-02-30' }, NOW, SEOUL),
    ).toEqual({
      ok: false,
      problems: [
        { field: 'text', problem: 'too_long', max: 300 },
        { field: 'due', problem: 'bad_date' },
      ],
    });
    for (const dueOn of ['2026-3-20', 'tomorrow', '20260320'])
      expect(checkActionItem({ text: 'x', ownerId: 'U1', dueOn }, NOW, SEOUL)).toEqual({
        ok: false,
        problems: [{ field: 'due', problem: 'bad_date' }],
      });
  });

  it('needs an owner even when only spaces were sent', () => {
    expect(checkActionItem({ text: 'x', ownerId: ' ', dueOn: null }, NOW, SEOUL)).toEqual({
      ok: false,
      problems: [{ field: 'owner', problem: 'missing' }],
    });
  });
});
