import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, type TestApp } from '../harness/test-app.js';
import {
  cardBlocks,
  clickOffer,
  eventsOf,
  lead,
  MONDAY_10,
  notes,
  offerDm,
  ownerBecomes,
  ownerOf,
  seller,
  sendLead,
} from './support/routing.js';

const [S1, S2, S3] = ['U0OFF0001', 'U0OFF0002', 'U0OFF0003'];

const CONFIG = `
locale: en
segments: [smb]
channels:
  leads: C0LEADS
routing:
  segments:
    smb:
      mode: round_robin
      accept_timeout_minutes: 10
roster:
${seller(S1)}
${seller(S2)}
${seller(S3)}
  - user: U0MGR0001
    roles: [manager, admin]
`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ configYaml: CONFIG });
  for (const id of [S1, S2, S3]) t.slack.addUser({ id, name: id.toLowerCase(), tz: 'UTC' });
  t.clock.set(MONDAY_10);
});
afterAll(async () => {
  await t?.stop();
});

async function ephemeral(click: Promise<{ responseUrl?: string }>): Promise<string> {
  const reply = await t.slack.waitForResponse((await click).responseUrl!);
  expect(reply.body.response_type).toBe('ephemeral');
  return String(reply.body.text);
}

describe('round-robin offers', () => {
  it('moves the lead on by Pass, by timeout and by Pass on the card, never back to someone who passed', async () => {
    const id = await sendLead(t, { name: 'Pat Pass' });
    expect(await ownerOf(t, id)).toBe(S1); // all level: the lowest user id goes first
    await t.flushOutbox();
    expect(await cardBlocks(t, id)).toContain(`Offered to <@${S1}>; waiting for them to accept.`);
    expect(await cardBlocks(t, id)).toContain('"lead_pass"');

    // Someone else pressing Accept on S1's offer is told whose it is; nothing changes.
    const dm1 = offerDm(t, S1, id)!;
    expect(await ephemeral(clickOffer(t, S2, 'offer_accept', dm1, S1))).toBe(
      `This lead isn't offered to you; it is with <@${S1}>.`,
    );
    expect(await ownerOf(t, id)).toBe(S1);

    // S1 passes in the DM: S2 is next.
    await clickOffer(t, S1, 'offer_pass', dm1, S1);
    await ownerBecomes(t, id, S2);
    await t.flushOutbox();
    const closed = JSON.stringify(offerDm(t, S1, id)!.blocks);
    expect(closed).toContain('You passed; the lead went on to the next seller.');
    expect(closed).not.toContain('offer_accept');

    // S2 lets the offer time out: 9 minutes is not enough, 10 is.
    t.clock.advanceMinutes(9);
    await t.baton.jobs.runDue();
    expect(await ownerOf(t, id)).toBe(S2);
    t.clock.advanceMinutes(1);
    await t.baton.jobs.runDue();
    expect(await ownerOf(t, id)).toBe(S3);
    await t.flushOutbox();
    expect(JSON.stringify(offerDm(t, S2, id)!.blocks)).toContain('Not accepted within 10 min');

    // S3 passes from the card; everyone has now passed, so it is left for anyone to claim.
    const { card_ts } = await lead(t, id);
    await t.driver.blockActions({
      userId: S3,
      channelId: 'C0LEADS',
      messageTs: card_ts!,
      actions: [{ action_id: 'lead_pass' }],
    });
    await ownerBecomes(t, id, null);
    await t.flushOutbox();

    expect(await notes(t, id)).toEqual([
      `:arrows_counterclockwise: Round robin: <@${S1}> — 1st of 3 eligible by weighted rotation.`,
      `:leftwards_arrow_with_hook: <@${S1}> passed.`,
      `:arrows_counterclockwise: Round robin: <@${S2}> — 1st of 2 eligible by weighted rotation; skipped <@${S1}> (passed).`,
      `:hourglass: <@${S2}> did not accept within 10 min.`,
      `:arrows_counterclockwise: Round robin: <@${S3}> — the only eligible seller; skipped <@${S1}> (passed), <@${S2}> (passed).`,
      `:leftwards_arrow_with_hook: <@${S3}> passed.`,
      `:raised_hand: Nobody left to offer it to (<@${S1}> (passed), <@${S2}> (passed), <@${S3}> (passed)); left for anyone to claim.`,
    ]);
    const passes = (await eventsOf(t, id)).filter((e) => e.type === 'passed');
    expect(passes.map((e) => [e.actor, e.data.user, e.data.reason])).toEqual([
      [S1, S1, 'passed'],
      [null, S2, 'timeout'],
      [S3, S3, 'passed'],
    ]);
    const card = await cardBlocks(t, id);
    expect(card).toContain('"lead_claim"');
    expect(card).not.toContain('"lead_pass"');
  });

  it('lets only the assignee accept: the DM and card update, an MQL becomes a SAL, and the timeout does nothing', async () => {
    // Passes after the first lead: S1 1, S2 1, S3 1 → all level again; S1 waited longest.
    const id = await sendLead(t, { name: 'Ann Accept', form: 'contact' });
    expect(await lead(t, id)).toMatchObject({ owner_id: S1, stage: 'MQL' });
    await t.flushOutbox();
    const dm = offerDm(t, S1, id)!;

    await clickOffer(t, S1, 'offer_accept', dm, S1);
    await vi.waitFor(async () => expect((await lead(t, id)).stage).toBe('SAL'));
    await t.flushOutbox();
    expect(JSON.stringify(offerDm(t, S1, id)!.blocks)).toContain('You accepted this lead; it is yours.');
    expect(JSON.stringify(offerDm(t, S1, id)!.blocks)).not.toContain('offer_pass');
    const card = await cardBlocks(t, id);
    expect(card).toContain(`*Owner*\\n<@${S1}>`);
    expect(card).toContain('*Stage*\\nSAL');
    expect(card).not.toContain('"lead_pass"');
    expect(card).not.toContain('waiting for them to accept');

    // Accepting again changes nothing; passing after accepting is refused.
    await clickOffer(t, S1, 'offer_accept', dm, S1);
    expect(await ephemeral(clickOffer(t, S1, 'offer_pass', dm, S1))).toBe(
      'You already accepted this lead, so it is yours. Ask a manager to reassign it.',
    );
    t.clock.advanceMinutes(30);
    await t.baton.jobs.runDue();
    expect(await ownerOf(t, id)).toBe(S1);

    const events = (await eventsOf(t, id))
      .filter((e) => !e.type.startsWith('sla_') && !e.type.startsWith('cadence_')) // the SLA ladder's and cadence's own history
      .map((e) => [e.type, e.actor]);
    expect(events).toEqual([
      ['created', null],
      ['assigned', null],
      ['accepted', S1],
      ['stage_changed', S1],
    ]);
    const assigned = (await eventsOf(t, id)).find((e) => e.type === 'assigned')!;
    expect(assigned.data).toMatchObject({
      to: S1,
      method: 'round_robin',
      trigger: 'intake',
      position: 1,
      eligibleCount: 3,
      skipped: [],
      offer: true,
    });
    await t.flushOutbox();
    expect(await notes(t, id)).toEqual([
      `:arrows_counterclockwise: Round robin: <@${S1}> — 1st of 3 eligible by weighted rotation.`,
      `:white_check_mark: <@${S1}> accepted.`,
    ]);
  });

  it('tells a seller whose offer moved on that it is over', async () => {
    const id = await sendLead(t);
    const first = (await ownerOf(t, id))!;
    await t.flushOutbox();
    const dm = offerDm(t, first, id)!;
    await clickOffer(t, first, 'offer_pass', dm, first);
    await vi.waitFor(async () => expect(await ownerOf(t, id)).not.toBe(first));
    const next = (await ownerOf(t, id))!;
    expect(await ephemeral(clickOffer(t, first, 'offer_accept', dm, first))).toBe(
      `This offer has ended; the lead is now with <@${next}>.`,
    );
  });
});
