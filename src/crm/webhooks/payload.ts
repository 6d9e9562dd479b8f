/**
 * The JSON Baton POSTs to webhook endpoints (docs/webhooks.md, schemas in docs/webhooks/). Built
 * once when the delivery is queued, so every retry sends the same body. Flat where it can be: catch
 * hooks (Zapier, Make, n8n) map `lead.email`, `data.to` and the like without code.
 */
import type { LeadRow } from '../../db/queries/leads.js';
import type { BatonEvent } from '../events.js';

/** Bumped only on a breaking change to a type's payload; additions keep the version. */
export const PAYLOAD_VERSION = 1;
export const TEST_EVENT_TYPE = 'webhook.test';

export interface WebhookPayload {
  schema: string;
  id: string;
  type: string;
  occurred_at: string;
  team_id: string;
  actor_id: string | null;
  lead: LeadPayload | null;
  data: Record<string, unknown>;
}

export interface LeadPayload {
  id: number;
  external_id: string | null;
  source: string;
  form: string | null;
  name: string | null;
  email: string | null;
  company: string | null;
  title: string | null;
  phone: string | null;
  company_size: number | null;
  industry: string | null;
  website: string | null;
  segment: string;
  stage: string;
  score: number;
  owner_id: string | null;
  sla_state: string | null;
  sla_due_at: string | null;
  first_touch_at: string | null;
  amount: number | null;
  currency: string | null;
  created_at: string;
  /** Opens the lead's card in Slack (null until the card is posted). */
  slack_url: string | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A Slack message link that works without knowing the workspace's domain. */
export function slackMessageUrl(teamId: string, channel: string, ts: string): string {
  return `https://slack.com/app_redirect?team=${teamId}&channel=${channel}&message_ts=${ts}`;
}

export function leadPayload(lead: LeadRow): LeadPayload {
  return {
    id: lead.id,
    external_id: lead.externalId,
    source: lead.source,
    form: lead.form,
    name: lead.name,
    email: lead.email,
    company: lead.company,
    title: lead.title,
    phone: lead.phone,
    company_size: lead.companySize,
    industry: lead.industry,
    website: lead.website,
    segment: lead.segment,
    stage: lead.stage,
    score: lead.score,
    owner_id: lead.ownerId,
    sla_state: lead.slaState,
    sla_due_at: iso(lead.slaDueAt),
    first_touch_at: iso(lead.firstTouchAt),
    amount: lead.amount,
    currency: lead.currency,
    created_at: lead.createdAt.toISOString(),
    slack_url:
      lead.cardChannel && lead.cardTs ? slackMessageUrl(lead.teamId, lead.cardChannel, lead.cardTs) : null,
  };
}

/** The payload of an event; `lead` is the lead as it is when the event is relayed (normally within a second). */
export function buildPayload(event: BatonEvent, lead: LeadRow | null): WebhookPayload {
  return {
    schema: `baton.${event.type}/${PAYLOAD_VERSION}`,
    id: event.id,
    type: event.type,
    occurred_at: event.occurredAt.toISOString(),
    team_id: event.teamId,
    actor_id: event.actorId,
    lead: lead ? leadPayload(lead) : null,
    data: event.data,
  };
}

/** What "Send test" posts: the same envelope, so a catch hook can learn the shape from it. */
export function testPayload(
  teamId: string,
  id: string,
  endpoint: string,
  by: string,
  now: Date,
): WebhookPayload {
  return {
    schema: `baton.${TEST_EVENT_TYPE}/${PAYLOAD_VERSION}`,
    id,
    type: TEST_EVENT_TYPE,
    occurred_at: now.toISOString(),
    team_id: teamId,
    actor_id: by,
    lead: null,
    data: { endpoint },
  };
}
