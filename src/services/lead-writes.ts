import type { WorkspaceConfig } from '../config/workspace-schema.js';
import type { Tx } from '../db/client.js';
import type { LeadRow } from '../db/queries/leads.js';
import { enqueueSlackWrite } from '../db/queries/outbox.js';
import { OWNER_DM_PURPOSE, type OwnerDm } from './lead-notes.js';
import type { ThreadNote } from './thread-notes.js';

/**
 * Slack writes a lead change queues in its own transaction: intents only (the Slack layer renders
 * them at delivery), so they commit with the change or not at all.
 */
export class LeadWrites {
  constructor(private readonly config: WorkspaceConfig) {}

  channelOf(lead: LeadRow): string {
    return lead.cardChannel ?? this.config.channels.leads[lead.segment]!;
  }

  /** Edits the card in place to show the lead as it is when the write is delivered. */
  async refreshCard(tx: Tx, lead: LeadRow, now: Date): Promise<void> {
    if (!lead.routed) return; // unrouted leads have no card
    await enqueueSlackWrite(
      tx,
      {
        teamId: lead.teamId,
        method: 'chat.update',
        channel: this.channelOf(lead),
        args: {},
        leadId: lead.id,
        purpose: 'lead_card_update',
      },
      now,
    );
  }

  /** A line in the card's thread. */
  async note(tx: Tx, lead: LeadRow, note: ThreadNote, now: Date): Promise<void> {
    if (!lead.routed) return;
    await enqueueSlackWrite(
      tx,
      {
        teamId: lead.teamId,
        method: 'chat.postMessage',
        channel: this.channelOf(lead),
        args: { note },
        leadId: lead.id,
        purpose: 'lead_thread',
      },
      now,
    );
  }

  /** A DM to `userId` (posting to a user id lands in the app's DM with them). */
  async dm(tx: Tx, lead: LeadRow, userId: string, dm: OwnerDm, now: Date): Promise<void> {
    await enqueueSlackWrite(
      tx,
      {
        teamId: lead.teamId,
        method: 'chat.postMessage',
        channel: userId,
        args: { dm },
        leadId: lead.id,
        purpose: OWNER_DM_PURPOSE,
      },
      now,
    );
  }
}
