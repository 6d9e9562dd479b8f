import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, type TestApp } from '../harness/test-app.js';
import { claimCard, HANDOFF_YAML, newCard } from './support/lead-cards.js';

// Default calendar (UTC). "Now" is Wednesday 2026-12-02 10:00; this week is 2026-11-30 to 2026-12-06.
const NOW = '2026-12-02T10:00:00Z';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const SENT_TO_DM =
  'I can’t post in this conversation, so the chart is in your DM with me. To get charts here, invite me with `/invite @Baton`.';

let t: TestApp;

/** A contact-form lead (an MQL) arriving at `at`, optionally claimed (MQL → SAL). */
async function lead(at: string, email: string, claimBy?: string) {
  t.clock.set(at);
  const { leadId, cardTs } = await newCard(t, email, 'Dana', 'contact');
  if (claimBy) await claimCard(t, claimBy, leadId, cardTs);
}

/** Every ephemeral text sent through the command's response_url so far. */
function answers(responseUrl: string): string[] {
  return t.slack.responses(responseUrl).map((r) => String(r.body.text));
}

async function chartCommand(channelId: string, userId = 'U0MGR0001') {
  t.slack.reset({ state: true });
  t.clock.set(NOW);
  const res = await t.driver.command('/funnel', 'this-week chart', { userId, channelId });
  expect(res.status).toBe(200);
  // The report is computed and the chart rendered after the ack; give a busy machine time.
  await t.slack.waitForCall('files.completeUploadExternal', undefined, { timeoutMs: 20_000 });
  return res;
}

beforeAll(async () => {
  t = await startTestApp({ configYaml: HANDOFF_YAML });
  t.slack.addUser({ id: 'U0SDR0002', name: 'yuna', tz: 'Asia/Seoul' });
  // This week's cohort: two MQLs, one claimed (SAL). Last week's lead is not in it.
  await lead('2026-11-27T10:00:00Z', 'old@acme.io');
  await lead('2026-11-30T09:00:00Z', 'one@acme.io', 'U0SDR0001');
  await lead('2026-12-01T09:00:00Z', 'two@acme.io');
});
afterAll(async () => {
  await t?.stop();
});

describe('/funnel … chart', { timeout: 40_000 }, () => {
  it('answers with the report and shares the chart PNG in the channel it was typed in', async () => {
    const res = await chartCommand('C0GROWTH');
    const urls = t.slack.callsTo('files.getUploadURLExternal');
    expect(urls).toHaveLength(1);
    expect(urls[0]!.args.filename).toBe('funnel-this-week.png');
    // Cohort of this week, by hand: Lead 2, MQL 2, SAL 1 (2→2 is 100%, 2→1 is 50%, 1→0 is 0%).
    expect(urls[0]!.args.alt_text).toBe(
      'Funnel · 2026-11-30 – 2026-12-06. Cohort: how far the leads created in the period got (so far). ' +
        'Lead 2 → 100.0% → MQL 2 → 50.0% → SAL 1 → 0.0% → SQL 0 → Opportunity 0 → Negotiation 0 → Closing 0 → Retention 0',
    );
    const complete = t.slack.lastCall('files.completeUploadExternal')!;
    expect(complete.args.channel_id).toBe('C0GROWTH');
    expect(complete.args.initial_comment).toBe('Funnel chart for <@U0MGR0001>');

    const [file] = t.slack.files();
    expect(file?.completed).toBe(true);
    expect(file?.title).toBe('Funnel · 2026-11-30 – 2026-12-06');
    const png = file!.bytes!;
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    // Eight working stages: (96 + 8 × 56 − 26 + 28) × 2 = 1092 high, 800 × 2 wide.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1600, 1092]);
    const shared = t.slack.messages('C0GROWTH');
    expect(shared).toHaveLength(1);
    expect(shared[0]?.files).toHaveLength(1);

    // The report itself answered first, privately; nothing says the chart went elsewhere.
    const [report, ...rest] = t.slack.responses(res.responseUrl);
    expect(report?.body.response_type).toBe('ephemeral');
    expect(String(report?.body.text)).toMatch(/^Funnel — /);
    expect(rest).toEqual([]);
    expect(t.slack.callsTo('conversations.open')).toEqual([]);
  });

  it('sends the chart to the person’s DM, and says so, when Baton is not in the channel', async () => {
    t.slack.reset({ state: true });
    t.slack.failNext('files.completeUploadExternal', { error: 'not_in_channel' });
    t.clock.set(NOW);
    const res = await t.driver.command('/funnel', 'this-week chart', {
      userId: 'U0SDR0001',
      channelId: 'C0PRIVATE',
    });
    await vi.waitFor(() => expect(answers(res.responseUrl)).toContain(SENT_TO_DM), { timeout: 20_000 });
    const completes = t.slack.callsTo('files.completeUploadExternal');
    expect(
      completes.map((c) => [c.args.channel_id, c.failure && 'error' in c.failure ? c.failure.error : null]),
    ).toEqual([
      ['C0PRIVATE', 'not_in_channel'],
      [t.slack.dmChannel('U0SDR0001'), null],
    ]);
    expect(t.slack.lastCall('conversations.open')?.args.users).toBe('U0SDR0001');
    expect(t.slack.messages('C0PRIVATE')).toEqual([]);
    const dm = t.slack.messages(t.slack.dmChannel('U0SDR0001'));
    expect(dm.filter((m) => Array.isArray(m.files))).toHaveLength(1);
  });

  it('says the chart failed, with Slack’s error, on any other refusal', async () => {
    t.slack.reset({ state: true });
    t.slack.failNext('files.getUploadURLExternal', { error: 'file_uploads_disabled' });
    t.clock.set(NOW);
    const res = await t.driver.command('/funnel', 'this-week chart', {
      userId: 'U0MGR0001',
      channelId: 'C0GROWTH',
    });
    const failed =
      ':warning: The chart could not be uploaded (`file_uploads_disabled`). The numbers above are unaffected; try again in a minute.';
    await vi.waitFor(() => expect(answers(res.responseUrl)).toContain(failed), { timeout: 20_000 });
    expect(t.slack.callsTo('conversations.open')).toEqual([]);
    expect(t.slack.files().filter((f) => f.completed)).toEqual([]);
  });
});
