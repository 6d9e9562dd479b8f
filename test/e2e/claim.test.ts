import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { leadEventsOf } from '../../src/db/queries/leads.js';
import { startTestApp, TEAM_ID, type TestApp } from '../harness/test-app.js';

const SELLERS = Array.from({ length: 50 }, (_, i) => `U0SELL${String(i).padStart(3, '0')}`);
// Every lead here is from Acme: without this the second would go straight to the first's owner.
const CONFIG = `
routing:
  match_existing_accounts: false
channels:
  leads: C0LEADS
roster:
${SELLERS.map((id) => `  - user: ${id}\n    roles: [sdr]\n    segments: [smb]`).join('\n')}
  - user: U0AE00001
    roles: [ae]
    segments: [enterprise]
  - user: U0MKT0001
    roles: [marketer]
`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ configYaml: CONFIG });
});
afterAll(async () => {
  await t?.stop();
});

async function newCard(overrides: Record<string, unknown>) {
  const res = await t.sendLead({
    source: 'website',
    name: 'Claire Claim',
    company: 'Acme',
    company_size: 20,
    ...overrides,
  });
  expect(res.status).toBe(202);
  await t.flushOutbox();
  const leadId = res.json.lead_id as number;
  const [row] = await t.database.rows<{ card_ts: string }>(
    sql`select card_ts from leads where id = ${leadId}`,
  );
  return { leadId, cardTs: row!.card_ts };
}

const claim = (userId: string, leadId: number, cardTs: string) =>
  t.driver.blockActions({
    userId,
    channelId: 'C0LEADS',
    messageTs: cardTs,
    actions: [{ action_id: 'lead_claim', block_id: `lead_actions:${leadId}`, value: String(leadId) }],
  });

describe('Claim', () => {
  it('gives a lead to exactly one of 50 sellers clicking at once; the other 49 are told who has it', async () => {
    const { leadId, cardTs } = await newCard({ email: 'race@acme.io', form: 'demo_request' });
    const clicks = await Promise.all(SELLERS.map((seller) => claim(seller, leadId, cardTs)));
    expect(clicks.every((c) => c.status === 200)).toBe(true);

    const replies = await Promise.all(
      clicks.map((c) => t.slack.waitForResponse(c.responseUrl!, { timeoutMs: 1_500 }).catch(() => null)),
    );
    const refused = replies.filter((r) => r !== null);
    expect(refused).toHaveLength(49);
    const [row] = await t.database.rows<{ owner_id: string }>(
      sql`select owner_id from leads where id = ${leadId}`,
    );
    const owner = row!.owner_id;
    expect(SELLERS).toContain(owner);
    for (const reply of refused) {
      expect(reply!.body).toMatchObject({
        response_type: 'ephemeral',
        text: `Already claimed by <@${owner}>.`,
      });
    }

    const events = await leadEventsOf(t.database.db, TEAM_ID, leadId);
    expect(events.filter((e) => e.type === 'claimed').map((e) => e.actorId)).toEqual([owner]);

    await t.flushOutbox();
    const card = t.slack.messages('C0LEADS').find((m) => m.ts === cardTs)!;
    const text = JSON.stringify(card.blocks);
    expect(text).toContain(`*Owner*\\n<@${owner}>`);
    expect(text).not.toContain('lead_claim');
    expect(
      t.slack
        .thread('C0LEADS', cardTs)
        .slice(1)
        .map((m) => m.text),
    ).toEqual([`:raising_hand: Claimed by <@${owner}>.`]);
  });

  it('moves an MQL to SAL when sales claims it, and records the move', async () => {
    const { leadId, cardTs } = await newCard({ email: 'mql@acme.io', form: 'contact' });
    await claim('U0SELL007', leadId, cardTs);
    // Bolt acks before the listener finishes: wait for the claim to land.
    await vi.waitFor(async () => {
      const [row] = await t.database.rows<{ stage: string; owner_id: string }>(
        sql`select stage, owner_id from leads where id = ${leadId}`,
      );
      expect(row).toEqual({ stage: 'SAL', owner_id: 'U0SELL007' });
    });
    await t.flushOutbox();
    const events = await leadEventsOf(t.database.db, TEAM_ID, leadId);
    expect(events.map((e) => [e.type, e.data])).toEqual([
      ['created', expect.objectContaining({ stage: 'MQL' })],
      ['claimed', { owner: 'U0SELL007' }],
      ['stage_changed', { from: 'MQL', to: 'SAL', via: 'slack', reason: 'claimed' }],
    ]);
    expect(JSON.stringify(t.slack.messages('C0LEADS').find((m) => m.ts === cardTs)!.blocks)).toContain(
      '*Stage*\\nSAL',
    );
  });

  it('refuses people who may not claim, with a reason each, and changes nothing', async () => {
    const { leadId, cardTs } = await newCard({ email: 'refuse@acme.io', form: 'demo_request' });
    const cases: Array<[string, string]> = [
      ['U0MKT0001', 'Only sellers (SDR or AE on the roster) can claim leads.'],
      ['U0AE00001', "You don't serve the *smb* segment, so this lead isn't yours to claim."],
      ['U0NOBODY1', 'Ask a Baton admin to add your Slack user ID `U0NOBODY1`'],
    ];
    for (const [user, expected] of cases) {
      const res = await claim(user, leadId, cardTs);
      const reply = await t.slack.waitForResponse(res.responseUrl!);
      expect(reply.body.response_type).toBe('ephemeral');
      expect(String(reply.body.text)).toContain(expected);
    }
    const [row] = await t.database.rows<{ owner_id: string | null }>(
      sql`select owner_id from leads where id = ${leadId}`,
    );
    expect(row!.owner_id).toBeNull();
  });
});
