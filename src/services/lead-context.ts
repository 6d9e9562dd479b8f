import type { ConfigSource } from '../config/config-source.js';
import type { Database } from '../db/client.js';
import { insertLeadContext, lockSubmission } from '../db/queries/lead-contexts.js';
import {
  appendLeadEvent,
  bumpContextCount,
  findLatestLeadByEmail,
  findLead,
  findLeadByCard,
  type LeadRow,
  leadEventExists,
} from '../db/queries/leads.js';
import type { ContextFields, LeadRef } from '../domain/lead-context.js';
import { type Actor, actorOf } from './actor.js';
import { LeadWrites } from './lead-writes.js';

export interface AddContextRequest {
  leadId: number;
  authorId: string;
  fields: ContextFields;
  /** The submitted modal: the same submission arriving twice is stored once. */
  viewId?: string;
}

export type AddContextResult =
  | { ok: true; lead: LeadRow; duplicate: boolean }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'not_on_roster'; adminIds: string[] };

/**
 * Marketer context on a lead: stored as a row, counted on the lead in the same transaction, posted
 * in the card's thread, shown as a count on the card and sent to the owner. Anyone on the roster
 * may add it (marketers mostly).
 */
export class LeadContextService {
  constructor(
    private readonly database: Database,
    private readonly configs: ConfigSource,
  ) {}

  actor(teamId: string, userId: string): Promise<Actor> {
    return actorOf(this.database.db, teamId, userId);
  }

  find(teamId: string, leadId: number): Promise<LeadRow | undefined> {
    return findLead(this.database.db, teamId, leadId);
  }

  /** The lead a message belongs to: its card, or a reply in the card's thread. */
  async forMessage(
    teamId: string,
    channel: string,
    message: { ts: string; threadTs?: string | undefined },
  ): Promise<LeadRow | undefined> {
    const { db } = this.database;
    if (message.threadTs && message.threadTs !== message.ts) {
      const parent = await findLeadByCard(db, teamId, channel, message.threadTs);
      if (parent) return parent;
    }
    return findLeadByCard(db, teamId, channel, message.ts);
  }

  /** The lead someone named by number or email (the newest lead with that email). */
  byRef(teamId: string, ref: LeadRef): Promise<LeadRow | undefined> {
    const { db } = this.database;
    if (ref.kind === 'id') return findLead(db, teamId, ref.id);
    if (ref.kind === 'email') return findLatestLeadByEmail(db, teamId, ref.email);
    return Promise.resolve(undefined);
  }

  async add(teamId: string, request: AddContextRequest, now: Date): Promise<AddContextResult> {
    const { db } = this.database;
    const actor = await actorOf(db, teamId, request.authorId);
    if (actor.kind === 'stranger') return { ok: false, reason: 'not_on_roster', adminIds: actor.adminIds };
    const { leadId, authorId: by, fields, viewId } = request;
    const writes = new LeadWrites(this.configs.for(teamId));

    return db.transaction(async (tx) => {
      if (viewId) {
        await lockSubmission(tx, `lead_context:${teamId}:${viewId}`);
        if (await leadEventExists(tx, teamId, leadId, 'context_added', { view_id: viewId })) {
          const lead = await findLead(tx, teamId, leadId);
          return lead ? { ok: true, lead, duplicate: true } : { ok: false, reason: 'not_found' };
        }
      }
      const lead = await bumpContextCount(tx, teamId, leadId, now);
      if (!lead) return { ok: false, reason: 'not_found' };
      const row = await insertLeadContext(tx, { teamId, leadId, authorId: by, ...fields, createdAt: now });
      await appendLeadEvent(tx, {
        teamId,
        leadId,
        type: 'context_added',
        actorId: by,
        data: { context_id: row.id, ...(viewId ? { view_id: viewId } : {}) },
        occurredAt: now,
      });
      await writes.note(tx, lead, { kind: 'context_added', by, context: fields }, now);
      await writes.refreshCard(tx, lead, now);
      if (lead.ownerId && lead.ownerId !== by)
        await writes.dm(tx, lead, lead.ownerId, { kind: 'context_added', by, context: fields }, now);
      return { ok: true, lead, duplicate: false };
    });
  }
}
