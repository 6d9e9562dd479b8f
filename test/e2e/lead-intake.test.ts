import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leadEventsOf } from '../../src/db/queries/leads.js';
import { startTestApp, TEAM_ID, type TestApp } from '../harness/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.stop();
});

const leadCount = async () =>
  (await t.database.rows<{ n: number }>(sql`select count(*)::int as n from leads`))[0]!.n;
const blockText = (m: { blocks?: unknown }) => JSON.stringify(m.blocks);
/** Channel messages without thread replies: the cards. */
const cards = (channel: string) =>
  t.slack.messages(channel).filter((m) => !m.thread_ts || m.thread_ts === m.ts);

const demoRequest = {
  external_id: 'wf-1001',
  source: 'website',
  email: 'Jane.Doe@Acme.io',
  name: 'Jane Doe',
  company: 'Acme',
  title: 'Head of Ops',
  company_size: 40,
  form: 'demo_request',
  message: 'We need routing for 12 reps',
  website: 'acme.io',
  utm_source: 'google',
  favourite_colour: 'teal',
};

describe('POST /api/leads', () => {
  it('stores a signed lead, answers 202 after commit, and posts its card to the segment channel', async () => {
    const res = await t.sendLead(demoRequest);
    expect(res.status).toBe(202);
    expect(res.json).toEqual({ lead_id: expect.any(Number), duplicate: false });
    const [lead] = await t.database.rows<Record<string, unknown>>(
      sql`select segment, stage, score, routed, email, email_domain, utm, extra from leads where id = ${res.json.lead_id as number}`,
    );
    expect(lead).toEqual({
      segment: 'smb',
      stage: 'SQL',
      score: 80,
      routed: true,
      email: 'jane.doe@acme.io',
      email_domain: 'acme.io',
      utm: { utm_source: 'google' },
      extra: { favourite_colour: 'teal' },
    });

    expect(await t.flushOutbox()).toBe(1);
    const [card] = t.slack.messages('C0LEADS');
    expect(card).toBeDefined();
    expect(card!.text).toBe('New lead: Jane Doe (Acme)');
    const text = blockText(card!);
    for (const part of [
      '*Jane Doe*',
      '*Head of Ops* at *Acme*',
      'jane.doe@acme.io',
      '_Unclaimed_',
      'Demo request', // the built-in form's label, not its key
      '>We need routing for 12 reps',
    ]) {
      expect(text).toContain(part);
    }
    // Arrived Monday 2026-11-23 01:00 UTC, before the default calendar's 09:00 UTC start: the
    // 60-minute business clock starts at 09:00 and is due at 10:00 UTC (1795428000).
    const fields = (card!.blocks as Array<{ fields?: Array<{ text: string }> }>)[0]!.fields!;
    expect(fields.map((f) => f.text)).toContain(
      '*First touch due*\n<!date^1795428000^{date_short_pretty} {time}|2026-11-23 10:00 UTC>',
    );
    expect(card!.metadata).toMatchObject({ event_type: 'baton_outbox' });
    const [stored] = await t.database.rows<{ card_channel: string; card_ts: string }>(
      sql`select card_channel, card_ts from leads where id = ${res.json.lead_id as number}`,
    );
    expect(stored).toEqual({ card_channel: 'C0LEADS', card_ts: card!.ts });
  });

  it('sends a company of 200 or more to the enterprise channel', async () => {
    const res = await t.sendLead({
      ...demoRequest,
      external_id: 'wf-1002',
      email: 'cto@bigco.com',
      company: 'BigCo',
      company_size: '1,000+',
    });
    expect(res.status).toBe(202);
    await t.flushOutbox();
    expect(t.slack.messages('C0ENTLEADS').map((m) => m.text)).toEqual(['New lead: Jane Doe (BigCo)']);
  });

  it('escapes user text: a lead named <!channel> pings nobody', async () => {
    const res = await t.sendLead({
      ...demoRequest,
      external_id: 'wf-1003',
      email: 'x@evil.test',
      name: '<!channel> free money',
      company: '<https://evil.test|Your Bank>',
      message: '<@U0SDR0001> & <!here>',
    });
    expect(res.status).toBe(202);
    await t.flushOutbox();
    const card = t.slack.messages('C0LEADS').at(-1)!;
    const text = blockText(card) + card.text;
    expect(text).not.toMatch(/<!channel>|<!here>|<@U0SDR0001>|<https:/);
    expect(text).toContain('&lt;!channel&gt; free money');
  });

  it('stores a lead below the routing threshold without a card', async () => {
    const before = t.slack.messages('C0LEADS').length;
    const res = await t.sendLead({ source: 'website', email: 'reader@blog.test', name: 'Reader' });
    expect(res.status).toBe(202);
    await t.flushOutbox();
    const [lead] = await t.database.rows<{ stage: string; routed: boolean }>(
      sql`select stage, routed from leads where id = ${res.json.lead_id as number}`,
    );
    expect(lead).toEqual({ stage: 'Lead', routed: false });
    expect(t.slack.messages('C0LEADS')).toHaveLength(before);
  });

  it('accepts a Bearer token from tools that cannot sign', async () => {
    const res = await t.sendLead(
      { ...demoRequest, external_id: 'wf-1004', email: 'bearer@acme.io' },
      { auth: 'bearer' },
    );
    expect(res.status).toBe(202);
  });

  it('recognises a resubmission: same lead, an event, a note in the thread, no second card', async () => {
    const first = await t.sendLead({ ...demoRequest, external_id: 'wf-2001', email: 'twice@acme.io' });
    await t.flushOutbox();
    const cardCount = cards('C0LEADS').length;
    const again = await t.sendLead({ ...demoRequest, external_id: 'wf-2001', email: 'twice@acme.io' });
    expect(again).toEqual({ status: 202, json: { lead_id: first.json.lead_id, duplicate: true } });
    // Same email within 30 days from another form counts too.
    const byEmail = await t.sendLead({
      ...demoRequest,
      external_id: 'other-9',
      source: 'webinar',
      email: 'TWICE@acme.io',
      form: 'contact',
    });
    expect(byEmail.json).toEqual({ lead_id: first.json.lead_id, duplicate: true });
    await t.flushOutbox();
    expect(cards('C0LEADS')).toHaveLength(cardCount);
    const [lead] = await t.database.rows<{ card_ts: string }>(
      sql`select card_ts from leads where id = ${first.json.lead_id as number}`,
    );
    const card = cards('C0LEADS').find((m) => m.ts === lead!.card_ts)!;
    const notes = t.slack
      .thread('C0LEADS', card.ts as string)
      .slice(1)
      .map((m) => m.text);
    expect(notes).toEqual([
      ':repeat: Submitted again via *website* (Demo request); no new card was made.',
      ':repeat: Submitted again via *webinar* (Contact us); no new card was made.',
    ]);
    const events = await leadEventsOf(t.database.db, TEAM_ID, first.json.lead_id as number);
    expect(events.map((e) => e.type)).toEqual(['created', 'resubmitted', 'resubmitted']);
  });
});

describe('POST /api/leads refuses bad requests and stores nothing', () => {
  it.each([
    ['a forged signature', { signature: 'sha256=00ff' }, 401, 'X-Baton-Signature does not match the body'],
    [
      'the wrong secret',
      { secret: 'another-secret-0123456789' },
      401,
      'X-Baton-Signature does not match the body',
    ],
    [
      'a timestamp 6 minutes old',
      { timestamp: -360 },
      401,
      'X-Baton-Timestamp is more than 5 minutes from the current time',
    ],
    ['no credentials', { auth: 'none' as const }, 401, 'sign the request'],
    [
      'a wrong Bearer token',
      { auth: 'bearer' as const, secret: 'nope-nope-nope-nope' },
      401,
      'the Bearer token is not valid',
    ],
  ])('%s → %s', async (_label, options, status, message) => {
    const before = await leadCount();
    const o = { ...options } as Record<string, unknown>;
    if (typeof o.timestamp === 'number')
      o.timestamp = Math.floor(t.clock.now().getTime() / 1000) + (o.timestamp as number);
    const res = await t.sendLead({ ...demoRequest, external_id: 'bad-1', email: 'bad@x.io' }, o);
    expect(res.status).toBe(status);
    expect(res.json).toMatchObject({ error: 'unauthorized' });
    expect(String(res.json.message)).toContain(message);
    expect(await leadCount()).toBe(before);
  });

  it('answers 413 to a body over 64 KB', async () => {
    const before = await leadCount();
    const res = await t.sendLead({ ...demoRequest, external_id: 'big', message: 'x'.repeat(70_000) });
    expect(res.status).toBe(413);
    expect(res.json).toEqual({ error: 'payload_too_large', message: 'A lead body may be at most 64 KB.' });
    expect(await leadCount()).toBe(before);
  });

  it('answers 400 to malformed JSON', async () => {
    const res = await t.sendLead(undefined, { raw: '{"email": ' });
    expect(res.status).toBe(400);
    expect(res.json.error).toBe('invalid_json');
  });

  it('answers 400 listing each bad field', async () => {
    const before = await leadCount();
    const res = await t.sendLead({ source: 'website', email: 'not-an-email', company_size: 'lots' });
    expect(res.status).toBe(400);
    expect(res.json.error).toBe('invalid_lead');
    const fields = (res.json.fields as Array<{ field: string }>).map((f) => f.field).sort();
    expect(fields).toEqual(['company_size', 'email']);
    expect(await leadCount()).toBe(before);
  });

  it('answers 503 when the lead cannot be stored, so the sender retries', async () => {
    await t.database.db.execute(sql`alter table leads rename to leads_gone`);
    try {
      const res = await t.sendLead({ ...demoRequest, external_id: 'down-1', email: 'down@acme.io' });
      expect(res).toEqual({
        status: 503,
        json: { error: 'unavailable', message: 'The lead was not stored. Retry later.' },
      });
    } finally {
      await t.database.db.execute(sql`alter table leads_gone rename to leads`);
    }
    const [row] = await t.database.rows<{ n: number }>(
      sql`select count(*)::int as n from leads where external_id = 'down-1'`,
    );
    expect(row!.n).toBe(0);
  });
});

describe('reliable card delivery', () => {
  it('posts exactly one card when Slack first answers 429', async () => {
    t.slack.failNext('chat.postMessage', { status: 429, retryAfter: 3 });
    const before = t.slack.messages('C0LEADS').length;
    await t.sendLead({ ...demoRequest, external_id: 'rl-1', email: 'ratelimit@acme.io', name: 'Rita Limit' });
    expect(await t.baton.outbox.deliverDue()).toBe(0);
    expect(t.slack.messages('C0LEADS')).toHaveLength(before);
    await t.flushOutbox();
    const posted = t.slack.messages('C0LEADS').filter((m) => m.text === 'New lead: Rita Limit (Acme)');
    expect(posted).toHaveLength(1);
    expect(t.slack.callsTo('chat.postMessage').filter((c) => c.status === 429)).toHaveLength(1);
  });

  it('makes no second card when Slack accepted the post but Baton never heard back', async () => {
    t.slack.failNext('chat.postMessage', { lostResponse: true });
    const res = await t.sendLead({
      ...demoRequest,
      external_id: 'lost-1',
      email: 'lost@acme.io',
      name: 'Lou Stanswer',
    });
    await t.flushOutbox();
    const posted = cards('C0LEADS').filter((m) => m.text === 'New lead: Lou Stanswer (Acme)');
    expect(posted).toHaveLength(1);
    // The retry found the first post by its metadata instead of posting again.
    expect(t.slack.callsTo('conversations.history').length).toBeGreaterThan(0);
    const [lead] = await t.database.rows<{ card_ts: string }>(
      sql`select card_ts from leads where id = ${res.json.lead_id as number}`,
    );
    expect(lead!.card_ts).toBe(posted[0]!.ts);
  });
});
