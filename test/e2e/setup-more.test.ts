import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseWorkspaceDocument } from '../../src/config/workspace.js';
import { messages } from '../../src/i18n/index.js';
import type { StateValuesInput } from '../harness/slack-driver.js';
import { startTestApp, TEAM_YAML, type TestApp } from '../harness/test-app.js';
import { newCard, openedView } from './support/lead-cards.js';

const ADMIN = 'U0MGR0001'; // roles [manager, admin]
const SELLER = 'U0SDR0001';
const en = messages('en');

const select = (value: string) => ({ type: 'static_select', selected_option: { value } });
const time = (value: string) => ({ type: 'timepicker', selected_time: value });
const number = (value: string) => ({ type: 'number_input', value });
const checked = (...values: string[]) => ({
  type: 'checkboxes',
  selected_options: values.map((value) => ({ value })),
});
const textInput = (value: string) => ({ type: 'plain_text_input', value });

type Input = { block_id: string; element: { initial_value?: string; initial_time?: string } };

/**
 * The set-up items beyond the first five, through Slack as an admin does them: each modal opens from
 * Home, a refusal comes back under its field, and the saved value is the one Baton then uses. No
 * file: TEAM_YAML is saved as a version, so every setting is Slack's to change.
 */
describe('the remaining set-up modals', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ configYaml: null });
    const seed = parseWorkspaceDocument(TEAM_YAML, 'seed.yaml') as Record<string, unknown>;
    await t.baton.context.services.config.change(t.slack.teamId, { actorId: null, via: 'api' }, (doc) => {
      Object.assign(doc, seed);
    });
  });
  afterAll(async () => {
    await t?.stop();
  });

  const config = () => t.baton.context.configs.for(t.slack.teamId);

  async function openModal(item: string) {
    const before = t.slack.callsTo('views.publish').length;
    await t.driver.event({ type: 'app_home_opened', user: ADMIN, tab: 'home' });
    await vi.waitFor(() => expect(t.slack.callsTo('views.publish').length).toBeGreaterThan(before));
    const click = await t.driver.blockActions({
      userId: ADMIN,
      view: t.slack.homeView(ADMIN)!,
      actions: [{ action_id: 'setup_open', block_id: `setup_${item}`, value: item }],
    });
    const view = await openedView(t, click.triggerId);
    return { ...view, inputs: view.blocks as Input[] };
  }

  const submit = (viewId: string, values: StateValuesInput) =>
    t.driver.viewSubmission({ userId: ADMIN, viewId, values });

  it('lists the new items on Home at their defaults', async () => {
    await t.driver.event({ type: 'app_home_opened', user: ADMIN, tab: 'home' });
    await vi.waitFor(() => expect(t.slack.homeView(ADMIN)).toBeDefined());
    const home = JSON.stringify(t.slack.homeView(ADMIN)?.blocks);
    for (const item of ['retro', 'stages', 'cadence'] as const)
      expect(home).toContain(`*${en.admin.home.items[item]}* · ${en.admin.home.states.default}`);
  });

  it('retro: refuses a nudge before the open under the nudge day, then saves the week', async () => {
    const modal = await openModal('retro');
    expect(modal.callback_id).toBe('setup_retro');
    expect(modal.inputs.find((b) => b.block_id === 'retro_close_time')?.element.initial_time).toBe('17:00');
    const values = {
      retro_on: { value: checked('on') },
      retro_open_day: { value: select('tue') },
      retro_open_time: { value: time('09:30') },
      retro_nudge_day: { value: select('mon') },
      retro_nudge_time: { value: time('12:00') },
      retro_close_day: { value: select('thu') },
      retro_close_time: { value: time('16:00') },
      retro_monthly_on: { value: checked() },
      retro_monthly_day: { value: number('3') },
      retro_monthly_time: { value: time('11:00') },
    };
    const bad = await submit(modal.id, values);
    expect(bad.json).toEqual({
      response_action: 'errors',
      errors: { retro_nudge_day: 'mon 12:00 must come after open (tue 09:30) within the week' },
    });
    const res = await submit(modal.id, { ...values, retro_nudge_day: { value: select('wed') } });
    expect(res.json).toBeUndefined();
    expect(config().retro).toEqual({
      enabled: true,
      open: { day: 'tue', time: '09:30' },
      nudge: { day: 'wed', time: '12:00' },
      close: { day: 'thu', time: '16:00' },
      monthlyReview: { enabled: false, dayOfMonth: 3, time: '11:00' },
    });
  });

  it("calendar: a country's public holidays and the team's own days off, a bad date under its field", async () => {
    const modal = await openModal('calendar');
    const values = {
      cal_tz: { setup_time_zone: { type: 'external_select', selected_option: { value: 'Asia/Seoul' } } },
      cal_locale: { value: select('en') },
      cal_days: { value: checked('mon', 'tue', 'wed', 'thu', 'fri') },
      cal_start: { value: time('09:00') },
      cal_end: { value: time('18:00') },
      cal_holidays: { value: select('KR') },
      cal_days_off: { value: textInput('2026-12-31 Year-end\n2026-02-30') },
    };
    const bad = await submit(modal.id, values);
    expect(bad.json).toMatchObject({
      response_action: 'errors',
      errors: { cal_days_off: expect.stringContaining('2026-02-30') },
    });
    const res = await submit(modal.id, {
      ...values,
      cal_days_off: { value: textInput('2026-12-31 Year-end') },
    });
    expect(res.json).toBeUndefined();
    expect(config().calendar.holidaysCountry).toBe('KR');
    // Korea's 2026 Hangul Day (Oct 9) and 2027 New Year's Day are public holidays; Dec 31 is the team's.
    const holidays = config().calendar.holidays;
    const dates = holidays.map((h) => h.date);
    expect(dates).toContain('2026-10-09');
    expect(dates).toContain('2027-01-01');
    expect(holidays.find((h) => h.date === '2026-12-31')).toEqual({ date: '2026-12-31', name: 'Year-end' });
    const again = await openModal('calendar');
    const daysOff = again.inputs.find((b) => b.block_id === 'cal_days_off');
    expect(daysOff?.element.initial_value).toBe('2026-12-31 Year-end');
    expect(JSON.stringify(again.blocks)).toContain(
      '"initial_option":{"text":{"type":"plain_text","text":"South Korea (KR)"}',
    );
  });

  it('stages and labels: refuses an unreadable line and an unknown segment under their fields, then labels the card', async () => {
    const modal = await openModal('stages');
    const initial = (id: string) => modal.inputs.find((b) => b.block_id === id)?.element.initial_value;
    expect(initial('lb_stages_en')?.split('\n').slice(0, 2)).toEqual(['Lead:', 'MQL:']);
    expect(initial('lb_segments_ko')).toBe('smb:\nenterprise:');
    const values = {
      lb_stages_en: { value: textInput(initial('lb_stages_en') ?? '') },
      lb_stages_ko: { value: textInput('MQL: 마케팅 검증 리드') },
      lb_lost_reasons_en: { value: textInput('no_budget: No budget\nchose_competitor: Went elsewhere') },
      lb_disqualify_reasons_en: { value: textInput(initial('lb_disqualify_reasons_en') ?? '') },
      lb_segments_en: { value: textInput('smb: Small business\nenterprise:') },
    };
    const unreadable = await submit(modal.id, {
      ...values,
      lb_lost_reasons_ko: { value: textInput('no budget at all') },
    });
    expect(unreadable.json).toEqual({
      response_action: 'errors',
      errors: { lb_lost_reasons_ko: en.admin.modal.stages.badLine(1, 'no budget at all') },
    });
    const unknown = await submit(modal.id, {
      ...values,
      lb_segments_ko: { value: textInput('mid: 중견기업') },
    });
    expect(unknown.json).toMatchObject({
      response_action: 'errors',
      errors: { lb_segments_ko: expect.stringContaining('labels.segments.mid: ') },
    });
    const res = await submit(modal.id, values);
    expect(res.json).toBeUndefined();
    expect(config().stages.lostReasons).toEqual(['no_budget', 'chose_competitor']);
    expect(config().labels.stages.MQL).toEqual({ ko: '마케팅 검증 리드' });
    // The segment's new label is what the lead card shows.
    const { cardTs } = await newCard(t, 'labels@acme.io');
    const card = t.slack.messages('C0LEADS').find((m) => m.ts === cardTs);
    expect(JSON.stringify(card?.blocks)).toContain('Small business');
  });

  it('cadence: refuses a line that is not a step, and a kind Baton does not know, then saves the steps', async () => {
    const modal = await openModal('cadence');
    const stop = { value: select('SQL') };
    const garbled = await submit(modal.id, {
      cad_steps: { value: textInput('call them tomorrow') },
      cad_stop: stop,
    });
    expect(garbled.json).toEqual({
      response_action: 'errors',
      errors: { cad_steps: en.admin.modal.cadence.badLine(1, 'call them tomorrow') },
    });
    const fax = await submit(modal.id, {
      cad_steps: { value: textInput('1 call: Call them\n2 fax: Send a fax') },
      cad_stop: stop,
    });
    expect(fax.json).toMatchObject({
      response_action: 'errors',
      errors: { cad_steps: expect.stringMatching(/^cadence\.steps\[1\]\.action: /) },
    });
    const res = await submit(modal.id, {
      cad_steps: { value: textInput('1 call: Call them\n3 email: Send the case study') },
      cad_stop: stop,
    });
    expect(res.json).toBeUndefined();
    expect(config().cadence).toEqual({
      stopAtStage: 'SQL',
      steps: [
        { day: 1, action: 'call', label: 'Call them', withinMinutes: null },
        { day: 3, action: 'email', label: 'Send the case study', withinMinutes: null },
      ],
    });
  });

  it("people: a member's own hours, with hours out of order under the end", async () => {
    const modal = await openModal('people');
    const values = {
      people_users: { value: { type: 'multi_users_select', selected_users: [SELLER] } },
      people_days: { value: checked('mon', 'tue', 'wed') },
      people_start: { value: time('16:00') },
      people_end: { value: time('10:00') },
    };
    const bad = await submit(modal.id, values);
    expect(bad.json).toMatchObject({
      response_action: 'errors',
      errors: { people_end: expect.stringContaining('start "16:00" must be before end "10:00"') },
    });
    const res = await submit(modal.id, {
      ...values,
      people_start: { value: time('10:00') },
      people_end: { value: time('16:00') },
    });
    expect(res.json).toBeUndefined();
    const member = config().roster.find((m) => m.user === SELLER);
    expect(member?.workingHours).toEqual({ days: ['mon', 'tue', 'wed'], start: '10:00', end: '16:00' });
  });

  it("routing: a claim segment's auto-assign minutes, a bad one under its field", async () => {
    const modal = await openModal('routing');
    const values = {
      rt_threshold: { value: select('MQL') },
      rt_accounts: { value: checked() },
      rt_mode_smb: { value: select('claim') },
      rt_auto_smb: { value: number('0') },
      rt_hours_smb: { value: select('hold') },
      rt_mode_enterprise: { value: select('claim') },
      rt_hours_enterprise: { value: select('hold') },
    };
    const bad = await submit(modal.id, values);
    expect(bad.json).toMatchObject({
      response_action: 'errors',
      errors: { rt_auto_smb: expect.any(String) },
    });
    // The cadence (set above) stops at SQL, so routing cannot start there.
    const late = await submit(modal.id, {
      ...values,
      rt_auto_smb: { value: number('45') },
      rt_threshold: { value: select('SQL') },
    });
    expect(late.json).toEqual({
      response_action: 'errors',
      errors: {
        rt_threshold:
          '"SQL" must come after routing.threshold_stage "SQL", or the cadence ends before it starts',
      },
    });
    const res = await submit(modal.id, { ...values, rt_auto_smb: { value: number('45') } });
    expect(res.json).toBeUndefined();
    // Reopened: the segment's own minutes, and what an empty field would give — the default ladder's
    // auto-assign step at 50 % of the 60 first-touch minutes = 30.
    const again = await openModal('routing');
    const auto = (again.blocks as Array<Input & { hint?: { text: string } }>).find(
      (b) => b.block_id === 'rt_auto_smb',
    );
    expect(auto?.element.initial_value).toBe('45');
    expect(auto?.hint?.text).toBe(en.admin.modal.routing.autoAssignHint(30));
    expect(auto?.hint?.text).toContain('now 30 minutes');
    expect(config().routing.thresholdStage).toBe('MQL');
    expect(config().routing.matchExistingAccounts).toBe(false);
    expect(config().routing.segments.smb).toEqual({
      mode: 'claim',
      autoAssignAfterMinutes: 45,
      outsideHours: 'hold',
    });
  });

  it('qualification: unreadable YAML and an unknown segment under the field, then the rule qualifies the next lead', async () => {
    const modal = await openModal('qualification');
    expect(modal.callback_id).toBe('setup_qualification');
    const unreadable = await submit(modal.id, { ql_rules: { value: textInput('rules: [{ when: ') } });
    expect(unreadable.json).toMatchObject({
      response_action: 'errors',
      errors: { ql_rules: expect.stringMatching(/^Not readable as YAML at line 1, column \d+: /) },
    });
    const rule = (segment: string) =>
      `rules:\n  - when: { form: contact }\n    set: { segment: ${segment}, stage: SQL, score: 77 }`;
    const unknown = await submit(modal.id, { ql_rules: { value: textInput(rule('mid')) } });
    expect(unknown.json).toMatchObject({
      response_action: 'errors',
      errors: { ql_rules: expect.stringContaining('qualification.rules[0].set.segment: ') },
    });
    const res = await submit(modal.id, { ql_rules: { value: textInput(rule('smb')) } });
    expect(res.json).toBeUndefined();
    const { leadId } = await newCard(t, 'rules@acme.io', 'Rita Rule', 'contact');
    const [lead] = await t.database.rows<{ stage: string; score: number; segment: string }>(
      sql`select stage, score, segment from leads where id = ${leadId}`,
    );
    // Without the rule a contact form is an MQL scoring 50 (Baton's defaults).
    expect(lead).toEqual({ stage: 'SQL', score: 77, segment: 'smb' });
  });

  it('wins and deals: a deal stage after the win under its field, then the stages and currency', async () => {
    const modal = await openModal('funnel');
    const values = {
      fn_won: { value: select('Opportunity') },
      fn_deal: { value: select('Closing') },
      fn_recycle: { value: select('MQL') },
      fn_currency: { value: textInput('krw') },
    };
    const bad = await submit(modal.id, values);
    expect(bad.json).toEqual({
      response_action: 'errors',
      errors: { fn_deal: '"Closing" must not come after funnel.won_stage "Opportunity"' },
    });
    const res = await submit(modal.id, {
      ...values,
      fn_won: { value: select('Closing') },
      fn_deal: { value: select('SQL') },
    });
    expect(res.json).toBeUndefined();
    expect(config().funnel).toMatchObject({
      wonStage: 'Closing',
      dealStage: 'SQL',
      recycleReopenStage: 'MQL',
      currency: 'KRW',
    });
  });
});
