/**
 * The events Baton tells other systems about (outbound webhooks, CRM connectors). They are read from
 * Baton's own durable history (lead_events, VOC entries, retro action items) by the event relay, so
 * no write path has to know who listens; each listener (a sink) queues its own durable deliveries.
 */
import type { WorkspaceConfig } from '../config/workspace-schema.js';
import type { Tx } from '../db/client.js';

export const BATON_EVENT_TYPES = [
  'lead.created',
  'lead.assigned',
  'lead.first_touch',
  'lead.sla_breached',
  'lead.stage_changed',
  'lead.context_added',
  'voc.captured',
  'retro.action_item',
] as const;

export type BatonEventType = (typeof BATON_EVENT_TYPES)[number];

export interface BatonEvent {
  /** Stable across retries and processes, e.g. `lead_events:123`; deliveries derive their idempotency key from it. */
  id: string;
  type: BatonEventType;
  teamId: string;
  /** The lead it is about; null for VOC entries and action items without a lead. */
  leadId: number | null;
  occurredAt: Date;
  /** The Slack user who caused it, when a person did. */
  actorId: string | null;
  /** What the source row holds (lead_events.data, or the VOC entry / action item fields). */
  data: Record<string, unknown>;
}

/** A listener for Baton events, e.g. the outbound webhooks or the HubSpot connector. */
export interface EventSink {
  readonly name: string;
  /**
   * Called by the relay inside its transaction, once per event and in event order per lead. Queue
   * durable work here (in this transaction) and return; never call the network from here.
   */
  accept(tx: Tx, event: BatonEvent, config: WorkspaceConfig, now: Date): Promise<void>;
}
