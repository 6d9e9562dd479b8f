import type { ConfigSource } from '../config/config-source.js';
import type { WorkspaceConfig } from '../config/workspace-schema.js';
import type { Database, Tx } from '../db/client.js';
import { appendLeadEvent, changeLeadOwner, findLead, type LeadRow } from '../db/queries/leads.js';
import { findMember } from '../db/queries/members.js';
import { isManager, isSeller } from '../domain/roles.js';
import { actorOf } from './actor.js';
import { scheduleCadence } from './cadence.js';
import { LeadWrites } from './lead-writes.js';

export type OwnershipRefusal =
  | { reason: 'not_found' | 'not_a_manager' | 'not_owned' | 'changed' }
  | { reason: 'not_on_roster'; adminIds: string[] }
  | { reason: 'assignee_not_on_roster' | 'assignee_not_a_seller' | 'already_owner'; assigneeId: string }
  | { reason: 'assignee_not_serving'; assigneeId: string; segment: string }
  | { reason: 'not_your_lead'; ownerId: string };

export type OwnershipResult<T> = ({ ok: true } & T) | ({ ok: false } & OwnershipRefusal);

export interface AssignRequest {
  leadId: number;
  actorId: string;
  assigneeId: string;
  reason: string | null;
}

/** Tries before giving up when concurrent changes keep moving the owner under us. */
const ATTEMPTS = 3;

/**
 * Manual changes of owner: a manager or admin assigns or reassigns a lead to a seller serving its
 * segment; the owner (or a manager) releases it back to the team. Each is one guarded UPDATE plus
 * its event, card refresh, thread line and DMs, committed together.
 */
export class LeadOwnershipService {
  constructor(
    private readonly database: Database,
    private readonly configs: ConfigSource,
  ) {}

  /** Whether `userId` may open the Assign modal for the lead (checked again on submission). */
  async mayAssign(
    teamId: string,
    leadId: number,
    userId: string,
  ): Promise<OwnershipResult<{ lead: LeadRow }>> {
    const { db } = this.database;
    const actor = await actorOf(db, teamId, userId);
    if (actor.kind === 'stranger') return { ok: false, reason: 'not_on_roster', adminIds: actor.adminIds };
    if (!isManager(actor.member.roles)) return { ok: false, reason: 'not_a_manager' };
    const lead = await findLead(db, teamId, leadId);
    return lead ? { ok: true, lead } : { ok: false, reason: 'not_found' };
  }

  async assign(
    teamId: string,
    request: AssignRequest,
    now: Date,
  ): Promise<OwnershipResult<{ lead: LeadRow; from: string | null }>> {
    const allowed = await this.mayAssign(teamId, request.leadId, request.actorId);
    if (!allowed.ok) return allowed;
    const { assigneeId } = request;
    const assignee = await findMember(this.database.db, teamId, assigneeId);
    if (!assignee) return { ok: false, reason: 'assignee_not_on_roster', assigneeId };
    if (!isSeller(assignee.roles)) return { ok: false, reason: 'assignee_not_a_seller', assigneeId };
    const { segment } = allowed.lead;
    if (!assignee.segments.includes(segment))
      return { ok: false, reason: 'assignee_not_serving', assigneeId, segment };

    const config = this.configs.for(teamId);
    return this.database.db.transaction(async (tx) => {
      for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
        const current = await findLead(tx, teamId, request.leadId);
        if (!current) return { ok: false, reason: 'not_found' } as const;
        const from = current.ownerId;
        if (from === assigneeId) return { ok: false, reason: 'already_owner', assigneeId } as const;
        const lead = await changeLeadOwner(tx, teamId, current.id, from, assigneeId, now);
        if (!lead) continue; // the owner changed since we read it: look again
        await this.#assigned(config, tx, lead, request, from, now);
        return { ok: true, lead, from } as const;
      }
      return { ok: false, reason: 'changed' } as const;
    });
  }

  async #assigned(
    config: WorkspaceConfig,
    tx: Tx,
    lead: LeadRow,
    request: AssignRequest,
    from: string | null,
    now: Date,
  ) {
    const { actorId: by, assigneeId: to, reason } = request;
    const writes = new LeadWrites(config);
    await scheduleCadence(tx, config, lead, to, now);
    await appendLeadEvent(tx, {
      teamId: lead.teamId,
      leadId: lead.id,
      type: from === null ? 'assigned' : 'reassigned',
      actorId: by,
      data: { from, to, reason },
      occurredAt: now,
    });
    await writes.refreshCard(tx, lead, now);
    await writes.note(tx, lead, { kind: 'owner_changed', by, from, to, reason }, now);
    await writes.dm(tx, lead, to, { kind: 'assigned', by, from, reason }, now);
    if (from !== null && from !== by) await writes.dm(tx, lead, from, { kind: 'unassigned', by, to }, now);
  }

  /** The owner (or a manager or admin) hands the lead back: unowned, so it can be claimed again. */
  async release(
    teamId: string,
    leadId: number,
    actorId: string,
    now: Date,
  ): Promise<OwnershipResult<{ lead: LeadRow; from: string }>> {
    const { db } = this.database;
    const actor = await actorOf(db, teamId, actorId);
    if (actor.kind === 'stranger') return { ok: false, reason: 'not_on_roster', adminIds: actor.adminIds };
    const seen = await findLead(db, teamId, leadId);
    if (!seen) return { ok: false, reason: 'not_found' };
    const from = seen.ownerId;
    if (from === null) return { ok: false, reason: 'not_owned' };
    if (from !== actorId && !isManager(actor.member.roles))
      return { ok: false, reason: 'not_your_lead', ownerId: from };

    const writes = new LeadWrites(this.configs.for(teamId));
    return db.transaction(async (tx) => {
      // Only the owner the person saw: if it changed meanwhile, they release nothing they did not mean to.
      const lead = await changeLeadOwner(tx, teamId, leadId, from, null, now);
      if (!lead) {
        const latest = await findLead(tx, teamId, leadId);
        return { ok: false, reason: latest?.ownerId ? 'changed' : 'not_owned' } as const;
      }
      await appendLeadEvent(tx, {
        teamId,
        leadId,
        type: 'released',
        actorId,
        data: { from, to: null, reason: null },
        occurredAt: now,
      });
      await writes.refreshCard(tx, lead, now);
      await writes.note(tx, lead, { kind: 'released', by: actorId, from }, now);
      if (from !== actorId)
        await writes.dm(tx, lead, from, { kind: 'unassigned', by: actorId, to: null }, now);
      return { ok: true, lead, from } as const;
    });
  }
}
