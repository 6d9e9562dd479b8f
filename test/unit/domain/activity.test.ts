import { describe, expect, it } from 'vitest';
import { parseActivityBody, parseTouchCommand } from '../../../src/domain/activity.js';

const NOW = new Date('2026-11-23T10:00:00Z');

describe('parseActivityBody', () => {
  it('defaults the time to now and keeps note and actor', () => {
    expect(parseActivityBody({ type: 'call', note: ' hi ', actor: 'U0SDR0001' }, NOW)).toEqual({
      ok: true,
      activity: { kind: 'call', note: 'hi', at: NOW, actorId: 'U0SDR0001' },
    });
  });

  it('accepts a past time with an offset and clamps a few seconds of clock drift to now', () => {
    const past = parseActivityBody({ type: 'email', occurred_at: '2026-11-23T18:40:00+09:00' }, NOW);
    expect(past.ok && past.activity.at.toISOString()).toBe('2026-11-23T09:40:00.000Z');
    const drift = parseActivityBody({ type: 'email', occurred_at: '2026-11-23T10:00:30Z' }, NOW);
    expect(drift.ok && drift.activity.at).toEqual(NOW);
  });

  it('reports every bad field', () => {
    const result = parseActivityBody({ type: 'fax', note: 5, occurred_at: 'yesterday', actor: 7 }, NOW);
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual([
      'type',
      'note',
      'occurred_at',
      'actor',
    ]);
    expect(parseActivityBody([], NOW)).toMatchObject({ ok: false, errors: [{ field: '(body)' }] });
  });
});

describe('parseTouchCommand', () => {
  it('reads the lead, an optional kind (call by default) and the note', () => {
    expect(parseTouchCommand('touch 42')).toEqual({ ref: '42', kind: 'call', note: null });
    expect(parseTouchCommand('touch a@b.io Meeting Booked for Tuesday')).toEqual({
      ref: 'a@b.io',
      kind: 'meeting',
      note: 'Booked for Tuesday',
    });
    expect(parseTouchCommand('touch 7 Left a voicemail')).toEqual({
      ref: '7',
      kind: 'call',
      note: 'Left a voicemail',
    });
    expect(parseTouchCommand('touch')).toBeUndefined();
  });
});
