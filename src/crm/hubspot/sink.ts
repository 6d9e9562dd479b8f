import type { WorkspaceConfig } from '../../config/workspace-schema.js';
import type { Tx } from '../../db/client.js';
import { queueHubspotTask } from '../../db/queries/hubspot.js';
import type { BatonEvent, EventSink } from '../events.js';
import { planHubspotWrites } from './plan.js';

/** The HubSpot connector as a relay sink: each event that writes to HubSpot queues one `out` task. */
export class HubspotSink implements EventSink {
  readonly name = 'hubspot';

  async accept(tx: Tx, event: BatonEvent, config: WorkspaceConfig, now: Date): Promise<void> {
    const plan = planHubspotWrites(event, config);
    if (!plan) return;
    await queueHubspotTask(tx, {
      teamId: event.teamId,
      direction: 'out',
      leadId: event.leadId,
      dedupeKey: event.id,
      kind: event.type,
      payload: { ...plan, occurredAt: event.occurredAt.toISOString() },
      at: now,
    });
  }
}
