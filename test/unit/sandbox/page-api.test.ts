/**
 * The sandbox page's API (src/sandbox/page-api.ts) on a real emulator, in front of the real Baton
 * (startTestApp): what each person sees, the long-poll, acting as anyone through signed requests,
 * modal stacks per person, and 4xx answers that name the field.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PageState } from '../../../src/sandbox/page/types.js';
import { PageApi } from '../../../src/sandbox/page-api.js';
import { startTestApp, type TestApp } from '../../harness/test-app.js';

let t: TestApp;
let page: PageApi;
const SDR = 'U0SDR0001';
const MGR = 'U0MGR0001';
const CHANNEL = 'C0PAGETEST';

beforeAll(async () => {
  t = await startTestApp();
  page = new PageApi({ slack: t.slack, driver: t.driver, longPollMs: 300 });
  t.slack.addRoute(page.route);
});
afterAll(() => t.stop());

const url = (path: string) => `${t.slack.baseUrl}${path}`;
const state = async (as: string) =>
  (await (await fetch(url(`/sandbox/api/state?as=${as}`))).json()) as PageState;
async function act(body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(url('/sandbox/api/act'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('GET /sandbox/api/state', () => {
  it('answers 400 naming `as` for someone not in the workspace, or the bot', async () => {
    for (const as of ['U0NOBODY', t.slack.botUserId, '']) {
      const res = await fetch(url(`/sandbox/api/state?as=${as}`));
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ field: 'as' });
    }
  });

  it('shows a person their own DM with Baton, never another’s', async () => {
    t.slack.addMessage(t.slack.dmChannel(MGR), { text: 'for the manager only' });
    const sdr = await state(SDR);
    expect(sdr.channels.filter((c) => c.isDm).map((c) => c.id)).toEqual([t.slack.dmChannel(SDR)]);
    expect(JSON.stringify(sdr)).not.toContain('for the manager only');
    const mgr = await state(MGR);
    expect(mgr.channels.find((c) => c.isDm)?.messages.map((m) => m.text)).toEqual(['for the manager only']);
  });
});

describe('POST /sandbox/api/act', () => {
  it('refuses a bad body with 400 naming the field, and stores nothing', async () => {
    const before = t.slack.version;
    const cases: [unknown, string][] = [
      ['{not json', 'body'],
      [{ as: SDR, kind: 'dance' }, 'kind'],
      [{ as: 'nobody', kind: 'open_home' }, 'as'],
      [{ as: SDR, kind: 'message', text: 'hi' }, 'channel'],
      [{ as: SDR, kind: 'message', channel: CHANNEL, text: '   ' }, 'text'],
      [{ as: SDR, kind: 'command', command: '/rm', text: '', channel: CHANNEL }, 'command'],
      [{ as: SDR, kind: 'reaction', channel: CHANNEL, ts: 'yesterday', name: 'voc' }, 'ts'],
      [{ as: SDR, kind: 'submit', view: 'V0NOTOPEN', values: {} }, 'view'],
    ];
    for (const [body, field] of cases) {
      const { status, json } = await act(body);
      expect(json.field, JSON.stringify(body)).toBe(field);
      // 400 for a malformed body, 404 for a view that is not open.
      expect(status, JSON.stringify(body)).toBe(field === 'view' ? 404 : 400);
    }
    expect(t.slack.version).toBe(before);
  });

  it('refuses a message in a DM: Baton subscribes to channel messages only', async () => {
    const { status, json } = await act({
      as: SDR,
      kind: 'message',
      channel: t.slack.dmChannel(SDR),
      text: 'hello',
    });
    expect(status).toBe(400);
    expect(json.field).toBe('channel');
  });

  it('runs a slash command as the person: Baton’s ephemeral answer is shown to them only', async () => {
    const { status, json } = await act({
      as: SDR,
      kind: 'command',
      command: '/baton',
      text: 'help',
      channel: CHANNEL,
    });
    expect(status).toBe(200);
    expect(json.status).toBe(200);
    const mine = await vi.waitFor(
      async () => {
        const seen = (await state(SDR)).ephemerals.filter((e) => e.channel === CHANNEL);
        expect(seen.length).toBeGreaterThan(0);
        return seen;
      },
      { timeout: 10_000, interval: 50 },
    );
    expect(mine.at(-1)?.message.text).not.toBe('');
    expect((await state(MGR)).ephemerals).toEqual([]);
  });

  it('posts a person’s message and their :voc: reaction, and sends Baton the events', async () => {
    const posted = await act({
      as: SDR,
      kind: 'message',
      channel: CHANNEL,
      text: 'Customer: pricing is unclear',
    });
    expect(posted.json.status).toBe(200);
    const message = t.slack.messages(CHANNEL).find((m) => m.text === 'Customer: pricing is unclear');
    expect(message?.user).toBe(SDR);
    const reacted = await act({
      as: MGR,
      kind: 'reaction',
      channel: CHANNEL,
      ts: message!.ts,
      name: ':voc:',
    });
    expect(reacted.status).toBe(200);
    expect(t.slack.messages(CHANNEL).find((m) => m.ts === message!.ts)?.reactions).toEqual([
      { name: 'voc', users: [MGR], count: 1 },
    ]);
    // Slack refuses the same reaction twice; so does the page, with a 409 naming it.
    const again = await act({ as: MGR, kind: 'reaction', channel: CHANNEL, ts: message!.ts, name: 'voc' });
    expect([again.status, again.json.field]).toEqual([409, 'name']);
  });

  it('keeps each person’s modals: /lead new opens one for its typist only; errors come back; Cancel closes it', async () => {
    await act({ as: SDR, kind: 'command', command: '/lead', text: 'new', channel: CHANNEL });
    const modal = await vi.waitFor(
      async () => {
        const open = (await state(SDR)).modals;
        expect(open.map((v) => v.callback_id)).toEqual(['lead_new']);
        return open[0]!;
      },
      { timeout: 10_000, interval: 50 },
    );
    expect((await state(MGR)).modals).toEqual([]);
    const refused = await act({ as: SDR, kind: 'submit', view: modal.id, values: {} });
    expect(refused.status).toBe(200);
    expect(Object.keys((refused.json.errors as Record<string, string>) ?? {}).length).toBeGreaterThan(0);
    expect((await state(SDR)).modals.map((v) => v.id)).toEqual([modal.id]);
    // Another person cannot submit or close it.
    expect((await act({ as: MGR, kind: 'close', view: modal.id })).status).toBe(404);
    expect((await act({ as: SDR, kind: 'close', view: modal.id })).status).toBe(200);
    expect((await state(SDR)).modals).toEqual([]);
  });
});

describe('GET /sandbox/api/updates', () => {
  it('answers at once when the version moved, on the next change while waiting, else after the long-poll', async () => {
    const { version } = await state(SDR);
    expect(await (await fetch(url(`/sandbox/api/updates?since=${version - 1}`))).json()).toEqual({ version });

    const waiting = fetch(url(`/sandbox/api/updates?since=${version}`)).then((r) => r.json());
    t.slack.addMessage(CHANNEL, { text: 'wake up' });
    expect(await waiting).toEqual({ version: version + 1 });

    // Nothing changes: the same version after the (shortened, 300 ms) long-poll. Baton may still be
    // finishing an earlier test's work after its ack, so a late write is allowed to end the wait early;
    // what may not happen is an early answer with nothing changed.
    const { version: since } = await state(SDR);
    const started = performance.now();
    const answer = (await (await fetch(url(`/sandbox/api/updates?since=${since}`))).json()) as {
      version: number;
    };
    expect(answer).toEqual({ version: page.version });
    if (answer.version === since) expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('signals a reset by answering waiting pages', async () => {
    const { version } = await state(SDR);
    const waiting = fetch(url(`/sandbox/api/updates?since=${version}`)).then((r) => r.json());
    page.reset();
    expect(await waiting).toEqual({ version: version + 1 });
  });

  it('signals Baton restarting or failing, and the state says which, keeping Slack’s messages', async () => {
    const before = await state(SDR);
    expect(before.baton).toBeUndefined();
    const waiting = fetch(url(`/sandbox/api/updates?since=${before.version}`)).then((r) => r.json());
    page.setBaton({ generation: 2, state: 'failed', dev: true, error: 'SyntaxError in x.ts' });
    expect(await waiting).toEqual({ version: before.version + 1 });
    const after = await state(SDR);
    expect(after.baton).toEqual({ generation: 2, state: 'failed', dev: true, error: 'SyntaxError in x.ts' });
    expect(after.channels).toEqual(before.channels);
  });

  it('answers 400 naming `since` when it is not a version', async () => {
    for (const since of ['', 'abc', '-1', '1.5']) {
      const res = await fetch(url(`/sandbox/api/updates?since=${since}`));
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ field: 'since' });
    }
  });
});
