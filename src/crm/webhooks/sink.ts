/** The webhook sink: queues one delivery per enabled endpoint that wants the event, in the relay's transaction. */
import type { WebhookEndpoint, WorkspaceConfig } from '../../config/workspace-schema.js';
import type { Tx } from '../../db/client.js';
import { findLead } from '../../db/queries/leads.js';
import { queueDelivery } from '../../db/queries/webhooks.js';
import type { BatonEvent, EventSink } from '../events.js';
import { buildPayload } from './payload.js';

export const wants = (endpoint: WebhookEndpoint, type: string) =>
  endpoint.enabled && (endpoint.events === '*' || (endpoint.events as readonly string[]).includes(type));

export const webhookSink: EventSink = {
  name: 'webhooks',
  async accept(tx: Tx, event: BatonEvent, config: WorkspaceConfig, now: Date): Promise<void> {
    const endpoints = config.webhooks.filter((e) => wants(e, event.type));
    if (endpoints.length === 0) return;
    const lead = event.leadId === null ? null : ((await findLead(tx, event.teamId, event.leadId)) ?? null);
    const body = JSON.stringify(buildPayload(event, lead));
    for (const endpoint of endpoints)
      await queueDelivery(
        tx,
        {
          teamId: event.teamId,
          endpoint: endpoint.name,
          eventId: event.id,
          eventType: event.type,
          leadId: event.leadId,
          body,
        },
        now,
      );
  },
};
