import { ErrorCode, type WebAPIHTTPError, type WebAPIPlatformError, WebClient } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeSlack } from './fake-slack.js';

const ALICE = {
  id: 'U0ALICE',
  realName: 'Alice Adams',
  email: 'alice@example.com',
  tz: 'Europe/Berlin',
  locale: 'de-DE',
};
const BOB = { id: 'U0BOB', name: 'bob' };

let slack: FakeSlack;
let client: WebClient;

beforeAll(async () => {
  slack = await FakeSlack.start({ users: [ALICE, BOB] });
  client = new WebClient('xoxb-test', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
});

afterAll(async () => {
  await slack.stop();
});

beforeEach(() => {
  slack.reset({ state: true });
});

/** The Slack error code a WebClient call rejected with. */
async function errorOf(call: Promise<unknown>): Promise<string> {
  const error = (await call.then(
    () => undefined,
    (e: unknown) => e,
  )) as WebAPIPlatformError | undefined;
  expect(error?.code).toBe(ErrorCode.PlatformError);
  return String(error?.data.error);
}

describe('auth', () => {
  it('answers auth.test with the configured team and bot', async () => {
    const res = await client.auth.test();
    expect(res).toMatchObject({
      ok: true,
      team_id: 'T0BATON',
      user_id: 'U0BATONBOT',
      bot_id: 'B0BATONBOT',
      url: 'https://baton-test.slack.com/',
    });
    expect(slack.lastCall('auth.test')?.token).toBe('xoxb-test');
  });

  it('rejects missing and non-bot tokens, and a token other than the configured one', async () => {
    expect(await errorOf(new WebClient(undefined, { slackApiUrl: slack.apiUrl }).auth.test())).toBe(
      'not_authed',
    );
    expect(await errorOf(new WebClient('xoxp-user', { slackApiUrl: slack.apiUrl }).auth.test())).toBe(
      'invalid_auth',
    );
    const strict = await FakeSlack.start({ token: 'xoxb-right' });
    try {
      expect(await errorOf(new WebClient('xoxb-wrong', { slackApiUrl: strict.apiUrl }).auth.test())).toBe(
        'invalid_auth',
      );
      const ok = await new WebClient('xoxb-right', { slackApiUrl: strict.apiUrl }).auth.test();
      expect(ok.user_id).toBe('U0BATONBOT');
    } finally {
      await strict.stop();
    }
  });
});

describe('messages', () => {
  it('posts, threads, updates and replays a conversation', async () => {
    const blocks = [
      { type: 'section', block_id: 'lead', text: { type: 'mrkdwn', text: '*Acme* wants a demo' } },
    ];
    const parent = await client.chat.postMessage({ channel: 'C0LEADS', text: 'New lead: Acme', blocks });
    expect(parent.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(parent.channel).toBe('C0LEADS');
    expect(parent.message?.bot_id).toBe('B0BATONBOT');
    // Nested values arrive JSON-encoded in the form body and are decoded for assertions.
    expect(slack.lastCall('chat.postMessage')?.args.blocks).toEqual(blocks);

    const metadata = { event_type: 'lead_claimed', event_payload: { lead_id: 'L-42' } };
    const reply = await client.chat.postMessage({
      channel: 'C0LEADS',
      thread_ts: parent.ts!,
      text: 'Claimed by Alice',
      metadata,
    });
    expect(Number(reply.ts)).toBeGreaterThan(Number(parent.ts));

    const updated = await client.chat.update({
      channel: 'C0LEADS',
      ts: parent.ts!,
      text: 'Lead: Acme (claimed)',
    });
    expect(updated.text).toBe('Lead: Acme (claimed)');

    const thread = await client.conversations.replies({ channel: 'C0LEADS', ts: parent.ts! });
    expect(thread.messages?.map((m) => m.text)).toEqual(['Lead: Acme (claimed)', 'Claimed by Alice']);
    expect(thread.messages?.[0]).toMatchObject({
      reply_count: 1,
      thread_ts: parent.ts,
      latest_reply: reply.ts,
    });
    expect(thread.messages?.[0]?.edited?.user).toBe('U0BATONBOT');
    expect(thread.messages?.[0]?.blocks?.[0]?.block_id).toBe('lead'); // update kept the old blocks
    expect(thread.messages?.[1]?.metadata).toBeUndefined(); // only with include_all_metadata

    const withMeta = await client.conversations.replies({
      channel: 'C0LEADS',
      ts: reply.ts!,
      include_all_metadata: true,
    });
    expect(withMeta.messages?.[1]?.metadata).toEqual(metadata);
  });

  it('bounds thread replies by oldest/latest, parent first, from the ts of any message in the thread', async () => {
    const parent = await client.chat.postMessage({ channel: 'C0BOUNDS', text: 'parent' });
    const replies = [];
    for (const text of ['one', 'two', 'three'])
      replies.push(await client.chat.postMessage({ channel: 'C0BOUNDS', thread_ts: parent.ts!, text }));
    const texts = async (args: {
      ts: string;
      oldest?: string;
      latest?: string;
      inclusive?: boolean;
      limit?: number;
    }) => (await client.conversations.replies({ channel: 'C0BOUNDS', ...args })).messages?.map((m) => m.text);
    const two = replies[1]!.ts!;
    expect(await texts({ ts: two, oldest: two, inclusive: true, limit: 2 })).toEqual(['parent', 'two']);
    expect(await texts({ ts: parent.ts!, oldest: two })).toEqual(['parent', 'three']);
    expect(await texts({ ts: parent.ts!, latest: two })).toEqual(['parent', 'one']);
    expect(await texts({ ts: two })).toEqual(['parent', 'one', 'two', 'three']);

    await client.chat.postEphemeral({
      channel: 'C0BOUNDS',
      user: 'U0ALICE',
      text: 'psst',
      thread_ts: parent.ts!,
    });
    expect(slack.ephemerals('C0BOUNDS').at(-1)?.message).toMatchObject({
      text: 'psst',
      thread_ts: parent.ts,
    });
  });

  it('finds messages by metadata in history, newest first, without thread replies, page by page', async () => {
    const first = await client.chat.postMessage({
      channel: 'C0LEADS',
      text: 'Lead A',
      metadata: { event_type: 'lead_card', event_payload: { lead_id: 'A' } },
    });
    await client.chat.postMessage({ channel: 'C0LEADS', thread_ts: first.ts!, text: 'reply' });
    await client.chat.postMessage({
      channel: 'C0LEADS',
      text: 'Lead B',
      metadata: { event_type: 'lead_card', event_payload: { lead_id: 'B' } },
    });

    const history = await client.conversations.history({ channel: 'C0LEADS', include_all_metadata: true });
    expect(history.messages?.map((m) => m.text)).toEqual(['Lead B', 'Lead A']);
    const card = history.messages?.find(
      (m) => (m.metadata?.event_payload as Record<string, unknown> | undefined)?.lead_id === 'A',
    );
    expect(card?.ts).toBe(first.ts);

    const plain = await client.conversations.history({ channel: 'C0LEADS' });
    expect(plain.messages?.[0]?.metadata).toBeUndefined();

    const page1 = await client.conversations.history({ channel: 'C0LEADS', limit: 1 });
    expect(page1.has_more).toBe(true);
    const page2 = await client.conversations.history({
      channel: 'C0LEADS',
      limit: 1,
      cursor: page1.response_metadata?.next_cursor,
    });
    expect(page2.messages?.map((m) => m.text)).toEqual(['Lead A']);
    expect(page2.response_metadata?.next_cursor).toBe('');
  });

  it('turns a user id into that user’s DM channel, like conversations.open does', async () => {
    const sent = await client.chat.postMessage({ channel: 'U0ALICE', text: 'You have a new lead' });
    expect(sent.channel).toBe('D0ALICE');
    const opened = await client.conversations.open({ users: 'U0ALICE' });
    expect(opened.channel?.id).toBe('D0ALICE');
    expect(slack.messages('U0ALICE').map((m) => m.text)).toEqual(['You have a new lead']);
    expect(slack.messages('D0ALICE')).toHaveLength(1);
  });

  it('rejects what Slack rejects', async () => {
    expect(await errorOf(client.chat.postMessage({ channel: 'U0NOBODY', text: 'hi' }))).toBe(
      'channel_not_found',
    );
    expect(await errorOf(client.chat.postMessage({ channel: 'general', text: 'hi' }))).toBe(
      'channel_not_found',
    );
    expect(await errorOf(client.chat.postMessage({ channel: 'C0LEADS', text: 'x'.repeat(40_001) }))).toBe(
      'msg_too_long',
    );
    expect(
      await errorOf(
        client.chat.postMessage({ channel: 'C0LEADS', text: 'hi', blocks: [{ type: 'banner' }] as never }),
      ),
    ).toBe('invalid_blocks');
    expect(await errorOf(client.chat.update({ channel: 'C0LEADS', ts: '1.000001', text: 'x' }))).toBe(
      'message_not_found',
    );
    expect(await errorOf(client.conversations.replies({ channel: 'C0LEADS', ts: '1.000001' }))).toBe(
      'thread_not_found',
    );
  });

  it('only knows configured channels when channels are given', async () => {
    const strict = await FakeSlack.start({ channels: [{ id: 'C0LEADS', name: 'leads' }] });
    try {
      const c = new WebClient('xoxb-test', { slackApiUrl: strict.apiUrl, retryConfig: { retries: 0 } });
      expect(await errorOf(c.chat.postMessage({ channel: 'C0OTHER', text: 'hi' }))).toBe('channel_not_found');
      const info = await c.conversations.info({ channel: 'C0LEADS' });
      expect(info.channel?.name).toBe('leads');
    } finally {
      await strict.stop();
    }
  });

  it('models bot membership: not_in_channel, joining public channels, invites, archived and deleted channels', async () => {
    slack.addChannel({ id: 'C0PUBLIC', name: 'public', botIsMember: false });
    slack.addChannel({ id: 'G0SECRET', name: 'secret', isPrivate: true, botIsMember: false });
    slack.addChannel({ id: 'C0OLD', name: 'old', isArchived: true });
    slack.addChannel({ id: 'C0GONE', name: 'gone', deleted: true });

    expect(await errorOf(client.chat.postMessage({ channel: 'C0PUBLIC', text: 'hi' }))).toBe(
      'not_in_channel',
    );
    expect((await client.conversations.info({ channel: 'C0PUBLIC' })).channel).toMatchObject({
      is_member: false,
      is_private: false,
      is_archived: false,
    });
    await client.conversations.join({ channel: 'C0PUBLIC' });
    expect(slack.botInChannel('C0PUBLIC')).toBe(true);
    expect((await client.chat.postMessage({ channel: 'C0PUBLIC', text: 'hi' })).ok).toBe(true);

    expect(await errorOf(client.conversations.join({ channel: 'G0SECRET' }))).toBe(
      'method_not_supported_for_channel_type',
    );
    expect((await client.conversations.info({ channel: 'G0SECRET' })).channel).toMatchObject({
      is_member: false,
      is_private: true,
    });
    slack.inviteBot('G0SECRET');
    expect((await client.chat.postMessage({ channel: 'G0SECRET', text: 'hi' })).ok).toBe(true);

    expect(await errorOf(client.chat.postMessage({ channel: 'C0OLD', text: 'hi' }))).toBe('is_archived');
    expect((await client.conversations.info({ channel: 'C0OLD' })).channel?.is_archived).toBe(true);
    expect(await errorOf(client.conversations.join({ channel: 'C0OLD' }))).toBe('is_archived');
    expect(await errorOf(client.conversations.info({ channel: 'C0GONE' }))).toBe('channel_not_found');
    expect(await errorOf(client.chat.postMessage({ channel: 'C0GONE', text: 'hi' }))).toBe(
      'channel_not_found',
    );
    // Channels the fake was not told about are there, and the bot is in them.
    expect((await client.conversations.info({ channel: 'C0ANY' })).channel?.is_member).toBe(true);
  });

  it('answers late with a { delayMs } failure, after recording and applying the call', async () => {
    slack.failNext('chat.postMessage', { delayMs: 300 });
    const started = Date.now();
    const posting = client.chat.postMessage({ channel: 'C0LEADS', text: 'slow' });
    await slack.waitForCall('chat.postMessage');
    expect(slack.messages('C0LEADS').map((m) => m.text)).toEqual(['slow']);
    expect((await posting).ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });

  it('handles ephemerals, reactions, permalinks and deletes', async () => {
    const parent = await client.chat.postMessage({ channel: 'C0LEADS', text: 'Lead' });
    const reply = await client.chat.postMessage({ channel: 'C0LEADS', thread_ts: parent.ts!, text: 'r' });

    const eph = await client.chat.postEphemeral({ channel: 'C0LEADS', user: 'U0BOB', text: 'only you' });
    expect(eph.message_ts).toMatch(/^\d+\.\d{6}$/);
    expect(slack.ephemerals('C0LEADS')).toMatchObject([{ user: 'U0BOB', message: { text: 'only you' } }]);

    await client.reactions.add({ channel: 'C0LEADS', timestamp: parent.ts!, name: 'eyes' });
    expect(
      await errorOf(client.reactions.add({ channel: 'C0LEADS', timestamp: parent.ts!, name: 'eyes' })),
    ).toBe('already_reacted');
    expect(slack.messages('C0LEADS')[0]?.reactions).toEqual([
      { name: 'eyes', users: ['U0BATONBOT'], count: 1 },
    ]);

    const link = await client.chat.getPermalink({ channel: 'C0LEADS', message_ts: reply.ts! });
    expect(link.permalink).toBe(
      `https://baton-test.slack.com/archives/C0LEADS/p${reply.ts!.replace('.', '')}?thread_ts=${parent.ts}&cid=C0LEADS`,
    );

    await client.chat.delete({ channel: 'C0LEADS', ts: reply.ts! });
    expect(slack.messages('C0LEADS').map((m) => m.text)).toEqual(['Lead']);
  });

  it('can seed messages from people', async () => {
    const seeded = slack.addMessage('C0LEADS', { user: 'U0ALICE', text: 'Who owns Acme?' });
    await client.chat.postMessage({ channel: 'C0LEADS', thread_ts: seeded.ts, text: 'Bob does' });
    const thread = await client.conversations.replies({ channel: 'C0LEADS', ts: seeded.ts });
    expect(thread.messages?.map((m) => [m.user, m.text])).toEqual([
      ['U0ALICE', 'Who owns Acme?'],
      ['U0BATONBOT', 'Bob does'],
    ]);
    expect(await errorOf(client.chat.update({ channel: 'C0LEADS', ts: seeded.ts, text: 'edit' }))).toBe(
      'cant_update_message',
    );
  });
});

describe('views', () => {
  const home = (text: string) => ({
    type: 'home' as const,
    blocks: [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text } }],
  });

  it('publishes Home tabs and keeps the latest per user', async () => {
    const first = await client.views.publish({ user_id: 'U0ALICE', view: home('3 open leads') });
    expect(first.view?.id).toMatch(/^V/);
    expect(first.view?.hash).toBeTruthy();
    const second = await client.views.publish({ user_id: 'U0ALICE', view: home('2 open leads') });
    expect(second.view?.id).toBe(first.view?.id);
    expect(slack.homeView('U0ALICE')?.blocks[0]).toMatchObject({ text: { text: '2 open leads' } });
    expect(slack.homeView('U0BOB')).toBeUndefined();
    expect(await errorOf(client.views.publish({ user_id: 'U0ALICE', view: home('x'), hash: 'stale' }))).toBe(
      'hash_conflict',
    );
    expect(await errorOf(client.views.publish({ user_id: 'U0NOBODY', view: home('x') }))).toBe(
      'user_not_found',
    );
  });

  it('opens, updates and pushes modals; a trigger works once', async () => {
    const trigger = '1234567890.123456789012.0123456789abcdef';
    const modal = {
      type: 'modal' as const,
      callback_id: 'lead_modal',
      private_metadata: '{"lead":"L-1"}',
      title: { type: 'plain_text' as const, text: 'New lead' },
      blocks: [],
    };
    const opened = await client.views.open({ trigger_id: trigger, view: modal });
    expect(opened.view).toMatchObject({ callback_id: 'lead_modal', private_metadata: '{"lead":"L-1"}' });
    expect(await errorOf(client.views.open({ trigger_id: trigger, view: modal }))).toBe(
      'exchanged_trigger_id',
    );
    expect(await errorOf(client.views.open({ trigger_id: 'U0ALICE', view: modal }))).toBe(
      'invalid_trigger_id',
    );

    const updated = await client.views.update({
      view_id: opened.view!.id!,
      hash: opened.view!.hash!,
      view: { ...modal, title: { type: 'plain_text', text: 'Edited' } },
    });
    expect(updated.view?.id).toBe(opened.view?.id);
    expect(slack.view(opened.view!.id!)?.title).toMatchObject({ text: 'Edited' });
    expect(
      await errorOf(
        client.views.update({ view_id: opened.view!.id!, hash: opened.view!.hash!, view: modal }),
      ),
    ).toBe('hash_conflict');

    const pushed = await client.views.push({ trigger_id: '1.2.ab', view: modal });
    expect(pushed.view?.id).not.toBe(opened.view?.id);
  });
});

describe('users', () => {
  it('answers users.info with tz and, on request, locale', async () => {
    const res = await client.users.info({ user: 'U0ALICE', include_locale: true });
    expect(res.user).toMatchObject({
      id: 'U0ALICE',
      name: 'alice.adams',
      real_name: 'Alice Adams',
      tz: 'Europe/Berlin',
      locale: 'de-DE',
      profile: { real_name: 'Alice Adams', display_name: 'alice.adams', email: 'alice@example.com' },
    });
    expect([3600, 7200]).toContain(res.user?.tz_offset); // CET or CEST
    const noLocale = await client.users.info({ user: 'U0BOB' });
    expect(noLocale.user?.locale).toBeUndefined();
    expect(noLocale.user?.tz).toBe('America/Los_Angeles');
    expect(await errorOf(client.users.info({ user: 'U0NOBODY' }))).toBe('user_not_found');
  });

  it('answers users.info with is_admin and is_owner (owners are admins too)', async () => {
    slack.addUser({ id: 'U0WSADMIN', isAdmin: true });
    slack.addUser({ id: 'U0WSOWNER', isOwner: true });
    slack.addUser({ id: 'U0PRIMARY', isPrimaryOwner: true });
    const flags = async (user: string) => {
      const { is_admin, is_owner, is_primary_owner } = (await client.users.info({ user })).user ?? {};
      return { is_admin, is_owner, is_primary_owner };
    };
    expect(await flags('U0BOB')).toEqual({ is_admin: false, is_owner: false, is_primary_owner: false });
    expect(await flags('U0WSADMIN')).toEqual({ is_admin: true, is_owner: false, is_primary_owner: false });
    expect(await flags('U0WSOWNER')).toEqual({ is_admin: true, is_owner: true, is_primary_owner: false });
    expect(await flags('U0PRIMARY')).toEqual({ is_admin: true, is_owner: true, is_primary_owner: true });
  });

  it('looks users up by email', async () => {
    const res = await client.users.lookupByEmail({ email: 'ALICE@example.com' });
    expect(res.user?.id).toBe('U0ALICE');
    expect(await errorOf(client.users.lookupByEmail({ email: 'nobody@example.com' }))).toBe(
      'users_not_found',
    );
  });
});

describe('file uploads', () => {
  it('supports the three-step external upload that filesUploadV2 performs', async () => {
    const bytes = Buffer.from('lead,owner\nAcme,alice\n');
    const res = await client.filesUploadV2({
      channel_id: 'C0LEADS',
      file: bytes,
      filename: 'leads.csv',
      initial_comment: 'Weekly export',
    });
    const methods = slack.calls.map((c) => c.method);
    expect(methods).toEqual(['files.getUploadURLExternal', 'files.completeUploadExternal']);
    expect(slack.lastCall('files.getUploadURLExternal')?.args).toMatchObject({
      filename: 'leads.csv',
      length: String(bytes.length),
    });

    const [file] = slack.files();
    expect(file?.bytes?.toString()).toBe(bytes.toString());
    expect(file?.completed).toBe(true);
    expect(file?.shares).toMatchObject([{ channel: 'C0LEADS', initialComment: 'Weekly export' }]);
    expect(res.files).toMatchObject([{ files: [{ id: file?.id, title: 'leads.csv' }] }]);
    expect(slack.messages('C0LEADS')).toMatchObject([
      { text: 'Weekly export', files: [{ id: file?.id, name: 'leads.csv' }] },
    ]);
  });

  it('refuses to complete a file whose bytes never arrived', async () => {
    const { file_id } = await client.files.getUploadURLExternal({ filename: 'a.txt', length: 3 });
    expect(await errorOf(client.files.completeUploadExternal({ files: [{ id: file_id! }] }))).toBe(
      'file_not_found',
    );
  });
});

describe('failure injection', () => {
  it('answers HTTP 500', async () => {
    slack.failNext('chat.postMessage', { status: 500 });
    const error = (await client.chat
      .postMessage({ channel: 'C0LEADS', text: 'hi' })
      .catch((e) => e)) as WebAPIHTTPError;
    expect(error.code).toBe(ErrorCode.HTTPError);
    expect(error.statusCode).toBe(500);
    expect(slack.lastCall('chat.postMessage')).toMatchObject({ status: 500, failure: { status: 500 } });
    // The plan was used up: the next call goes through.
    const ok = await client.chat.postMessage({ channel: 'C0LEADS', text: 'hi' });
    expect(ok.ok).toBe(true);
  });

  it('answers HTTP 429 with Retry-After', async () => {
    const limited = new WebClient('xoxb-test', {
      slackApiUrl: slack.apiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
    });
    slack.failNext('chat.postMessage', { status: 429, retryAfter: 2 });
    const error = await limited.chat.postMessage({ channel: 'C0LEADS', text: 'hi' }).catch((e) => e);
    expect(error).toMatchObject({ code: ErrorCode.RateLimitedError, retryAfter: 2 });
    expect(slack.messages('C0LEADS')).toHaveLength(0);
  });

  it('answers ok:false with the planned error, in order, as many times as asked', async () => {
    slack.failNext('chat.postMessage', { error: 'not_in_channel' }, { times: 2 });
    slack.failNext('chat.postMessage', { error: 'is_archived' });
    const post = () => errorOf(client.chat.postMessage({ channel: 'C0LEADS', text: 'hi' }));
    expect([await post(), await post(), await post()]).toEqual([
      'not_in_channel',
      'not_in_channel',
      'is_archived',
    ]);
    expect(slack.callsTo('chat.postMessage').map((c) => c.failure)).toEqual([
      { error: 'not_in_channel' },
      { error: 'not_in_channel' },
      { error: 'is_archived' },
    ]);
  });

  it('reset() drops planned failures', async () => {
    slack.failNext('auth.test', { error: 'account_inactive' });
    slack.reset();
    expect((await client.auth.test()).ok).toBe(true);
  });
});

describe('recording', () => {
  it('records unknown methods and answers unknown_method', async () => {
    expect(await errorOf(client.apiCall('leads.teleport', { lead: 'L-1' }))).toBe('unknown_method');
    expect(slack.lastCall('leads.teleport')).toMatchObject({
      args: { lead: 'L-1' },
      response: { ok: false },
    });
  });

  it('waitForCall sees past calls, waits for future ones, and hands each call out once', async () => {
    await client.chat.postMessage({ channel: 'C0LEADS', text: 'one' });
    const first = await slack.waitForCall('chat.postMessage');
    expect(first.args.text).toBe('one');

    const pending = slack.waitForCall('chat.postMessage');
    setTimeout(() => void client.chat.postMessage({ channel: 'C0LEADS', text: 'two' }), 20);
    expect((await pending).args.text).toBe('two');

    await client.chat.postMessage({ channel: 'C0OTHER', text: 'three' });
    const byArgs = await slack.waitForCall('chat.postMessage', { channel: 'C0OTHER' });
    expect(byArgs.args.text).toBe('three');
    expect(slack.callsTo('chat.postMessage')).toHaveLength(3);
  });

  it('waitForCall rejects with a helpful message on timeout', async () => {
    await client.auth.test();
    await expect(
      slack.waitForCall('chat.update', (c) => c.args.ts === 'never', { timeoutMs: 50 }),
    ).rejects.toThrow(/no chat.update call matching within 50ms\. Calls so far: auth.test/);
  });
});

describe('response_url', () => {
  const post = (url: string, body: object) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('records JSON posts and allows five uses per URL', async () => {
    const url = slack.responseUrl();
    expect(url).toMatch(new RegExp(`^${slack.baseUrl}/response/`));
    const statuses: number[] = [];
    for (let i = 1; i <= 6; i++) statuses.push((await post(url, { text: `try ${i}` })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 404]);
    const sixth = await post(url, { text: 'again' });
    expect(await sixth.text()).toBe('used_url');
    expect(slack.responses(url).map((r) => r.body.text)).toEqual([
      'try 1',
      'try 2',
      'try 3',
      'try 4',
      'try 5',
    ]);
    expect((await slack.waitForResponse(url)).body.text).toBe('try 1');
    expect((await slack.waitForResponse(url)).body.text).toBe('try 2');
  });

  it('applies replace_original and in_channel to the message it belongs to', async () => {
    const card = await client.chat.postMessage({ channel: 'C0LEADS', text: 'Lead: Acme' });
    const url = slack.responseUrl({ channelId: 'C0LEADS', messageTs: card.ts!, userId: 'U0ALICE' });
    await post(url, { replace_original: true, text: 'Lead: Acme (claimed)' });
    await post(url, { response_type: 'in_channel', text: 'Alice claimed Acme' });
    await post(url, { text: 'Only Alice sees this' });
    expect(slack.messages('C0LEADS').map((m) => m.text)).toEqual([
      'Lead: Acme (claimed)',
      'Alice claimed Acme',
    ]);
    expect(slack.ephemerals('C0LEADS')).toMatchObject([
      { user: 'U0ALICE', message: { text: 'Only Alice sees this' } },
    ]);
  });

  it('answers 404 for unknown URLs', async () => {
    const res = await post(`${slack.baseUrl}/response/Rnope`, { text: 'x' });
    expect(res.status).toBe(404);
  });
});

describe('extra routes', () => {
  it('serves added paths after its own, first route that answers wins, others still 404', async () => {
    const seen: string[] = [];
    slack.addRoute((_req, _raw, url) => {
      seen.push(`a:${url.pathname}`);
      return false;
    });
    slack.addRoute((req, raw, url, res) => {
      if (url.pathname !== '/sandbox/echo') return false;
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`${req.method} ${raw.toString()}`);
      return true;
    });
    const echo = await fetch(`${slack.baseUrl}/sandbox/echo`, { method: 'POST', body: 'hi' });
    expect(await echo.text()).toBe('POST hi');
    expect((await fetch(`${slack.baseUrl}/sandbox/other`)).status).toBe(404);
    // Slack's own paths never reach the extra routes.
    await client.auth.test();
    expect(seen).toEqual(['a:/sandbox/echo', 'a:/sandbox/other']);
  });
});
