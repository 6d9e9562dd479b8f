/**
 * Turns Baton's durable history rows into the events other systems hear about. Pure: the relay
 * loads the rows, this decides what (if anything) each one means outside Baton. Data keys are
 * snake_case and flat, the shape documented in docs/webhooks.md.
 */
import type { ActionItemRow, LeadEventRow, VocEntryRow } from '../db/queries/event-relay.js';
import type { BatonEvent } from './events.js';

export type AssignHow = 'claim' | 'accept' | 'assign' | 'reassign' | 'release';

type Data = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The lead event's type and data as the outside sees them; null for internal bookkeeping (cadence, passes, holds…). */
export function mapLeadEvent(
  type: string,
  data: Data,
  actorId: string | null,
): Pick<BatonEvent, 'type' | 'data'> | null {
  const assigned = (how: AssignHow, from: unknown, to: unknown, extra: Data = {}) => ({
    type: 'lead.assigned' as const,
    data: { how, from: str(from), to: str(to), ...extra },
  });
  switch (type) {
    case 'created':
      return {
        type: 'lead.created',
        data: {
          segment: str(data.segment),
          stage: str(data.stage),
          score: num(data.score),
          routed: data.routed === true,
        },
      };
    case 'claimed':
      return assigned('claim', null, data.owner ?? actorId);
    case 'accepted':
      return assigned('accept', null, actorId, { offered_at: str(data.offeredAt) });
    case 'assigned': {
      // The router writes `method` and `trigger` (round robin, account match, auto-assign, SLA reassign).
      const routed = typeof data.method === 'string';
      const how: AssignHow = data.from ? 'reassign' : 'assign';
      return assigned(how, data.from, data.to, {
        reason: str(data.reason),
        ...(routed
          ? { method: str(data.method), trigger: str(data.trigger), offer: data.offer === true }
          : {}),
      });
    }
    case 'reassigned':
      return assigned('reassign', data.from, data.to, { reason: str(data.reason) });
    case 'released':
      return assigned('release', data.from, null);
    case 'first_touch':
      return {
        type: 'lead.first_touch',
        data: {
          kind: str(data.kind),
          via: str(data.via),
          minutes: num(data.minutes),
          met_sla: data.met === true,
        },
      };
    case 'sla_step':
      if (data.action !== 'breach') return null;
      return {
        type: 'lead.sla_breached',
        data: { step: num(data.step), due_at: str(data.dueAt), late: data.late === true },
      };
    case 'stage_changed':
      return {
        type: 'lead.stage_changed',
        data: {
          from: str(data.from),
          to: str(data.to),
          via: str(data.via),
          reason: str(data.reason),
          competitor: str(data.competitor),
          amount: num(data.amount),
          currency: str(data.currency),
          revisit_on: str(data.revisitOn),
          note: str(data.note),
        },
      };
    case 'context_added':
      return { type: 'lead.context_added', data: { context_id: num(data.context_id) } };
    default:
      return null;
  }
}

export function leadEventToBaton(row: LeadEventRow): BatonEvent | null {
  const mapped = mapLeadEvent(row.type, (row.data ?? {}) as Data, row.actorId);
  if (!mapped) return null;
  return {
    id: `lead_events:${row.id}`,
    ...mapped,
    teamId: row.teamId,
    leadId: row.leadId,
    occurredAt: row.occurredAt,
    actorId: row.actorId,
  };
}

export function vocEntryToBaton(row: VocEntryRow): BatonEvent {
  return {
    id: `voc_entries:${row.id}`,
    type: 'voc.captured',
    teamId: row.teamId,
    leadId: row.leadId,
    occurredAt: row.createdAt,
    actorId: row.capturedBy,
    data: {
      voc_id: row.id,
      quote: row.quote,
      category: row.category,
      competitor: row.competitor,
      account: row.account,
      sentiment: row.sentiment,
      tags: row.tags,
      via: row.via,
      said_by: row.sourceAuthorId,
      source_url: row.sourcePermalink,
    },
  };
}

export function actionItemToBaton(row: ActionItemRow): BatonEvent {
  return {
    id: `retro_action_items:${row.id}`,
    type: 'retro.action_item',
    teamId: row.teamId,
    leadId: null,
    occurredAt: row.createdAt,
    actorId: row.createdBy,
    data: {
      action_item_id: row.id,
      text: row.text,
      owner: row.ownerId,
      due_on: row.dueOn,
      status: row.status,
      retro_id: row.firstRetroId,
    },
  };
}
