import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FakeClock } from '../harness/fake-clock.js';
import { demoLead } from '../harness/lead-webhook.js';
import { startTestApp, TEAM_ID, TEAM_YAML, type TestApp } from '../harness/test-app.js';

const ADMIN = 'U0MGR0001'; // manager and admin in TEAM_YAML
const SELLER = 'U0SDR0001';

async function baton(t: TestApp, text: string, userId: string) {
  const res = await t.driver.command('/baton', text, { userId });
  expect(res.status).toBe(200);
  const reply = await t.slack.waitForResponse(res.responseUrl, { timeoutMs: 15_000 });
  expect(reply.body.response_type).toBe('ephemeral');
  return reply.body as { text: string; blocks?: { text?: { text: string } }[] };
}

const blockTexts = (body: { blocks?: { text?: { text: string } }[] }) =>
  (body.blocks ?? []).map((b) => b.text?.text ?? '');

describe('a workspace configured by its file', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it('starts on the file, applied as version 1', async () => {
    const body = await baton(t, 'config history', SELLER);
    const texts = blockTexts(body);
    expect(texts[0]).toBe('Configuration history');
    expect(texts[1]).toMatch(/^\*Version 1\* · baton\.yaml · from the config file · <!date\^/);
    expect(texts[1]).toContain('• <@U0SDR0001> added to the roster');
    expect(texts[1]).toContain('• `channels.leads.smb`: (not set) → `C0LEADS`');
  });

  it('lists a change made by a person: who, how and what in words', async () => {
    const result = await t.baton.context.services.config.change(
      TEAM_ID,
      { actorId: ADMIN, via: 'slack' },
      (doc) => ({ ...doc, sla: { first_touch_minutes: 30 } }),
    );
    expect(result).toEqual({
      ok: true,
      version: 2,
      changes: [{ path: 'sla.first_touch_minutes', before: null, after: 30 }],
    });
    // Used at once by this process, without a restart.
    expect(t.baton.context.configs.for(TEAM_ID).sla.firstTouchMinutes).toBe(30);
    const texts = blockTexts(await baton(t, 'config history', SELLER));
    expect(texts[1]).toMatch(/^\*Version 2\* · <@U0MGR0001> · in Slack · <!date\^\d+\^[^|]+\|[^>]+>\n/);
    expect(texts[1]).toContain('• `sla.first_touch_minutes`: (not set) → `30`');
  });

  it('refuses, through Slack, keys the file manages', async () => {
    const result = await t.baton.context.services.config.change(
      TEAM_ID,
      { actorId: ADMIN, via: 'slack' },
      (doc) => ({ ...doc, locale: 'ko' }),
    );
    expect(result).toEqual({ ok: false, reason: 'managed_by_file', keys: ['locale'] });
  });

  it('lets only admins restore, and a restore is itself a new version', async () => {
    expect((await baton(t, 'config restore 1', SELLER)).text).toBe(
      'Only a Baton admin can do that: someone in BATON_ADMINS, a workspace owner or admin, or a roster admin.',
    );
    expect((await baton(t, 'config restore', ADMIN)).text).toBe(
      'Say which version: `/baton config restore &lt;version&gt;` (see `/baton config history`).',
    );
    expect((await baton(t, 'config restore 9', ADMIN)).text).toBe(
      'There is no version 9. See `/baton config history`.',
    );
    expect((await baton(t, 'config restore 1', ADMIN)).text).toBe(
      'Restored version 1 as version 3 (1 setting changed). Every Baton process uses it within seconds.',
    );
    expect(t.baton.context.configs.for(TEAM_ID).sla.firstTouchMinutes).toBe(60);
    const texts = blockTexts(await baton(t, 'config history', ADMIN));
    expect(texts[1]).toMatch(/^\*Version 3\* · <@U0MGR0001> · restored version 1 · /);
    expect(texts[1]).toContain('• `sla.first_touch_minutes`: `30` → (not set)');
    expect((await baton(t, 'config restore 1', ADMIN)).text).toBe(
      'Version 1 is what Baton uses already: nothing to restore.',
    );
  });

  it('DMs an admin the configuration as YAML that, given back as the file, reproduces it exactly', async () => {
    expect((await baton(t, 'config export', SELLER)).text).toContain('Only a Baton admin can do that');
    t.slack.reset({ state: true });
    expect((await baton(t, 'config export', ADMIN)).text).toBe(
      'Sent version 3 of the configuration to your DM with Baton.',
    );
    const [file] = t.slack.files().filter((f) => f.completed);
    expect(file!.filename).toBe('baton-config-v3.yaml');
    const dm = (await t.slack.waitForCall('conversations.open')).args.users;
    expect(dm).toBe(ADMIN);
    const yaml = file!.bytes!.toString('utf8');
    const document = t.baton.context.services.config.document(TEAM_ID);
    expect(parse(yaml)).toEqual(document);

    // Round trip: a fresh Baton given the export as its file ends on the same document and config.
    const again = await startTestApp({ configYaml: yaml, slack: t.slack, clock: t.clock });
    try {
      expect(again.baton.context.services.config.document(TEAM_ID)).toEqual(document);
      expect(again.baton.context.configs.for(TEAM_ID)).toEqual(t.baton.context.configs.for(TEAM_ID));
    } finally {
      await again.stop();
    }
  });

  it('explains the subcommands', async () => {
    expect((await baton(t, 'config', ADMIN)).text).toContain('`/baton config history`');
  });
});

describe('a workspace with no file and no version yet', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ configYaml: null });
  });
  afterAll(() => t.stop());

  it('says at start that it is not set up', () => {
    expect(t.logs.find((l) => l.msg === "not set up yet: open Baton's Home in Slack")).toMatchObject({
      missing: ['leads_channel:smb', 'leads_channel:enterprise', 'seller'],
    });
  });

  it('answers a lead with 409 not_set_up, naming what is missing', async () => {
    const res = await t.sendLead(demoLead('unset', 1));
    expect(res.status).toBe(409);
    expect(res.json).toEqual({
      error: 'not_set_up',
      missing: ['leads_channel:smb', 'leads_channel:enterprise', 'seller'],
      message: "Baton is not set up yet: an admin opens Baton's Home in Slack and follows the checklist.",
    });
  });

  it('keeps Home, commands and jobs working', async () => {
    await t.driver.event({ type: 'app_home_opened', user: ADMIN, tab: 'home' });
    const home = await t.slack.waitForCall('views.publish', { user_id: ADMIN });
    expect((home.args.view as { type: string }).type).toBe('home');
    expect(blockTexts(await baton(t, 'config history', ADMIN))).toEqual([
      'No configuration versions yet: Baton is not set up. Open Baton’s Home in Slack to set it up.',
    ]);
    // A week of jobs (the retro has no channel yet) runs without an error.
    t.clock.advance(8 * 24 * 60 * 60_000);
    await t.baton.jobs.runDue();
    expect(t.logs.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('takes leads as soon as a leads channel and a seller are set, without a restart', async () => {
    const result = await t.baton.context.services.config.change(
      TEAM_ID,
      { actorId: ADMIN, via: 'slack' },
      () => ({ channels: { leads: 'C0LEADS' }, roster: [{ user: SELLER, roles: ['sdr'] }] }),
    );
    expect(result).toMatchObject({ ok: true, version: 1 });
    const res = await t.sendLead(demoLead('unset', 2));
    expect(res.status).toBe(202);
    await t.flushOutbox();
    const card = t.slack.callsTo('chat.postMessage').find((c) => c.args.channel === 'C0LEADS');
    expect(card).toBeDefined();
  });
});

describe('a new version that moves the retro', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Monday 23 November 2026, 09:00 UTC (TEAM_YAML keeps the calendar's UTC default).
    t = await startTestApp({ clock: new FakeClock(new Date('2026-11-23T09:00:00Z')) });
  });
  afterAll(() => t.stop());

  const pending = () =>
    t.database.rows<{ kind: string; run_at: Date }>(
      sql`select kind, run_at from jobs where kind like 'retro.%' and status = 'pending' order by kind`,
    );
  const iso = (rows: { kind: string; run_at: Date }[]) =>
    rows.map((r) => [r.kind, new Date(r.run_at).toISOString()]);

  it('re-books the pending retro jobs at the new times, without a restart', async () => {
    expect(iso(await pending())).toEqual([
      ['retro.close', '2026-11-27T17:00:00.000Z'],
      ['retro.monthly', '2026-12-01T10:00:00.000Z'],
      ['retro.nudge', '2026-11-24T12:00:00.000Z'],
      ['retro.open', '2026-11-23T10:00:00.000Z'],
    ]);
    await t.setConfig(
      `${TEAM_YAML}\nretro:\n  open: { day: mon, time: "11:30" }\n  close: { day: thu, time: "16:00" }\n`,
    );
    expect(iso(await pending())).toEqual([
      ['retro.close', '2026-11-26T16:00:00.000Z'],
      ['retro.monthly', '2026-12-01T10:00:00.000Z'],
      ['retro.nudge', '2026-11-24T12:00:00.000Z'],
      ['retro.open', '2026-11-23T11:30:00.000Z'],
    ]);
  });
});
