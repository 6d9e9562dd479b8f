import { describe, expect, it } from 'vitest';
import type { EscalationStep } from '../../../src/config/workspace/types.js';
import {
  applyCalendar,
  applyChannels,
  applyPeople,
  applyRouting,
  applySla,
} from '../../../src/domain/setup-edits.js';

describe('set-up edits', () => {
  it('channels: writes leads per segment and only the optional channels chosen', () => {
    const doc: Record<string, unknown> = { channels: { leads: 'C0OLD', retro: 'C0RETRO' } };
    applyChannels(doc, {
      leads: { smb: 'C0SMB', enterprise: 'C0ENT' },
      escalations: 'C0ESC',
      retro: null,
      voc: { praise: 'C0PRAISE', pricing: null },
    });
    expect(doc.channels).toEqual({
      leads: { smb: 'C0SMB', enterprise: 'C0ENT' },
      escalations: 'C0ESC',
      voc: { praise: 'C0PRAISE' },
    });
  });

  it('people: adds new people with their profile, updates existing ones, removes those marked', () => {
    const doc: Record<string, unknown> = {
      roster: [
        { user: 'U0OLD', roles: ['sdr'], segments: ['smb'], weight: 3 },
        { user: 'U0GONE', roles: ['cs'] },
      ],
    };
    applyPeople(
      doc,
      {
        users: ['U0OLD', 'U0NEW'],
        roles: ['ae'],
        segments: [],
        weight: null,
        cap: 12,
        manager: null,
        remove: ['U0GONE'],
      },
      new Map([['U0NEW', { tz: 'Asia/Seoul', name: 'New Person' }]]),
    );
    expect(doc.roster).toEqual([
      { user: 'U0OLD', roles: ['ae'], segments: ['smb'], weight: 3, max_open_leads: 12 },
      { user: 'U0NEW', name: 'New Person', time_zone: 'Asia/Seoul', roles: ['ae'], max_open_leads: 12 },
    ]);
  });

  it("people: a manager's new people join their team unless a manager is chosen", () => {
    const doc: Record<string, unknown> = {};
    const form = {
      users: ['U0NEW'],
      roles: [],
      segments: ['smb'],
      weight: 2,
      cap: null,
      manager: null,
      remove: [],
    };
    applyPeople(doc, form, new Map(), 'U0MGR');
    expect(doc.roster).toEqual([{ user: 'U0NEW', segments: ['smb'], weight: 2, manager: 'U0MGR' }]);
  });

  it('calendar: writes locale, zone, days and hours, keeping holidays', () => {
    const doc: Record<string, unknown> = { calendar: { holidays: ['2026-12-25'] } };
    applyCalendar(doc, {
      timeZone: 'Asia/Seoul',
      locale: 'ko',
      workingDays: ['mon', 'tue'],
      start: '08:30',
      end: '17:30',
    });
    expect(doc).toEqual({
      locale: 'ko',
      calendar: {
        holidays: ['2026-12-25'],
        time_zone: 'Asia/Seoul',
        working_days: ['mon', 'tue'],
        working_hours: { start: '08:30', end: '17:30' },
      },
    });
  });

  const ladder: EscalationStep[] = [
    { afterMinutes: 15, when: 'unclaimed', action: 'nudge', enabled: true, notify: ['owner'] },
    { afterMinutes: 30, when: 'unclaimed', action: 'auto_assign', enabled: true, notify: [] },
    { afterMinutes: 60, when: 'untouched', action: 'breach', enabled: true, notify: ['channel', 'manager'] },
  ];
  const steps = ladder.map((s) => ({ enabled: s.enabled, afterMinutes: s.afterMinutes }));

  it('sla: an unchanged ladder is not written, so it keeps following the first-touch minutes', () => {
    const doc: Record<string, unknown> = {};
    applySla(doc, { firstTouchMinutes: 30, clock: 'always', steps }, ladder);
    expect(doc.sla).toEqual({ first_touch_minutes: 30, clock: 'always' });
  });

  it('sla: a changed step writes the whole ladder with whom each step tells', () => {
    const doc: Record<string, unknown> = {};
    const changed = [steps[0]!, { enabled: false, afterMinutes: 30 }, steps[2]!];
    applySla(doc, { firstTouchMinutes: 60, clock: 'business', steps: changed }, ladder);
    expect(doc.sla).toEqual({
      first_touch_minutes: 60,
      clock: 'business',
      escalations: [
        { after_minutes: 15, when: 'unclaimed', action: 'nudge', enabled: true, notify: ['owner'] },
        { after_minutes: 30, when: 'unclaimed', action: 'auto_assign', enabled: false },
        {
          after_minutes: 60,
          when: 'untouched',
          action: 'breach',
          enabled: true,
          notify: ['channel', 'manager'],
        },
      ],
    });
  });

  it('routing: writes each segment, keeping a claim segment’s auto-assign and dropping the other mode’s keys', () => {
    const doc: Record<string, unknown> = {
      routing: {
        threshold_stage: 'SQL',
        segments: {
          smb: { mode: 'claim', auto_assign_after_minutes: 20 },
          enterprise: { mode: 'claim', auto_assign_after_minutes: 25 },
        },
      },
    };
    applyRouting(doc, {
      segments: {
        smb: { mode: 'claim', acceptTimeoutMinutes: 5, outsideHours: 'skip' },
        enterprise: { mode: 'round_robin', acceptTimeoutMinutes: 15, outsideHours: 'hold' },
      },
    });
    expect(doc.routing).toEqual({
      threshold_stage: 'SQL',
      segments: {
        smb: { mode: 'claim', outside_hours: 'skip', auto_assign_after_minutes: 20 },
        enterprise: { mode: 'round_robin', outside_hours: 'hold', accept_timeout_minutes: 15 },
      },
    });
  });
});
