import { describe, expect, it } from 'vitest';
import {
  applyCadence,
  applyCalendar,
  applyFunnel,
  applyLabels,
  applyMemberHours,
  applyQualification,
  applyRetro,
  applyRouting,
  LABEL_SECTIONS,
  type LabelsForm,
} from '../../../src/domain/setup-edits.js';

const calendarForm = {
  timeZone: 'Asia/Seoul',
  locale: 'ko',
  workingDays: ['mon'],
  start: '09:00',
  end: '18:00',
};

const emptyLabels = (): LabelsForm =>
  Object.fromEntries(LABEL_SECTIONS.map((s) => [s, { en: [], ko: [] }])) as unknown as LabelsForm;

describe('set-up edits: the remaining items', () => {
  it('calendar: sets the holidays country, drops a region chosen for another, and none removes both', () => {
    const doc: Record<string, unknown> = { calendar: { holidays_country: 'US', holidays_region: 'CA' } };
    applyCalendar(doc, { ...calendarForm, holidaysCountry: 'US' });
    expect(doc.calendar).toMatchObject({ holidays_country: 'US', holidays_region: 'CA' });
    applyCalendar(doc, { ...calendarForm, holidaysCountry: 'KR' });
    expect(doc.calendar).toMatchObject({ holidays_country: 'KR' });
    expect(doc.calendar).not.toHaveProperty('holidays_region');
    applyCalendar(doc, { ...calendarForm, holidaysCountry: null });
    expect(doc.calendar).not.toHaveProperty('holidays_country');
    // Days off: a name when given; none written drops the list.
    applyCalendar(doc, {
      ...calendarForm,
      daysOff: [
        { date: '2026-12-31', name: 'Year-end' },
        { date: '2027-01-02', name: null },
      ],
    });
    expect(doc.calendar).toMatchObject({
      holidays: [{ date: '2026-12-31', name: 'Year-end' }, '2027-01-02'],
    });
    applyCalendar(doc, { ...calendarForm, daysOff: [] });
    expect(doc.calendar).not.toHaveProperty('holidays');
    // A form without the fields leaves the country and the days off alone.
    const kept: Record<string, unknown> = { calendar: { holidays_country: 'JP' } };
    applyCalendar(kept, calendarForm);
    expect(kept.calendar).toMatchObject({ holidays_country: 'JP' });
  });

  it('retro: writes the whole section in the file’s words', () => {
    const doc: Record<string, unknown> = {};
    applyRetro(doc, {
      enabled: true,
      open: { day: 'tue', time: '09:30' },
      nudge: { day: 'wed', time: '12:00' },
      close: { day: 'thu', time: '16:00' },
      monthlyEnabled: false,
      monthlyDay: 3,
      monthlyTime: '11:00',
    });
    expect(doc.retro).toEqual({
      enabled: true,
      open: { day: 'tue', time: '09:30' },
      nudge: { day: 'wed', time: '12:00' },
      close: { day: 'thu', time: '16:00' },
      monthly_review: { enabled: false, day_of_month: 3, time: '11:00' },
    });
  });

  it('labels: per-locale labels, reason lists from the keys written, inline stage labels moved out', () => {
    const doc: Record<string, unknown> = {
      stages: {
        working: ['MQL', { key: 'SQL', label: 'Old', stagnation_days: 7 }, { key: 'Won', label: 'W' }],
        lost_reasons: [{ key: 'old_reason', label: 'Old' }],
      },
      labels: { sources: { webflow: 'Webflow' } },
    };
    const form = emptyLabels();
    form.stages = {
      en: [
        ['MQL', 'Marketing qualified'],
        ['SQL', ''],
      ],
      ko: [['MQL', '마케팅 검증']],
    };
    form.lost_reasons = {
      en: [
        ['no_budget', 'No budget'],
        ['timing', ''],
      ],
      ko: [['chose_other', '다른 곳 선택']],
    };
    form.disqualify_reasons = { en: [['spam', '']], ko: [] };
    form.segments = { en: [['smb', 'SMB']], ko: [['smb', '중소기업']] };
    applyLabels(doc, form);
    expect(doc.labels).toEqual({
      stages: { MQL: { en: 'Marketing qualified', ko: '마케팅 검증' } },
      lost_reasons: { no_budget: { en: 'No budget' }, chose_other: { ko: '다른 곳 선택' } },
      segments: { smb: { en: 'SMB', ko: '중소기업' } },
    });
    expect(doc.stages).toEqual({
      working: ['MQL', { key: 'SQL', stagnation_days: 7 }, 'Won'],
      lost_reasons: ['no_budget', 'timing', 'chose_other'],
      disqualify_reasons: ['spam'],
    });
  });

  it('cadence: writes the steps and stop stage, keeping within_minutes of a step at the same day and kind', () => {
    const doc: Record<string, unknown> = {
      cadence: { steps: [{ day: 1, action: 'call', label: 'Call', within_minutes: 60 }] },
    };
    applyCadence(doc, {
      stopAtStage: 'SQL',
      steps: [
        { day: 1, action: 'call', label: 'Call them' },
        { day: 3, action: 'email', label: 'Send the case study' },
      ],
    });
    expect(doc.cadence).toEqual({
      stop_at_stage: 'SQL',
      steps: [
        { day: 1, action: 'call', label: 'Call them', within_minutes: 60 },
        { day: 3, action: 'email', label: 'Send the case study' },
      ],
    });
  });

  it('member hours: set for the people picked, reset to the calendar’s, and nothing given changes nothing', () => {
    const doc: Record<string, unknown> = {
      roster: [{ user: 'U0A', working_hours: { start: '07:00' } }, { user: 'U0B' }],
    };
    applyMemberHours(doc, { users: ['U0B'], days: ['mon', 'tue'], start: '10:00', end: null, reset: false });
    expect(doc.roster).toEqual([
      { user: 'U0A', working_hours: { start: '07:00' } },
      { user: 'U0B', working_hours: { days: ['mon', 'tue'], start: '10:00' } },
    ]);
    const before = structuredClone(doc.roster) as unknown[];
    applyMemberHours(doc, { users: ['U0A'], days: [], start: null, end: null, reset: false });
    expect(doc.roster).toEqual(before);
    applyMemberHours(doc, { users: ['U0A'], days: [], start: null, end: null, reset: true });
    expect(doc.roster).toEqual([{ user: 'U0A' }, before[1]]);
  });

  it('routing: a claim segment’s auto-assign minutes are written, blank drops them, round robin never has them', () => {
    const doc: Record<string, unknown> = {
      routing: { segments: { smb: { mode: 'claim', auto_assign_after_minutes: 20 } } },
    };
    applyRouting(doc, {
      segments: {
        smb: { mode: 'claim', acceptTimeoutMinutes: null, autoAssignMinutes: 45, outsideHours: 'hold' },
        enterprise: {
          mode: 'round_robin',
          acceptTimeoutMinutes: 10,
          autoAssignMinutes: 5,
          outsideHours: 'hold',
        },
      },
    });
    expect(doc.routing).toEqual({
      segments: {
        smb: { mode: 'claim', outside_hours: 'hold', auto_assign_after_minutes: 45 },
        enterprise: { mode: 'round_robin', outside_hours: 'hold', accept_timeout_minutes: 10 },
      },
    });
    applyRouting(doc, {
      thresholdStage: 'SQL',
      matchExistingAccounts: false,
      segments: {
        smb: { mode: 'claim', acceptTimeoutMinutes: null, autoAssignMinutes: null, outsideHours: 'hold' },
      },
    });
    expect(doc.routing).toMatchObject({ threshold_stage: 'SQL', match_existing_accounts: false });
    expect((doc.routing as { segments: Record<string, unknown> }).segments.smb).toEqual({
      mode: 'claim',
      outside_hours: 'hold',
    });
  });

  it('qualification: writes the section as written, a copy; none drops it for the default rules', () => {
    const section = { rules: [{ when: { form: 'contact' }, set: { stage: 'SQL' } }] };
    const doc: Record<string, unknown> = {};
    applyQualification(doc, section);
    expect(doc.qualification).toEqual(section);
    expect(doc.qualification).not.toBe(section);
    applyQualification(doc, null);
    expect(doc).toEqual({});
  });

  it('funnel: writes the stages and currency, keeping reverse planning’s settings', () => {
    const doc: Record<string, unknown> = { funnel: { plan: { min_sample: 10 }, currency: 'USD' } };
    applyFunnel(doc, { wonStage: 'Closing', dealStage: 'SQL', recycleReopenStage: 'MQL', currency: 'KRW' });
    expect(doc.funnel).toEqual({
      plan: { min_sample: 10 },
      won_stage: 'Closing',
      deal_stage: 'SQL',
      recycle_reopen_stage: 'MQL',
      currency: 'KRW',
    });
  });
});
