import type { AddressInfo } from 'node:net';
import { App, type BlockAction, type ButtonAction, HTTPReceiver, LogLevel } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeSlack } from './fake-slack.js';
import { SlackDriver } from './slack-driver.js';

const SECRET = 'test-signing-secret';
const ALICE = 'U0ALICE';

let slack: FakeSlack;
let app: App;
let driver: SlackDriver;
const closedViews: string[] = [];

beforeAll(async () => {
  // FakeSlack must be up first: Bolt calls auth.test as soon as the App is constructed.
  slack = await FakeSlack.start({ users: [{ id: ALICE, name: 'alice', realName: 'Alice Adams' }] });
  app = new App({
    token: 'xoxb-test',
    receiver: new HTTPReceiver({
      signingSecret: SECRET,
      processBeforeResponse: false,
      logLevel: LogLevel.ERROR,
    }),
    clientOptions: { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } },
    logLevel: LogLevel.ERROR,
  });

  app.command('/baton', async ({ command, ack, respond, client }) => {
    if (command.text === 'ping') return ack('pong');
    await ack();
    if (command.text === 'card') {
      await client.chat.postMessage({
        channel: command.channel_id,
        text: 'New lead: Acme',
        blocks: [
          { type: 'section', block_id: 'lead', text: { type: 'mrkdwn', text: '*Acme*' } },
          {
            type: 'actions',
            block_id: 'lead_actions',
            elements: [
              {
                type: 'button',
                action_id: 'claim_lead',
                value: 'L-42',
                text: { type: 'plain_text', text: 'Claim' },
              },
            ],
          },
        ],
      });
      return;
    }
    await respond({ text: `help for ${command.user_name} in #${command.channel_name}: ${command.text}` });
  });

  app.action<BlockAction<ButtonAction>>('claim_lead', async ({ ack, body, action, client }) => {
    await ack();
    if (!body.channel || !body.message) return;
    await client.chat.update({
      channel: body.channel.id,
      ts: body.message.ts,
      text: `${action.value} claimed by ${body.user.name} (${action.block_id})`,
    });
  });

  app.shortcut('new_lead', async ({ ack, shortcut, client }) => {
    await ack();
    await client.views.open({
      trigger_id: shortcut.trigger_id,
      view: {
        type: 'modal',
        callback_id: 'lead_modal',
        private_metadata: 'from-shortcut',
        notify_on_close: true,
        title: { type: 'plain_text', text: 'New lead' },
        submit: { type: 'plain_text', text: 'Save' },
        blocks: [
          {
            type: 'input',
            block_id: 'company',
            label: { type: 'plain_text', text: 'Company' },
            element: { type: 'plain_text_input', action_id: 'name' },
          },
          {
            type: 'input',
            block_id: 'stage',
            optional: true,
            label: { type: 'plain_text', text: 'Stage' },
            element: {
              type: 'static_select',
              action_id: 'pick',
              options: [{ text: { type: 'plain_text', text: 'Demo' }, value: 'demo' }],
            },
          },
        ],
      },
    });
  });

  app.view('lead_modal', async ({ ack, view, body, client }) => {
    const values = view.state.values;
    if (values.company?.name?.value === '') {
      await ack({ response_action: 'errors', errors: { company: 'Required' } });
      return;
    }
    await ack();
    await client.chat.postMessage({
      channel: body.user.id,
      text: `saved ${values.company?.name?.value} stage=${values.stage?.pick?.selected_option?.value ?? 'none'} meta=${view.private_metadata}`,
    });
  });

  app.view({ callback_id: 'lead_modal', type: 'view_closed' }, async ({ ack, view }) => {
    closedViews.push(view.private_metadata);
    await ack();
  });

  app.shortcut({ callback_id: 'log_lead', type: 'message_action' }, async ({ ack, shortcut, respond }) => {
    await ack();
    if (shortcut.type === 'message_action') await respond({ text: `logged "${shortcut.message.text}"` });
  });

  app.event('app_home_opened', async ({ event, context, client }) => {
    await client.views.publish({
      user_id: event.user,
      view: {
        type: 'home',
        blocks: [
          {
            type: 'section',
            text: {
              type: 'mrkdwn',
              text: `retry=${context.retryNum ?? 0} reason=${context.retryReason ?? '-'}`,
            },
          },
        ],
      },
    });
  });

  app.options('company_search', async ({ ack, body }) => {
    const text = `${body.value} (${body.block_id}) by ${body.user.id} in ${body.view?.callback_id}`;
    await ack({ options: [{ text: { type: 'plain_text', text }, value: 'acme' }] });
  });

  app.message('hello', async ({ message, say }) => {
    if (message.subtype === undefined) await say({ text: `hi <@${message.user}>`, thread_ts: message.ts });
  });

  const server = (await app.start(0)) as { address(): AddressInfo | string | null };
  const { port } = server.address() as AddressInfo;
  driver = new SlackDriver({
    baseUrl: `http://127.0.0.1:${port}`,
    signingSecret: SECRET,
    teamId: 'T0BATON',
    slack,
  });
});

afterAll(async () => {
  await app?.stop();
  await slack?.stop();
});

beforeEach(() => {
  slack.reset();
});

describe('slash commands', () => {
  it('reaches the command listener, whose respond() lands on the fake response_url', async () => {
    const res = await driver.command('/baton', 'help', { userId: ALICE, channelId: 'C0LEADS' });
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    expect(res.payload).toMatchObject({ team_id: 'T0BATON', user_name: 'alice', command: '/baton' });
    const response = await slack.waitForResponse(res.responseUrl);
    expect(response.body.text).toBe('help for alice in #c0leads: help');
  });

  it('returns what the listener acks with', async () => {
    const res = await driver.command('/baton', 'ping', { userId: ALICE });
    expect(res).toMatchObject({ status: 200, body: 'pong' });
  });
});

describe('block actions', () => {
  it('clicks the button on the message the app posted', async () => {
    await driver.command('/baton', 'card', { userId: ALICE, channelId: 'C0LEADS' });
    const posted = await slack.waitForCall('chat.postMessage');
    const ts = String(posted.response.ts);

    const res = await driver.blockActions({ userId: ALICE, actions: [{ action_id: 'claim_lead' }] });
    expect(res.status).toBe(200);
    expect(res.payload).toMatchObject({
      type: 'block_actions',
      container: { type: 'message', message_ts: ts, channel_id: 'C0LEADS' },
      actions: [{ action_id: 'claim_lead', block_id: 'lead_actions', type: 'button', value: 'L-42' }],
    });

    const update = await slack.waitForCall('chat.update');
    expect(update.args).toMatchObject({
      channel: 'C0LEADS',
      ts,
      text: 'L-42 claimed by alice (lead_actions)',
    });
    expect(slack.messages('C0LEADS').map((m) => m.text)).toEqual(['L-42 claimed by alice (lead_actions)']);
  });
});

describe('shortcuts and modals', () => {
  it('opens a modal from a global shortcut and submits it', async () => {
    const shortcut = await driver.globalShortcut({ userId: ALICE, callbackId: 'new_lead' });
    expect(shortcut.status).toBe(200);
    const opened = await slack.waitForCall('views.open');
    expect(opened.response.ok).toBe(true);
    expect(opened.args.trigger_id).toBe(shortcut.triggerId);
    const viewId = String((opened.response.view as { id: string }).id);

    // Unfilled inputs are still reported, as Slack does; the listener handles a missing selection.
    const res = await driver.viewSubmission({ userId: ALICE, viewId, values: { company: { name: 'Acme' } } });
    expect(res.status).toBe(200);
    expect(res.payload).toMatchObject({
      view: {
        id: viewId,
        callback_id: 'lead_modal',
        state: {
          values: {
            company: { name: { type: 'plain_text_input', value: 'Acme' } },
            stage: { pick: { type: 'static_select', selected_option: null } },
          },
        },
      },
    });
    const dm = await slack.waitForCall('chat.postMessage');
    expect(dm.response).toMatchObject({ ok: true, channel: 'D0ALICE' });
    expect(dm.args.text).toBe('saved Acme stage=none meta=from-shortcut');
  });

  it('sends selections and gets validation errors back in the HTTP response', async () => {
    const picked = await driver.viewSubmission({
      userId: ALICE,
      callbackId: 'lead_modal',
      privateMetadata: 'direct',
      values: {
        company: { name: 'Globex' },
        stage: { pick: { selected_option: { value: 'demo', text: 'Demo' } } },
      },
    });
    expect(picked.status).toBe(200);
    expect((await slack.waitForCall('chat.postMessage')).args.text).toBe(
      'saved Globex stage=demo meta=direct',
    );

    const invalid = await driver.viewSubmission({
      userId: ALICE,
      callbackId: 'lead_modal',
      values: { company: { name: '' } },
    });
    expect(invalid.json).toEqual({ response_action: 'errors', errors: { company: 'Required' } });
  });

  it('asks an external select for options and gets them in the HTTP response', async () => {
    const view = {
      id: 'V0SEARCH',
      callback_id: 'search_modal',
      blocks: [
        {
          type: 'input',
          block_id: 'company_pick',
          label: { type: 'plain_text', text: 'Company' },
          element: { type: 'external_select', action_id: 'company_search' },
        },
      ],
    };
    const res = await driver.blockSuggestion({
      userId: ALICE,
      actionId: 'company_search',
      value: 'acm',
      view,
    });
    expect(res.status).toBe(200);
    expect(res.payload).toMatchObject({
      type: 'block_suggestion',
      action_id: 'company_search',
      block_id: 'company_pick',
      value: 'acm',
      container: { type: 'view', view_id: 'V0SEARCH' },
      user: { id: ALICE },
    });
    expect(res.payload).not.toHaveProperty('trigger_id');
    expect(res.json).toEqual({
      options: [
        {
          text: { type: 'plain_text', text: 'acm (company_pick) by U0ALICE in search_modal' },
          value: 'acme',
        },
      ],
    });
  });

  it('delivers view_closed', async () => {
    const res = await driver.viewClosed({
      userId: ALICE,
      callbackId: 'lead_modal',
      privateMetadata: 'closed-1',
    });
    expect(res.status).toBe(200);
    expect(res.payload).toMatchObject({ type: 'view_closed', is_cleared: false });
    expect(closedViews).toContain('closed-1');
  });

  it('routes a message shortcut with its response_url', async () => {
    const res = await driver.messageShortcut({
      userId: ALICE,
      callbackId: 'log_lead',
      channelId: 'C0LEADS',
      message: { ts: '1732300000.000100', text: 'Acme wants a demo', user: 'U0BOB' },
    });
    expect(res.status).toBe(200);
    expect((await slack.waitForResponse(res.responseUrl)).body.text).toBe('logged "Acme wants a demo"');
  });
});

describe('events', () => {
  it('delivers app_home_opened, with retry headers when asked', async () => {
    const first = await driver.event({ type: 'app_home_opened', user: ALICE, tab: 'home' });
    expect(first.status).toBe(200);
    expect(first.eventId).toMatch(/^Ev[A-Z0-9]{10}$/);
    expect(first.envelope).toMatchObject({
      type: 'event_callback',
      team_id: 'T0BATON',
      authorizations: [{ team_id: 'T0BATON', user_id: 'U0BATONBOT', is_bot: true }],
    });
    await slack.waitForCall('views.publish');
    expect(slack.homeView(ALICE)?.blocks[0]).toMatchObject({ text: { text: 'retry=0 reason=-' } });

    const retry = await driver.event(
      { type: 'app_home_opened', user: ALICE, tab: 'home' },
      { eventId: first.eventId, retryNum: 1 },
    );
    expect(retry.envelope.event_id).toBe(first.eventId);
    await slack.waitForCall('views.publish');
    expect(slack.homeView(ALICE)?.blocks[0]).toMatchObject({ text: { text: 'retry=1 reason=http_timeout' } });
  });

  it('stores user messages in the fake so replies thread under them', async () => {
    const res = await driver.event({ type: 'message', channel: 'C0LEADS', user: ALICE, text: 'hello baton' });
    const ts = (res.envelope.event as { ts: string }).ts;
    const reply = await slack.waitForCall('chat.postMessage');
    expect(reply.args).toMatchObject({ channel: 'C0LEADS', thread_ts: ts, text: `hi <@${ALICE}>` });
    expect(slack.thread('C0LEADS', ts).map((m) => m.text)).toEqual(['hello baton', `hi <@${ALICE}>`]);
  });

  it('answers url_verification with the challenge', async () => {
    const res = await driver.urlVerification('3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P');
    expect(res.json).toEqual({ challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' });
  });
});

describe('request signing', () => {
  it('gets 401 for a forged signature, a wrong secret, a stale timestamp or missing headers', async () => {
    const sixMinutesAgo = new Date(Date.now() - 6 * 60_000);
    const statuses = [
      (await driver.command('/baton', 'help', { userId: ALICE, signature: `v0=${'0'.repeat(64)}` })).status,
      (await driver.command('/baton', 'help', { userId: ALICE, secret: 'not-the-secret' })).status,
      (await driver.command('/baton', 'help', { userId: ALICE, timestamp: sixMinutesAgo })).status,
      (
        await driver.event(
          { type: 'app_home_opened', user: ALICE },
          { headers: { 'x-slack-signature': null } },
        )
      ).status,
    ];
    expect(statuses).toEqual([401, 401, 401, 401]);
    // Nothing reached a listener.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(slack.calls).toEqual([]);
    expect(slack.responses()).toEqual([]);
  });

  it('still accepts a four-minute-old timestamp', async () => {
    const res = await driver.command('/baton', 'ping', {
      userId: ALICE,
      timestamp: new Date(Date.now() - 4 * 60_000),
    });
    expect(res.status).toBe(200);
  });

  it('signs raw bodies with post() exactly like Slack', () => {
    // Example from Slack's "Verifying requests" guide.
    const sample = new SlackDriver({
      baseUrl: 'http://x',
      signingSecret: '8f742231b10e8888abcd99yyyzzz85a5',
    });
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(sample.sign(1531420618, body)).toBe(
      'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
    );
  });
});
