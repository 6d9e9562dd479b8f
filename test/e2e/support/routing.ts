import { sql } from 'drizzle-orm';
import { expect, vi } from 'vitest';
import { leadEventsOf } from '../../../src/db/queries/leads.js';
import type { FakeMessage } from '../../harness/fake-slack.js';
import { TEAM_ID, type TestApp } from '../../harness/test-app.js';

/** Monday 2026-11-23, 10:00 UTC: inside the default calendar's hours (Mon–Fri 09–18 UTC). */
export const MONDAY_10 = '2026-11-23T10:00:00Z';

/** A roster entry for the YAML, with the defaults (calendar hours, UTC) unless overridden. */
export const seller = (user: string, extra = '') =>
  `  - user: ${user}\n    roles: [sdr]\n    segments: [smb]${extra ? `\n    ${extra}` : ''}`;

let counter = 0;

/** Sends a small-business lead with its own company and domain unless told otherwise; returns its id. */
export async function sendLead(t: TestApp, fields: Record<string, unknown> = {}): Promise<number> {
  counter++;
  const res = await t.sendLead({
    source: 'website',
    name: `Lead ${counter}`,
    email: `buyer${counter}@company${counter}.example`,
    company: `Company ${counter}`,
    company_size: 20,
    form: 'demo_request',
    ...fields,
  });
  expect(res.status).toBe(202);
  return res.json.lead_id as number;
}

export async function lead(t: TestApp, id: number) {
  const [row] = await t.database.rows<{
    owner_id: string | null;
    stage: string;
    card_ts: string | null;
    card_channel: string | null;
  }>(sql`select owner_id, stage, card_ts, card_channel from leads where id = ${id}`);
  return row!;
}

export const ownerOf = async (t: TestApp, id: number) => (await lead(t, id)).owner_id;

export async function eventsOf(t: TestApp, id: number) {
  return (await leadEventsOf(t.database.db, TEAM_ID, id)).map((e) => ({
    type: e.type,
    actor: e.actorId,
    data: e.data as Record<string, unknown>,
  }));
}

/** The lead's thread replies (not the card), as text. */
export async function notes(t: TestApp, id: number): Promise<string[]> {
  const { card_ts, card_channel } = await lead(t, id);
  return t.slack
    .thread(card_channel!, card_ts!)
    .slice(1)
    .map((m) => String(m.text));
}

export async function cardBlocks(t: TestApp, id: number): Promise<string> {
  const { card_ts, card_channel } = await lead(t, id);
  return JSON.stringify(t.slack.messages(card_channel!).find((m) => m.ts === card_ts)?.blocks);
}

/** The newest DM Baton sent `userId` about lead `id` (found by the lead's block id). */
export function offerDm(t: TestApp, userId: string, id: number): FakeMessage | undefined {
  return t.slack
    .messages(userId)
    .filter((m) => JSON.stringify(m.blocks ?? []).includes(`"offer_lead:${id}"`))
    .at(-1);
}

/**
 * A click on Accept or Pass in `dmOwner`'s offer DM as `dm` showed it (so also on a copy whose
 * buttons have since been edited away, as a slow client would), made by `userId`.
 */
export function clickOffer(
  t: TestApp,
  userId: string,
  action: 'offer_accept' | 'offer_pass',
  dm: FakeMessage,
  dmOwner: string,
) {
  const actions = (dm.blocks ?? []).find((b) => b.type === 'actions') as
    | { block_id: string; elements: Array<{ action_id: string; value: string }> }
    | undefined;
  const button = actions?.elements.find((e) => e.action_id === action);
  if (!actions || !button) throw new Error(`the DM has no ${action} button`);
  return t.driver.blockActions({
    userId,
    channelId: t.slack.dmChannel(dmOwner),
    messageTs: dm.ts,
    actions: [{ action_id: action, block_id: actions.block_id, value: button.value }],
  });
}

/** Waits for the listener (it runs after Bolt's ack) to change the lead's owner to `owner`. */
export async function ownerBecomes(t: TestApp, id: number, owner: string | null) {
  await vi.waitFor(async () => expect(await ownerOf(t, id)).toBe(owner));
}

export async function command(t: TestApp, userId: string, text: string): Promise<string> {
  const res = await t.driver.command('/baton', text, { userId });
  const reply = await t.slack.waitForResponse(res.responseUrl);
  return String(reply.body.text);
}
