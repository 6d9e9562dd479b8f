/**
 * Posts Slack refuses because of their channel are parked, not dropped: admins are told once per
 * channel (DM and Home), and the posts go out in order when the bot is invited, or in the channel
 * the config names after a restart. The start-up check joins public channels it is not in.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { openTestDatabase } from '../harness/database.js';
import { FakeClock } from '../harness/fake-clock.js';
import { type FakeMessage, FakeSlack } from '../harness/fake-slack.js';
import { startTestApp, TEAM_ID, TEAM_USERS, type TestApp } from '../harness/test-app.js';

const ADMIN = 'U0MGR0001';
const PRIVATE_LEADS = 'C0PRIVLEADS';
const PUBLIC_ESC = 'C0PUBESCAL';
const ARCHIVED_LEADS = 'C0ARCHLEADS';
const NEW_LEADS = 'C0NEWLEADS';
const GONE_ESC = 'C0GONEESCAL';

const config = (smb: string, escalations = PUBLIC_ESC) => `
locale: en
channels:
  leads:
    smb: ${smb}
    enterprise: C0ENTLEADS
  escalations: ${escalations}
roster:
  - user: U0SDR0001
    roles: [sdr]
    manager: U0MGR0001
  - user: U0AE00001
    roles: [ae]
    segments: [enterprise]
  - user: U0MGR0001
    roles: [manager, admin]
`;

const clock = new FakeClock();
let slack: FakeSlack;

beforeAll(async () => {
  slack = await FakeSlack.start({ teamId: TEAM_ID, users: TEAM_USERS, now: () => clock.now() });
  slack.addChannel({ id: PRIVATE_LEADS, name: 'leads-private', isPrivate: true, botIsMember: false });
  slack.addChannel({ id: PUBLIC_ESC, name: 'escalations', botIsMember: false });
  slack.addChannel({ id: ARCHIVED_LEADS, name: 'leads-old', isArchived: true });
  slack.addChannel({ id: NEW_LEADS, name: 'leads-new' });
  slack.addChannel({ id: GONE_ESC, name: 'escalations-old', deleted: true });
});
afterAll(async () => {
  await slack?.stop();
});

const lead = (n: number) => ({
  source: 'website',
  name: `Dana ${n}`,
  email: `dana${n}@acme${n}.example`,
  company: `Acme ${n}`,
  company_size: 20,
  form: 'demo_request',
});

const adminDms = () =>
  slack.messages(ADMIN).filter((m) => m.text.startsWith('Baton cannot post to some configured channels'));
/** A lead's card is its top-level post (an edit replaces its metadata, so the purpose may read lead_card_update). */
const cardsIn = (channel: string) =>
  slack
    .messages(channel)
    .filter((m) => (!m.thread_ts || m.thread_ts === m.ts) && m.metadata?.event_payload.lead_id !== undefined);
const leadOf = (m: FakeMessage) => m.metadata?.event_payload.lead_id;

async function assign(t: TestApp, leadId: number) {
  const res = await t.baton.context.services.ownership.assign(
    TEAM_ID,
    { leadId, actorId: ADMIN, assigneeId: 'U0SDR0001', reason: null },
    clock.now(),
  );
  expect(res.ok).toBe(true);
}

async function statuses(database: Database, leadIds: number[]) {
  return database.rows<{ lead_id: number; purpose: string; status: string; channel: string }>(sql`
    select lead_id::int, purpose, status, channel from outbox
    where lead_id in (${sql.join(
      leadIds.map((id) => sql`${id}`),
      sql`, `,
    )}) and channel like 'C%' order by id`);
}

describe('a private leads channel the bot is not in', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('joins the public channel at start, parks the cards, tells admins once, and posts in order when invited', async () => {
    const t = await startTestApp({ slack, clock, database, configYaml: config(PRIVATE_LEADS) });
    try {
      // Start-up check: the public escalations channel is joined; the private one cannot be.
      expect(slack.callsTo('conversations.join').map((c) => c.args.channel)).toEqual([PUBLIC_ESC]);
      expect(slack.botInChannel(PUBLIC_ESC)).toBe(true);
      expect(slack.botInChannel(PRIVATE_LEADS)).toBe(false);
      await t.flushOutbox();
      expect(adminDms().map((m) => m.text)).toEqual([
        expect.stringContaining(
          `<#${PRIVATE_LEADS}>: a private channel Baton is not in. Type \`/invite @Baton\``,
        ),
      ]);

      const first = await t.sendLead(lead(1));
      expect(first.status).toBe(202);
      await t.flushOutbox();
      const second = await t.sendLead(lead(2));
      await t.flushOutbox();
      const ids = [first.json.lead_id as number, second.json.lead_id as number];
      // The manager assigns the first lead: a thread note and a card edit now wait for its card.
      await assign(t, ids[0]!);
      await t.flushOutbox();

      // Both cards and whatever waits for them are parked, none dead.
      const parked = await statuses(database, ids);
      expect(parked.filter((r) => r.purpose === 'lead_card').map((r) => r.status)).toEqual([
        'parked',
        'parked',
      ]);
      expect(parked.every((r) => r.status === 'parked')).toBe(true);
      expect(cardsIn(PRIVATE_LEADS)).toEqual([]);

      // One DM for the admin, naming the channel and the fix, however many posts were refused.
      const dms = adminDms();
      expect(dms).toHaveLength(1);
      expect(dms[0]!.text).toContain(`<#${PRIVATE_LEADS}>`);
      expect(dms[0]!.text).toContain('/invite @Baton');
      expect(dms[0]!.text).toContain('leads:smb');
      const metrics = await (await fetch(`${t.baseUrl}/metrics`)).text();
      expect(metrics).toMatch(/^baton_outbox_parked_total\{error="not_in_channel"\} 2$/m);
      expect(metrics).toMatch(/^baton_outbox_parked 4$/m);

      // The admin's Home says the same until it is fixed.
      await t.driver.event({ type: 'app_home_opened', user: ADMIN, tab: 'home' });
      const home = await slack.waitForCall('views.publish', { user_id: ADMIN });
      expect(JSON.stringify(home.args.view)).toContain(`<#${PRIVATE_LEADS}>`);

      // Someone types /invite @Baton: Slack sends member_joined_channel for the bot.
      slack.inviteBot(PRIVATE_LEADS);
      await t.driver.event({
        type: 'member_joined_channel',
        user: slack.botUserId,
        channel: PRIVATE_LEADS,
        channel_type: 'G',
        team: TEAM_ID,
      });
      await vi.waitFor(async () => {
        const rows = await statuses(database, ids);
        expect(rows.some((r) => r.status === 'parked')).toBe(false);
      });
      await t.flushOutbox();

      const cards = cardsIn(PRIVATE_LEADS);
      expect(cards.map(leadOf)).toEqual(ids);
      const sent = await statuses(database, ids);
      expect(sent.map((r) => r.purpose)).toEqual([
        'lead_card',
        'lead_card',
        'lead_card_update',
        'lead_thread',
      ]);
      expect(sent.map((r) => r.status)).toEqual(sent.map(() => 'sent'));
      // Thread posts follow their card, in its thread.
      for (const card of cards) {
        const threadRows = sent.filter((r) => r.lead_id === leadOf(card) && r.purpose === 'lead_thread');
        expect(slack.thread(PRIVATE_LEADS, card.ts)).toHaveLength(1 + threadRows.length);
      }
      expect(adminDms()).toHaveLength(1);

      // Fixed: the notice leaves the admin's Home.
      await t.driver.event({ type: 'app_home_opened', user: ADMIN, tab: 'home' });
      const after = await slack.waitForCall('views.publish', { user_id: ADMIN });
      expect(JSON.stringify(after.args.view)).not.toContain(`<#${PRIVATE_LEADS}>`);
    } finally {
      await t.stop();
    }
  });
});

describe('an archived leads channel and a missing escalations channel', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('parks the card, tells admins once about it and a missing channel, and posts it where a restart points the segment', async () => {
    slack.reset();
    const before = adminDms().length;
    const first = await startTestApp({
      slack,
      clock,
      database,
      configYaml: config(ARCHIVED_LEADS, GONE_ESC),
    });
    let id: number;
    try {
      const res = await first.sendLead(lead(3));
      id = res.json.lead_id as number;
      await first.flushOutbox();
      await assign(first, id);
      await first.flushOutbox();
      expect((await statuses(database, [id])).map((r) => r.status)).toContain('parked');
      const dms = adminDms().slice(before);
      expect(dms).toHaveLength(1);
      expect(dms[0]!.text).toContain(`<#${ARCHIVED_LEADS}>: the channel is archived`);
      expect(dms[0]!.text).toContain(`\`${GONE_ESC}\`: no such channel`);
    } finally {
      await first.stop();
    }

    // A restart with nothing changed tells nobody again.
    const same = await startTestApp({ slack, clock, database, configYaml: config(ARCHIVED_LEADS, GONE_ESC) });
    await same.flushOutbox();
    await same.stop();
    expect(adminDms().slice(before)).toHaveLength(1);

    const second = await startTestApp({ slack, clock, database, configYaml: config(NEW_LEADS) });
    try {
      await second.flushOutbox();
      // Both problems are gone with the channels the config no longer names.
      expect(await second.baton.context.services.channelProblems.list(TEAM_ID)).toEqual([]);
      expect(adminDms().slice(before)).toHaveLength(1);
      expect(cardsIn(NEW_LEADS).map(leadOf)).toEqual([id]);
      expect(cardsIn(ARCHIVED_LEADS)).toEqual([]);
      const rows = await statuses(database, [id]);
      expect(rows.map((r) => [r.status, r.channel])).toEqual(rows.map(() => ['sent', NEW_LEADS]));
      const [card] = cardsIn(NEW_LEADS);
      // Its thread note followed it to the new channel, into its thread.
      const notes = rows.filter((r) => r.purpose === 'lead_thread');
      expect(notes).toHaveLength(1);
      expect(slack.thread(NEW_LEADS, card!.ts)).toHaveLength(2);
    } finally {
      await second.stop();
    }
  });
});

describe('a parked card and a new version of the config, no restart', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('posts the card where the new version points the segment, as soon as it is applied', async () => {
    slack.reset({ state: true });
    const t = await startTestApp({ slack, clock, database, configYaml: config(ARCHIVED_LEADS) });
    try {
      const res = await t.sendLead(lead(4));
      const id = res.json.lead_id as number;
      await t.flushOutbox();
      expect((await statuses(database, [id])).map((r) => r.status)).toEqual(['parked']);

      // As the file watch or a Slack edit would: a new version, picked up by the running app.
      await t.setConfig(config(NEW_LEADS));
      await t.flushOutbox();
      expect(cardsIn(NEW_LEADS).map(leadOf)).toEqual([id]);
      expect((await statuses(database, [id])).map((r) => [r.status, r.channel])).toEqual([
        ['sent', NEW_LEADS],
      ]);
      expect(await t.baton.context.services.channelProblems.list(TEAM_ID)).toEqual([]);
    } finally {
      await t.stop();
    }
  });
});
