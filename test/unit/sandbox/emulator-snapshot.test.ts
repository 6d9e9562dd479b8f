import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack } from '../../../src/sandbox/slack-emulator/index.js';
import type { EmulatorSnapshot } from '../../../src/sandbox/slack-emulator/snapshot.js';

describe("the emulator's read-only state view", () => {
  let slack: FakeSlack;
  let client: WebClient;
  beforeAll(async () => {
    slack = await FakeSlack.start({
      teamId: 'T0VIEW',
      teamName: 'View Team',
      users: [{ id: 'U0ADA', realName: 'Ada Lovelace', isAdmin: true }],
      channels: [{ id: 'C0LEADS', name: 'leads', isPrivate: true }],
      keepCalls: 3,
    });
    client = new WebClient('xoxb-test', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
  });
  afterAll(() => slack.stop());

  it('shows channels with their messages and threads, DMs and Home views at GET /', async () => {
    const parent = await client.chat.postMessage({ channel: 'C0LEADS', text: 'New lead' });
    await client.chat.postMessage({ channel: 'C0LEADS', text: 'claimed', thread_ts: parent.ts! });
    await client.chat.postMessage({ channel: 'U0ADA', text: 'hello Ada' });
    await client.views.publish({ user_id: 'U0ADA', view: { type: 'home', blocks: [{ type: 'divider' }] } });

    const res = await fetch(slack.baseUrl);
    expect(res.status).toBe(200);
    const state = (await res.json()) as EmulatorSnapshot;
    expect(state.team).toEqual({ id: 'T0VIEW', name: 'View Team', domain: 'baton-test' });
    expect(state.users.map((u) => [u.id, u.isAdmin, u.isBot])).toEqual([
      ['U0BATONBOT', false, true],
      ['U0ADA', true, false],
    ]);
    const leads = state.channels.find((c) => c.id === 'C0LEADS')!;
    expect([leads.name, leads.isPrivate, leads.isDm]).toEqual(['leads', true, false]);
    expect(leads.messages.map((m) => [m.text, m.thread_ts ?? null, m.reply_count ?? null])).toEqual([
      ['New lead', parent.ts, 1],
      ['claimed', parent.ts, null],
    ]);
    const dm = state.channels.find((c) => c.id === 'D0ADA')!;
    expect([dm.isDm, dm.messages.map((m) => m.text)]).toEqual([true, ['hello Ada']]);
    expect(state.homeViews.U0ADA?.blocks.map((b) => b.type)).toEqual(['divider']);
    expect(slack.snapshot()).toEqual(state);
    // Read-only: only GET / answers; a change to the copy does not reach the emulator.
    expect((await fetch(slack.baseUrl, { method: 'POST' })).status).toBe(404);
    state.channels.length = 0;
    expect(slack.snapshot().channels.length).toBe(2);
  });

  it('keeps only the newest `keepCalls` recorded calls', () => {
    expect(slack.calls.map((c) => c.method)).toEqual([
      'chat.postMessage',
      'chat.postMessage',
      'views.publish',
    ]);
  });
});
