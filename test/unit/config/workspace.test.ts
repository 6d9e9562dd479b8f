import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigFileError, loadWorkspaceConfig, parseWorkspaceConfig } from '../../../src/config/workspace.js';
import { defaultEscalationLadder, SIDE_STAGES } from '../../../src/config/workspace-schema.js';

const repoFile = (name: string) => readFileSync(new URL(`../../../${name}`, import.meta.url), 'utf8');
const MINIMAL = repoFile('baton.minimal.yaml');
const EXAMPLE = repoFile('baton.example.yaml');

const CHANNELS = 'channels: { leads: C0123LEADS }';
const ROSTER = 'roster: [{ user: U0AAAAAAA, roles: [sdr] }, { user: U0BBBBBBB, roles: [ae] }]';

/** A working file with `rest` added; pass channels/roster to replace those sections. */
function fileWith(rest: string, { channels = CHANNELS, roster = ROSTER } = {}): string {
  return [channels, roster, rest].join('\n');
}

const parse = (yaml: string) => parseWorkspaceConfig(yaml, 'baton.yaml');

function rejection(run: () => unknown): ConfigFileError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigFileError);
    return error as ConfigFileError;
  }
  throw new Error('expected the config file to be rejected');
}

const problemsOf = (yaml: string) => rejection(() => parse(yaml)).problems;

describe('the minimal file', () => {
  const config = parse(MINIMAL);

  it('fills in the top level, segments and channels', () => {
    expect(config.teamId).toBeNull();
    expect(config.locale).toBe('en');
    expect(config.segments).toEqual(['smb', 'enterprise']);
    expect(config.channels).toEqual({
      leads: { smb: 'C0123LEADS', enterprise: 'C0123LEADS' },
      escalations: 'C0123LEADS',
      retro: 'C0123LEADS',
      voc: {},
    });
  });

  it('gives each member every default, taken from the calendar where relevant', () => {
    const workingHours = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '18:00' };
    expect(config.roster).toEqual([
      {
        user: 'U0AAAAAAA',
        name: null,
        roles: ['sdr'],
        segments: ['smb', 'enterprise'],
        weight: 1,
        maxOpenLeads: null,
        timeZone: 'UTC',
        workingHours,
        manager: null,
      },
      {
        user: 'U0BBBBBBB',
        name: null,
        roles: ['ae'],
        segments: ['smb', 'enterprise'],
        weight: 1,
        maxOpenLeads: null,
        timeZone: 'UTC',
        workingHours,
        manager: null,
      },
    ]);
  });

  it('uses a UTC, Monday-to-Friday, 09:00–18:00 calendar without holidays', () => {
    expect(config.calendar).toEqual({
      timeZone: 'UTC',
      workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
      workingHours: { start: '09:00', end: '18:00' },
      holidays: [],
      holidaysCountry: null,
      holidaysRegion: null,
    });
  });

  it('says the time zone and locale were left out, for start-up to take from Slack', () => {
    expect(config.unset).toEqual({
      timeZone: true,
      locale: true,
      memberTimeZones: config.roster.map((m) => m.user),
    });
  });

  it('promises a first touch within an hour of business time with the 15/30/45/60/90 ladder', () => {
    expect(config.sla).toEqual({
      firstTouchMinutes: 60,
      clock: 'business',
      escalations: [
        { afterMinutes: 15, when: 'unclaimed', action: 'nudge', enabled: true, notify: ['owner'] },
        { afterMinutes: 30, when: 'unclaimed', action: 'auto_assign', enabled: true, notify: [] },
        // The warning tells the owner and their manager: managers hear before a breach.
        {
          afterMinutes: 45,
          when: 'untouched',
          action: 'warn_owner',
          enabled: true,
          notify: ['owner', 'manager'],
        },
        {
          afterMinutes: 60,
          when: 'untouched',
          action: 'breach',
          enabled: true,
          notify: ['channel', 'manager'],
        },
        { afterMinutes: 90, when: 'untouched', action: 'reassign', enabled: true, notify: ['owner'] },
      ],
    });
  });

  it('routes every segment by claim from MQL, auto-assigning at the ladder step', () => {
    const claim = { mode: 'claim', autoAssignAfterMinutes: 30, outsideHours: 'hold' };
    expect(config.routing).toEqual({
      thresholdStage: 'MQL',
      matchExistingAccounts: true,
      segments: { smb: claim, enterprise: claim },
    });
  });

  it('merges resubmissions within 30 days and has no source mappings', () => {
    expect(config.intake).toEqual({ duplicateWindowDays: 30, sources: {}, importSla: {} });
  });

  it('qualifies with the default MQL/SQL rules: enterprise at 200+, demo/trial SQL, contact/ebook/newsletter MQL', () => {
    const set = (s: object) => ({ segment: null, stage: null, score: null, ...s });
    expect(config.qualification).toEqual({
      rules: [
        {
          when: {
            company_size: {
              kind: 'test',
              gte: 200,
              gt: null,
              lte: null,
              lt: null,
              contains: null,
              matches: null,
              exists: null,
              domainIn: null,
            },
          },
          set: set({ segment: 'enterprise' }),
        },
        {
          when: { form: { kind: 'any_of', values: ['demo_request', 'trial'] } },
          set: set({ stage: 'SQL', score: 80 }),
        },
        { when: { form: { kind: 'equals', value: 'contact' } }, set: set({ stage: 'MQL', score: 50 }) },
        { when: { form: { kind: 'equals', value: 'ebook' } }, set: set({ stage: 'MQL', score: 30 }) },
        { when: { form: { kind: 'equals', value: 'newsletter' } }, set: set({ stage: 'MQL', score: 20 }) },
      ],
      defaults: { segment: 'smb', stage: 'Lead', score: 10 },
    });
  });

  it('has the eight default working stages and the default reasons', () => {
    expect(config.stages.working).toEqual([
      { key: 'Lead', label: 'Lead', stagnationDays: null },
      { key: 'MQL', label: 'MQL', stagnationDays: null },
      { key: 'SAL', label: 'SAL', stagnationDays: null },
      { key: 'SQL', label: 'SQL', stagnationDays: null },
      { key: 'Opportunity', label: 'Opportunity', stagnationDays: null },
      { key: 'Negotiation', label: 'Negotiation', stagnationDays: null },
      { key: 'Closing', label: 'Closing', stagnationDays: null },
      { key: 'Retention', label: 'Retention', stagnationDays: null },
    ]);
    expect(config.stages.lostReasons).toEqual([
      'lost_to_competitor',
      'no_budget',
      'no_decision',
      'timing',
      'product_fit',
      'other',
    ]);
    expect(config.stages.disqualifyReasons).toEqual([
      'not_a_fit',
      'unreachable',
      'spam_or_fake',
      'student_or_job_seeker',
      'competitor',
      'existing_customer',
      'duplicate',
      'other',
    ]);
    expect(SIDE_STAGES).toEqual(['Lost', 'Disqualified', 'Recycle']);
  });

  it('has the six-step, two-week cadence stopping at Opportunity', () => {
    expect(config.cadence).toEqual({
      stopAtStage: 'Opportunity',
      steps: [
        { day: 1, action: 'call', label: 'First call', withinMinutes: 5 },
        { day: 2, action: 'email', label: 'Follow-up email', withinMinutes: null },
        { day: 4, action: 'call', label: 'Second call', withinMinutes: null },
        { day: 7, action: 'email', label: 'Email with deck', withinMinutes: null },
        { day: 10, action: 'call', label: 'Third call', withinMinutes: null },
        { day: 14, action: 'email', label: 'Last email', withinMinutes: null },
      ],
    });
  });

  it('runs the retro Monday to Friday with a monthly review on the 1st, and captures VOC with :voc:', () => {
    expect(config.retro).toEqual({
      enabled: true,
      open: { day: 'mon', time: '10:00' },
      nudge: { day: 'tue', time: '12:00' },
      close: { day: 'fri', time: '17:00' },
      monthlyReview: { enabled: true, dayOfMonth: 1, time: '10:00' },
    });
    expect(config.voc).toEqual({ reaction: 'voc' });
  });
});

describe('baton.example.yaml', () => {
  const example = parse(EXAMPLE);
  const minimal = parse(MINIMAL);

  it('parses, with its illustrative channels, roster, holidays and enterprise override', () => {
    expect(example.channels).toEqual({
      leads: { smb: 'C0123SMB', enterprise: 'C0123ENTER' },
      escalations: 'C0123SMB',
      retro: 'C0123SMB',
      voc: { feature_request: 'C0123PRODUCT', lead_quality: 'C0123MKTG' },
    });
    expect(example.roster.map((m) => m.user)).toEqual([
      'U0AAAAAAA',
      'U0BBBBBBB',
      'U0CCCCCCC',
      'U0DDDDDDD',
      'U0EEEEEEE',
      'U0FFFFFFF',
    ]);
    expect(example.roster[2]).toMatchObject({
      segments: ['enterprise'],
      timeZone: 'America/New_York',
      workingHours: { days: ['mon', 'tue', 'wed', 'thu'], start: '08:00', end: '16:00' },
    });
    expect(example.calendar.holidays).toEqual([
      { date: '2025-12-25', name: null },
      { date: '2026-01-01', name: "New Year's Day" },
    ]);
    // The example writes out who each step tells, and it matches the defaults (docs/configuration.md).
    expect(example.sla.escalations.map((s) => [s.action, s.notify])).toEqual(
      minimal.sla.escalations.map((s) => [s.action, s.notify]),
    );
    expect(example.sla.escalations.find((s) => s.action === 'warn_owner')?.notify).toEqual([
      'owner',
      'manager',
    ]);
    expect(example.routing.segments).toEqual({
      smb: { mode: 'claim', autoAssignAfterMinutes: 30, outsideHours: 'hold' },
      enterprise: { mode: 'round_robin', acceptTimeoutMinutes: 10, outsideHours: 'hold' },
    });
    expect(example.intake.sources).toEqual({
      webflow: {
        name: 'webflow',
        fields: {
          email: 'payload.data.Email',
          name: 'payload.data.Name',
          company: 'payload.data.Company',
          external_id: 'payload.id',
        },
        defaults: { form: 'contact' },
      },
    });
  });

  it('writes out exactly the defaults wherever it does not say "example"', () => {
    expect(example.teamId).toBe(minimal.teamId);
    expect(example.locale).toBe(minimal.locale);
    expect(example.segments).toEqual(minimal.segments);
    expect({ ...example.calendar, holidays: [] }).toEqual(minimal.calendar);
    expect(example.sla).toEqual(minimal.sla);
    expect(example.routing.thresholdStage).toBe(minimal.routing.thresholdStage);
    expect(example.routing.matchExistingAccounts).toBe(minimal.routing.matchExistingAccounts);
    expect(example.intake.duplicateWindowDays).toBe(minimal.intake.duplicateWindowDays);
    expect(example.qualification).toEqual(minimal.qualification);
    expect(example.routing.segments.smb).toEqual(minimal.routing.segments.smb);
    expect(example.stages).toEqual(minimal.stages);
    expect(example.cadence).toEqual(minimal.cadence);
    expect(example.funnel).toEqual(minimal.funnel);
    expect(example.retro).toEqual(minimal.retro);
    expect(example.voc).toEqual(minimal.voc);
  });
});

describe('defaults that follow other settings', () => {
  it('scales the default ladder, and the auto-assign time, with first_touch_minutes', () => {
    const config = parse(fileWith('sla: { first_touch_minutes: 120 }'));
    expect(config.sla.escalations.map((s) => [s.afterMinutes, s.action])).toEqual([
      [30, 'nudge'],
      [60, 'auto_assign'],
      [90, 'warn_owner'],
      [120, 'breach'],
      [180, 'reassign'],
    ]);
    expect(config.routing.segments.smb).toEqual({
      mode: 'claim',
      autoAssignAfterMinutes: 60,
      outsideHours: 'hold',
    });
  });

  it('keeps the derived ladder strictly ascending at the smallest allowed SLA', () => {
    expect(defaultEscalationLadder(5).map((s) => s.afterMinutes)).toEqual([1, 3, 4, 5, 8]);
    expect(
      parse(fileWith('sla: { first_touch_minutes: 5 }')).sla.escalations.map((s) => s.afterMinutes),
    ).toEqual([1, 3, 4, 5, 8]);
  });

  it('uses a written ladder as is, defaulting `when` by action', () => {
    const config = parse(
      fileWith(
        'sla: { first_touch_minutes: 30, escalations: [{ after_minutes: 10, action: nudge }, { after_minutes: 30, action: breach, enabled: false }] }',
      ),
    );
    expect(config.sla.escalations).toEqual([
      { afterMinutes: 10, when: 'unclaimed', action: 'nudge', enabled: true, notify: ['owner'] },
      {
        afterMinutes: 30,
        when: 'untouched',
        action: 'breach',
        enabled: false,
        notify: ['channel', 'manager'],
      },
    ]);
    // No auto_assign step, so claim mode never auto-assigns.
    expect(config.routing.segments.smb).toEqual({
      mode: 'claim',
      autoAssignAfterMinutes: null,
      outsideHours: 'hold',
    });
  });

  it("takes each step's notify list as written, and the default where it is left out", () => {
    const config = parse(
      fileWith(
        'sla: { escalations: [{ after_minutes: 45, action: warn_owner, notify: [owner] }, { after_minutes: 60, action: breach, notify: [channel, owner, manager] }, { after_minutes: 90, action: reassign }] }',
      ),
    );
    expect(config.sla.escalations.map((s) => [s.action, s.notify])).toEqual([
      ['warn_owner', ['owner']],
      ['breach', ['channel', 'owner', 'manager']],
      ['reassign', ['owner']],
    ]);
  });

  it('ignores a disabled auto_assign step when resolving claim mode', () => {
    const config = parse(
      fileWith('sla: { escalations: [{ after_minutes: 30, action: auto_assign, enabled: false }] }'),
    );
    expect(config.routing.segments.enterprise).toMatchObject({ mode: 'claim', autoAssignAfterMinutes: null });
  });

  it('merges segment overrides over routing.default, dropping keys of the other mode', () => {
    const config = parse(
      fileWith(
        [
          'routing:',
          '  default: { mode: round_robin, accept_timeout_minutes: 5, outside_hours: skip }',
          '  segments:',
          '    enterprise: { mode: claim, auto_assign_after_minutes: 20 }',
        ].join('\n'),
      ),
    );
    expect(config.routing.segments).toEqual({
      smb: { mode: 'round_robin', acceptTimeoutMinutes: 5, outsideHours: 'skip' },
      enterprise: { mode: 'claim', autoAssignAfterMinutes: 20, outsideHours: 'skip' },
    });
  });

  it('maps leads per segment with a default fallback; escalations and retro follow the first segment', () => {
    const config = parse(
      fileWith('segments: [enterprise, smb, mid]', {
        channels: 'channels: { leads: { enterprise: C0ENTER, default: C0OTHER }, retro: C0RETRO }',
      }),
    );
    expect(config.channels.leads).toEqual({ enterprise: 'C0ENTER', smb: 'C0OTHER', mid: 'C0OTHER' });
    expect(config.channels.escalations).toBe('C0ENTER');
    expect(config.channels.retro).toBe('C0RETRO');
  });

  it('fills member settings from the calendar, part by part', () => {
    const config = parse(
      fileWith(
        'calendar: { time_zone: Asia/Seoul, working_days: [fri, mon, wed], working_hours: { start: "10:00" } }',
        {
          roster:
            'roster: [{ user: U0AAAAAAA, working_hours: { end: "15:00" } }, { user: W0BBBBBBB, time_zone: Europe/Berlin, working_hours: { days: [sun, sat] } }]',
        },
      ),
    );
    expect(config.calendar.workingDays).toEqual(['mon', 'wed', 'fri']);
    expect(config.calendar.workingHours).toEqual({ start: '10:00', end: '18:00' });
    expect(config.roster[0]).toMatchObject({
      roles: ['sdr'],
      timeZone: 'Asia/Seoul',
      workingHours: { days: ['mon', 'wed', 'fri'], start: '10:00', end: '15:00' },
    });
    expect(config.roster[1]).toMatchObject({
      timeZone: 'Europe/Berlin',
      workingHours: { days: ['sat', 'sun'], start: '10:00', end: '18:00' },
    });
  });

  it('expands stage and holiday shorthands and sorts holidays', () => {
    const config = parse(
      fileWith(
        [
          'stages: { working: [Lead, { key: Demo, label: Demo booked, stagnation_days: 5 }, Won] }',
          'routing: { threshold_stage: Lead }',
          'cadence: { stop_at_stage: Won, steps: [] }',
          'calendar: { holidays: [2026-03-01, { date: 2026-01-01, name: New Year }] }',
        ].join('\n'),
      ),
    );
    expect(config.stages.working).toEqual([
      { key: 'Lead', label: 'Lead', stagnationDays: null },
      { key: 'Demo', label: 'Demo booked', stagnationDays: 5 },
      { key: 'Won', label: 'Won', stagnationDays: null },
    ]);
    expect(config.cadence).toEqual({ stopAtStage: 'Won', steps: [] });
    expect(config.calendar.holidays).toEqual([
      { date: '2026-01-01', name: 'New Year' },
      { date: '2026-03-01', name: null },
    ]);
  });

  it('fits the default qualification rules to other segments and stages', () => {
    const config = parse(
      fileWith(
        [
          'segments: [mid, smb]',
          'stages: { working: [New, MQL, Won] }',
          'routing: { threshold_stage: MQL }',
          'cadence: { stop_at_stage: Won }',
        ].join('\n'),
      ),
    );
    // Rule 0 (enterprise) is gone; the demo rule keeps its score but not the missing SQL stage.
    expect(config.qualification.rules.map((r) => [Object.keys(r.when), r.set])).toEqual([
      [['form'], { segment: null, stage: null, score: 80 }],
      [['form'], { segment: null, stage: 'MQL', score: 50 }],
      [['form'], { segment: null, stage: 'MQL', score: 30 }],
      [['form'], { segment: null, stage: 'MQL', score: 20 }],
    ]);
    // smb still exists, so it stays the default segment; Lead does not, so the first stage is.
    expect(config.qualification.defaults).toEqual({ segment: 'smb', stage: 'New', score: 10 });
  });

  it('falls back to the first segment, and keeps written defaults', () => {
    const config = parse(
      fileWith('segments: [mid, big]\nqualification: { defaults: { stage: MQL, score: 0 } }'),
    );
    expect(config.qualification.defaults).toEqual({ segment: 'mid', stage: 'MQL', score: 0 });
    // No default rule names mid or big; the stage/score rules stay.
    expect(config.qualification.rules).toHaveLength(4);
  });

  it('uses written rules exactly, normalizing each test', () => {
    const config = parse(
      fileWith(
        [
          'qualification:',
          '  rules:',
          '    - when: { company_size: [50, 100], utm_campaign: 2024, email: { domain_in: ["@Acme.COM"], exists: true } }',
          '      set: { segment: enterprise }',
          '    - when: { title: { contains: VP, matches: "^(vp|head)" } }',
          '      set: { score: 90 }',
          '    - set: { stage: MQL }',
        ].join('\n'),
      ),
    );
    const none = { gte: null, gt: null, lte: null, lt: null, contains: null, matches: null, exists: null };
    expect(config.qualification.rules).toEqual([
      {
        when: {
          company_size: { kind: 'any_of', values: [50, 100] },
          utm_campaign: { kind: 'equals', value: 2024 },
          email: { kind: 'test', ...none, exists: true, domainIn: ['acme.com'] },
        },
        set: { segment: 'enterprise', stage: null, score: null },
      },
      {
        when: { title: { kind: 'test', ...none, contains: 'VP', matches: '^(vp|head)', domainIn: null } },
        set: { segment: null, stage: null, score: 90 },
      },
      { when: {}, set: { segment: null, stage: 'MQL', score: null } },
    ]);
    expect(config.qualification.defaults).toEqual({ segment: 'smb', stage: 'Lead', score: 10 });
  });

  it('reads source mappings and the intake and routing switches', () => {
    const config = parse(
      fileWith(
        [
          'intake:',
          '  duplicate_window_days: 0',
          '  sources:',
          '    hubspot: { fields: { email: properties.email.value, company_size: properties.numemployees.value } }',
          '    typeform: { defaults: { form: Demo Request, company_size: "1,000+" } }',
          'routing: { match_existing_accounts: false }',
        ].join('\n'),
      ),
    );
    expect(config.intake).toEqual({
      duplicateWindowDays: 0,
      sources: {
        hubspot: {
          name: 'hubspot',
          fields: { email: 'properties.email.value', company_size: 'properties.numemployees.value' },
          defaults: {},
        },
        // Defaults are checked like intake values but kept as written; the intake normalizes them.
        typeform: {
          name: 'typeform',
          fields: {},
          defaults: { form: 'Demo Request', company_size: '1,000+' },
        },
      },
      importSla: {},
    });
    expect(config.routing.matchExistingAccounts).toBe(false);
  });

  it('strips colons from the VOC reaction and keeps explicit settings', () => {
    const config = parse(fileWith('team_id: T0TEAM01\nlocale: ko\nvoc: { reaction: ":fire:" }'));
    expect(config.voc.reaction).toBe('fire');
    expect(config.teamId).toBe('T0TEAM01');
    expect(config.locale).toBe('ko');
  });
});

describe('validation rules name the key path', () => {
  const seller = '{ user: U0AAAAAAA, roles: [sdr] }';
  const cases: [rule: string, yaml: string, line: string][] = [
    [
      'team_id format',
      fileWith('team_id: X0123'),
      'team_id: "X0123" is not a Slack team id (like T0123ABCD)',
    ],
    ['locale', fileWith('locale: fr'), 'locale: "fr" is not one of: en, ko'],
    [
      'segment key format',
      fileWith('segments: [smb, Enterprise]'),
      'segments[1]: "Enterprise" is not a lowercase key like "smb" (a-z, 0-9, _ and -; up to 32 long)',
    ],
    ['segment repeated', fileWith('segments: [smb, smb]'), 'segments[1]: "smb" is listed twice'],
    [
      'segment "default" reserved',
      fileWith('segments: [smb, default]'),
      'segments[1]: "default" is reserved (it names the fallback leads channel)',
    ],
    ['segments non-empty', fileWith('segments: []'), 'segments: needs at least 1 item'],
    [
      'leads required',
      fileWith('', { channels: 'channels: { retro: C0RETRO }' }),
      'channels.leads: is required',
    ],
    [
      'leads channel id',
      fileWith('', { channels: 'channels: { leads: "#leads" }' }),
      'channels.leads: "#leads" is not a Slack channel id (like C0123ABCD; it is at the bottom of the channel\'s details)',
    ],
    [
      'leads type',
      fileWith('', { channels: 'channels: { leads: [C0123LEADS] }' }),
      'channels.leads: must be a channel id, or a map of segment to channel id',
    ],
    [
      'leads map key is a segment',
      fileWith('', { channels: 'channels: { leads: { smb: C0SMB, enterprize: C0ENT, default: C0ALL } }' }),
      'channels.leads.enterprize: "enterprize" is not a segment (segments: smb, enterprise)',
    ],
    [
      'leads map covers every segment',
      fileWith('', { channels: 'channels: { leads: { smb: C0SMB } }' }),
      'channels.leads: no channel for segment enterprise; map every segment or add a "default" channel',
    ],
    [
      'leads map channel id',
      fileWith('', { channels: 'channels: { leads: { smb: C0SMB, enterprise: x } }' }),
      'channels.leads.enterprise: "x" is not a Slack channel id (like C0123ABCD; it is at the bottom of the channel\'s details)',
    ],
    [
      'escalations channel id',
      fileWith('', { channels: 'channels: { leads: C0LEADS, escalations: 42 }' }),
      "channels.escalations: 42 is not a Slack channel id (like C0123ABCD; it is at the bottom of the channel's details)",
    ],
    [
      'voc category',
      fileWith('', { channels: 'channels: { leads: C0LEADS, voc: { features: C0PROD } }' }),
      'channels.voc.features: unknown key (allowed here: objection, feature_request, competitor, pricing, praise, churn_risk, lead_quality, other)',
    ],
    [
      'member id',
      fileWith('', { roster: `roster: [${seller}, { user: bob }]` }),
      'roster[1].user: "bob" is not a Slack user id (like U0123ABCD)',
    ],
    [
      'member listed once',
      fileWith('', { roster: `roster: [${seller}, { user: U0AAAAAAA, roles: [ae] }]` }),
      'roster[1].user: "U0AAAAAAA" is already on the roster (roster[0])',
    ],
    [
      'role names',
      fileWith('', { roster: `roster: [${seller}, { user: U0BBBBBBB, roles: [seller] }]` }),
      'roster[1].roles[0]: "seller" is not one of: marketer, sdr, ae, cs, manager, admin',
    ],
    [
      'roles non-empty',
      fileWith('', { roster: `roster: [${seller}, { user: U0BBBBBBB, roles: [] }]` }),
      'roster[1].roles: needs at least 1 item',
    ],
    [
      'roles not repeated',
      fileWith('', { roster: 'roster: [{ user: U0AAAAAAA, roles: [sdr, ae, sdr] }]' }),
      'roster[0].roles[2]: "sdr" is listed twice',
    ],
    [
      'member segments exist',
      fileWith('', { roster: 'roster: [{ user: U0AAAAAAA, segments: [smb, enterprise, mid] }]' }),
      'roster[0].segments[2]: "mid" is not a segment (segments: smb, enterprise)',
    ],
    [
      'weight at least 1',
      fileWith('', { roster: 'roster: [{ user: U0AAAAAAA, weight: 0 }]' }),
      'roster[0].weight: must be at least 1',
    ],
    [
      'weight at most 100',
      fileWith('', { roster: 'roster: [{ user: U0AAAAAAA, weight: 101 }]' }),
      'roster[0].weight: must be at most 100',
    ],
    [
      'weight whole',
      fileWith('', { roster: 'roster: [{ user: U0AAAAAAA, weight: 1.5 }]' }),
      'roster[0].weight: must be a whole number, got 1.5',
    ],
    [
      'max_open_leads positive',
      fileWith('', { roster: 'roster: [{ user: U0AAAAAAA, max_open_leads: 0 }]' }),
      'roster[0].max_open_leads: must be at least 1',
    ],
    [
      'member time zone',
      fileWith('', { roster: 'roster: [{ user: U0AAAAAAA, time_zone: Europe/Londn }]' }),
      'roster[0].time_zone: "Europe/Londn" is not an IANA time zone (e.g. Europe/London)',
    ],
    [
      'member working days',
      fileWith('', { roster: 'roster: [{ user: U0AAAAAAA, working_hours: { days: [monday] } }]' }),
      'roster[0].working_hours.days[0]: "monday" is not one of: mon, tue, wed, thu, fri, sat, sun',
    ],
    [
      'member hours after merging with the calendar',
      fileWith('', { roster: 'roster: [{ user: U0AAAAAAA, working_hours: { end: "08:30" } }]' }),
      'roster[0].working_hours: start "09:00" must be before end "08:30" (unset ones come from calendar.working_hours)',
    ],
    [
      'manager on the roster',
      fileWith('', { roster: `roster: [${seller}, { user: U0BBBBBBB, manager: U0ZZZZZZZ }]` }),
      'roster[1].manager: "U0ZZZZZZZ" is not on the roster',
    ],
    [
      'manager not themself',
      fileWith('', { roster: 'roster: [{ user: U0AAAAAAA, manager: U0AAAAAAA }]' }),
      'roster[0].manager: a member cannot be their own manager',
    ],
    [
      'a seller exists',
      fileWith('', {
        roster: 'roster: [{ user: U0AAAAAAA, roles: [marketer] }, { user: U0BBBBBBB, roles: [cs] }]',
      }),
      'roster: no member has a seller role (sdr or ae); every lead is routed to a seller, so give at least one member roles: [sdr] or [ae]',
    ],
    [
      'every segment has a seller',
      fileWith('', {
        roster: 'roster: [{ user: U0AAAAAAA, segments: [smb] }, { user: U0BBBBBBB, roles: [cs] }]',
      }),
      'roster: no seller (sdr or ae) covers segment "enterprise", so its leads could never be routed',
    ],
    [
      'calendar time zone',
      fileWith('calendar: { time_zone: Asia/Seol }'),
      'calendar.time_zone: "Asia/Seol" is not an IANA time zone (e.g. Asia/Seoul)',
    ],
    [
      'time zone is a name, not an offset',
      fileWith('calendar: { time_zone: "+09:00" }'),
      'calendar.time_zone: "+09:00" is not an IANA time zone (e.g. Asia/Seoul)',
    ],
    [
      'working days not repeated',
      fileWith('calendar: { working_days: [mon, tue, mon] }'),
      'calendar.working_days[2]: "mon" is listed twice',
    ],
    [
      'working days non-empty',
      fileWith('calendar: { working_days: [] }'),
      'calendar.working_days: needs at least 1 item',
    ],
    [
      'HH:MM times',
      fileWith('calendar: { working_hours: { start: "9:00" } }'),
      'calendar.working_hours.start: "9:00" is not a 24-hour time like "09:00"',
    ],
    [
      'times are text',
      fileWith('calendar: { working_hours: { end: 1800 } }'),
      'calendar.working_hours.end: 1800 is not a 24-hour time like "09:00"',
    ],
    [
      'start before end',
      fileWith('calendar: { working_hours: { start: "18:00", end: "09:00" } }'),
      'calendar.working_hours: start "18:00" must be before end "09:00" (overnight hours are not supported)',
    ],
    [
      'holidays are real dates',
      fileWith('calendar: { holidays: [2025-02-30] }'),
      'calendar.holidays[0]: "2025-02-30" is not a real date in YYYY-MM-DD form (like "2025-12-25")',
    ],
    [
      'holiday objects are checked too',
      fileWith('calendar: { holidays: [2025-12-25, { date: 25.12.2025, name: Christmas }] }'),
      'calendar.holidays[1].date: "25.12.2025" is not a real date in YYYY-MM-DD form (like "2025-12-25")',
    ],
    [
      'holiday shape',
      fileWith('calendar: { holidays: [20251225] }'),
      'calendar.holidays[0]: must be a date like "2025-12-25", or a map with date: and name:',
    ],
    [
      'holidays not repeated',
      fileWith('calendar: { holidays: [2025-12-25, { date: 2025-12-25, name: Christmas }] }'),
      'calendar.holidays[1]: "2025-12-25" is listed twice',
    ],
    [
      'first touch at least 5',
      fileWith('sla: { first_touch_minutes: 3 }'),
      'sla.first_touch_minutes: must be at least 5',
    ],
    ['sla clock', fileWith('sla: { clock: wall }'), 'sla.clock: "wall" is not one of: business, always'],
    [
      'ladder strictly ascending',
      fileWith(
        'sla: { escalations: [{ after_minutes: 20, action: nudge }, { after_minutes: 20, action: auto_assign }] }',
      ),
      "sla.escalations[1].after_minutes: 20 must be greater than the previous step's 20 (steps run in ascending order)",
    ],
    [
      'breach at first_touch_minutes',
      fileWith('sla: { escalations: [{ after_minutes: 45, action: breach }] }'),
      'sla.escalations[0].after_minutes: the breach step must be at sla.first_touch_minutes (60), got 45',
    ],
    [
      'one breach step',
      fileWith(
        'sla: { escalations: [{ after_minutes: 60, action: breach }, { after_minutes: 61, action: breach }] }',
      ),
      'sla.escalations[1].action: only one breach step is allowed',
    ],
    [
      'trigger fits the action',
      fileWith('sla: { escalations: [{ after_minutes: 30, when: untouched, action: auto_assign }] }'),
      'sla.escalations[0].when: auto_assign only works with when: unclaimed',
    ],
    [
      'notify targets',
      fileWith('sla: { escalations: [{ after_minutes: 45, action: warn_owner, notify: [owner, boss] }] }'),
      'sla.escalations[0].notify[1]: "boss" is not one of: owner, manager, channel',
    ],
    [
      'notify target listed once',
      fileWith('sla: { escalations: [{ after_minutes: 45, action: warn_owner, notify: [owner, owner] }] }'),
      'sla.escalations[0].notify[1]: owner is listed twice',
    ],
    [
      'warn_owner tells someone',
      fileWith('sla: { escalations: [{ after_minutes: 45, action: warn_owner, notify: [] }] }'),
      'sla.escalations[0].notify: warn_owner must tell someone: list owner, manager and/or channel (or set enabled: false)',
    ],
    [
      'no notify on auto_assign',
      fileWith('sla: { escalations: [{ after_minutes: 30, action: auto_assign, notify: [channel] }] }'),
      'sla.escalations[0].notify: auto_assign always tells the seller it assigns (and the card); notify does not apply here',
    ],
    [
      'escalation actions',
      fileWith('sla: { escalations: [{ after_minutes: 30, action: page }] }'),
      'sla.escalations[0].action: "page" is not one of: nudge, auto_assign, warn_owner, breach, reassign',
    ],
    [
      'threshold is a working stage (case-sensitive)',
      fileWith('routing: { threshold_stage: mql }'),
      'routing.threshold_stage: "mql" is not a working stage (stages: Lead, MQL, SAL, SQL, Opportunity, Negotiation, Closing, Retention); keys are case-sensitive, did you mean "MQL"?',
    ],
    [
      'routing override keys are segments',
      fileWith('routing: { segments: { enterprize: { mode: round_robin } } }'),
      'routing.segments.enterprize: "enterprize" is not a segment (segments: smb, enterprise)',
    ],
    [
      'round-robin key in a claim block',
      fileWith('routing: { default: { accept_timeout_minutes: 5 } }'),
      'routing.default.accept_timeout_minutes: only applies to mode: round_robin, but this block routes by claim',
    ],
    [
      'claim key in a block inheriting round_robin',
      fileWith(
        'routing: { default: { mode: round_robin }, segments: { smb: { auto_assign_after_minutes: 10 } } }',
      ),
      'routing.segments.smb.auto_assign_after_minutes: only applies to mode: claim, but this block routes by round_robin',
    ],
    [
      'auto-assign before the SLA',
      fileWith('routing: { segments: { enterprise: { auto_assign_after_minutes: 60 } } }'),
      'routing.segments.enterprise.auto_assign_after_minutes: 60 must be less than sla.first_touch_minutes (60), or leads breach before anyone owns them',
    ],
    [
      'accept timeout range',
      fileWith('routing: { default: { mode: round_robin, accept_timeout_minutes: 0 } }'),
      'routing.default.accept_timeout_minutes: must be at least 1',
    ],
    [
      'outside hours policy',
      fileWith('routing: { default: { outside_hours: wait } }'),
      'routing.default.outside_hours: "wait" is not one of: skip, hold',
    ],
    [
      'side states are not working stages',
      fileWith('stages: { working: [Lead, MQL, Opportunity, { key: Lost }] }'),
      'stages.working[3].key: "Lost" is a fixed side state (Lost, Disqualified, Recycle), not a working stage',
    ],
    [
      'stage keys unique',
      fileWith('stages: { working: [Lead, MQL, Opportunity, MQL] }'),
      'stages.working[3]: stage "MQL" is listed twice',
    ],
    [
      'stage key format',
      fileWith('stages: { working: [Lead, MQL, Sales Qualified, Opportunity] }'),
      'stages.working[2]: "Sales Qualified" is not a stage key like "MQL" (letters, digits and _)',
    ],
    [
      'stage shape',
      fileWith('stages: { working: [Lead, MQL, [Opportunity]] }'),
      'stages.working[2]: must be a stage key like "MQL", or a map with key:, label: and stagnation_days:',
    ],
    ['at least two stages', fileWith('stages: { working: [MQL] }'), 'stages.working: needs at least 2 items'],
    [
      'stagnation days positive',
      fileWith('stages: { working: [Lead, { key: MQL, stagnation_days: 0 }, Opportunity] }'),
      'stages.working[1].stagnation_days: must be at least 1',
    ],
    [
      'reasons not repeated',
      fileWith('stages: { lost_reasons: [timing, timing] }'),
      'stages.lost_reasons[1]: "timing" is listed twice',
    ],
    [
      'reasons non-empty',
      fileWith('stages: { disqualify_reasons: [] }'),
      'stages.disqualify_reasons: needs at least 1 item',
    ],
    [
      'cadence stop stage exists',
      fileWith('cadence: { stop_at_stage: Demo }'),
      'cadence.stop_at_stage: "Demo" is not a working stage (stages: Lead, MQL, SAL, SQL, Opportunity, Negotiation, Closing, Retention)',
    ],
    [
      'cadence stops after the threshold',
      fileWith('cadence: { stop_at_stage: MQL }'),
      'cadence.stop_at_stage: "MQL" must come after routing.threshold_stage "MQL", or the cadence ends before it starts',
    ],
    [
      'cadence days in order',
      fileWith(
        'cadence: { steps: [{ day: 4, action: call, label: Call }, { day: 2, action: email, label: Mail }] }',
      ),
      'cadence.steps[1].day: day 2 comes after day 4; list steps in day order',
    ],
    [
      'cadence day from 1',
      fileWith('cadence: { steps: [{ day: 0, action: call, label: Call }] }'),
      'cadence.steps[0].day: must be at least 1',
    ],
    [
      'cadence actions',
      fileWith('cadence: { steps: [{ day: 1, action: fax, label: Fax }] }'),
      'cadence.steps[0].action: "fax" is not one of: call, email, linkedin, meeting, other',
    ],
    [
      'cadence label required',
      fileWith('cadence: { steps: [{ day: 1, action: call }] }'),
      'cadence.steps[0].label: is required',
    ],
    [
      'retro days',
      fileWith('retro: { close: { day: friday } }'),
      'retro.close.day: "friday" is not one of: mon, tue, wed, thu, fri, sat, sun',
    ],
    [
      'retro times',
      fileWith('retro: { open: { time: "24:00" } }'),
      'retro.open.time: "24:00" is not a 24-hour time like "09:00"',
    ],
    [
      'retro in week order',
      fileWith('retro: { close: { day: tue, time: "09:00" } }'),
      'retro.close: tue 09:00 must come after nudge (tue 12:00) within the week',
    ],
    [
      'monthly review on a day every month has',
      fileWith('retro: { monthly_review: { day_of_month: 29 } }'),
      'retro.monthly_review.day_of_month: must be at most 28',
    ],
    ['booleans', fileWith('retro: { enabled: "yes" }'), 'retro.enabled: must be true or false, got "yes"'],
    ['a key written without a value', fileWith('retro:'), 'retro: must be a map of keys, got an empty value'],
    [
      'duplicate window not negative',
      fileWith('intake: { duplicate_window_days: -1 }'),
      'intake.duplicate_window_days: must be at least 0',
    ],
    [
      'duplicate window at most a year',
      fileWith('intake: { duplicate_window_days: 366 }'),
      'intake.duplicate_window_days: must be at most 365',
    ],
    [
      'source keys are lowercase',
      fileWith('intake: { sources: { "Web Flow": { fields: { email: data.email } } } }'),
      'intake.sources["Web Flow"]: "Web Flow" is not a lowercase source key like "webflow" (a-z, 0-9, _ and -; up to 64 long)',
    ],
    [
      'mapping fields are Baton fields',
      fileWith('intake: { sources: { webflow: { fields: { emial: data.email } } } }'),
      'intake.sources.webflow.fields.emial: unknown key (allowed here: external_id, source, email, name, company, title, phone, company_size, industry, website, message, form, utm_source, utm_medium, utm_campaign, utm_term, utm_content)',
    ],
    [
      'mapping paths have no empty parts',
      fileWith('intake: { sources: { webflow: { fields: { email: "data..email" } } } }'),
      'intake.sources.webflow.fields.email: "data..email" is not a dotted path like "data.email"',
    ],
    [
      'mapping paths use dots, not brackets',
      fileWith('intake: { sources: { webflow: { fields: { email: "fields[0].value" } } } }'),
      'intake.sources.webflow.fields.email: "fields[0].value" uses brackets; write list items as dotted keys too, like "fields.0.value"',
    ],
    [
      'mapping paths are text',
      fileWith('intake: { sources: { webflow: { fields: { email: 5 } } } }'),
      'intake.sources.webflow.fields.email: must be text, got 5',
    ],
    [
      'mapping keys',
      fileWith('intake: { sources: { webflow: { field: {} } } }'),
      'intake.sources.webflow.field: unknown key (allowed here: fields, defaults)',
    ],
    [
      'no fixed email',
      fileWith('intake: { sources: { webflow: { defaults: { email: a@b.co } } } }'),
      'intake.sources.webflow.defaults.email: cannot have a default: every lead would get the same email, and be taken for one lead',
    ],
    [
      'defaults are checked like intake values',
      fileWith('intake: { sources: { webflow: { defaults: { company_size: lots } } } }'),
      'intake.sources.webflow.defaults.company_size: "lots" is not a company size; send a number like 250, a range like "200-500" or a floor like "1000+"',
    ],
    [
      'default form key',
      fileWith('intake: { sources: { webflow: { defaults: { form: "Demo!" } } } }'),
      'intake.sources.webflow.defaults.form: "Demo!" is not a key like "demo_request" (letters, digits, _ and -)',
    ],
    [
      'defaults not empty',
      fileWith('intake: { sources: { webflow: { defaults: { form: "  " } } } }'),
      'intake.sources.webflow.defaults.form: must not be empty',
    ],
    [
      'defaults are scalars',
      fileWith('intake: { sources: { webflow: { defaults: { form: [a] } } } }'),
      'intake.sources.webflow.defaults.form: must be text or a number',
    ],
    [
      'match_existing_accounts is a boolean',
      fileWith('routing: { match_existing_accounts: maybe }'),
      'routing.match_existing_accounts: must be true or false, got "maybe"',
    ],
    [
      'rule stage exists',
      fileWith(
        'qualification: { rules: [{ when: { form: demo }, set: { score: 5 } }, { set: { stage: SQLL } }] }',
      ),
      'qualification.rules[1].set.stage: "SQLL" is not a working stage (stages: Lead, MQL, SAL, SQL, Opportunity, Negotiation, Closing, Retention)',
    ],
    [
      'rule stage is case-sensitive',
      fileWith('qualification: { rules: [{ set: { stage: mql } }] }'),
      'qualification.rules[0].set.stage: "mql" is not a working stage (stages: Lead, MQL, SAL, SQL, Opportunity, Negotiation, Closing, Retention); keys are case-sensitive, did you mean "MQL"?',
    ],
    [
      'rule segment exists',
      fileWith('qualification: { rules: [{ set: { segment: mid } }] }'),
      'qualification.rules[0].set.segment: "mid" is not a segment (segments: smb, enterprise)',
    ],
    [
      'rule score range',
      fileWith('qualification: { rules: [{ set: { score: 101 } }] }'),
      'qualification.rules[0].set.score: must be at most 100',
    ],
    [
      'rule sets something',
      fileWith('qualification: { rules: [{ when: { form: demo }, set: {} }] }'),
      'qualification.rules[0].set: needs at least one of segment, stage or score',
    ],
    [
      'rule set required',
      fileWith('qualification: { rules: [{ when: { form: demo } }] }'),
      'qualification.rules[0].set: is required',
    ],
    [
      'rule set keys',
      fileWith('qualification: { rules: [{ set: { stag: MQL } }] }'),
      'qualification.rules[0].set.stag: unknown key (allowed here: segment, stage, score)',
    ],
    [
      'condition fields',
      fileWith('qualification: { rules: [{ when: { formm: demo }, set: { score: 5 } }] }'),
      'qualification.rules[0].when.formm: unknown key (allowed here: external_id, source, email, name, company, title, phone, company_size, industry, website, message, form, utm_source, utm_medium, utm_campaign, utm_term, utm_content)',
    ],
    [
      'condition tests',
      fileWith('qualification: { rules: [{ when: { company: { gtee: 1 } }, set: { score: 5 } }] }'),
      'qualification.rules[0].when.company.gtee: unknown key (allowed here: gte, gt, lte, lt, contains, matches, exists, domain_in)',
    ],
    [
      'a test map is not empty',
      fileWith('qualification: { rules: [{ when: { company: {} }, set: { score: 5 } }] }'),
      'qualification.rules[0].when.company: needs at least one test (gte, gt, lte, lt, contains, matches, exists, domain_in)',
    ],
    [
      'a test list is not empty',
      fileWith('qualification: { rules: [{ when: { form: [] }, set: { score: 5 } }] }'),
      'qualification.rules[0].when.form: needs at least 1 item',
    ],
    [
      'a test value is text or a number',
      fileWith('qualification: { rules: [{ when: { company: true }, set: { score: 5 } }] }'),
      'qualification.rules[0].when.company: must be a value, a list of values (any of them), or a map of tests (gte, gt, lte, lt, contains, matches, exists, domain_in)',
    ],
    [
      'list items are text or numbers',
      fileWith('qualification: { rules: [{ when: { form: [demo, { x: 1 }] }, set: { score: 5 } }] }'),
      'qualification.rules[0].when.form[1]: must be text or a number',
    ],
    [
      'comparisons only on company_size',
      fileWith('qualification: { rules: [{ when: { form: { gte: 3 } }, set: { score: 5 } }] }'),
      'qualification.rules[0].when.form.gte: only applies to company_size; form is text',
    ],
    [
      'company_size compared to numbers',
      fileWith('qualification: { rules: [{ when: { company_size: [10, big] }, set: { score: 5 } }] }'),
      'qualification.rules[0].when.company_size[1]: "big" is not a number (company_size is compared as a number)',
    ],
    [
      'no text tests on company_size',
      fileWith(
        'qualification: { rules: [{ when: { company_size: { contains: "1" } }, set: { score: 5 } }] }',
      ),
      'qualification.rules[0].when.company_size.contains: only applies to text; company_size is a number (use gte, gt, lte or lt)',
    ],
    [
      'regular expressions checked at load',
      fileWith('qualification: { rules: [{ when: { title: { matches: "(vp" } }, set: { score: 5 } }] }'),
      'qualification.rules[0].when.title.matches: "(vp" is not a valid regular expression (Unterminated group)',
    ],
    [
      'domain_in only on email and website',
      fileWith(
        'qualification: { rules: [{ when: { company: { domain_in: [acme.com] } }, set: { score: 5 } }] }',
      ),
      'qualification.rules[0].when.company.domain_in: only applies to email and website',
    ],
    [
      'domain_in domains',
      fileWith('qualification: { rules: [{ when: { email: { domain_in: [acme] } }, set: { score: 5 } }] }'),
      'qualification.rules[0].when.email.domain_in[0]: "acme" is not a domain like "acme.com"',
    ],
    [
      'exists is a boolean',
      fileWith('qualification: { rules: [{ when: { phone: { exists: "yes" } }, set: { score: 5 } }] }'),
      'qualification.rules[0].when.phone.exists: must be true or false, got "yes"',
    ],
    [
      'exists: false alone',
      fileWith(
        'qualification: { rules: [{ when: { phone: { exists: false, contains: "1" } }, set: { score: 5 } }] }',
      ),
      'qualification.rules[0].when.phone.exists: exists: false cannot be combined with other tests (a missing value passes none of them)',
    ],
    [
      'written default segment exists',
      fileWith('qualification: { defaults: { segment: mid } }'),
      'qualification.defaults.segment: "mid" is not a segment (segments: smb, enterprise)',
    ],
    [
      'written default stage exists',
      fileWith('stages: { working: [New, MQL, Opportunity] }\nqualification: { defaults: { stage: Lead } }'),
      'qualification.defaults.stage: "Lead" is not a working stage (stages: New, MQL, Opportunity)',
    ],
    [
      'default score range',
      fileWith('qualification: { defaults: { score: -1 } }'),
      'qualification.defaults.score: must be at least 0',
    ],
    [
      'at most 100 rules',
      fileWith(`qualification: { rules: [${Array(101).fill('{ set: { score: 1 } }').join(', ')}] }`),
      'qualification.rules: allows at most 100 items',
    ],
    [
      'voc reaction name',
      fileWith('voc: { reaction: ":Big Smile:" }'),
      'voc.reaction: "Big Smile" is not an emoji name like "voc" or ":voc:"',
    ],
  ];

  it.each(cases)('%s', (_rule, yaml, line) => {
    expect(problemsOf(yaml)).toContain(`baton.yaml: ${line}`);
  });
});

describe('unknown keys', () => {
  it('names a misplaced top-level key and lists the allowed ones', () => {
    expect(problemsOf(fileWith('time_zone: Asia/Seoul'))).toEqual([
      'baton.yaml: time_zone: unknown key (allowed here: team_id, locale, segments, channels, roster, calendar, sla, intake, qualification, routing, stages, cadence, funnel, retro, voc, retention, labels, hubspot, webhooks)',
    ]);
  });

  it('names a typo inside a section or a list item with its full path', () => {
    expect(
      problemsOf(
        fileWith('calendar: { time_zon: UTC }', { roster: 'roster: [{ user: U0AAAAAAA, role: [ae] }]' }),
      ),
    ).toEqual([
      'baton.yaml: roster[0].role: unknown key (allowed here: user, name, roles, segments, weight, max_open_leads, time_zone, working_hours, manager)',
      'baton.yaml: calendar.time_zon: unknown key (allowed here: time_zone, working_days, working_hours, holidays, holidays_country, holidays_region)',
    ]);
  });
});

describe('reporting', () => {
  it('reports every problem together, one per line, including cross-section ones', () => {
    const error = rejection(() =>
      parse(
        fileWith(
          'calendar: { time_zone: Mars/Olympus }\nretro: { lol: 1 }\nrouting: { threshold_stage: Demo }',
          {
            roster:
              'roster: [{ user: U0AAAAAAA, roles: [sdx] }, { user: U0BBBBBBB, roles: [ae], manager: U0CCCCCCC }]',
          },
        ),
      ),
    );
    expect(error.problems).toEqual([
      'baton.yaml: roster[0].roles[0]: "sdx" is not one of: marketer, sdr, ae, cs, manager, admin',
      'baton.yaml: roster[1].manager: "U0CCCCCCC" is not on the roster',
      'baton.yaml: calendar.time_zone: "Mars/Olympus" is not an IANA time zone (e.g. Asia/Seoul)',
      'baton.yaml: retro.lol: unknown key (allowed here: enabled, open, nudge, close, monthly_review)',
      'baton.yaml: routing.threshold_stage: "Demo" is not a working stage (stages: Lead, MQL, SAL, SQL, Opportunity, Negotiation, Closing, Retention)',
    ]);
    expect(error.message).toBe(error.problems.join('\n'));
    expect(error.name).toBe('ConfigFileError');
    expect(error.file).toBe('baton.yaml');
  });

  it('shows the first 20 problems and counts the rest', () => {
    const members = Array.from({ length: 25 }, (_, i) => `{ user: bad${i}, roles: [sdr] }`).join(', ');
    const error = rejection(() => parse(fileWith('', { roster: `roster: [${members}]` })));
    expect(error.problems).toHaveLength(25);
    const lines = error.message.split('\n');
    expect(lines).toHaveLength(21);
    expect(lines[0]).toBe('baton.yaml: roster[0].user: "bad0" is not a Slack user id (like U0123ABCD)');
    expect(lines[20]).toBe('baton.yaml: … and 5 more problems');
  });

  it('reports YAML syntax errors with line and column', () => {
    expect(problemsOf(`${CHANNELS}\n${ROSTER}\nchannels: { leads: C0OTHER }`)).toEqual([
      'baton.yaml: line 3, column 1: Map keys must be unique',
    ]);
    const [tabbed] = problemsOf('channels:\n\tleads: C0123LEADS\n');
    expect(tabbed).toMatch(/^baton\.yaml: line 2, column 1: Tabs are not allowed/);
  });

  it('rejects an empty or comment-only file, pointing at the minimal one', () => {
    const empty = 'baton.yaml is empty; see baton.minimal.yaml for the smallest working file';
    expect(problemsOf('')).toEqual([empty]);
    expect(problemsOf('# nothing yet\n')).toEqual([empty]);
  });

  it('rejects a top level that is not a map', () => {
    expect(problemsOf('- channels\n- roster\n')).toEqual([
      'baton.yaml: the top level must be a map of settings (channels:, roster:, …), got a list',
    ]);
  });

  it('reports an alias to a missing anchor', () => {
    expect(problemsOf(fileWith('locale: *lang'))).toEqual([
      'baton.yaml: Unresolved alias (the anchor must be set before the alias): lang',
    ]);
  });
});

describe('loadWorkspaceConfig', () => {
  const dir = mkdtempSync(join(tmpdir(), 'baton-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads and validates a file, labelling errors with its path', () => {
    const path = join(dir, 'baton.yaml');
    writeFileSync(path, MINIMAL);
    expect(loadWorkspaceConfig(path).channels.leads).toEqual({ smb: 'C0123LEADS', enterprise: 'C0123LEADS' });
    writeFileSync(path, fileWith('locale: fr'));
    expect(rejection(() => loadWorkspaceConfig(path)).problems).toEqual([
      `${path}: locale: "fr" is not one of: en, ko`,
    ]);
  });

  it('says which path was tried and how to start when the file is missing', () => {
    const path = join(dir, 'missing.yaml');
    const error = rejection(() => loadWorkspaceConfig(path));
    expect(error.message).toContain(`${path}: config file not found (looked for ${path})`);
    expect(error.message).toContain('cp baton.minimal.yaml baton.yaml');
    expect(error.message).toContain('BATON_CONFIG');
  });

  it('rejects an empty file and a path that is not a file', () => {
    const empty = join(dir, 'empty.yaml');
    writeFileSync(empty, '');
    expect(rejection(() => loadWorkspaceConfig(empty)).message).toBe(
      `${empty} is empty; see baton.minimal.yaml for the smallest working file`,
    );
    const folder = join(dir, 'folder.yaml');
    mkdirSync(folder);
    expect(rejection(() => loadWorkspaceConfig(folder)).message).toBe(
      `${folder}: cannot read the config file (EISDIR)`,
    );
  });
});
