import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack } from '../harness/fake-slack.js';
import { FakeSocketMode } from '../harness/fake-socket-mode.js';
import { startTestApp, TEAM_ID, TEAM_USERS, type TestApp } from '../harness/test-app.js';

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

let slack: FakeSlack;
let socket: FakeSocketMode;
let t: TestApp;
let port: number;

beforeAll(async () => {
  slack = await FakeSlack.start({ teamId: TEAM_ID, users: TEAM_USERS });
  socket = await FakeSocketMode.start(slack);
  port = await freePort();
  t = await startTestApp({
    slack,
    env: {
      SLACK_APP_TOKEN: 'xapp-1-A0BATON-1000000003-0123456789abcdef',
      SLACK_SIGNING_SECRET: '',
      PORT: String(port),
    },
  });
  await socket.connected();
});
afterAll(async () => {
  await t?.stop();
  await socket?.stop();
  await slack?.stop();
});

describe('Socket Mode (SLACK_APP_TOKEN set)', () => {
  it('connects with the app-level token and still serves health routes on PORT', async () => {
    const open = slack.lastCall('apps.connections.open');
    expect(open?.token).toBe('xapp-1-A0BATON-1000000003-0123456789abcdef');
    expect(open?.response.ok).toBe(true);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(200);
  });

  it('answers /baton help in the envelope ack', async () => {
    const ack = await socket.send('slash_commands', {
      command: '/baton',
      text: 'help',
      user_id: 'U0SDR0001',
      team_id: TEAM_ID,
      channel_id: 'C0LEADS',
      response_url: slack.responseUrl(),
      trigger_id: '1.2.3',
      api_app_id: 'A0BATON',
    });
    expect(ack.response_type).toBe('ephemeral');
    expect(ack.text).toBe('Baton — lead hand-off, follow-up SLA and the weekly growth retro');
  });

  it('delivers events to the same listeners, once per event id', async () => {
    const envelope = {
      type: 'event_callback',
      team_id: TEAM_ID,
      api_app_id: 'A0BATON',
      event_id: 'Ev0SOCKET01',
      event_time: 1_795_395_723,
      event: { type: 'app_home_opened', user: 'U0AE00001', tab: 'home', event_ts: '1795395723.000100' },
      authorizations: [{ team_id: TEAM_ID, user_id: 'U0BATONBOT', is_bot: true }],
    };
    await socket.send('events_api', envelope);
    const call = await slack.waitForCall('views.publish', { user_id: 'U0AE00001' });
    expect(JSON.stringify(call.args.view)).toContain('You are on the Baton roster as *Account executive*');
    await socket.send('events_api', envelope, { retryAttempt: 1 });
    await socket.send('events_api', {
      ...envelope,
      event_id: 'Ev0SOCKET02',
      event: { ...envelope.event, user: 'U0MKT0001' },
    });
    await slack.waitForCall('views.publish', { user_id: 'U0MKT0001' });
    expect(slack.callsTo('views.publish').map((c) => c.args.user_id)).toEqual(['U0AE00001', 'U0MKT0001']);
  });
});
