import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import {
  channelNextAt,
  claimDueWrites,
  enqueueSlackWrite,
  findWrite,
  type NewSlackWrite,
  type OutboxRow,
  unparkChannel,
} from '../../src/db/queries/outbox.js';
import { createLogger } from '../../src/observability/logger.js';
import { createBatonMetrics } from '../../src/observability/metrics.js';
import { createOutboxClient, OutboxSender, type OutboxSenderOptions } from '../../src/slack/outbox/sender.js';
import { openTestDatabase, seedWorkspace } from '../harness/database.js';
import { FakeClock } from '../harness/fake-clock.js';
import { FakeSlack } from '../harness/fake-slack.js';

let database: Database;
let slack: FakeSlack;
const clock = new FakeClock('2026-11-23T01:00:00Z');
const logger = createLogger('error', {}, () => {});
const T = 'T0BATON';
const LEADS = 'C0LEADS';
const OTHER = 'C0OTHER';

beforeAll(async () => {
  database = await openTestDatabase();
  await seedWorkspace(database, T, clock.now());
  // Message ts follow the fake clock, so `oldest` and pacing can be checked against it.
  slack = await FakeSlack.start({
    teamId: T,
    now: () => clock.now(),
    users: [{ id: 'U0ALICE', realName: 'Alice Adams' }],
  });
});
afterAll(async () => {
  await slack?.stop();
  await database?.close();
});
beforeEach(async () => {
  await database.db.execute(sql`delete from outbox`);
  await database.db.execute(sql`delete from channel_pacing`);
  slack.reset({ state: true });
  // Time only moves forward: the fake's ts never go backwards either.
  clock.advance(3_600_000);
});

function makeSender(options: Partial<OutboxSenderOptions> = {}) {
  const metrics = createBatonMetrics();
  const sent: Array<{ id: number; ts: string }> = [];
  const sender = new OutboxSender({
    database,
    clock,
    logger,
    metrics,
    client: createOutboxClient({ token: 'xoxb-test', apiUrl: slack.apiUrl, logger, metrics }),
    onSent: async (row: OutboxRow, ts: string) => void sent.push({ id: row.id, ts }),
    ...options,
  });
  return { sender, metrics, sent };
}

function enqueue(write: Partial<NewSlackWrite> & { channel: string }): Promise<number> {
  return enqueueSlackWrite(
    database.db,
    { teamId: T, method: 'chat.postMessage', args: { text: 'hello' }, ...write },
    clock.now(),
  );
}

/**
 * A Slack ts in whole milliseconds. The fake keeps ts unique across channels by adding 100 µs to
 * posts made in the same instant, so the millisecond is the clock time the post was made.
 */
function tsMs(ts: string): number {
  const [seconds, micros] = ts.split('.');
  return Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
}

/** Makes the row look like its process died after one try: pending, one attempt, lock run out. */
async function markTriedOnce(id: number): Promise<void> {
  await database.db.execute(
    sql`update outbox set attempts = 1, locked_until = ${new Date(clock.now().getTime() - 1000).toISOString()}::timestamptz where id = ${id}`,
  );
}

const outboxMeta = (id: number, extra: Record<string, unknown> = {}) => ({
  event_type: 'baton_outbox',
  event_payload: { outbox_id: String(id), ...extra },
});

describe('outbox delivery', () => {
  it('posts an enqueued message once, with its text, blocks and outbox metadata, and hands the ts to onSent', async () => {
    const { sender, metrics, sent } = makeSender();
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*Acme* — new lead' } }];
    const id = await enqueue({
      channel: LEADS,
      args: { text: 'New lead: Acme', blocks },
      leadId: 42,
      purpose: 'lead_card',
    });

    expect(await sender.deliverDue()).toBe(1);
    const messages = slack.messages(LEADS);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      text: 'New lead: Acme',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*Acme* — new lead' } }],
      metadata: outboxMeta(id, { purpose: 'lead_card', lead_id: 42 }),
    });
    const ts = messages[0]!.ts;
    expect(await findWrite(database.db, id)).toMatchObject({
      status: 'sent',
      resultTs: ts,
      attempts: 1,
      sentAt: clock.now(),
      lockedUntil: null,
      lastError: null,
    });
    expect(sent).toEqual([{ id, ts }]);
    // A first try has nothing to reconcile.
    expect(slack.callsTo('conversations.history')).toHaveLength(0);

    expect(await sender.deliverDue()).toBe(0);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
    await metrics.registry.render();
    expect(metrics.registry.value('baton_outbox_sent_total', { method: 'chat.postMessage' })).toBe(1);
    expect(metrics.registry.value('baton_outbox_pending')).toBe(0);
  });

  it('updates a message and posts an ephemeral; onSent gets message_ts for the ephemeral', async () => {
    const { sender, sent } = makeSender();
    const card = slack.addMessage(LEADS, { text: 'old card', user: slack.botUserId, bot_id: slack.botId });
    const updateId = await enqueue({
      channel: LEADS,
      method: 'chat.update',
      args: { ts: card.ts, text: 'claimed by Alice' },
      purpose: 'lead_card_update',
    });
    const ephemeralId = await enqueue({
      channel: OTHER,
      method: 'chat.postEphemeral',
      args: { user: 'U0ALICE', text: 'only you can see this' },
    });

    expect(await sender.deliverDue()).toBe(2);
    expect(slack.messages(LEADS)).toEqual([
      expect.objectContaining({
        ts: card.ts,
        text: 'claimed by Alice',
        metadata: outboxMeta(updateId, { purpose: 'lead_card_update' }),
      }),
    ]);
    const [ephemeral] = slack.ephemerals(OTHER);
    expect(ephemeral).toMatchObject({ user: 'U0ALICE', message: { text: 'only you can see this' } });
    expect(sent).toEqual(
      expect.arrayContaining([
        { id: updateId, ts: card.ts },
        { id: ephemeralId, ts: ephemeral!.message.ts },
      ]),
    );
    expect(await findWrite(database.db, ephemeralId)).toMatchObject({
      status: 'sent',
      resultTs: ephemeral!.message.ts,
    });
  });

  it('waits out a 429 for its Retry-After, holds the channel meanwhile, then posts exactly once', async () => {
    const { sender, metrics } = makeSender();
    const t0 = clock.now().getTime();
    slack.failNext('chat.postMessage', { status: 429, retryAfter: 2 });
    const id = await enqueue({ channel: LEADS, args: { text: 'card' } });

    expect(await sender.deliverDue()).toBe(1);
    const row = await findWrite(database.db, id);
    // A rate-limited call never reached Slack: it does not count as an attempt.
    expect(row).toMatchObject({ status: 'pending', attempts: 0, lockedUntil: null });
    expect(row!.lastError).toContain('rate_limited');
    expect(row!.nextAttemptAt.getTime()).toBe(t0 + 2000);
    expect((await channelNextAt(database.db, T, LEADS))?.getTime()).toBe(t0 + 2000);
    expect(slack.messages(LEADS)).toHaveLength(0);

    clock.advance(1999);
    expect(await sender.deliverDue()).toBe(0);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);

    clock.advance(1);
    expect(await sender.deliverDue()).toBe(1);
    const posts = slack.callsTo('chat.postMessage');
    expect(posts).toHaveLength(2);
    expect(posts[1]!.at.getTime() - posts[0]!.at.getTime()).toBeGreaterThanOrEqual(2000);
    expect(slack.messages(LEADS)).toHaveLength(1);
    expect(await findWrite(database.db, id)).toMatchObject({ status: 'sent', attempts: 1 });
    expect(metrics.registry.value('baton_outbox_retries_total', { reason: 'rate_limited' })).toBe(1);
  });

  it('does not post again when a crash came after Slack accepted the post: it records the ts it finds', async () => {
    const { sender, metrics, sent } = makeSender();
    const id = await enqueue({ channel: LEADS, args: { text: 'New lead: Acme' }, purpose: 'lead_card' });
    // The earlier try reached Slack; then the process died before recording it.
    const posted = slack.addMessage(LEADS, {
      text: 'New lead: Acme',
      user: slack.botUserId,
      bot_id: slack.botId,
      metadata: outboxMeta(id, { purpose: 'lead_card' }),
    });
    // Enough chatter after it that it is only on the second page of history.
    for (let i = 0; i < 250; i++) slack.addMessage(LEADS, { text: `chatter ${i}`, user: 'U0ALICE' });
    await markTriedOnce(id);

    expect(await sender.deliverDue()).toBe(1);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
    const history = slack.callsTo('conversations.history');
    expect(history).toHaveLength(2);
    expect(history[0]!.args).toMatchObject({ channel: LEADS, include_all_metadata: 'true' });
    // Looks back from a little before the write was enqueued.
    expect(Number(history[0]!.args.oldest)).toBeLessThan(clock.now().getTime() / 1000);
    expect(await findWrite(database.db, id)).toMatchObject({
      status: 'sent',
      resultTs: posted.ts,
      attempts: 2,
    });
    expect(sent).toEqual([{ id, ts: posted.ts }]);
    expect(slack.messages(LEADS).filter((m) => m.metadata?.event_type === 'baton_outbox')).toHaveLength(1);
    expect(metrics.registry.value('baton_outbox_reconciled_total')).toBe(1);
  });

  it('posts once when the interrupted try never reached Slack', async () => {
    const { sender } = makeSender();
    const id = await enqueue({ channel: LEADS, args: { text: 'New lead: Acme' } });
    slack.addMessage(LEADS, {
      text: 'an unrelated bot post',
      user: slack.botUserId,
      metadata: outboxMeta(id + 1000),
    });
    await markTriedOnce(id);

    expect(await sender.deliverDue()).toBe(1);
    expect(slack.callsTo('conversations.history')).toHaveLength(1);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(
      slack.messages(LEADS).filter((m) => m.metadata?.event_payload.outbox_id === String(id)),
    ).toHaveLength(1);
  });

  it('reconciles a thread reply through conversations.replies', async () => {
    const { sender } = makeSender();
    const parent = slack.addMessage(LEADS, { text: 'card', user: slack.botUserId, bot_id: slack.botId });
    const id = await enqueue({ channel: LEADS, args: { text: 'Alice claimed it', thread_ts: parent.ts } });
    const reply = slack.addMessage(LEADS, {
      text: 'Alice claimed it',
      thread_ts: parent.ts,
      user: slack.botUserId,
      bot_id: slack.botId,
      metadata: outboxMeta(id),
    });
    await markTriedOnce(id);

    expect(await sender.deliverDue()).toBe(1);
    expect(slack.callsTo('conversations.replies')[0]?.args).toMatchObject({ channel: LEADS, ts: parent.ts });
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
    expect(await findWrite(database.db, id)).toMatchObject({ status: 'sent', resultTs: reply.ts });
    expect(slack.thread(LEADS, parent.ts)).toHaveLength(2);
  });

  it('retries a 500 with growing backoff, then posts once', async () => {
    const { sender, metrics } = makeSender();
    slack.failNext('chat.postMessage', { status: 500 }, { times: 2 });
    const id = await enqueue({ channel: LEADS, args: { text: 'card' } });

    await sender.deliverDue();
    let row = await findWrite(database.db, id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'http_500', lockedUntil: null });
    expect(row!.nextAttemptAt.getTime() - clock.now().getTime()).toBe(10_000);

    clock.advance(9_999);
    expect(await sender.deliverDue()).toBe(0);
    clock.advance(1);
    expect(await sender.deliverDue()).toBe(1);
    row = await findWrite(database.db, id);
    expect(row).toMatchObject({ status: 'pending', attempts: 2, lastError: 'http_500' });
    expect(row!.nextAttemptAt.getTime() - clock.now().getTime()).toBe(20_000);

    clock.advance(20_000);
    expect(await sender.deliverDue()).toBe(1);
    expect(await findWrite(database.db, id)).toMatchObject({ status: 'sent', attempts: 3 });
    expect(slack.callsTo('chat.postMessage')).toHaveLength(3);
    expect(slack.messages(LEADS)).toHaveLength(1);
    // A 500 leaves it open whether Slack posted: each later try looks first.
    expect(slack.callsTo('conversations.history')).toHaveLength(2);
    expect(metrics.registry.value('baton_outbox_retries_total', { reason: 'http_500' })).toBe(2);
  });

  it('moves a write aside after maxAttempts failures', async () => {
    const { sender, metrics } = makeSender({ maxAttempts: 3, backoffMs: () => 1000 });
    slack.failNext('chat.postMessage', { error: 'internal_error' }, { times: 5 });
    const id = await enqueue({ channel: LEADS, args: { text: 'card' } });
    for (let i = 0; i < 5; i++) {
      await sender.deliverDue();
      clock.advance(1000);
    }
    expect(await findWrite(database.db, id)).toMatchObject({
      status: 'dead',
      attempts: 3,
      lastError: 'internal_error (after 3 attempts)',
    });
    expect(slack.callsTo('chat.postMessage')).toHaveLength(3);
    expect(metrics.registry.value('baton_outbox_dead_total', { error: 'internal_error' })).toBe(1);
  });

  it('moves a write to a channel that does not exist aside at once, without retrying', async () => {
    const { sender, metrics, sent } = makeSender();
    // A user id nobody has: Slack answers channel_not_found.
    const id = await enqueue({ channel: 'U0NOBODY', args: { text: 'hi' } });

    expect(await sender.deliverDue()).toBe(1);
    expect(await findWrite(database.db, id)).toMatchObject({
      status: 'dead',
      attempts: 1,
      lastError: 'channel_not_found',
    });
    clock.advanceMinutes(60);
    expect(await sender.deliverDue()).toBe(0);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(sent).toEqual([]);
    expect(metrics.registry.value('baton_outbox_dead_total', { error: 'channel_not_found' })).toBe(1);
  });

  it('parks posts Slack refuses for their channel, tells onParked, and sends them in order once unparked', async () => {
    const parked: Array<[number, string, string]> = [];
    const { sender, metrics } = makeSender({
      onParked: async (row, channel, code) => void parked.push([row.id, channel, code]),
    });
    const PARKED = 'C0PARKED';
    slack.addChannel({ id: PARKED, name: 'parked', botIsMember: false });
    const first = await enqueue({ channel: PARKED, args: { text: 'first' } });
    const second = await enqueue({ channel: PARKED, args: { text: 'second' } });
    const elsewhere = await enqueue({ channel: OTHER, args: { text: 'elsewhere' } });
    for (let i = 0; i < 3; i++) {
      await sender.deliverDue();
      clock.advance(1_000);
    }
    expect((await findWrite(database.db, first))?.status).toBe('parked');
    expect((await findWrite(database.db, second))?.status).toBe('parked');
    expect((await findWrite(database.db, elsewhere))?.status).toBe('sent');
    expect(parked).toEqual([
      [first, PARKED, 'not_in_channel'],
      [second, PARKED, 'not_in_channel'],
    ]);
    expect(metrics.registry.value('baton_outbox_parked_total', { error: 'not_in_channel' })).toBe(2);
    clock.advanceMinutes(600);
    expect(await sender.deliverDue()).toBe(0); // parked is neither retried nor dead

    slack.inviteBot(PARKED);
    expect(await unparkChannel(database.db, { teamId: T, channel: PARKED, now: clock.now() })).toBe(2);
    await sender.deliverDue();
    clock.advance(1_000);
    await sender.deliverDue();
    expect(slack.messages(PARKED).map((m) => m.text)).toEqual(['first', 'second']);
  });

  it('paces one channel to a message a second, in id order, without holding back another channel', async () => {
    const { sender } = makeSender();
    const t0 = clock.now().getTime();
    for (const text of ['a', 'b', 'c']) await enqueue({ channel: LEADS, args: { text } });
    await enqueue({ channel: OTHER, args: { text: 'other' } });

    const handled: number[] = [];
    handled.push(await sender.deliverDue());
    for (let i = 0; i < 12; i++) {
      clock.advance(250);
      handled.push(await sender.deliverDue());
    }
    // t0: a + other; t0+1 s: b; t0+2 s: c.
    expect(handled).toEqual([2, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0]);
    const leads = slack.messages(LEADS);
    expect(leads.map((m) => m.text)).toEqual(['a', 'b', 'c']);
    expect(leads.map((m) => tsMs(m.ts) - t0)).toEqual([0, 1000, 2000]);
    expect(slack.messages(OTHER).map((m) => tsMs(m.ts) - t0)).toEqual([0]);
  });

  it('keeps a channel in id order while its oldest write waits for a retry', async () => {
    const { sender } = makeSender();
    slack.failNext('chat.postMessage', { status: 503 });
    const first = await enqueue({ channel: LEADS, args: { text: 'first' } });
    await enqueue({ channel: LEADS, args: { text: 'second' } });

    expect(await sender.deliverDue()).toBe(1);
    clock.advance(5_000);
    expect(await sender.deliverDue()).toBe(0);
    expect(slack.messages(LEADS)).toHaveLength(0);
    clock.advance(5_000);
    expect(await sender.deliverDue()).toBe(1);
    clock.advance(1_000);
    expect(await sender.deliverDue()).toBe(1);
    expect(slack.messages(LEADS).map((m) => m.text)).toEqual(['first', 'second']);
    expect(await findWrite(database.db, first)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('claims at most one write per channel per claim and pushes the channel slot a second on', async () => {
    await enqueue({ channel: LEADS, args: { text: 'a' } });
    await enqueue({ channel: LEADS, args: { text: 'b' } });
    await enqueue({ channel: OTHER, args: { text: 'c' } });
    const now = clock.now();
    const claimed = await claimDueWrites(database.db, { now, limit: 10, lockMs: 60_000 });
    expect(claimed.map((r) => [r.channel, r.args.text, r.attempts])).toEqual([
      [LEADS, 'a', 1],
      [OTHER, 'c', 1],
    ]);
    expect(claimed[0]!.lockedUntil!.getTime()).toBe(now.getTime() + 60_000);
    expect((await channelNextAt(database.db, T, LEADS))?.getTime()).toBe(now.getTime() + 1000);
    // Claimed writes are not handed out again, and the channel's slot has not come yet.
    expect(await claimDueWrites(database.db, { now, limit: 10, lockMs: 60_000 })).toEqual([]);
    // Next slot: 'a' is still in flight (locked), so 'b' waits behind it.
    const later = new Date(now.getTime() + 1000);
    expect(await claimDueWrites(database.db, { now: later, limit: 10, lockMs: 60_000 })).toEqual([]);
  });

  it('delivers each write once when two senders work the same database', async () => {
    const a = makeSender();
    const b = makeSender();
    const channels = ['C0ONE', 'C0TWO', 'C0THREE', 'C0FOUR'];
    const ids: number[] = [];
    for (let i = 0; i < 10; i++) {
      for (const channel of channels) ids.push(await enqueue({ channel, args: { text: `${channel} ${i}` } }));
    }
    const t0 = clock.now().getTime();
    let handled = 0;
    for (let round = 0; round < 12; round++) {
      const counts = await Promise.all([a.sender.deliverDue(), b.sender.deliverDue(), a.sender.deliverDue()]);
      handled += counts[0] + counts[1];
      clock.advance(1000);
    }
    expect(handled).toBe(40);
    const posted = channels.flatMap((c) => slack.messages(c));
    expect(posted).toHaveLength(40);
    const outboxIds = posted.map((m) => Number(m.metadata?.event_payload.outbox_id));
    expect(new Set(outboxIds).size).toBe(40);
    expect([...outboxIds].sort((x, y) => x - y)).toEqual(ids);
    for (const channel of channels) {
      // In id order, a second apart, across both senders.
      const list = slack.messages(channel);
      expect(list.map((m) => m.text)).toEqual(list.map((_, i) => `${channel} ${i}`));
      expect(list.map((m) => tsMs(m.ts) - t0)).toEqual(list.map((_, i) => i * 1000));
    }
    expect([...a.sent, ...b.sent].map((s) => s.id).sort((x, y) => x - y)).toEqual(ids);
    const [left] = await database.rows<{ n: number }>(
      sql`select count(*)::int as n from outbox where status <> 'sent'`,
    );
    expect(left?.n).toBe(0);
  });

  it('enqueues a dedupe key once, also inside a transaction', async () => {
    const { sender } = makeSender();
    const write = { channel: LEADS, args: { text: 'card' }, dedupeKey: 'lead_card:7', leadId: 7 };
    const first = await enqueue(write);
    expect(await enqueue({ ...write, args: { text: 'another card' } })).toBe(first);
    const inTx = await database.db.transaction((tx) =>
      enqueueSlackWrite(tx, { teamId: T, method: 'chat.postMessage', ...write }, clock.now()),
    );
    expect(inTx).toBe(first);
    const [count] = await database.rows<{ n: number }>(sql`select count(*)::int as n from outbox`);
    expect(count?.n).toBe(1);
    await sender.deliverDue();
    expect(slack.messages(LEADS).map((m) => m.text)).toEqual(['card']);
  });

  it('renders a write at delivery time through prepare: send, wait, drop', async () => {
    let ready = false;
    const { sender, metrics } = makeSender({
      backoffMs: () => 1000,
      prepare: async (row) => {
        if (row.purpose === 'gone') return { drop: 'lead deleted' };
        if (!ready) return { wait: 'card not posted yet' };
        return { send: { channel: row.channel, args: { text: `rendered ${row.args.n}` } } };
      },
    });
    const kept = await enqueue({ channel: LEADS, args: { n: 1 }, purpose: 'card' });
    const gone = await enqueue({ channel: OTHER, args: { n: 2 }, purpose: 'gone' });

    await sender.deliverDue();
    expect(await findWrite(database.db, gone)).toMatchObject({
      status: 'dead',
      lastError: 'dropped: lead deleted',
    });
    expect(await findWrite(database.db, kept)).toMatchObject({
      status: 'pending',
      lastError: 'waiting: card not posted yet',
    });
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);

    ready = true;
    clock.advance(1000);
    await sender.deliverDue();
    expect(slack.messages(LEADS).map((m) => m.text)).toEqual(['rendered 1']);
    expect(metrics.registry.value('baton_outbox_retries_total', { reason: 'waiting' })).toBe(1);
  });

  it('reports pending writes, and wakes every second once started', async () => {
    const { sender, metrics } = makeSender();
    await enqueue({ channel: LEADS, args: { text: 'a' } });
    await enqueue({ channel: OTHER, args: { text: 'b' } });
    expect(await metrics.registry.render()).toContain('baton_outbox_pending 2');

    sender.start();
    await slack.waitForCall('chat.postMessage', { channel: LEADS }, { timeoutMs: 3000 });
    await slack.waitForCall('chat.postMessage', { channel: OTHER }, { timeoutMs: 3000 });
    await sender.stop();
    expect(await sender.deliverDue()).toBe(0);
    await metrics.registry.render();
    expect(metrics.registry.value('baton_outbox_pending')).toBe(0);
  });
});

describe('claims held by a sender that is gone', () => {
  beforeEach(async () => {
    await database.db.execute(sql`delete from outbox_senders`);
  });

  /** Claims the only due write as another sender, registered with this host, pid and heartbeat age. */
  async function claimAs(
    id: number,
    sender: { instanceId: string; host: string; pid: number; silentS?: number },
  ) {
    const [claimed] = await claimDueWrites(database.db, {
      now: clock.now(),
      limit: 10,
      lockMs: 120_000,
      claimedBy: sender.instanceId,
    });
    expect(claimed?.id).toBe(id);
    await database.db.execute(sql`
      insert into outbox_senders (instance_id, host, pid, started_at, heartbeat_at)
      values (${sender.instanceId}, ${sender.host}, ${sender.pid}, now(),
              now() - make_interval(secs => ${sender.silentS ?? 0}))`);
    clock.advance(1_000); // the channel's pacing slot, taken by the claim, comes round again
  }

  it('frees a post claimed by a process that no longer exists and records the copy Slack has instead of posting again', async () => {
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid;
    const id = await enqueue({ channel: LEADS, args: { text: 'in flight' } });
    await claimAs(id, { instanceId: 'killed-9', host: hostname(), pid: deadPid });
    // The killed process's post reached Slack; its answer never came back.
    const landed = slack.addMessage(LEADS, {
      text: 'in flight',
      user: slack.botUserId,
      bot_id: slack.botId,
      metadata: outboxMeta(id),
    });

    const { sender, metrics } = makeSender();
    expect(await sender.deliverDue()).toBe(0); // the 2-minute claim still holds the channel
    expect(await sender.recover()).toBe(1);
    expect(await sender.deliverDue()).toBe(1);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
    expect(await findWrite(database.db, id)).toMatchObject({
      status: 'sent',
      resultTs: landed.ts,
      attempts: 2,
    });
    expect(metrics.registry.value('baton_outbox_claims_freed_total')).toBe(1);
    expect(metrics.registry.value('baton_outbox_reconciled_total')).toBe(1);
    await sender.stop();
    expect(await database.rows(sql`select instance_id from outbox_senders`)).toEqual(
      [{ instance_id: 'killed-9' }].filter(() => false),
    );
  });

  it("never frees a live sender's claim; another host's sender is gone only once its heartbeat is stale", async () => {
    const live = await enqueue({ channel: LEADS, args: { text: 'live' } });
    await claimAs(live, { instanceId: 'live-1', host: hostname(), pid: process.ppid });
    const far = await enqueue({ channel: OTHER, args: { text: 'far' } });
    await claimAs(far, { instanceId: 'far-1', host: 'another-host', pid: 4242, silentS: 3 });

    const { sender } = makeSender();
    expect(await sender.recover()).toBe(0);
    expect(await sender.deliverDue()).toBe(0);

    await database.db.execute(
      sql`update outbox_senders set heartbeat_at = now() - interval '30 seconds' where instance_id = 'far-1'`,
    );
    expect(await sender.recover()).toBe(1);
    expect(await sender.deliverDue()).toBe(1);
    expect(slack.messages(OTHER).map((m) => m.text)).toEqual(['far']);
    expect(await findWrite(database.db, live)).toMatchObject({ status: 'pending', claimedBy: 'live-1' });
    await sender.stop();
  });
});
