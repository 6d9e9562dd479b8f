import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { activitiesOf } from '../../src/db/queries/activities.js';
import { signWebhook } from '../../src/http/webhook-auth.js';
import { WEBHOOK_SECRET } from '../harness/lead-webhook.js';
import { startTestApp, TEAM_ID, type TestApp } from '../harness/test-app.js';
import {
  card,
  clickCard,
  ephemeralText,
  events,
  HANDOFF_YAML,
  leadRow,
  newCard,
  openedView,
  threadReplies,
} from './support/lead-cards.js';

// Default calendar: UTC, Monday to Friday 09:00–18:00; 60-minute business-hours SLA.

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ configYaml: HANDOFF_YAML });
  t.slack.addUser({ id: 'U0SDR0002', name: 'yuna', tz: 'Asia/Seoul' });
});
afterAll(async () => {
  await t?.stop();
});

type SlaRow = {
  created_at: Date;
  sla_due_at: Date | null;
  sla_state: string | null;
  first_touch_at: Date | null;
  first_touch_channel: string | null;
  first_touch_business_minutes: number | null;
};

async function sla(leadId: number): Promise<SlaRow> {
  const [row] = await t.database.rows<SlaRow>(
    sql`select created_at, sla_due_at, sla_state, first_touch_at, first_touch_channel,
               first_touch_business_minutes from leads where id = ${leadId}`,
  );
  return {
    ...row!,
    created_at: new Date(row!.created_at),
    sla_due_at: row!.sla_due_at && new Date(row!.sla_due_at),
    first_touch_at: row!.first_touch_at && new Date(row!.first_touch_at),
  };
}

/** A lead arriving at `at` (its card delivered), claimed by `owner` unless null. */
async function leadAt(at: string, email: string, owner: string | null = 'U0SDR0001') {
  t.clock.set(at);
  const made = await newCard(t, email);
  if (owner) {
    await clickCard(t, owner, 'lead_claim', made.leadId, made.cardTs);
    // The claim is handled after Bolt acks: wait for it to land, then deliver the card update.
    await vi.waitFor(async () => expect((await leadRow(t, made.leadId)).owner_id).toBe(owner));
    await t.flushOutbox();
  }
  return made;
}

/** Log first touch on the card, then the modal, as `userId`. */
async function touchViaModal(
  userId: string,
  leadId: number,
  cardTs: string,
  kind: string,
  note: string | null,
) {
  const click = await clickCard(t, userId, 'lead_touch', leadId, cardTs);
  const view = await openedView(t, click.triggerId);
  expect(view.callback_id).toBe('lead_touch_modal');
  return t.driver.viewSubmission({
    userId,
    viewId: view.id,
    values: { kind: { kind: { selected_option: { value: kind } } }, note: { text: note } },
  });
}

async function postActivity(
  leadId: number | string,
  body: unknown,
  { sign = true, secret = WEBHOOK_SECRET }: { sign?: boolean; secret?: string } = {},
) {
  const raw = JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (sign) {
    const ts = Math.floor(t.clock.now().getTime() / 1000);
    headers['x-baton-timestamp'] = String(ts);
    headers['x-baton-signature'] = signWebhook(secret, ts, raw);
  }
  const res = await fetch(`${t.baseUrl}/api/leads/${leadId}/activities`, {
    method: 'POST',
    headers,
    body: raw,
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('SLA clock', () => {
  it('starts at intake: due 60 working minutes after arrival, running, shown on the card', async () => {
    const { leadId, cardTs } = await leadAt('2026-11-23T10:00:00Z', 'clock@acme.io', null);
    const row = await sla(leadId);
    expect(row.created_at.toISOString()).toBe('2026-11-23T10:00:00.000Z');
    expect(row.sla_due_at?.toISOString()).toBe('2026-11-23T11:00:00.000Z');
    expect(row.sla_state).toBe('running');
    expect(row.first_touch_at).toBeNull();
    const blocks = card(t, cardTs);
    expect(blocks).toContain(`*First touch due*\\n<!date^${Date.parse('2026-11-23T11:00:00Z') / 1000}^`);
    expect(blocks).toContain('"action_id":"lead_touch"');
  });

  it('starts at the next working morning for a lead arriving on Friday evening', async () => {
    const { leadId } = await leadAt('2026-11-27T20:00:00Z', 'friday-night@acme.io', null);
    expect((await sla(leadId)).sla_due_at?.toISOString()).toBe('2026-11-30T10:00:00.000Z');
  });
});

describe('Log first touch on the card', () => {
  it('the owner logs a call at minute 23: met in 23 working minutes, event, thread line, card', async () => {
    const { leadId, cardTs } = await leadAt('2026-12-01T10:00:00Z', 'owner-touch@acme.io');
    t.clock.set('2026-12-01T10:23:00Z');
    const res = await touchViaModal('U0SDR0001', leadId, cardTs, 'call', 'Talked <!channel> pricing');
    expect(res.status).toBe(200);
    expect(res.json).toBeUndefined();

    const row = await sla(leadId);
    expect(row.sla_state).toBe('met');
    expect(row.first_touch_at?.toISOString()).toBe('2026-12-01T10:23:00.000Z');
    expect(row.first_touch_channel).toBe('call');
    expect(row.first_touch_business_minutes).toBe(23);
    const [activity, ...more] = await activitiesOf(t.database.db, TEAM_ID, leadId);
    expect(more).toEqual([]);
    expect(activity).toMatchObject({
      kind: 'call',
      note: 'Talked <!channel> pricing',
      actorId: 'U0SDR0001',
      via: 'slack',
    });
    const touch = (await events(leadId, t)).find((e) => e.type === 'first_touch');
    expect(touch).toEqual({
      type: 'first_touch',
      actor: 'U0SDR0001',
      data: {
        kind: 'call',
        via: 'slack',
        actor: 'U0SDR0001',
        minutes: 23,
        met: true,
        activity_id: activity!.id,
      },
    });

    await t.flushOutbox();
    expect(threadReplies(t, cardTs).slice(-1)).toEqual([
      ':white_check_mark: First touch by <@U0SDR0001> — call, 23 working minutes after arrival (within the 60-minute SLA)\n>Note: Talked &lt;!channel&gt; pricing',
    ]);
    const blocks = card(t, cardTs);
    expect(blocks).toContain('*First touch*\\n:white_check_mark: met (23 working min)');
    expect(blocks).not.toContain('First touch due');
    expect(blocks).not.toContain('"action_id":"lead_touch"');
  });

  it('refuses another seller and a stranger: no modal, a private reason, and a forged submission logs nothing', async () => {
    const { leadId, cardTs } = await leadAt('2026-12-02T10:00:00Z', 'not-owner@acme.io');
    const click = await clickCard(t, 'U0SDR0002', 'lead_touch', leadId, cardTs);
    expect(await ephemeralText(t, click.responseUrl)).toBe(
      'Only the owner (<@U0SDR0001>) or a manager can log a touch on this lead.',
    );
    expect(t.slack.callsTo('views.open').filter((c) => c.args.trigger_id === click.triggerId)).toEqual([]);
    const stranger = await clickCard(t, 'U0STRANGER', 'lead_touch', leadId, cardTs);
    expect(await ephemeralText(t, stranger.responseUrl)).toContain(
      'Ask <@U0MGR0001> to add your Slack user ID `U0STRANGER`',
    );
    const forged = await t.driver.viewSubmission({
      userId: 'U0SDR0002',
      callbackId: 'lead_touch_modal',
      privateMetadata: JSON.stringify({ lead: leadId }),
      values: { kind: { kind: { selected_option: { value: 'call' } } }, note: { text: null } },
    });
    expect(forged.json).toEqual({
      response_action: 'errors',
      errors: { kind: 'Only the owner (U0SDR0001) or a manager can log a touch on this lead.' },
    });
    expect(await activitiesOf(t.database.db, TEAM_ID, leadId)).toEqual([]);
    expect((await sla(leadId)).sla_state).toBe('running');
  });

  it('lets a manager log the touch, even on an unclaimed lead', async () => {
    const { leadId, cardTs } = await leadAt('2026-12-03T10:00:00Z', 'manager-touch@acme.io', null);
    t.clock.set('2026-12-03T10:05:00Z');
    const res = await touchViaModal('U0MGR0001', leadId, cardTs, 'meeting', null);
    expect(res.json).toBeUndefined();
    const row = await sla(leadId);
    expect([row.sla_state, row.first_touch_channel, row.first_touch_business_minutes]).toEqual([
      'met',
      'meeting',
      5,
    ]);
    await t.flushOutbox();
    expect(threadReplies(t, cardTs).slice(-1)).toEqual([
      ':white_check_mark: First touch by <@U0MGR0001> — meeting booked, 5 working minutes after arrival (within the 60-minute SLA)',
    ]);
  });
});

describe('/lead touch', () => {
  it('logs a first touch (call by default), then later activities with a shorter line', async () => {
    const { leadId, cardTs } = await leadAt('2026-12-04T10:00:00Z', 'command-touch@acme.io');
    t.clock.set('2026-12-04T10:12:00Z');
    const first = await t.driver.command('/lead', `touch ${leadId}`, { userId: 'U0SDR0001' });
    expect((await t.slack.waitForResponse(first.responseUrl)).body.text).toBe(
      'Logged the first touch on *Dana Deal* (Acme): call, 12 working minutes after arrival — within the SLA.',
    );
    t.clock.set('2026-12-04T10:30:00Z');
    const later = await t.driver.command('/lead', 'touch command-touch@acme.io email Sent the deck', {
      userId: 'U0SDR0001',
    });
    expect((await t.slack.waitForResponse(later.responseUrl)).body.text).toBe(
      'Logged on *Dana Deal* (Acme): email.',
    );
    const row = await sla(leadId);
    expect([row.sla_state, row.first_touch_channel, row.first_touch_business_minutes]).toEqual([
      'met',
      'call',
      12,
    ]);
    const activities = await activitiesOf(t.database.db, TEAM_ID, leadId);
    expect(activities.map((a) => [a.kind, a.note])).toEqual([
      ['call', null],
      ['email', 'Sent the deck'],
    ]);
    await t.flushOutbox();
    expect(threadReplies(t, cardTs).slice(-2)).toEqual([
      ':white_check_mark: First touch by <@U0SDR0001> — call, 12 working minutes after arrival (within the 60-minute SLA)',
      ':memo: <@U0SDR0001> logged an activity: email.\n>Note: Sent the deck',
    ]);
  });

  it('refuses a seller who does not own the lead, and says when no lead matches', async () => {
    const { leadId } = await leadAt('2026-12-07T10:00:00Z', 'command-refused@acme.io');
    const res = await t.driver.command('/lead', `touch ${leadId} call`, { userId: 'U0SDR0002' });
    expect((await t.slack.waitForResponse(res.responseUrl)).body.text).toBe(
      'Only the owner (<@U0SDR0001>) or a manager can log a touch on this lead.',
    );
    const none = await t.driver.command('/lead', 'touch 999999', { userId: 'U0SDR0001' });
    expect((await t.slack.waitForResponse(none.responseUrl)).body.text).toBe(
      'No lead has the number or email `999999`.',
    );
    expect(await activitiesOf(t.database.db, TEAM_ID, leadId)).toEqual([]);
  });
});

describe('POST /api/leads/{id}/activities', () => {
  it('a signed report is the first touch: 201, the clock stops and the card updates', async () => {
    const { leadId, cardTs } = await leadAt('2026-12-08T10:00:00Z', 'api-touch@acme.io');
    t.clock.set('2026-12-08T10:50:00Z');
    const res = await postActivity(leadId, {
      type: 'email',
      note: 'Sequence step 1',
      occurred_at: '2026-12-08T10:41:00Z',
      actor: 'U0SDR0001',
    });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({
      activity_id: expect.any(Number),
      first_touch: {
        at: '2026-12-08T10:41:00.000Z',
        type: 'email',
        minutes: 41,
        sla_state: 'met',
        met: true,
      },
    });
    const row = await sla(leadId);
    expect([row.sla_state, row.first_touch_at?.toISOString(), row.first_touch_business_minutes]).toEqual([
      'met',
      '2026-12-08T10:41:00.000Z',
      41,
    ]);
    await t.flushOutbox();
    expect(card(t, cardTs)).toContain('met (41 working min)');
    expect(threadReplies(t, cardTs).slice(-1)).toEqual([
      ':white_check_mark: First touch by <@U0SDR0001> — email, 41 working minutes after arrival (within the 60-minute SLA)\n>Note: Sequence step 1',
    ]);

    const again = await postActivity(leadId, { type: 'call' });
    expect(again).toEqual({ status: 201, json: { activity_id: expect.any(Number), first_touch: null } });
    expect((await sla(leadId)).first_touch_channel).toBe('email');
  });

  it('answers 401 without a valid signature, 404 for an unknown lead, 400 with the bad fields', async () => {
    const { leadId } = await leadAt('2026-12-09T10:00:00Z', 'api-errors@acme.io');
    expect((await postActivity(leadId, { type: 'call' }, { sign: false })).status).toBe(401);
    const forged = await postActivity(leadId, { type: 'call' }, { secret: 'not-the-secret-0123456789' });
    expect(forged.status).toBe(401);
    expect(forged.json.error).toBe('unauthorized');
    expect((await postActivity(999_999, { type: 'call' })).status).toBe(404);
    expect((await postActivity('abc', { type: 'call' })).status).toBe(404);

    const bad = await postActivity(leadId, {
      type: 'fax',
      note: 'x'.repeat(1001),
      occurred_at: '2030-01-01T00:00:00Z',
      actor: 'not a user',
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toBe('invalid_activity');
    expect((bad.json.fields as Array<{ field: string }>).map((f) => f.field)).toEqual([
      'type',
      'note',
      'occurred_at',
      'actor',
    ]);
    const early = await postActivity(leadId, { type: 'call', occurred_at: '2026-12-09T09:00:00Z' });
    expect(early.status).toBe(400);
    expect(early.json.fields).toEqual([{ field: 'occurred_at', message: 'is before the lead arrived' }]);
    expect(await activitiesOf(t.database.db, TEAM_ID, leadId)).toEqual([]);
    expect((await sla(leadId)).sla_state).toBe('running');
  });
});

describe('late touches and working time', () => {
  it('a touch after the due time breaches the SLA with the right minutes', async () => {
    const { leadId, cardTs } = await leadAt('2026-12-10T10:00:00Z', 'late@acme.io');
    t.clock.set('2026-12-10T11:15:00Z');
    const res = await postActivity(leadId, { type: 'call', actor: 'U0SDR0001' });
    expect(res.status).toBe(201);
    expect(res.json.first_touch).toMatchObject({ minutes: 75, sla_state: 'breached', met: false });
    const row = await sla(leadId);
    expect([row.sla_state, row.first_touch_business_minutes]).toEqual(['breached', 75]);
    expect((await events(leadId, t)).find((e) => e.type === 'first_touch')?.data).toMatchObject({
      minutes: 75,
      met: false,
      via: 'api',
    });
    await t.flushOutbox();
    expect(threadReplies(t, cardTs).slice(-1)).toEqual([
      ':warning: First touch by <@U0SDR0001> — call, 75 working minutes after arrival (the 60-minute SLA was missed)',
    ]);
    expect(card(t, cardTs)).toContain('*First touch*\\n:red_circle: SLA breached');
  });

  it('counts working minutes across a weekend: Friday 17:30 to Monday 09:40 is 30 + 40 = 70 minutes', async () => {
    const { leadId } = await leadAt('2026-12-11T17:30:00Z', 'weekend@acme.io');
    const row = await sla(leadId);
    // 30 minutes left on Friday (17:30–18:00), the other 30 on Monday morning.
    expect(row.sla_due_at?.toISOString()).toBe('2026-12-14T09:30:00.000Z');
    t.clock.set('2026-12-14T09:40:00Z');
    const res = await postActivity(leadId, { type: 'call' });
    expect(res.json.first_touch).toMatchObject({ minutes: 70, sla_state: 'breached', met: false });
    expect((await sla(leadId)).first_touch_business_minutes).toBe(70);
  });

  it('a lead arriving after hours on Friday counts from Monday 09:00: touched at 09:40 is 40 minutes, met', async () => {
    const { leadId } = await leadAt('2026-12-18T18:30:00Z', 'weekend-late@acme.io');
    expect((await sla(leadId)).sla_due_at?.toISOString()).toBe('2026-12-21T10:00:00.000Z');
    t.clock.set('2026-12-21T09:40:00Z');
    const res = await postActivity(leadId, { type: 'email' });
    expect(res.json.first_touch).toMatchObject({ minutes: 40, sla_state: 'met', met: true });
    expect((await sla(leadId)).first_touch_business_minutes).toBe(40);
  });

  it('never turns a clock already marked breached into met', async () => {
    const { leadId } = await leadAt('2026-12-22T10:00:00Z', 'already-breached@acme.io');
    await t.database.db.execute(sql`update leads set sla_state = 'breached' where id = ${leadId}`);
    t.clock.set('2026-12-22T10:20:00Z');
    const res = await postActivity(leadId, { type: 'call' });
    expect(res.json.first_touch).toMatchObject({ minutes: 20, sla_state: 'breached', met: false });
  });
});
