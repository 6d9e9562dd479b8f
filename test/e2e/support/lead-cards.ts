import { sql } from 'drizzle-orm';
import { expect, vi } from 'vitest';
import { leadEventsOf } from '../../../src/db/queries/leads.js';
import { TEAM_ID, type TestApp } from '../../harness/test-app.js';
import { CLAIM_ROUTING_YAML, HANDOFF_ROSTER, rosterYaml } from './team-yaml.js';

/** The handoff team (HANDOFF_ROSTER) on the default calendar, with claim-mode routing. */
export const HANDOFF_YAML = `locale: en
${CLAIM_ROUTING_YAML}${rosterYaml(HANDOFF_ROSTER)}`;

/**
 * Posts a small-business lead through the webhook and delivers its card: a demo request arrives as
 * an SQL, a contact form as an MQL.
 */
export async function newCard(
  t: TestApp,
  email: string,
  name = 'Dana Deal',
  form: 'demo_request' | 'contact' = 'demo_request',
) {
  const res = await t.sendLead({
    source: 'website',
    name,
    email,
    company: 'Acme',
    company_size: 20,
    form,
  });
  expect(res.status).toBe(202);
  await t.flushOutbox();
  const leadId = res.json.lead_id as number;
  return { leadId, cardTs: await cardTs(t, leadId) };
}

export async function cardTs(t: TestApp, leadId: number): Promise<string> {
  const [row] = await t.database.rows<{ card_ts: string }>(
    sql`select card_ts from leads where id = ${leadId}`,
  );
  return row!.card_ts;
}

export async function leadRow(t: TestApp, leadId: number) {
  const [row] = await t.database.rows<{ owner_id: string | null; context_count: number }>(
    sql`select owner_id, context_count from leads where id = ${leadId}`,
  );
  return row!;
}

/** A click on one of the card's buttons. */
export function clickCard(t: TestApp, userId: string, actionId: string, leadId: number, cardTs: string) {
  return t.driver.blockActions({
    userId,
    channelId: 'C0LEADS',
    messageTs: cardTs,
    actions: [{ action_id: actionId, block_id: `lead_actions:${leadId}`, value: String(leadId) }],
  });
}

/**
 * A Claim click on the card by `userId`. The claim is handled after Bolt acks: waits for it to land,
 * then delivers the card update.
 */
export async function claimCard(t: TestApp, userId: string, leadId: number, cardTs: string) {
  await clickCard(t, userId, 'lead_claim', leadId, cardTs);
  await vi.waitFor(async () => expect((await leadRow(t, leadId)).owner_id).toBe(userId), { timeout: 10_000 });
  await t.flushOutbox();
}

/** The modal a click opened (found by the click's trigger id). */
export async function openedView(t: TestApp, triggerId: string | undefined) {
  const call = await t.slack.waitForCall('views.open', { trigger_id: triggerId! });
  return call.response.view as {
    id: string;
    callback_id: string;
    private_metadata: string;
    blocks: unknown[];
  };
}

/** The ephemeral answer to a click or shortcut (through its response_url). */
export async function ephemeralText(t: TestApp, responseUrl: string | undefined): Promise<string> {
  const reply = await t.slack.waitForResponse(responseUrl!);
  expect(reply.body.response_type).toBe('ephemeral');
  return String(reply.body.text);
}

export function card(t: TestApp, ts: string): string {
  return JSON.stringify(t.slack.messages('C0LEADS').find((m) => m.ts === ts)?.blocks);
}

export function threadReplies(t: TestApp, ts: string): string[] {
  return t.slack
    .thread('C0LEADS', ts)
    .slice(1)
    .map((m) => String(m.text));
}

export function dms(t: TestApp, userId: string): string[] {
  return t.slack.messages(userId).map((m) => String(m.text));
}

export async function events(leadId: number, t: TestApp) {
  return (await leadEventsOf(t.database.db, TEAM_ID, leadId)).map((e) => ({
    type: e.type,
    actor: e.actorId,
    data: e.data,
  }));
}
