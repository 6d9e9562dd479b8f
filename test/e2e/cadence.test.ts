import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { activitiesOf } from '../../src/db/queries/activities.js';
import type { FakeMessage } from '../harness/fake-slack.js';
import { startTestApp, TEAM_ID, type TestApp } from '../harness/test-app.js';
import { eventsOf, sendLead } from './support/routing.js';

const [S1, S2, M1] = ['U0CAD0001', 'U0CAD0002', 'U0CADMGR1'];

/** Claim mode; the team and its sellers work Mon–Fri 09:00–18:00 in Seoul; default cadence. */
const CONFIG = `
locale: en
calendar:
  time_zone: Asia/Seoul
segments: [smb]
channels:
  leads: { smb: C0LEADS }
routing:
  match_existing_accounts: false
roster:
  - { user: ${S1}, roles: [sdr], segments: [smb], manager: ${M1} }
  - { user: ${S2}, roles: [sdr], segments: [smb] }
  - { user: ${M1}, roles: [manager] }
retro: { enabled: false } # its nudge DMs would count among the DMs asserted here
`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ configYaml: CONFIG });
  for (const id of [S1, S2, M1]) t.slack.addUser({ id, name: id.toLowerCase(), tz: 'Asia/Seoul' });
});
afterAll(async () => {
  await t?.stop();
});

const at = async (iso: string) => {
  t.clock.set(iso);
  await t.baton.jobs.runDue();
  await t.flushOutbox();
};

/** The cadence reminders Baton DMed `userId` about the lead, oldest first (as they read now). */
const reminders = (userId: string, id: number): FakeMessage[] =>
  t.slack.messages(userId).filter((m) => JSON.stringify(m.blocks ?? []).includes(`"cadence_lead:${id}"`));
const texts = (userId: string, id: number) => reminders(userId, id).map((m) => String(m.text));

async function cadenceJobs(id: number) {
  return t.database.rows<{ dedupe_key: string; run_at: string }>(
    sql`select dedupe_key, to_char(run_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI') as run_at from jobs
        where kind = 'cadence.step' and payload->>'leadId' = ${String(id)} order by run_at, dedupe_key`,
  );
}

async function cadenceEvents(id: number) {
  return (await eventsOf(t, id))
    .filter((e) => e.type.startsWith('cadence_step'))
    .map(
      (e) =>
        `${e.type}:${e.data.owner}:${e.data.step}:${e.data.snoozes}${e.data.reason ? `:${e.data.reason}` : ''}`,
    );
}

/** Presses a button on a reminder as `userId`. */
function press(
  userId: string,
  dm: FakeMessage,
  owner: string,
  action: 'cadence_done' | 'cadence_skip' | 'cadence_snooze',
) {
  const actions = (dm.blocks ?? []).find((b) => b.type === 'actions') as
    | { block_id: string; elements: Array<{ action_id: string; value: string }> }
    | undefined;
  const button = actions?.elements.find((e) => e.action_id === action);
  if (!actions || !button) throw new Error(`the reminder has no ${action} button`);
  return t.driver.blockActions({
    userId,
    channelId: t.slack.dmChannel(owner),
    messageTs: dm.ts,
    actions: [{ action_id: action, block_id: actions.block_id, value: button.value }],
  });
}

/** Waits for a button's listener (it runs after Bolt's ack) and delivers what it queued. */
async function settle(check: () => Promise<void> | void) {
  await vi.waitFor(async () => {
    await t.flushOutbox();
    await check();
  });
}

describe('sales cadence', () => {
  it('turns a claim into reminders at the owner’s local times, answered by Done / Skip / Snooze, until Opportunity', async () => {
    t.clock.set('2026-11-23T01:00:00Z'); // Monday 10:00 in Seoul
    const id = await sendLead(t, { name: 'Cady Cadence' });
    await t.flushOutbox();
    const claimed = await t.baton.context.services.leads.claim(TEAM_ID, id, S1, t.clock.now());
    expect(claimed.ok).toBe(true);

    expect(await cadenceJobs(id)).toEqual([
      { dedupe_key: `cadence.step:${id}:${S1}:0`, run_at: '2026-11-23T01:05' }, // Mon 10:05 KST
      { dedupe_key: `cadence.step:${id}:${S1}:1`, run_at: '2026-11-24T00:00' }, // Tue 09:00
      { dedupe_key: `cadence.step:${id}:${S1}:2`, run_at: '2026-11-26T00:00' }, // Thu 09:00
      { dedupe_key: `cadence.step:${id}:${S1}:3`, run_at: '2026-11-30T00:00' }, // day 7 is Sunday → Mon
      { dedupe_key: `cadence.step:${id}:${S1}:4`, run_at: '2026-12-02T00:00' }, // Wed 09:00
      { dedupe_key: `cadence.step:${id}:${S1}:5`, run_at: '2026-12-07T00:00' }, // day 14 is Sunday → Mon
    ]);

    await at('2026-11-23T01:04:00Z');
    expect(reminders(S1, id)).toEqual([]);
    await at('2026-11-23T01:05:00Z');
    const company = claimed.ok ? claimed.lead.company : null;
    expect(texts(S1, id)).toEqual([`:spiral_calendar_pad: Day 1 · First call — *Cady Cadence* (${company})`]);

    // Someone else cannot answer it.
    const first = reminders(S1, id)[0]!;
    const refused = await t.slack.waitForResponse((await press(S2, first, S1, 'cadence_done')).responseUrl!);
    expect(refused.body.response_type).toBe('ephemeral');
    expect(String(refused.body.text)).toBe(
      `Only the lead’s owner can answer this reminder; it is <@${S1}>’s now.`,
    );

    // Done on step 1: a call is logged, and it is the first touch.
    t.clock.set('2026-11-23T01:07:00Z');
    await press(S1, first, S1, 'cadence_done');
    await settle(async () => expect((await activitiesOf(t.database.db, TEAM_ID, id)).length).toBe(1));
    const [activity] = await activitiesOf(t.database.db, TEAM_ID, id);
    expect([activity!.kind, activity!.actorId, activity!.note]).toEqual(['call', S1, 'First call']);
    const [row] = await t.database.rows<{ first_touch_at: Date | null; first_touch_channel: string | null }>(
      sql`select first_touch_at, first_touch_channel from leads where id = ${id}`,
    );
    expect(new Date(row!.first_touch_at!).toISOString()).toBe('2026-11-23T01:07:00.000Z');
    expect(row!.first_touch_channel).toBe('call');
    await settle(() => expect(texts(S1, id)[0]).toContain('done and logged'));
    expect(reminders(S1, id)[0]!.blocks?.some((b) => b.type === 'actions')).toBe(false);

    // Day 2: Skip.
    await at('2026-11-23T23:59:00Z');
    expect(reminders(S1, id).length).toBe(1);
    await at('2026-11-24T00:00:00Z');
    expect(texts(S1, id)[1]).toBe(
      `:spiral_calendar_pad: Day 2 · Follow-up email — *Cady Cadence* (${company})`,
    );
    await press(S1, reminders(S1, id)[1]!, S1, 'cadence_skip');
    await settle(() => expect(texts(S1, id)[1]).toContain('skipped'));

    // Day 4: Snooze 1h, then it comes back once, and Done logs the call.
    await at('2026-11-26T00:00:00Z');
    expect(texts(S1, id)[2]).toContain('Day 4 · Second call');
    await press(S1, reminders(S1, id)[2]!, S1, 'cadence_snooze');
    await settle(async () =>
      expect((await cadenceJobs(id)).map((j) => j.dedupe_key)).toContain(
        `cadence.step:${id}:${S1}:2:snooze1`,
      ),
    );
    expect((await cadenceJobs(id)).find((j) => j.dedupe_key.endsWith(':snooze1'))!.run_at).toBe(
      '2026-11-26T01:00',
    );
    await settle(() => expect(texts(S1, id)[2]).toContain('snoozed until'));
    await at('2026-11-26T00:59:00Z');
    expect(reminders(S1, id).length).toBe(3);
    await at('2026-11-26T01:00:00Z');
    expect(reminders(S1, id).length).toBe(4);
    expect(texts(S1, id)[3]).toContain('Day 4 · Second call');
    const snoozed = reminders(S1, id)[3]!; // as a slow client still shows it, buttons and all
    await press(S1, snoozed, S1, 'cadence_done');
    await settle(async () => expect((await activitiesOf(t.database.db, TEAM_ID, id)).length).toBe(2));
    expect((await activitiesOf(t.database.db, TEAM_ID, id)).map((a) => a.kind)).toEqual(['call', 'call']);
    // Done twice on the same step is refused.
    const again = await t.slack.waitForResponse((await press(S1, snoozed, S1, 'cadence_done')).responseUrl!);
    expect(String(again.body.text)).toBe('This step has already been answered.');

    // The lead reaches Opportunity: the rest of the cadence stops.
    await t.database.rows(sql`update leads set stage = 'Opportunity' where id = ${id}`);
    for (const time of ['2026-11-30T00:00:00Z', '2026-12-02T00:00:00Z', '2026-12-07T00:00:00Z'])
      await at(time);
    expect(reminders(S1, id).length).toBe(4);
    expect(await cadenceEvents(id)).toEqual([
      `cadence_step_due:${S1}:0:0`,
      `cadence_step_done:${S1}:0:0`,
      `cadence_step_due:${S1}:1:0`,
      `cadence_step_skipped:${S1}:1:0:owner`,
      `cadence_step_due:${S1}:2:0`,
      `cadence_step_snoozed:${S1}:2:0`,
      `cadence_step_due:${S1}:2:1`,
      `cadence_step_done:${S1}:2:1`,
      `cadence_step_skipped:${S1}:3:0:stage_reached`,
      `cadence_step_skipped:${S1}:4:0:stage_reached`,
      `cadence_step_skipped:${S1}:5:0:stage_reached`,
    ]);

    // Running every job again changes nothing: each reminder went out once.
    const before = t.slack.calls.filter((c) => c.method === 'chat.postMessage').length;
    await t.database.rows(
      sql`update jobs set status = 'pending' where kind = 'cadence.step' and payload->>'leadId' = ${String(id)}`,
    );
    await at('2026-12-08T00:00:00Z');
    expect(t.slack.calls.filter((c) => c.method === 'chat.postMessage').length).toBe(before);
    expect((await cadenceEvents(id)).length).toBe(11);
  });

  it('skips the old owner’s steps after a reassignment; the new owner gets their own cadence', async () => {
    t.clock.set('2026-12-14T01:00:00Z'); // Monday 10:00 in Seoul
    const id = await sendLead(t, { name: 'Rhea Reassign' });
    await t.flushOutbox();
    expect((await t.baton.context.services.leads.claim(TEAM_ID, id, S1, t.clock.now())).ok).toBe(true);
    // Touched through the API (not by a cadence Done), so the SLA ladder leaves the owner alone.
    const touched = await t.baton.context.services.firstTouch.logActivity(TEAM_ID, id, {
      kind: 'email',
      actorId: S1,
      via: 'api',
      at: t.clock.now(),
    });
    expect(touched.ok).toBe(true);
    await at('2026-12-14T01:05:00Z');
    expect(texts(S1, id)).toEqual([expect.stringContaining('Day 1 · First call')]);

    await at('2026-12-14T02:00:00Z'); // Mon 11:00 KST (the SLA ladder may nudge meanwhile)
    const assigned = await t.baton.context.services.ownership.assign(
      TEAM_ID,
      { leadId: id, actorId: M1, assigneeId: S2, reason: null },
      t.clock.now(),
    );
    expect(assigned.ok).toBe(true);
    // The old owner's reminder can no longer be answered by them.
    const stale = await t.slack.waitForResponse(
      (await press(S1, reminders(S1, id)[0]!, S1, 'cadence_done')).responseUrl!,
    );
    expect(String(stale.body.text)).toBe(
      `Only the lead’s owner can answer this reminder; it is <@${S2}>’s now.`,
    );

    for (const time of [
      '2026-12-14T02:05:00Z',
      '2026-12-15T00:00:00Z',
      '2026-12-17T00:00:00Z',
      '2026-12-21T00:00:00Z',
    ])
      await at(time);
    expect(texts(S1, id).length).toBe(1);
    expect(texts(S2, id).map((x) => x.split(' — ')[0])).toEqual([
      ':spiral_calendar_pad: Day 1 · First call',
      ':spiral_calendar_pad: Day 2 · Follow-up email',
      ':spiral_calendar_pad: Day 4 · Second call',
      ':spiral_calendar_pad: Day 7 · Email with deck',
    ]);
    const events = await cadenceEvents(id);
    expect(events.filter((e) => e.includes(S1))).toEqual([
      `cadence_step_due:${S1}:0:0`,
      `cadence_step_skipped:${S1}:1:0:owner_changed`,
      `cadence_step_skipped:${S1}:2:0:owner_changed`,
      `cadence_step_skipped:${S1}:3:0:owner_changed`,
    ]);

    // A lost lead stops the cadence too.
    await t.database.rows(sql`update leads set stage = 'Lost' where id = ${id}`);
    await at('2026-12-24T00:00:00Z');
    expect(texts(S2, id).length).toBe(4);
    expect((await cadenceEvents(id)).at(-1)).toBe(`cadence_step_skipped:${S2}:4:0:closed`);
  });
});
