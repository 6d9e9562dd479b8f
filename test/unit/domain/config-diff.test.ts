import { describe, expect, it } from 'vitest';
import { diffDocuments, touchedKeys } from '../../../src/domain/config-diff.js';

describe('diffDocuments', () => {
  it('names each changed leaf by its key path, with before and after', () => {
    const before = { sla: { first_touch_minutes: 60, clock: 'business' }, locale: 'en' };
    const after = { sla: { first_touch_minutes: 30, clock: 'business' }, locale: 'ko' };
    expect(diffDocuments(before, after)).toEqual([
      { path: 'sla.first_touch_minutes', before: 60, after: 30 },
      { path: 'locale', before: 'en', after: 'ko' },
    ]);
  });

  it('says null for a setting that was not written on one side', () => {
    expect(diffDocuments({}, { sla: { first_touch_minutes: 30 } })).toEqual([
      { path: 'sla.first_touch_minutes', before: null, after: 30 },
    ]);
    expect(diffDocuments({ retro: { open: { day: 'mon' } } }, {})).toEqual([
      { path: 'retro.open.day', before: 'mon', after: null },
    ]);
    // An empty section written is still a change.
    expect(diffDocuments({}, { voc: {} })).toEqual([{ path: 'voc', before: null, after: {} }]);
    expect(
      diffDocuments({ sla: { first_touch_minutes: 30, clock: 'wall' } }, { sla: { clock: 'wall' } }),
    ).toEqual([{ path: 'sla.first_touch_minutes', before: 30, after: null }]);
  });

  it('identifies roster entries by user id, not by position', () => {
    const a = { user: 'U0AAA', roles: ['sdr'], weight: 1 };
    const b = { user: 'U0BBB', roles: ['ae'] };
    const c = { user: 'U0CCC', roles: ['sdr'] };
    // a removed from the front, b's weight set, c added: nothing is read as "every entry moved".
    const changes = diffDocuments({ roster: [a, b] }, { roster: [{ ...b, weight: 2 }, c] });
    expect(changes).toEqual([
      { path: 'roster[U0AAA]', before: a, after: null },
      { path: 'roster[U0BBB].weight', before: null, after: 2 },
      { path: 'roster[U0CCC]', before: null, after: c },
    ]);
  });

  it('treats a reordered roster as unchanged', () => {
    const a = { user: 'U0AAA' };
    const b = { user: 'U0BBB' };
    expect(diffDocuments({ roster: [a, b] }, { roster: [b, a] })).toEqual([]);
  });

  it('compares other lists as wholes, since their order carries meaning', () => {
    expect(diffDocuments({ segments: ['smb', 'enterprise'] }, { segments: ['enterprise', 'smb'] })).toEqual([
      { path: 'segments', before: ['smb', 'enterprise'], after: ['enterprise', 'smb'] },
    ]);
  });

  it('quotes keys that are not plain words', () => {
    expect(
      diffDocuments(
        { routing: { segments: {} } },
        { routing: { segments: { 'mid market': { mode: 'claim' } } } },
      ),
    ).toEqual([{ path: 'routing.segments["mid market"].mode', before: null, after: 'claim' }]);
  });

  it('finds nothing between equal documents', () => {
    const doc = { channels: { leads: 'C0LEADS' }, roster: [{ user: 'U0AAA' }] };
    expect(diffDocuments(doc, structuredClone(doc))).toEqual([]);
  });
});

describe('touchedKeys', () => {
  it('lists each top-level key once', () => {
    expect(
      touchedKeys([
        { path: 'roster[U0AAA].weight', before: 1, after: 2 },
        { path: 'roster[U0BBB]', before: null, after: {} },
        { path: 'sla.first_touch_minutes', before: 60, after: 30 },
        { path: 'locale', before: 'en', after: 'ko' },
      ]),
    ).toEqual(['roster', 'sla', 'locale']);
  });
});
