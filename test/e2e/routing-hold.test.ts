import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../harness/test-app.js';
import {
  cardBlocks,
  eventsOf,
  lead,
  notes,
  offerDm,
  ownerBecomes,
  ownerOf,
  sendLead,
} from './support/routing.js';

const [S1, S2, E1, E2] = ['U0HLD0001', 'U0HLD0002', 'U0HLDE001', 'U0HLDE002'];

/**
 * smb: round robin, holding leads nobody can take. enterprise: round robin that skips instead.
 * mid: claim mode, auto-assigned after 15 minutes unclaimed. Calendar: Mon–Fri 09–18 UTC.
 */
const CONFIG = `
locale: en
segments: [smb, enterprise, mid]
channels:
  leads:
    smb: C0LEADS
    enterprise: C0ENTLEADS
    mid: C0MIDLEADS
qualification:
  rules:
    - when: { company_size: { gte: 1000 } }
      set: { segment: enterprise }
    - when: { company_size: { gte: 100 } }
      set: { segment: mid }
    - when: { form: demo_request }
      set: { stage: SQL, score: 80 }
routing:
  match_existing_accounts: false
  segments:
    smb: { mode: round_robin, outside_hours: hold }
    enterprise: { mode: round_robin, outside_hours: skip }
    mid: { mode: claim, auto_assign_after_minutes: 15 }
roster:
  - { user: ${S1}, roles: [sdr], segments: [smb, mid] }
  - { user: ${S2}, roles: [sdr], segments: [smb, mid] }
  - { user: ${E1}, roles: [ae], segments: [enterprise] }
  - { user: ${E2}, roles: [ae], segments: [enterprise] }
`;

const SATURDAY_10 = '2026-11-28T10:00:00Z';
const MONDAY_09 = '2026-11-30T09:00:00Z';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ configYaml: CONFIG });
  for (const id of [S1, S2, E1, E2]) t.slack.addUser({ id, name: id.toLowerCase(), tz: 'UTC' });
});
afterAll(async () => {
  await t?.stop();
});

const retryJobs = () =>
  t.database.rows<{ run_at: string; status: string }>(
    sql`select run_at::text as run_at, status from jobs where kind = 'routing.retry' order by id`,
  );

describe('nobody eligible', () => {
  it('holds a weekend lead and assigns it when working time begins', async () => {
    t.clock.set(SATURDAY_10);
    const id = await sendLead(t);
    expect(await ownerOf(t, id)).toBeNull();
    // Retried when the first seller's hours begin: Monday 09:00 UTC.
    expect(await retryJobs()).toEqual([{ run_at: '2026-11-30 09:00:00+00', status: 'pending' }]);
    await t.flushOutbox();
    const monday = Date.parse(MONDAY_09) / 1000;
    expect(await notes(t, id)).toEqual([
      `:hourglass: Held: nobody eligible (<@${S1}> (outside working hours), <@${S2}> (outside working hours)). Trying again <!date^${monday}^{date_short_pretty} {time}|2026-11-30 09:00 UTC>.`,
    ]);
    expect((await eventsOf(t, id)).map((e) => e.type)).toEqual(['created', 'held']);

    t.clock.advanceMinutes(60); // still Saturday: the retry is not due
    await t.baton.jobs.runDue();
    expect(await ownerOf(t, id)).toBeNull();
    expect((await retryJobs()).map((j) => j.status)).toEqual(['pending']);
    t.clock.set(MONDAY_09);
    await t.baton.jobs.runDue();
    expect(await ownerOf(t, id)).toBe(S1);
    await t.flushOutbox();
    expect((await notes(t, id)).at(-1)).toBe(
      `:arrows_counterclockwise: Round robin: <@${S1}> — 1st of 2 eligible by weighted rotation.`,
    );
    expect(await cardBlocks(t, id)).toContain(`*Owner*\\n<@${S1}>`);
    expect(JSON.stringify(offerDm(t, S1, id)!.blocks)).toContain('"offer_accept"');
    expect((await eventsOf(t, id)).find((e) => e.type === 'assigned')!.data).toMatchObject({
      trigger: 'retry',
    });
  });

  it('with outside_hours: skip leaves it in the channel for anyone to claim', async () => {
    t.clock.set('2026-12-05T10:00:00Z'); // a Saturday
    const id = await sendLead(t, { company_size: 5000 });
    expect(await lead(t, id)).toMatchObject({ owner_id: null, card_channel: null });
    await t.flushOutbox();
    expect(await notes(t, id)).toEqual([
      `:raised_hand: Nobody eligible (<@${E1}> (outside working hours), <@${E2}> (outside working hours)); left for anyone to claim.`,
    ]);
    expect(await cardBlocks(t, id)).toContain('"lead_claim"');
    expect((await eventsOf(t, id)).map((e) => [e.type, e.data.why])).toEqual([
      ['created', undefined],
      ['left_unassigned', 'policy'],
    ]);
  });
});

describe('claim mode auto-assign', () => {
  it('assigns a card nobody claimed within 15 minutes by rotation, and leaves a claimed one alone', async () => {
    t.clock.set('2026-12-07T10:00:00Z'); // Monday
    const unclaimed = await sendLead(t, { company_size: 150 });
    const claimed = await sendLead(t, { company_size: 150 });
    await t.flushOutbox();
    const { card_ts } = await lead(t, claimed);
    await t.driver.blockActions({
      userId: S2,
      channelId: 'C0MIDLEADS',
      messageTs: card_ts!,
      actions: [{ action_id: 'lead_claim', block_id: `lead_actions:${claimed}`, value: String(claimed) }],
    });
    await ownerBecomes(t, claimed, S2);

    t.clock.set('2026-12-07T10:14:00Z');
    await t.baton.jobs.runDue();
    expect(await ownerOf(t, unclaimed)).toBeNull();
    t.clock.set('2026-12-07T10:15:00Z');
    await t.baton.jobs.runDue();
    // Segment mid has no rotation yet, so both start level and the lower id goes first.
    expect(await ownerOf(t, unclaimed)).toBe(S1);
    expect(await ownerOf(t, claimed)).toBe(S2);

    await t.flushOutbox();
    expect(await notes(t, unclaimed)).toEqual([
      `:alarm_clock: Unclaimed for 15 working min, so assigned to <@${S1}> — 1st of 2 eligible by weighted rotation.`,
    ]);
    const dm = offerDm(t, S1, unclaimed)!;
    expect(dm.text).toContain('A lead was assigned to you');
    expect(JSON.stringify(dm.blocks)).not.toContain('offer_accept');
    expect((await eventsOf(t, unclaimed)).find((e) => e.type === 'assigned')!.data).toMatchObject({
      method: 'auto_assign',
      trigger: 'auto_assign',
      offer: false,
    });
    // The SLA ladder's nudge found it claimed (an sla_step_skipped event; see sla-ladder.test.ts);
    // the claim started the cadence (see cadence.test.ts).
    const types = (await eventsOf(t, claimed)).map((e) => e.type);
    expect(types.filter((x) => !x.startsWith('sla_') && !x.startsWith('cadence_'))).toEqual([
      'created',
      'claimed',
    ]);
  });
});
