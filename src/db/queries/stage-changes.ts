import { and, eq, isNull } from 'drizzle-orm';
import { isSideStage, type StageMove } from '../../domain/lead-stages.js';
import type { Queryable } from '../client.js';
import { leads, stageChanges } from '../schema.js';
import { appendLeadEvent, type LeadRow } from './leads.js';

/** Who moved a lead and through which door. */
export interface StageActor {
  actorId: string | null;
  via: 'intake' | 'slack' | 'api' | 'system';
}

/** A lead's arrival: its first funnel row (from nothing to the stage intake gave it). */
export async function recordArrival(q: Queryable, lead: LeadRow): Promise<void> {
  await q.insert(stageChanges).values({
    teamId: lead.teamId,
    leadId: lead.id,
    fromStage: null,
    toStage: lead.stage,
    enteredAt: lead.createdAt,
    via: 'intake',
    segment: lead.segment,
    source: lead.source,
    ownerId: lead.ownerId,
  });
}

/**
 * Moves a lead: the lead row, the funnel fact row (closing the stay it leaves) and the
 * `stage_changed` event, all in the caller's transaction. Returns the lead as it now is.
 */
export async function recordStageMove(
  q: Queryable,
  lead: LeadRow,
  move: StageMove,
  actor: StageActor,
  now: Date,
): Promise<LeadRow> {
  const [moved] = await q
    .update(leads)
    .set({
      stage: move.to,
      stageEnteredAt: now,
      furthestStage: move.furthestStage,
      amount: move.amount,
      currency: move.currency,
      competitor: move.competitor,
      stageReason: isSideStage(move.to) ? move.reason : null,
      revisitOn: move.revisitOn,
      updatedAt: now,
    })
    .where(and(eq(leads.teamId, lead.teamId), eq(leads.id, lead.id)))
    .returning();
  await q
    .update(stageChanges)
    .set({ leftAt: now })
    .where(
      and(
        eq(stageChanges.teamId, lead.teamId),
        eq(stageChanges.leadId, lead.id),
        isNull(stageChanges.leftAt),
      ),
    );
  await q.insert(stageChanges).values({
    teamId: lead.teamId,
    leadId: lead.id,
    fromStage: move.from,
    toStage: move.to,
    enteredAt: now,
    actorId: actor.actorId,
    via: actor.via,
    reason: move.reason,
    competitor: move.competitor,
    note: move.note,
    amount: move.amount,
    currency: move.currency,
    segment: lead.segment,
    source: lead.source,
    ownerId: moved!.ownerId,
  });
  await appendLeadEvent(q, {
    teamId: lead.teamId,
    leadId: lead.id,
    type: 'stage_changed',
    actorId: actor.actorId,
    data: {
      from: move.from,
      to: move.to,
      via: actor.via,
      ...(move.reason ? { reason: move.reason } : {}),
      ...(move.competitor ? { competitor: move.competitor } : {}),
      ...(move.amount !== null ? { amount: move.amount, currency: move.currency } : {}),
      ...(move.revisitOn ? { revisitOn: move.revisitOn } : {}),
      ...(move.note ? { note: move.note } : {}),
    },
    occurredAt: now,
  });
  return moved!;
}
