import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../harness/test-app.js';
import {
  command,
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

const [S1, S2, S3, AE] = ['U0ACC0001', 'U0ACC0002', 'U0ACC0003', 'U0ACCAE01'];

/** smb: round robin. enterprise: claim, so an account match there assigns outright. */
const CONFIG = `
locale: en
channels:
  leads:
    smb: C0LEADS
    enterprise: C0ENTLEADS
routing:
  segments:
    smb:
      mode: round_robin
roster:
${seller(S1)}
${seller(S2)}
${seller(S3)}
  - user: ${AE}
    roles: [ae]
    segments: [enterprise]
`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ configYaml: CONFIG });
  for (const id of [S1, S2, S3, AE]) t.slack.addUser({ id, name: id.toLowerCase(), tz: 'UTC' });
  t.clock.set(MONDAY_10);
});
afterAll(async () => {
  await t?.stop();
});

const assignedData = async (id: number) => (await eventsOf(t, id)).find((e) => e.type === 'assigned')?.data;

describe('existing-account match', () => {
  it('sends a lead from a known email domain or company to the account owner instead of the rotation', async () => {
    const first = await sendLead(t, { email: 'kim@globex.co.kr', company: 'Globex' });
    expect(await ownerOf(t, first)).toBe(S1); // rotation: all level, lowest id

    // Same domain, different company text: S1 again, though S2 is next in the rotation.
    const sameDomain = await sendLead(t, { email: 'lee@globex.co.kr', company: 'Globex Korea' });
    expect(await ownerOf(t, sameDomain)).toBe(S1);
    expect(await assignedData(sameDomain)).toMatchObject({
      method: 'existing_account',
      to: S1,
      match: { leadId: first, by: 'domain', value: 'globex.co.kr' },
      offer: true,
    });

    // Same company (case and spaces aside), another domain.
    const sameCompany = await sendLead(t, { email: 'park@globex-mail.com', company: '  GLOBEX ' });
    expect(await ownerOf(t, sameCompany)).toBe(S1);
    expect(await assignedData(sameCompany)).toMatchObject({ match: { by: 'company', value: 'GLOBEX' } });

    // The matches did not use up turns: the rotation carries on with S2.
    const [s1] = await t.database.rows<{ assigned: number }>(
      sql`select assigned from routing_state where user_id = ${S1}`,
    );
    expect(s1!.assigned).toBe(1);
    expect(await ownerOf(t, await sendLead(t))).toBe(S2);

    await t.flushOutbox();
    expect(await notes(t, sameDomain)).toEqual([
      `:handshake: <@${S1}> — owns this account (same email domain globex.co.kr).`,
    ]);
    expect(await notes(t, sameCompany)).toEqual([
      `:handshake: <@${S1}> — owns this account (same company GLOBEX).`,
    ]);
    // Round robin: the account owner still gets an offer to accept.
    expect(JSON.stringify(offerDm(t, S1, sameDomain)!.blocks)).toContain('"offer_accept"');
  });

  it('never matches on a free-mail domain', async () => {
    const a = await sendLead(t, { email: 'solo.one@gmail.com', company: 'Solo One' });
    const b = await sendLead(t, { email: 'solo.two@gmail.com', company: 'Solo Two' });
    const [ownerA, ownerB] = [await ownerOf(t, a), await ownerOf(t, b)];
    expect(ownerA).not.toBe(ownerB);
    expect(await assignedData(b)).toMatchObject({ method: 'round_robin' });
  });

  it('falls through to the rotation when the account owner is out of office', async () => {
    expect(await command(t, S1, 'ooo')).toContain('out of office');
    const id = await sendLead(t, { email: 'choi@globex.co.kr', company: 'Globex' });
    expect(await ownerOf(t, id)).not.toBe(S1);
    expect(await assignedData(id)).toMatchObject({
      method: 'round_robin',
      skipped: [{ userId: S1, reason: 'out_of_office', until: null }],
    });
    await command(t, S1, 'back');
  });

  it('assigns outright in claim mode, with a DM that has no Accept / Pass', async () => {
    const first = await sendLead(t, { email: 'cto@initech.com', company: 'Initech', company_size: 900 });
    await t.flushOutbox();
    const { card_ts } = await lead(t, first);
    await t.driver.blockActions({
      userId: AE,
      channelId: 'C0ENTLEADS',
      messageTs: card_ts!,
      actions: [{ action_id: 'lead_claim' }],
    });
    await ownerBecomes(t, first, AE);

    const second = await sendLead(t, { email: 'cfo@initech.com', company: 'Initech', company_size: 900 });
    expect(await ownerOf(t, second)).toBe(AE);
    expect(await assignedData(second)).toMatchObject({ method: 'existing_account', offer: false });
    await t.flushOutbox();
    const dm = offerDm(t, AE, second)!;
    expect(dm.text).toContain('A lead was assigned to you');
    expect(JSON.stringify(dm.blocks)).not.toContain('offer_accept');
    expect(await notes(t, second)).toEqual([
      `:handshake: <@${AE}> — owns this account (same email domain initech.com).`,
    ]);
  });
});
