import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseLeadInput } from '../../src/domain/lead-input.js';
import { signWebhook } from '../../src/http/webhook-auth.js';
import { WEBHOOK_SECRET } from '../harness/lead-webhook.js';
import { startTestApp, TEAM_ID, type TestApp } from '../harness/test-app.js';
import { card, clickCard, dms, events, newCard, openedView, threadReplies } from './support/lead-cards.js';
import { eventsOf } from './support/routing.js';
import { CLAIM_ROUTING_YAML, SEOUL_CALENDAR_YAML } from './support/team-yaml.js';

const [S1, S2, MKT, MKT2, MGR] = ['U0SDR0001', 'U0SDR0002', 'U0MKT0001', 'U0MKT0002', 'U0MGR0001'];

/**
 * The team calendar is Seoul's, so "today" and the revisit morning are Seoul's, not UTC's. One
 * marketer serves smb, the other enterprise.
 */
const CONFIG = `locale: en
${SEOUL_CALENDAR_YAML}${CLAIM_ROUTING_YAML}roster:
  - { user: ${S1}, roles: [sdr], segments: [smb] }
  - { user: ${S2}, roles: [sdr], segments: [smb] }
  - { user: U0AE00001, roles: [ae], segments: [enterprise] }
  - { user: ${MKT}, roles: [marketer], segments: [smb] }
  - { user: ${MKT2}, roles: [marketer], segments: [enterprise] }
  - { user: ${MGR}, roles: [manager, admin] }
retro: { enabled: false } # its Monday thread and Tuesday nudges would add to the counts here
`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ configYaml: CONFIG });
  t.slack.addUser({ id: S2, name: 'yuna', tz: 'Asia/Seoul' });
  t.slack.addUser({ id: MKT2, name: 'dami', tz: 'Asia/Seoul' });
});
afterAll(async () => {
  await t?.stop();
});

/** A small-business lead from the website: `contact` arrives as an MQL, `demo_request` as an SQL. */
async function newLead(email: string, form: 'contact' | 'demo_request' = 'demo_request', at?: string) {
  if (at) t.clock.set(at);
  return newCard(t, email, 'Dana Deal', form);
}

type LeadStage = {
  stage: string;
  furthest_stage: string | null;
  amount: number | null;
  currency: string | null;
  competitor: string | null;
  stage_reason: string | null;
  revisit_on: string | null;
  stage_entered_at: string;
  owner_id: string | null;
  sla_state: string | null;
};

async function lead(leadId: number): Promise<LeadStage> {
  const [row] = await t.database.rows<LeadStage>(
    sql`select stage, furthest_stage, amount::float8 as amount, currency, competitor, stage_reason,
               revisit_on::text as revisit_on, to_char(stage_entered_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"') as stage_entered_at,
               owner_id, sla_state
        from leads where id = ${leadId}`,
  );
  return row!;
}

async function changes(leadId: number) {
  return t.database.rows<Record<string, unknown>>(
    sql`select from_stage, to_stage,
               to_char(entered_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"') as entered_at,
               to_char(left_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"') as left_at,
               actor_id, via, reason, competitor, note, amount::float8 as amount, currency, segment, source, owner_id
        from stage_changes where lead_id = ${leadId} order by id`,
  );
}

async function stageEvents(leadId: number) {
  return (await events(leadId, t)).filter((e) => e.type === 'stage_changed');
}

/** Picks `stage` in the card's Move stage select. */
function pick(userId: string, leadId: number, ts: string, stage: string) {
  return t.driver.blockActions({
    userId,
    channelId: 'C0LEADS',
    messageTs: ts,
    actions: [
      {
        action_id: 'lead_stage',
        block_id: `lead_actions:${leadId}`,
        selected_option: { value: `${leadId}:${stage}` },
      },
    ],
  });
}

/** The Move stage select on the card: option values per group. */
function cardSelect(ts: string) {
  const blocks = t.slack.messages('C0LEADS').find((m) => m.ts === ts)?.blocks as Array<{
    type: string;
    elements?: Array<{ action_id: string; option_groups?: Array<{ options: Array<{ value: string }> }> }>;
  }>;
  const select = blocks
    .find((b) => b.type === 'actions')
    ?.elements?.find((e) => e.action_id === 'lead_stage');
  return select?.option_groups?.map((g) => g.options.map((o) => o.value.split(':')[1]));
}

const blockIds = (view: { blocks: unknown[] }) =>
  (view.blocks as Array<{ block_id?: string; type: string }>)
    .filter((b) => b.type === 'input')
    .map((b) => b.block_id);

async function postStage(
  leadId: number | string,
  body: unknown,
  { secret = WEBHOOK_SECRET }: { secret?: string } = {},
) {
  const raw = JSON.stringify(body);
  const ts = Math.floor(t.clock.now().getTime() / 1000);
  const res = await fetch(`${t.baseUrl}/api/leads/${leadId}/stage`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-baton-timestamp': String(ts),
      'x-baton-signature': signWebhook(secret, ts, raw),
    },
    body: raw,
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function reply(command: { responseUrl: string }) {
  return String((await t.slack.waitForResponse(command.responseUrl)).body.text);
}

describe('Move stage on the card', () => {
  it('moves at once when the stage needs nothing more: lead, fact rows, event, card and thread', async () => {
    const { leadId, cardTs: ts } = await newLead('select@acme.io', 'contact', '2026-11-23T01:00:00Z');
    expect(cardSelect(ts)).toEqual([
      ['Lead', 'SAL', 'SQL', 'Opportunity', 'Negotiation', 'Closing', 'Retention'],
      ['Lost', 'Disqualified', 'Recycle'],
    ]);

    t.clock.set('2026-11-23T01:20:00Z');
    await pick(S1, leadId, ts, 'SQL');
    await vi.waitFor(async () => expect((await lead(leadId)).stage).toBe('SQL'));
    expect(await lead(leadId)).toMatchObject({
      furthest_stage: 'SQL',
      stage_entered_at: '2026-11-23T01:20Z',
      amount: null,
      stage_reason: null,
    });
    expect(await changes(leadId)).toEqual([
      {
        from_stage: null,
        to_stage: 'MQL',
        entered_at: '2026-11-23T01:00Z',
        left_at: '2026-11-23T01:20Z',
        actor_id: null,
        via: 'intake',
        reason: null,
        competitor: null,
        note: null,
        amount: null,
        currency: null,
        segment: 'smb',
        source: 'website',
        owner_id: null,
      },
      {
        from_stage: 'MQL',
        to_stage: 'SQL',
        entered_at: '2026-11-23T01:20Z',
        left_at: null,
        actor_id: S1,
        via: 'slack',
        reason: null,
        competitor: null,
        note: null,
        amount: null,
        currency: null,
        segment: 'smb',
        source: 'website',
        owner_id: null,
      },
    ]);
    expect(await stageEvents(leadId)).toEqual([
      { type: 'stage_changed', actor: S1, data: { from: 'MQL', to: 'SQL', via: 'slack' } },
    ]);

    await t.flushOutbox();
    expect(card(t, ts)).toContain('*Stage*\\nSQL');
    expect(cardSelect(ts)?.[0]).toEqual([
      'Lead',
      'MQL',
      'SAL',
      'Opportunity',
      'Negotiation',
      'Closing',
      'Retention',
    ]);
    expect(threadReplies(t, ts)).toEqual([`:arrow_right: <@${S1}> moved MQL → SQL`]);
  });

  it('refuses someone not on the roster privately and moves nothing', async () => {
    const { leadId, cardTs: ts } = await newLead(
      'stranger-select@acme.io',
      'contact',
      '2026-11-23T02:00:00Z',
    );
    const click = await pick('U0STRANGER', leadId, ts, 'SQL');
    const answer = await t.slack.waitForResponse(click.responseUrl!);
    expect(answer.body.response_type).toBe('ephemeral');
    expect(String(answer.body.text)).toContain(`Ask <@${MGR}> to add your Slack user ID \`U0STRANGER\``);
    expect((await lead(leadId)).stage).toBe('MQL');
    expect(await changes(leadId)).toHaveLength(1);
  });

  it('asks for the reason and competitor of a Lost deal in a modal, checks them, then stores them', async () => {
    const { leadId, cardTs: ts } = await newLead('lost@acme.io', 'demo_request', '2026-11-23T03:00:00Z');
    t.clock.set('2026-11-23T03:10:00Z');
    const click = await pick(S2, leadId, ts, 'Lost');
    const view = await openedView(t, click.triggerId);
    expect(view.callback_id).toBe('lead_stage_modal');
    expect(JSON.parse(view.private_metadata)).toEqual({ lead: leadId, to: 'Lost' });
    expect(blockIds(view)).toEqual(['stage_reason', 'stage_competitor', 'stage_note']);
    expect(JSON.stringify(view.blocks)).toContain('Move *Dana Deal* (Acme) from *SQL* to *Lost*.');

    const reason = { value: { selected_option: { value: 'lost_to_competitor' } } };
    const missing = await t.driver.viewSubmission({
      userId: S2,
      viewId: view.id,
      values: { stage_reason: reason, stage_competitor: { value: null }, stage_note: { value: null } },
    });
    expect(missing.json).toEqual({
      response_action: 'errors',
      errors: { stage_competitor: 'Name the competitor the deal was lost to.' },
    });
    expect((await lead(leadId)).stage).toBe('SQL');
    expect(await changes(leadId)).toHaveLength(1);

    const done = await t.driver.viewSubmission({
      userId: S2,
      viewId: view.id,
      values: {
        stage_reason: reason,
        stage_competitor: { value: 'Acme <CRM>' },
        stage_note: { value: 'Went with the <!channel> cheaper plan' },
      },
    });
    expect(done.json).toBeUndefined();
    expect(await lead(leadId)).toMatchObject({
      stage: 'Lost',
      stage_reason: 'lost_to_competitor',
      competitor: 'Acme <CRM>',
      furthest_stage: 'SQL',
    });
    expect((await changes(leadId)).at(-1)).toMatchObject({
      from_stage: 'SQL',
      to_stage: 'Lost',
      actor_id: S2,
      via: 'slack',
      reason: 'lost_to_competitor',
      competitor: 'Acme <CRM>',
      note: 'Went with the <!channel> cheaper plan',
    });
    await t.flushOutbox();
    expect(threadReplies(t, ts)).toEqual([
      `:arrow_right: <@${S2}> moved SQL → Lost: lost to competitor (Acme &lt;CRM&gt;)\n>Note: Went with the &lt;!channel&gt; cheaper plan`,
    ]);
    // A lost lead has no first touch left to wait for.
    expect(card(t, ts)).toContain('*Stage*\\nLost');
    expect(card(t, ts)).not.toContain('First touch due');
  });

  it('asks for the amount from the deal stage on, then later moves need nothing more', async () => {
    const { leadId, cardTs: ts } = await newLead('deal@acme.io', 'demo_request', '2026-11-23T04:00:00Z');
    const click = await pick(S1, leadId, ts, 'Opportunity');
    const view = await openedView(t, click.triggerId);
    expect(blockIds(view)).toEqual(['stage_amount', 'stage_currency', 'stage_note']);
    const currency = (view.blocks as Array<{ block_id?: string; element?: { initial_value?: string } }>).find(
      (b) => b.block_id === 'stage_currency',
    );
    expect(currency?.element?.initial_value).toBe('USD');

    const submit = (amount: string | null, cur: string) =>
      t.driver.viewSubmission({
        userId: S1,
        viewId: view.id,
        values: {
          stage_amount: { value: amount },
          stage_currency: { value: cur },
          stage_note: { value: null },
        },
      });
    expect((await submit('lots', 'USD')).json).toEqual({
      response_action: 'errors',
      errors: { stage_amount: 'Enter the amount as a number, like 12000 or 12,000.50.' },
    });
    expect((await submit(null, 'USD')).json).toEqual({
      response_action: 'errors',
      errors: { stage_amount: 'Opportunity needs the deal’s amount.' },
    });
    expect((await submit('12000', 'U$D')).json).toEqual({
      response_action: 'errors',
      errors: { stage_currency: '“U$D” is not a currency code; use three letters like USD or KRW.' },
    });
    expect(await changes(leadId)).toHaveLength(1);

    t.clock.set('2026-11-23T04:05:00Z');
    expect((await submit('12,000', 'krw')).json).toBeUndefined();
    expect(await lead(leadId)).toMatchObject({ stage: 'Opportunity', amount: 12000, currency: 'KRW' });

    t.clock.set('2026-11-23T04:30:00Z');
    const next = await pick(S1, leadId, ts, 'Negotiation');
    await vi.waitFor(async () => expect((await lead(leadId)).stage).toBe('Negotiation'));
    expect(t.slack.callsTo('views.open').filter((c) => c.args.trigger_id === next.triggerId)).toEqual([]);
    expect(await lead(leadId)).toMatchObject({
      amount: 12000,
      currency: 'KRW',
      furthest_stage: 'Negotiation',
    });
    expect((await changes(leadId)).map((c) => [c.to_stage, c.amount, c.currency])).toEqual([
      ['SQL', null, null],
      ['Opportunity', 12000, 'KRW'],
      ['Negotiation', 12000, 'KRW'],
    ]);
    await t.flushOutbox();
    expect(threadReplies(t, ts)).toEqual([
      `:arrow_right: <@${S1}> moved SQL → Opportunity · 12,000 KRW`,
      `:arrow_right: <@${S1}> moved Opportunity → Negotiation`,
    ]);
  });
});

describe('/lead <lead> stage', () => {
  it('moves a lead by number or email and answers privately', async () => {
    const { leadId, cardTs: ts } = await newLead('command@acme.io', 'contact', '2026-11-24T01:00:00Z');
    const res = await t.driver.command('/lead', `${leadId} stage sql`, { userId: S1 });
    expect(await reply(res)).toBe(':white_check_mark: Moved *Dana Deal* (Acme) from *MQL* to *SQL*.');
    expect((await lead(leadId)).stage).toBe('SQL');

    const deal = await t.driver.command('/lead', 'command@acme.io stage Opportunity 9,500 eur', {
      userId: S1,
    });
    expect(await reply(deal)).toBe(
      ':white_check_mark: Moved *Dana Deal* (Acme) from *SQL* to *Opportunity*.',
    );
    expect(await lead(leadId)).toMatchObject({ stage: 'Opportunity', amount: 9500, currency: 'EUR' });
    await t.flushOutbox();
    expect(threadReplies(t, ts)).toEqual([
      `:arrow_right: <@${S1}> moved MQL → SQL`,
      `:arrow_right: <@${S1}> moved SQL → Opportunity · 9,500 EUR`,
    ]);
  });

  it('says what is wrong: unknown stage (with the list), no stage, no lead, same stage, unknown reason', async () => {
    const { leadId } = await newLead('command-wrong@acme.io', 'demo_request', '2026-11-24T02:00:00Z');
    const stages =
      'Lead, MQL, SAL, SQL, Opportunity, Negotiation, Closing, Retention, Lost, Disqualified, Recycle';
    const ask = async (text: string, userId = S1) => reply(await t.driver.command('/lead', text, { userId }));
    expect(await ask(`${leadId} stage Won`)).toBe(`There is no stage “Won”. Stages: ${stages}.`);
    expect(await ask(`${leadId} stage`)).toBe(
      `Which stage? Stages: ${stages}. For example \`/lead 42 stage Opportunity 12000 USD\`.`,
    );
    expect(await ask('999999 stage SQL')).toBe('No lead has the number or email `999999`.');
    expect(await ask('Acme stage SQL')).toBe('Which lead? Give its number or email: `/lead 42 stage SQL`.');
    expect(await ask(`${leadId} stage SQL`)).toBe('The lead is already at SQL.');
    expect(await ask(`${leadId} stage Lost budget`)).toBe(
      '“budget” is not one of the reasons. Pick one of: lost_to_competitor, no_budget, no_decision, timing, product_fit, other.',
    );
    expect(await ask(`${leadId} stage Recycle revisit 2027-02-30`)).toBe(
      '“2027-02-30” is not a date; use YYYY-MM-DD, like 2027-01-15.',
    );
    expect(await ask(`${leadId} stage SAL`, 'U0STRANGER')).toContain('`U0STRANGER`');
    expect(await changes(leadId)).toHaveLength(1);
  });

  it('lists stage moves in /lead help', async () => {
    const res = await t.driver.command('/lead', 'help', { userId: S1 });
    const help = JSON.stringify(res.json);
    expect(help).toContain(
      '/lead &lt;id | email&gt; stage &lt;stage&gt; [amount [currency]] [reason] [revisit YYYY-MM-DD]',
    );
    expect(help).toContain('Move a lead to another stage');
  });

  it('opens the modal with what was typed when the move needs more, and confirms in it', async () => {
    const { leadId, cardTs: ts } = await newLead(
      'command-modal@acme.io',
      'demo_request',
      '2026-11-24T03:00:00Z',
    );
    const bare = await t.driver.command('/lead', `${leadId} stage Lost`, { userId: S2 });
    const first = await openedView(t, bare.triggerId);
    expect(JSON.parse(first.private_metadata)).toEqual({ lead: leadId, to: 'Lost', from: 'command' });
    expect(JSON.stringify(first.blocks)).not.toContain('initial_option');

    const typed = await t.driver.command('/lead', `${leadId} stage lost lost to competitor`, { userId: S2 });
    const view = await openedView(t, typed.triggerId);
    const reasonBlock = (view.blocks as Array<{ block_id?: string; element?: Record<string, unknown> }>).find(
      (b) => b.block_id === 'stage_reason',
    );
    expect(reasonBlock?.element?.initial_option).toEqual({
      text: { type: 'plain_text', text: 'Lost to competitor' },
      value: 'lost_to_competitor',
    });
    expect((await lead(leadId)).stage).toBe('SQL');

    const done = await t.driver.viewSubmission({
      userId: S2,
      viewId: view.id,
      values: {
        stage_reason: { value: { selected_option: { value: 'lost_to_competitor' } } },
        stage_competitor: { value: 'Globex' },
        stage_note: { value: null },
      },
    });
    expect(done.json).toMatchObject({
      response_action: 'update',
      view: { type: 'modal', title: { type: 'plain_text', text: 'Move stage' } },
    });
    expect(JSON.stringify(done.json)).toContain(
      ':white_check_mark: Moved *Dana Deal* (Acme) from *SQL* to *Lost*.',
    );
    expect(await lead(leadId)).toMatchObject({ stage: 'Lost', competitor: 'Globex' });
    await t.flushOutbox();
    expect(threadReplies(t, ts)).toEqual([
      `:arrow_right: <@${S2}> moved SQL → Lost: lost to competitor (Globex)`,
    ]);
  });

  it('asks for a revisit day for Recycle and refuses today (Seoul’s today)', async () => {
    // 16:00 UTC on Tuesday is already Wednesday 01:00 in Seoul.
    const { leadId } = await newLead('command-recycle@acme.io', 'demo_request', '2026-11-24T16:00:00Z');
    const res = await t.driver.command('/lead', `${leadId} stage Recycle`, { userId: S1 });
    const view = await openedView(t, res.triggerId);
    expect(blockIds(view)).toEqual(['stage_revisit', 'stage_note']);
    expect(JSON.stringify(view.blocks)).toContain(
      'That morning the lead reopens as MQL and its marketer is told.',
    );
    const submit = (day: string) =>
      t.driver.viewSubmission({
        userId: S1,
        viewId: view.id,
        values: { stage_revisit: { value: { selected_date: day } }, stage_note: { value: null } },
      });
    expect((await submit('2026-11-25')).json).toEqual({
      response_action: 'errors',
      errors: { stage_revisit: 'Pick a day after today (2026-11-25).' },
    });
    expect((await submit('2026-11-26')).json).toMatchObject({ response_action: 'update' });
    expect(await lead(leadId)).toMatchObject({ stage: 'Recycle', revisit_on: '2026-11-26' });
  });
});

describe('POST /api/leads/{id}/stage', () => {
  it('moves a lead (200), and asking for its current stage changes nothing', async () => {
    const { leadId, cardTs: ts } = await newLead('api@acme.io', 'contact', '2026-11-25T01:00:00Z');
    t.clock.set('2026-11-25T01:30:00Z');
    const moved = await postStage(leadId, { stage: 'sql', note: 'Asked for a demo', actor: S1 });
    expect(moved).toEqual({ status: 200, json: { lead_id: leadId, from: 'MQL', to: 'SQL', moved: true } });
    expect((await changes(leadId)).at(-1)).toMatchObject({
      via: 'api',
      actor_id: S1,
      note: 'Asked for a demo',
    });

    const eventsBefore = (await events(leadId, t)).length;
    const again = await postStage(leadId, { stage: 'SQL' });
    expect(again).toEqual({ status: 200, json: { lead_id: leadId, from: 'SQL', to: 'SQL', moved: false } });
    expect(await changes(leadId)).toHaveLength(2);
    expect((await events(leadId, t)).length).toBe(eventsBefore);
    expect((await lead(leadId)).stage_entered_at).toBe('2026-11-25T01:30Z');

    const anonymous = await postStage(leadId, { stage: 'Opportunity', amount: 48000.5, currency: 'usd' });
    expect(anonymous.json).toEqual({ lead_id: leadId, from: 'SQL', to: 'Opportunity', moved: true });
    await t.flushOutbox();
    expect(threadReplies(t, ts)).toEqual([
      `:arrow_right: <@${S1}> moved MQL → SQL\n>Note: Asked for a demo`,
      ':arrow_right: The CRM (API) moved SQL → Opportunity · 48,000.5 USD',
    ]);
  });

  it('names each problem with a 400 and stores nothing', async () => {
    const { leadId } = await newLead('api-wrong@acme.io', 'demo_request', '2026-11-25T02:00:00Z');
    const cases: Array<[Record<string, unknown>, Record<string, unknown>]> = [
      [
        { stage: 'Won' },
        {
          error: 'unknown_stage',
          stage: 'Won',
          stages: [
            'Lead',
            'MQL',
            'SAL',
            'SQL',
            'Opportunity',
            'Negotiation',
            'Closing',
            'Retention',
            'Lost',
            'Disqualified',
            'Recycle',
          ],
        },
      ],
      [
        { stage: 'Disqualified' },
        {
          error: 'reason_required',
          stage: 'Disqualified',
          reasons: [
            'not_a_fit',
            'unreachable',
            'spam_or_fake',
            'student_or_job_seeker',
            'competitor',
            'existing_customer',
            'duplicate',
            'other',
          ],
        },
      ],
      [
        { stage: 'Lost', reason: 'too_pricey' },
        { error: 'unknown_reason', reason: 'too_pricey' },
      ],
      [{ stage: 'Lost', reason: 'lost_to_competitor' }, { error: 'competitor_required' }],
      [{ stage: 'Negotiation' }, { error: 'amount_required', stage: 'Negotiation' }],
      [{ stage: 'Opportunity', amount: -5 }, { error: 'bad_amount' }],
      [
        { stage: 'Opportunity', amount: 5, currency: 'dollars' },
        { error: 'bad_currency', currency: 'DOLLARS' },
      ],
      [{ stage: 'Recycle' }, { error: 'revisit_required' }],
      [
        { stage: 'Recycle', revisit_on: '2027-13-01' },
        { error: 'bad_date', value: '2027-13-01' },
      ],
      [
        { stage: 'Recycle', revisit_on: '2026-11-25' },
        { error: 'revisit_not_future', revisit_on: '2026-11-25', today: '2026-11-25' },
      ],
      [
        { stage: 'SAL', amount: 'lots', actor: 'bob' },
        {
          error: 'invalid_body',
          fields: [
            { field: 'amount', message: 'must be a number such as 12000 or 12000.50' },
            { field: 'actor', message: 'must be a Slack user id such as U0123ABCD' },
          ],
        },
      ],
    ];
    for (const [body, expected] of cases) {
      const res = await postStage(leadId, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json).toMatchObject(expected);
      expect(typeof res.json.message).toBe('string');
    }
    expect((await postStage(999999, { stage: 'SQL' })).status).toBe(404);
    expect((await postStage('abc', { stage: 'SQL' })).json).toEqual({
      error: 'lead_not_found',
      message: 'No lead abc.',
    });
    const forged = await postStage(leadId, { stage: 'SAL' }, { secret: 'not-the-secret-0123456789' });
    expect(forged.status).toBe(401);
    expect(forged.json.error).toBe('unauthorized');
    expect(await changes(leadId)).toHaveLength(1);
    expect((await lead(leadId)).stage).toBe('SQL');
  });
});

describe('Recycle', () => {
  it('parks a lead until its revisit morning (Seoul), then reopens it and tells its segment’s marketer', async () => {
    // 16:00 UTC on Wednesday 25 is Thursday 26 in Seoul: the 26th is not a future day there.
    const { leadId, cardTs: ts } = await newLead('recycle@acme.io', 'demo_request', '2026-11-25T16:00:00Z');
    expect((await postStage(leadId, { stage: 'Recycle', revisit_on: '2026-11-26' })).json).toMatchObject({
      error: 'revisit_not_future',
      today: '2026-11-26',
    });
    const parked = await postStage(leadId, {
      stage: 'Recycle',
      revisit_on: '2027-01-15',
      note: 'Budget frozen until next year',
      actor: S1,
    });
    expect(parked.json).toEqual({ lead_id: leadId, from: 'SQL', to: 'Recycle', moved: true });
    expect(await lead(leadId)).toMatchObject({ stage: 'Recycle', revisit_on: '2027-01-15' });
    const jobs = await t.database.rows<{ dedupe_key: string; run_at: string }>(
      sql`select dedupe_key, to_char(run_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"') as run_at
          from jobs where kind = 'lead.recycle_reopen' and payload->>'leadId' = ${String(leadId)}`,
    );
    // 09:00 in Seoul (the calendar's working day start) is 00:00 UTC.
    expect(jobs).toEqual([
      { dedupe_key: `lead.recycle_reopen:${leadId}:2027-01-15`, run_at: '2027-01-15T00:00Z' },
    ]);
    await t.flushOutbox();
    expect(threadReplies(t, ts)).toEqual([
      `:arrow_right: <@${S1}> moved SQL → Recycle until 2027-01-15\n>Note: Budget frozen until next year`,
    ]);

    t.clock.set('2027-01-14T23:59:00Z');
    await t.baton.jobs.runDue();
    expect((await lead(leadId)).stage).toBe('Recycle');

    t.clock.set('2027-01-15T00:00:00Z');
    await t.baton.jobs.runDue();
    expect(await lead(leadId)).toMatchObject({
      stage: 'MQL',
      revisit_on: null,
      furthest_stage: 'SQL',
      stage_entered_at: '2027-01-15T00:00Z',
    });
    expect(
      (await changes(leadId)).map((c) => [c.from_stage, c.to_stage, c.via, c.actor_id, c.left_at]),
    ).toEqual([
      [null, 'SQL', 'intake', null, '2026-11-25T16:00Z'],
      ['SQL', 'Recycle', 'api', S1, '2027-01-15T00:00Z'],
      ['Recycle', 'MQL', 'system', null, null],
    ]);
    expect((await stageEvents(leadId)).at(-1)).toEqual({
      type: 'stage_changed',
      actor: null,
      data: { from: 'Recycle', to: 'MQL', via: 'system' },
    });

    await t.flushOutbox();
    expect(threadReplies(t, ts).at(-1)).toBe(':recycle: Revisit day 2027-01-15 has come: reopened as *MQL*.');
    const parkedAt = Date.parse('2026-11-25T16:00:00Z') / 1000;
    expect(dms(t, MKT).filter((d) => d.includes('*Dana Deal*') && d.includes('2027-01-15'))).toEqual([
      [
        ':recycle: *Dana Deal* (Acme) is back in the funnel as *MQL*: its revisit day 2027-01-15 has come.',
        `Parked in Recycle by <@${S1}> on <!date^${parkedAt}^{date_short_pretty}|2026-11-25 16:00 UTC>.`,
        '>Why: Budget frozen until next year',
        'It has no owner: anyone serving its segment can claim it on the card.',
        'Its card and thread, with the marketing context and history, are in <#C0LEADS>.',
      ].join('\n'),
    ]);
    expect(dms(t, MKT2).filter((d) => d.includes('2027-01-15'))).toEqual([]);

    // Run again (a second process, a retried job): nothing happens twice.
    const again = await t.baton.context.services.stageMoves.reopen(
      TEAM_ID,
      {
        leadId,
        revisitOn: '2027-01-15',
        parkedBy: S1,
        parkedAt: '2026-11-25T16:00:00Z',
        reason: null,
        note: null,
      },
      t.clock.now(),
    );
    expect(again).toEqual({ outcome: 'skipped' });
    expect(await changes(leadId)).toHaveLength(3);
  });

  it('tells the lead’s own marketer rather than the segment’s', async () => {
    t.clock.set('2027-01-18T01:00:00Z');
    const parsed = parseLeadInput({
      email: 'own-marketer@acme.io',
      name: 'Dana Deal',
      company: 'Acme',
      company_size: 20,
      form: 'demo_request',
      source: 'event',
    });
    if (!parsed.ok) throw new Error('bad fixture');
    const submitted = await t.baton.context.services.leadDesk.submit(
      TEAM_ID,
      MKT2,
      parsed.lead,
      t.clock.now(),
    );
    if (!submitted.ok) throw new Error('not submitted');
    const leadId = submitted.lead.id;
    await t.flushOutbox();
    expect((await postStage(leadId, { stage: 'Recycle', revisit_on: '2027-02-01' })).status).toBe(200);
    t.clock.set('2027-02-01T00:00:00Z');
    await t.baton.jobs.runDue();
    await t.flushOutbox();
    expect((await lead(leadId)).stage).toBe('MQL');
    const told = (id: string) => dms(t, id).filter((d) => d.includes('2027-02-01'));
    expect(told(MKT2)).toHaveLength(1);
    expect(told(MKT2)[0]).toContain('Parked in Recycle by The CRM (API) on');
    expect(told(MKT)).toEqual([]);
  });

  it('leaves a lead that moved on before its revisit day alone', async () => {
    const { leadId } = await newLead('recycle-moved-on@acme.io', 'demo_request', '2027-02-02T01:00:00Z');
    expect((await postStage(leadId, { stage: 'Recycle', revisit_on: '2027-03-01' })).status).toBe(200);
    expect((await postStage(leadId, { stage: 'SQL' })).status).toBe(200);
    const dmsBefore = dms(t, MKT).length;
    t.clock.set('2027-03-01T00:00:00Z');
    await t.baton.jobs.runDue();
    await t.flushOutbox();
    expect((await lead(leadId)).stage).toBe('SQL');
    expect(await changes(leadId)).toHaveLength(3);
    expect(dms(t, MKT).length).toBe(dmsBefore);
  });
});

describe('closed leads stop nagging', () => {
  it('a disqualified lead gets no further SLA escalation, auto-assignment or breach', async () => {
    const { leadId, cardTs: ts } = await newLead('no-nag@acme.io', 'demo_request', '2027-03-08T01:00:00Z');
    t.clock.set('2027-03-08T01:05:00Z');
    expect(
      (await postStage(leadId, { stage: 'Disqualified', reason: 'spam_or_fake', actor: S2 })).json.moved,
    ).toBe(true);
    await t.flushOutbox();
    const posted = t.slack.messages('C0LEADS').length;
    const dmCounts = () => [S1, S2, MGR].map((u) => t.slack.messages(u).length);
    const before = dmCounts();
    for (const at of ['01:15', '01:30', '01:45', '02:00', '02:30']) {
      t.clock.set(`2027-03-08T${at}:00Z`);
      await t.baton.jobs.runDue();
    }
    await t.flushOutbox();
    const sla = (await eventsOf(t, leadId)).filter((e) => e.type.startsWith('sla_step'));
    expect(sla.map((e) => [e.type, e.data.action, e.data.reason])).toEqual([
      ['sla_step_skipped', 'nudge', 'closed'],
      ['sla_step_skipped', 'warn_owner', 'closed'],
      ['sla_step_skipped', 'breach', 'closed'],
      ['sla_step_skipped', 'reassign', 'closed'],
    ]);
    expect(await lead(leadId)).toMatchObject({ stage: 'Disqualified', owner_id: null, sla_state: 'running' });
    expect(t.slack.messages('C0LEADS').length).toBe(posted);
    expect(dmCounts()).toEqual(before);
    expect(threadReplies(t, ts)).toEqual([`:arrow_right: <@${S2}> moved SQL → Disqualified: spam or fake`]);
  });

  it('cadence reminders stop at cadence.stop_at_stage and for lost leads', async () => {
    const claimed = async (email: string) => {
      const made = await newLead(email, 'demo_request', '2027-03-09T01:00:00Z');
      await clickCard(t, S1, 'lead_claim', made.leadId, made.cardTs);
      await vi.waitFor(async () => expect((await lead(made.leadId)).owner_id).toBe(S1));
      return made.leadId;
    };
    const deal = await claimed('cadence-deal@acme.io');
    const lost = await claimed('cadence-lost@acme.io');
    t.clock.set('2027-03-09T01:02:00Z');
    expect((await postStage(deal, { stage: 'Opportunity', amount: 1000 })).json.moved).toBe(true);
    expect((await postStage(lost, { stage: 'Lost', reason: 'timing' })).json.moved).toBe(true);
    const reminders = () => t.slack.messages(S1).filter((m) => String(m.text).includes('First call')).length;
    const before = reminders();
    t.clock.set('2027-03-09T01:10:00Z');
    await t.baton.jobs.runDue();
    await t.flushOutbox();
    const skipped = async (id: number) =>
      (await eventsOf(t, id))
        .filter((e) => e.type.startsWith('cadence_step'))
        .map((e) => [e.type, e.data.reason]);
    expect(await skipped(deal)).toEqual([['cadence_step_skipped', 'stage_reached']]);
    expect(await skipped(lost)).toEqual([['cadence_step_skipped', 'closed']]);
    expect(reminders()).toBe(before);
  });

  it("drops a lost lead's first-touch clock from the owner's /sla board", async () => {
    const made = await newLead('board-lost@acme.io', 'demo_request', '2027-03-10T01:00:00Z');
    await clickCard(t, S1, 'lead_claim', made.leadId, made.cardTs);
    await vi.waitFor(async () => expect((await lead(made.leadId)).owner_id).toBe(S1));
    const runningIds = async () => {
      const res = await t.driver.command('/sla', '', { userId: S1 });
      const answer = await t.slack.waitForResponse(res.responseUrl);
      const blocks = (answer.body as { blocks?: Array<{ block_id?: string }> }).blocks ?? [];
      // Each running clock is a section whose block id ends with its lead id (sla_touch:<id>).
      return blocks.flatMap((b) => (b.block_id?.startsWith('sla_touch:') ? [b.block_id.slice(10)] : []));
    };
    expect(await runningIds()).toContain(String(made.leadId));
    t.clock.set('2027-03-10T01:05:00Z');
    expect((await postStage(made.leadId, { stage: 'Lost', reason: 'timing' })).json.moved).toBe(true);
    expect(await runningIds()).not.toContain(String(made.leadId));
  });
});
