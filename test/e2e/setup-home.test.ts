import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { messages } from '../../src/i18n/index.js';
import type { StateValuesInput } from '../harness/slack-driver.js';
import { startTestApp, type TestApp } from '../harness/test-app.js';
import { openedView } from './support/lead-cards.js';

const ADMIN = 'U0WSADM01'; // a workspace admin in Slack, on no roster
const SELLER = 'U0NEWSDR1';
const MONDAY_10_KST = '2026-11-23T01:00:00Z';

function texts(blocks: unknown): string[] {
  return ((blocks ?? []) as Array<Record<string, unknown>>).map((b) => {
    const text = (b.text as { text?: string } | undefined)?.text;
    if (text !== undefined) return text;
    const elements = (b.elements as Array<{ text?: string }> | undefined) ?? [];
    return elements.map((e) => e.text ?? '').join(' ');
  });
}

const conversation = (id: string) => ({ selected_conversation: id });
const users = (...ids: string[]) => ({ selected_users: ids });
const options = (type: string, ...values: string[]) => ({
  type,
  selected_options: values.map((value) => ({ value })),
});
const number = (value: string) => ({ type: 'number_input', value });

/**
 * From an empty database, entirely through Slack requests: an admin opens Home, sets up the
 * channels, one seller and the calendar (choosing the language there), a lead arrives and its card
 * is claimed — once in English, once in Korean.
 */
describe.each([
  { locale: 'en' as const, slackLocale: 'en-US', tz: 'America/New_York', owner: true },
  { locale: 'ko' as const, slackLocale: 'ko-KR', tz: 'Asia/Seoul', owner: false },
])('set-up on App Home ($locale)', ({ locale, slackLocale, tz, owner }) => {
  const t0 = messages('en'); // Baton speaks English until the calendar modal says otherwise
  const t1 = messages(locale);
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ configYaml: null });
    t.slack.addUser({
      id: ADMIN,
      name: 'boss',
      tz,
      locale: slackLocale,
      ...(owner ? { isOwner: true } : { isAdmin: true }),
    });
    t.slack.addUser({ id: SELLER, name: 'newbie', realName: 'Nari Kim', tz: 'Asia/Seoul' });
    // The smb leads channel is public and Baton is not in it yet; the escalations channel is private.
    t.slack.addChannel({ id: 'C0SMBLEAD', name: 'leads-smb', botIsMember: false });
    t.slack.addChannel({ id: 'C0ESCAL01', name: 'escalations', isPrivate: true, botIsMember: false });
    t.clock.set(MONDAY_10_KST);
  });
  afterAll(async () => {
    await t?.stop();
  });

  async function openHome(): Promise<string[]> {
    const before = t.slack.callsTo('views.publish').length;
    await t.driver.event({ type: 'app_home_opened', user: ADMIN, tab: 'home' });
    await vi.waitFor(() => expect(t.slack.callsTo('views.publish').length).toBeGreaterThan(before));
    return texts(t.slack.homeView(ADMIN)?.blocks);
  }

  async function openModal(item: string) {
    const click = await t.driver.blockActions({
      userId: ADMIN,
      view: t.slack.homeView(ADMIN)!,
      actions: [{ action_id: 'setup_open', block_id: `setup_${item}`, value: item }],
    });
    return openedView(t, click.triggerId);
  }

  const submit = (viewId: string, values: StateValuesInput) =>
    t.driver.viewSubmission({ userId: ADMIN, viewId, values });

  it('shows an admin the checklist on an empty workspace, and intake says what is missing', async () => {
    const home = await openHome();
    expect(home[0]).toBe(t0.admin.home.setupTitle);
    expect(home).toContain(
      `*Channels* · ${t0.admin.home.states.required}\nNo leads channel yet for: smb, enterprise.`,
    );
    expect(home).toContain(
      `*People* · ${t0.admin.home.states.required}\nNo seller yet for: smb, enterprise.`,
    );
    expect(home).toContain(
      `*Calendar and language* · ${t0.admin.home.states.default}\n${t0.admin.home.describe.calendar}`,
    );
    expect(home).toContain(
      `*Follow-up SLA* · ${t0.admin.home.states.default}\n${t0.admin.home.describe.sla}`,
    );
    const refused = await t.sendLead({ source: 'website', email: 'early@acme.io', form: 'demo_request' });
    expect(refused.status).toBe(409);
    expect(refused.json).toMatchObject({ error: 'not_set_up' });
  });

  it('sets the channels with conversation pickers, joins the public one and names the private one to /invite', async () => {
    const modal = await openModal('channels');
    expect(modal.callback_id).toBe('setup_channels');
    const res = await submit(modal.id, {
      ch_leads_smb: { value: conversation('C0SMBLEAD') },
      ch_leads_enterprise: { value: conversation('C0ENTLEAD') },
      ch_escalations: { value: conversation('C0ESCAL01') },
    });
    expect(res.json).toBeUndefined();
    const home = await openHome();
    expect(home).toContain(`*Channels* · ${t0.admin.home.states.done}\n${t0.admin.home.describe.channels}`);
    expect(t.slack.botInChannel('C0SMBLEAD')).toBe(true);
    expect(t.slack.callsTo('conversations.join').map((c) => c.args.channel)).toContain('C0SMBLEAD');
    expect(home.join('\n')).toContain(t0.channels.problem.private('C0ESCAL01'));
  });

  it("refuses a roster with no seller under the field, with the schema's message, then adds one", async () => {
    const modal = await openModal('people');
    const bad = await submit(modal.id, {
      people_users: { value: users(SELLER) },
      people_roles: { value: options('multi_static_select', 'marketer') },
    });
    expect(bad.json).toEqual({
      response_action: 'errors',
      errors: {
        people_users:
          'roster: no member has a seller role (sdr or ae); every lead is routed to a seller, so give at least one member roles: [sdr] or [ae]',
      },
    });
    const res = await submit(modal.id, {
      people_users: { value: users(SELLER) },
      people_roles: { value: options('multi_static_select', 'sdr') },
      people_weight: { value: number('2') },
    });
    expect(res.json).toBeUndefined();
    const [member] = await t.database.rows(
      sql`select roles, segments, weight, time_zone, name, on_roster from members where user_id = ${SELLER}`,
    );
    // Time zone and name from the seller's Slack profile; no segments given = every segment.
    expect(member).toEqual({
      roles: ['sdr'],
      segments: ['smb', 'enterprise'],
      weight: 2,
      time_zone: 'Asia/Seoul',
      name: 'Nari Kim',
      on_roster: true,
    });
  });

  it("starts the calendar from the admin's Slack profile and switches the language", async () => {
    const modal = await openModal('calendar');
    const view = JSON.stringify(modal.blocks);
    // Time zone and language default from the admin's profile (tz, and locale ko-KR → ko).
    expect(view).toContain(`"initial_option":{"text":{"type":"plain_text","text":"${tz}`);
    const localeBlock = (
      modal.blocks as Array<{ block_id: string; element: { initial_option?: { value: string } } }>
    ).find((b) => b.block_id === 'cal_locale');
    expect(localeBlock?.element.initial_option?.value).toBe(locale);
    // The search answers with zones and their offsets.
    const search = await t.driver.blockSuggestion({
      userId: ADMIN,
      actionId: 'setup_time_zone',
      value: 'seoul',
      view: modal.id,
    });
    expect((search.json as { options: unknown[] }).options).toEqual([
      { text: { type: 'plain_text', text: 'Asia/Seoul (UTC+09:00)' }, value: 'Asia/Seoul' },
    ]);

    const values = {
      cal_tz: { setup_time_zone: { type: 'external_select', selected_option: { value: 'Asia/Seoul' } } },
      cal_locale: { value: { selected_option: { value: locale } } },
      cal_days: { value: options('checkboxes', 'mon', 'tue', 'wed', 'thu', 'fri') },
      cal_start: { value: { selected_time: '18:00' } },
      cal_end: { value: { selected_time: '09:00' } },
    };
    const bad = await submit(modal.id, values);
    expect(bad.json).toEqual({
      response_action: 'errors',
      errors: { cal_end: expect.stringContaining('"18:00"') },
    });
    const res = await submit(modal.id, {
      ...values,
      cal_start: { value: { selected_time: '09:00' } },
      cal_end: { value: { selected_time: '18:00' } },
    });
    expect(res.json).toBeUndefined();
    const home = await openHome();
    // Set up: Home now speaks the chosen language and the checklist became "Settings".
    expect(home[0]).toBe(t1.admin.home.settingsTitle);
    expect(home).toContain(
      `*${t1.admin.home.items.calendar}* · ${t1.admin.home.states.done}\n${t1.admin.home.describe.calendar}`,
    );
  });

  it('shows each escalation step, and puts a ladder error under its step', async () => {
    const modal = await openModal('sla');
    const blocks = modal.blocks as Array<{ block_id: string; element?: { initial_value?: string } }>;
    const minutes = blocks
      .filter((b) => /^sla_step_\d_min$/.test(b.block_id))
      .map((b) => b.element?.initial_value);
    // The default ladder for 60 minutes: 25/50/75/100/150 %.
    expect(minutes).toEqual(['15', '30', '45', '60', '90']);
    const on = Object.fromEntries(
      [0, 1, 2, 3, 4].map((i) => [`sla_step_${i}_on`, { value: options('checkboxes', 'on') }]),
    );
    const values = {
      sla_minutes: { value: number('60') },
      sla_clock: { value: { selected_option: { value: 'business' } } },
      ...on,
      sla_step_0_min: { value: number('15') },
      sla_step_1_min: { value: number('30') },
      sla_step_2_min: { value: number('45') },
      sla_step_3_min: { value: number('50') },
      sla_step_4_min: { value: number('90') },
    };
    const bad = await submit(modal.id, values);
    expect(bad.json).toEqual({
      response_action: 'errors',
      errors: { sla_step_3_min: 'the breach step must be at sla.first_touch_minutes (60), got 50' },
    });
    const res = await submit(modal.id, {
      ...values,
      sla_step_3_min: { value: number('60') },
      sla_step_4_min: { value: number('120') },
    });
    expect(res.json).toBeUndefined();
    const history = await t.baton.context.services.config.history(t.slack.teamId, 1);
    // The section was not written before: saving it writes the promise and, as a step changed, the ladder.
    expect(history[0]?.changes.map((c) => c.path)).toEqual([
      'sla.first_touch_minutes',
      'sla.clock',
      'sla.escalations',
    ]);
    expect(history[0]?.actorId).toBe(ADMIN);
  });

  it('sets routing per segment, with a bad timeout under its field', async () => {
    const modal = await openModal('routing');
    const values = {
      rt_mode_smb: { value: { selected_option: { value: 'claim' } } },
      rt_hours_smb: { value: { selected_option: { value: 'hold' } } },
      rt_mode_enterprise: { value: { selected_option: { value: 'round_robin' } } },
      rt_timeout_enterprise: { value: number('2000') },
      rt_hours_enterprise: { value: { selected_option: { value: 'skip' } } },
    };
    const bad = await submit(modal.id, values);
    expect(bad.json).toEqual({
      response_action: 'errors',
      errors: { rt_timeout_enterprise: expect.stringContaining('1440') },
    });
    const res = await submit(modal.id, { ...values, rt_timeout_enterprise: { value: number('15') } });
    expect(res.json).toBeUndefined();
    expect(t.baton.context.configs.for(t.slack.teamId).routing.segments).toEqual({
      smb: { mode: 'claim', autoAssignAfterMinutes: 30, outsideHours: 'hold' },
      enterprise: { mode: 'round_robin', acceptTimeoutMinutes: 15, outsideHours: 'skip' },
    });
  });

  it('routes the first lead to a card in the chosen language, and the seller claims it', async () => {
    const res = await t.sendLead({
      source: 'website',
      name: 'Jane Doe',
      email: 'jane@acme.io',
      company: 'Acme',
      company_size: 40,
      form: 'demo_request',
    });
    expect(res.status).toBe(202);
    await t.flushOutbox();
    const card = t.slack.messages('C0SMBLEAD').at(-1)!;
    const cardText = JSON.stringify(card.blocks);
    expect(cardText).toContain(t1.card.segment);
    expect(cardText).toContain(t1.card.claim);
    const leadId = res.json.lead_id as number;
    await t.driver.blockActions({
      userId: SELLER,
      channelId: 'C0SMBLEAD',
      messageTs: card.ts,
      actions: [{ action_id: 'lead_claim', block_id: `lead_actions:${leadId}`, value: String(leadId) }],
    });
    await vi.waitFor(async () => {
      const [row] = await t.database.rows<{ owner_id: string | null }>(
        sql`select owner_id from leads where id = ${leadId}`,
      );
      expect(row?.owner_id).toBe(SELLER);
    });
    await t.flushOutbox();
    const updated = JSON.stringify(t.slack.messages('C0SMBLEAD').find((m) => m.ts === card.ts)?.blocks);
    expect(updated).toContain(t1.card.owner);
    expect(updated).toContain(`<@${SELLER}>`);
    expect(updated).not.toContain('lead_claim');
  });
});
