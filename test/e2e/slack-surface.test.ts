import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../harness/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.stop();
});

const blockText = (blocks: unknown) => JSON.stringify(blocks);

describe('operational routes', () => {
  it('answers /healthz and /readyz', async () => {
    const health = await fetch(`${t.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${t.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: t.database.kind });
  });
});

describe('/baton help', () => {
  it('answers in the ack with an ephemeral list of commands in the workspace locale', async () => {
    const res = await t.driver.command('/baton', 'help', { userId: 'U0SDR0001' });
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body) as { response_type: string; text: string; blocks: unknown[] };
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toBe('Baton — lead hand-off, follow-up SLA and the weekly growth retro');
    for (const usage of [
      '/baton help',
      '/baton roster [add | remove | set @person …]',
      '/baton ooo [YYYY-MM-DD]',
      '/baton back',
    ]) {
      expect(blockText(body.blocks)).toContain(`\`${usage}\``);
    }
  });

  it('treats an empty /baton as help', async () => {
    const res = await t.driver.command('/baton', '', { userId: 'U0SDR0001' });
    expect(JSON.parse(res.body).text).toBe(
      'Baton — lead hand-off, follow-up SLA and the weekly growth retro',
    );
  });
});

describe('request signatures', () => {
  it('rejects a forged signature with 401 and runs nothing', async () => {
    const before = t.slack.calls.length;
    const res = await t.driver.command('/baton', 'roster', { userId: 'U0SDR0001', signature: 'v0=deadbeef' });
    expect(res.status).toBe(401);
    const wrongSecret = await t.driver.command('/baton', 'roster', {
      userId: 'U0SDR0001',
      secret: 'not-the-secret',
    });
    expect(wrongSecret.status).toBe(401);
    expect(t.slack.calls.length).toBe(before);
    expect(t.slack.responses()).toHaveLength(0);
  });

  it('rejects a timestamp older than five minutes with 401', async () => {
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const res = await t.driver.command('/baton', 'help', { userId: 'U0SDR0001', timestamp: sixMinutesAgo });
    expect(res.status).toBe(401);
  });

  // Bolt's clock is the wall clock (Date.now), so the stamps are too.
  const minutesFromNow = (minutes: number) => Math.floor(Date.now() / 1000) + minutes * 60;

  it('refuses a request signed 10 minutes ahead with 401 and runs nothing; accepts 4 minutes either way', async () => {
    const before = t.slack.calls.length;
    const ahead = await t.driver.command('/baton', 'roster', {
      userId: 'U0SDR0001',
      timestamp: minutesFromNow(10),
    });
    expect(ahead.status).toBe(401);
    expect(ahead.body).toBe('');

    for (const minutes of [4, -4]) {
      const res = await t.driver.command('/baton', 'roster', {
        userId: 'U0SDR0001',
        timestamp: minutesFromNow(minutes),
      });
      expect(res.status, `${minutes} minutes`).toBe(200);
      expect((await t.slack.waitForResponse(res.responseUrl)).body.text).toBe('Roster — 4 people');
    }
    const behind = await t.driver.command('/baton', 'roster', {
      userId: 'U0SDR0001',
      timestamp: minutesFromNow(-6),
    });
    expect(behind.status).toBe(401);
    // The accepted commands above were answered, so anything the refused ones did would be seen by now.
    expect(t.slack.responses(ahead.responseUrl)).toHaveLength(0);
    expect(t.slack.responses(behind.responseUrl)).toHaveLength(0);
    expect(t.slack.calls.length).toBe(before);
  });

  it('refuses events, interactions and options requests signed 10 minutes ahead', async () => {
    const before = t.slack.calls.length;
    const timestamp = minutesFromNow(10);
    const event = await t.driver.event(
      { type: 'app_home_opened', user: 'U0SDR0001', tab: 'home' },
      { timestamp },
    );
    expect(event.status).toBe(401);
    const shortcut = await t.driver.globalShortcut({
      userId: 'U0SDR0001',
      callbackId: 'new_lead',
      timestamp,
    });
    expect(shortcut.status).toBe(401);
    const options = await t.driver.blockSuggestion({
      userId: 'U0SDR0001',
      actionId: 'lead_pick',
      value: 'acme',
      view: { id: 'V0NONE', type: 'modal', blocks: [], callback_id: 'x' },
      timestamp,
    });
    expect(options.status).toBe(401);
    expect(t.slack.calls.length).toBe(before);
  });
});

describe('/baton roster and out-of-office', () => {
  it('lists the roster with roles and segments', async () => {
    const res = await t.driver.command('/baton', 'roster', { userId: 'U0SDR0001' });
    expect(res.status).toBe(200);
    const reply = await t.slack.waitForResponse(res.responseUrl);
    expect(reply.body.response_type).toBe('ephemeral');
    expect(reply.body.text).toBe('Roster — 4 people');
    const text = blockText(reply.body.blocks);
    expect(text).toContain('<@U0SDR0001> — Inside sales (SDR) · smb, enterprise');
    expect(text).toContain('<@U0AE00001> — Account executive · enterprise');
    expect(text).toContain('<@U0MGR0001> — Manager · Admin');
  });

  it('marks the caller out of office until the end of the given day in their zone', async () => {
    const res = await t.driver.command('/baton', 'ooo 2026-12-31', { userId: 'U0SDR0001' });
    const reply = await t.slack.waitForResponse(res.responseUrl);
    // Sora works in the calendar zone (UTC by default), so the absence ends 2027-01-01 00:00Z.
    const end = Date.UTC(2027, 0, 1) / 1000;
    expect(reply.body.text).toBe(
      `You are out of office until <!date^${end}^{date_short_pretty} {time}|2027-01-01 00:00 UTC>. No new leads will be routed to you.`,
    );
    const roster = await t.driver.command('/baton', 'roster', { userId: 'U0AE00001' });
    const listed = await t.slack.waitForResponse(roster.responseUrl);
    expect(blockText(listed.body.blocks)).toContain(':palm_tree: out of office until <!date^');
  });

  it('ends the out-of-office with /baton back, once', async () => {
    const back = await t.driver.command('/baton', 'back', { userId: 'U0SDR0001' });
    expect((await t.slack.waitForResponse(back.responseUrl)).body.text).toBe(
      'Welcome back! New leads can be routed to you again.',
    );
    const again = await t.driver.command('/baton', 'back', { userId: 'U0SDR0001' });
    expect((await t.slack.waitForResponse(again.responseUrl)).body.text).toBe('You were not out of office.');
  });

  it('explains a date it cannot read, a past date, and a caller not on the roster', async () => {
    const bad = await t.driver.command('/baton', 'ooo next <!here>', { userId: 'U0SDR0001' });
    expect((await t.slack.waitForResponse(bad.responseUrl)).body.text).toBe(
      'I could not read `next &lt;!here&gt;` as a date. Use YYYY-MM-DD, for example `/baton ooo 2026-12-31`.',
    );
    const past = await t.driver.command('/baton', 'ooo 2026-01-05', { userId: 'U0SDR0001' });
    expect((await t.slack.waitForResponse(past.responseUrl)).body.text).toContain(
      '`2026-01-05` is in the past',
    );
    const stranger = await t.driver.command('/baton', 'ooo', { userId: 'U0STRANGER' });
    expect((await t.slack.waitForResponse(stranger.responseUrl)).body.text).toBe(
      'You are not on the Baton roster, so there is nothing to change. Ask an admin to add you.',
    );
  });

  it('answers an unknown subcommand with a pointer to help, escaping what was typed', async () => {
    const res = await t.driver.command('/baton', 'launch <!channel>', { userId: 'U0SDR0001' });
    expect((await t.slack.waitForResponse(res.responseUrl)).body.text).toBe(
      "I don't know `/baton launch &lt;!channel&gt;`. Try `/baton help`.",
    );
  });
});

describe('App Home', () => {
  it('greets a roster member by their roles', async () => {
    const res = await t.driver.event({ type: 'app_home_opened', user: 'U0MGR0001', tab: 'home' });
    expect(res.status).toBe(200);
    const call = await t.slack.waitForCall('views.publish', { user_id: 'U0MGR0001' });
    const view = call.args.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe('home');
    const text = blockText(view.blocks);
    expect(text).toContain('Hi <@U0MGR0001>!');
    expect(text).toContain('You are on the Baton roster as *Manager · Admin*');
    expect(text).toContain('You receive escalations for your team');
    expect(text).not.toContain('New leads for your segments');
  });

  it('tells someone not on the roster which admin adds them, in Slack, with no restart', async () => {
    await t.driver.event({ type: 'app_home_opened', user: 'U0STRANGER', tab: 'home' });
    const call = await t.slack.waitForCall('views.publish', { user_id: 'U0STRANGER' });
    const text = blockText((call.args.view as { blocks: unknown[] }).blocks);
    expect(text).toContain('You are not on the Baton roster yet');
    expect(text).toContain(
      'Ask <@U0MGR0001> to add your Slack user ID `U0STRANGER` from Slack with `/baton roster add @you <roles> <segments>`',
    );
    expect(text).toContain('; it applies at once.');
    expect(text).not.toMatch(/restart|baton\.yaml/i);
  });

  it('handles a Slack retry of the same event once', async () => {
    const before = t.slack.callsTo('views.publish').length;
    const event = { type: 'app_home_opened', user: 'U0AE00001', tab: 'home' };
    const first = await t.driver.event(event, { eventId: 'Ev0RETRY001' });
    await t.slack.waitForCall('views.publish', { user_id: 'U0AE00001' });
    const retry = await t.driver.event(event, {
      eventId: 'Ev0RETRY001',
      retryNum: 1,
      retryReason: 'http_timeout',
    });
    expect([first.status, retry.status]).toEqual([200, 200]);
    // A different event afterwards proves the pipeline is idle, not merely slow.
    await t.driver.event({ ...event, user: 'U0MKT0001' }, { eventId: 'Ev0OTHER001' });
    await t.slack.waitForCall('views.publish', { user_id: 'U0MKT0001' });
    expect(t.slack.callsTo('views.publish').length - before).toBe(2);
    expect(t.baton.context.metrics.registry.value('baton_slack_duplicate_events_total')).toBe(1);
  });

  it('ignores the Messages tab', async () => {
    const before = t.slack.callsTo('views.publish').length;
    await t.driver.event({ type: 'app_home_opened', user: 'U0SDR0001', tab: 'messages' });
    await t.driver.event(
      { type: 'app_home_opened', user: 'U0MKT0001', tab: 'home' },
      { eventId: 'Ev0AFTER' },
    );
    await t.slack.waitForCall(
      'views.publish',
      (c) => c.args.user_id === 'U0MKT0001' && t.slack.callsTo('views.publish').length > before,
    );
    expect(
      t.slack
        .callsTo('views.publish')
        .slice(before)
        .map((c) => c.args.user_id),
    ).toEqual(['U0MKT0001']);
  });
});

describe('/metrics', () => {
  it('counts requests and acks by kind, Slack API calls and errors, and job lag', async () => {
    t.slack.failNext('views.publish', { error: 'not_enabled' });
    await t.driver.event({ type: 'app_home_opened', user: 'U0SDR0001', tab: 'home' });
    await t.slack.waitForCall('views.publish', { user_id: 'U0SDR0001' });
    await t.driver.command('/baton', 'help', { userId: 'U0SDR0001' });
    const res = await fetch(`${t.baseUrl}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    const value = (series: string) =>
      Number(new RegExp(`^${series.replace(/[{}]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1]);
    expect(value('baton_slack_requests_total{kind="command"}')).toBeGreaterThanOrEqual(10);
    expect(value('baton_slack_acks_total{kind="command"}')).toBe(
      value('baton_slack_requests_total{kind="command"}'),
    );
    expect(value('baton_slack_requests_total{kind="event"}')).toBeGreaterThanOrEqual(7);
    expect(value('baton_slack_api_calls_total{method="auth.test"}')).toBe(1);
    expect(value('baton_slack_api_errors_total{method="views.publish",error="not_enabled"}')).toBe(1);
    expect(text).toMatch(/^baton_job_lag_seconds \d+/m);
    expect(text).toMatch(/^baton_jobs_due \d+$/m);
  });

  it('shows the process metrics operators expect beside Baton series, each family once', async () => {
    const scrape = async () => (await fetch(`${t.baseUrl}/metrics`)).text();
    await scrape();
    const text = await scrape(); // a second scrape must not repeat a family
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes \d/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d/m);
    expect(text).toContain('# TYPE nodejs_gc_duration_seconds histogram');
    expect(text).toMatch(/^nodejs_active_handles_total \d/m);
    expect(text).toMatch(/^baton_jobs_due \d+$/m);
    const types = text.split('\n').filter((l) => l.startsWith('# TYPE '));
    expect(types.length).toBeGreaterThan(20);
    expect(new Set(types).size).toBe(types.length);
  });
});
