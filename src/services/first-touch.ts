import type { ConfigSource } from '../config/config-source.js';
import type { WorkspaceConfig } from '../config/workspace-schema.js';
import type { Database, Tx } from '../db/client.js';
import { insertActivity, lockLead, setFirstTouch } from '../db/queries/activities.js';
import { appendLeadEvent, findLead, type LeadRow } from '../db/queries/leads.js';
import type { SlaState } from '../db/schema.js';
import type { ActivityKind } from '../domain/activity.js';
import { businessMinutesBetween, meetsDue } from '../domain/business-time.js';
import { isManager } from '../domain/roles.js';
import { actorOf } from './actor.js';
import { LeadWrites } from './lead-writes.js';

export interface ActivityRequest {
  kind: ActivityKind;
  note?: string | null;
  /** Who did it; null when a tool reports it without naming anyone. */
  actorId: string | null;
  /** Slack callers are checked (owner, manager or admin); the API is trusted by its secret. */
  via: 'slack' | 'api';
  /** When it happened. */
  at: Date;
}

/** What a first touch did to the SLA clock. */
export interface FirstTouch {
  at: Date;
  kind: ActivityKind;
  /** Minutes from arrival to the touch: working minutes on the business clock, else clock minutes. */
  minutes: number;
  /** Touched by the due time (always false when the clock had already been marked breached). */
  met: boolean;
  slaState: SlaState | null;
}

export type TouchRefusal =
  | { reason: 'not_found' | 'before_arrival' }
  | { reason: 'not_on_roster'; adminIds: string[] }
  | { reason: 'not_your_lead'; ownerId: string | null };

export type TouchResult =
  | { ok: true; activityId: number; lead: LeadRow; firstTouch: FirstTouch | null }
  | ({ ok: false } & TouchRefusal);

/**
 * Logging what a seller did with a lead. The first activity is the first touch: it stops the SLA
 * clock (met or breached), is recorded in the lead's history, and refreshes the card; the
 * activity, the clock and the Slack writes commit together.
 */
export class FirstTouchService {
  constructor(
    private readonly database: Database,
    private readonly configs: ConfigSource,
  ) {}

  /** Whether `userId` may log activities on the lead from Slack: its owner, a manager or an admin. */
  async mayLog(
    teamId: string,
    leadId: number,
    userId: string,
  ): Promise<{ ok: true; lead: LeadRow } | ({ ok: false } & TouchRefusal)> {
    const { db } = this.database;
    const actor = await actorOf(db, teamId, userId);
    if (actor.kind === 'stranger') return { ok: false, reason: 'not_on_roster', adminIds: actor.adminIds };
    const lead = await findLead(db, teamId, leadId);
    if (!lead) return { ok: false, reason: 'not_found' };
    if (lead.ownerId !== userId && !isManager(actor.member.roles))
      return { ok: false, reason: 'not_your_lead', ownerId: lead.ownerId };
    return { ok: true, lead };
  }

  /** `now` is when it is logged (defaults to `request.at`); the outbox and `updated_at` use it. */
  async logActivity(
    teamId: string,
    leadId: number,
    request: ActivityRequest,
    now: Date = request.at,
  ): Promise<TouchResult> {
    if (request.via === 'slack') {
      if (!request.actorId) return { ok: false, reason: 'not_on_roster', adminIds: [] };
      const allowed = await this.mayLog(teamId, leadId, request.actorId);
      if (!allowed.ok) return allowed;
    }
    const config = this.configs.for(teamId);
    const writes = new LeadWrites(config);
    return this.database.db.transaction(async (tx) => {
      const lead = await lockLead(tx, teamId, leadId);
      if (!lead) return { ok: false, reason: 'not_found' } as const;
      if (request.at.getTime() < lead.createdAt.getTime())
        return { ok: false, reason: 'before_arrival' } as const;
      const activity = await insertActivity(tx, {
        teamId,
        leadId,
        kind: request.kind,
        note: request.note ?? null,
        actorId: request.actorId,
        via: request.via,
        occurredAt: request.at,
      });
      if (lead.firstTouchAt) {
        await this.#later(writes, tx, lead, request, activity.id, now);
        return { ok: true, activityId: activity.id, lead, firstTouch: null } as const;
      }
      const touch = this.#firstTouch(config, lead, request);
      const updated = await setFirstTouch(
        tx,
        teamId,
        leadId,
        { at: touch.at, channel: touch.kind, businessMinutes: touch.minutes, slaState: touch.slaState },
        now,
      );
      const row = updated ?? lead; // the row is locked, so it is always updated
      await appendLeadEvent(tx, {
        teamId,
        leadId,
        type: 'first_touch',
        actorId: request.actorId,
        data: {
          kind: touch.kind,
          via: request.via,
          actor: request.actorId,
          minutes: touch.minutes,
          met: touch.met,
          activity_id: activity.id,
        },
        occurredAt: touch.at,
      });
      await writes.refreshCard(tx, row, now);
      await writes.note(
        tx,
        row,
        {
          kind: 'first_touch',
          by: request.actorId,
          activity: touch.kind,
          minutes: touch.minutes,
          met: touch.met,
          slaMinutes: config.sla.firstTouchMinutes,
          clock: config.sla.clock,
          note: request.note ?? null,
        },
        now,
      );
      return { ok: true, activityId: activity.id, lead: row, firstTouch: touch } as const;
    });
  }

  #firstTouch(config: WorkspaceConfig, lead: LeadRow, request: ActivityRequest): FirstTouch {
    const { sla, calendar } = config;
    const minutes =
      sla.clock === 'always'
        ? Math.max(0, (request.at.getTime() - lead.createdAt.getTime()) / 60_000)
        : businessMinutesBetween(lead.createdAt, request.at, calendar);
    const onTime = lead.slaDueAt ? meetsDue(request.at, lead.slaDueAt) : true;
    // A clock the escalation ladder already marked breached stays breached.
    const met = onTime && lead.slaState !== 'breached';
    const slaState: SlaState | null = lead.slaDueAt || lead.slaState ? (met ? 'met' : 'breached') : null;
    return { at: request.at, kind: request.kind, minutes, met, slaState };
  }

  async #later(
    writes: LeadWrites,
    tx: Tx,
    lead: LeadRow,
    request: ActivityRequest,
    activityId: number,
    now: Date,
  ) {
    await appendLeadEvent(tx, {
      teamId: lead.teamId,
      leadId: lead.id,
      type: 'activity',
      actorId: request.actorId,
      data: { kind: request.kind, via: request.via, actor: request.actorId, activity_id: activityId },
      occurredAt: request.at,
    });
    await writes.note(
      tx,
      lead,
      { kind: 'activity', by: request.actorId, activity: request.kind, note: request.note ?? null },
      now,
    );
  }
}
