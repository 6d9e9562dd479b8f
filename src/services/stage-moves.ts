import type { ConfigSource } from '../config/config-source.js';
import type { WorkspaceConfig } from '../config/workspace-schema.js';
import type { Database, Tx } from '../db/client.js';
import { scheduleJob } from '../db/queries/jobs.js';
import type { LeadRow } from '../db/queries/leads.js';
import { listRoster } from '../db/queries/members.js';
import { enqueueSlackWrite } from '../db/queries/outbox.js';
import { lockLead } from '../db/queries/routing.js';
import { recordStageMove, type StageActor } from '../db/queries/stage-changes.js';
import {
  LOST,
  planStageMove,
  RECYCLE,
  type StageMove,
  type StageMoveProblem,
  type StageMoveRequest,
  type StageRules,
  systemMove,
} from '../domain/lead-stages.js';
import { fromLocal, parseIsoDate, toLocal } from '../domain/time.js';
import { actorOf } from './actor.js';
import { LeadWrites } from './lead-writes.js';
import { type RecycleReopenedDm, STAGE_DM_PURPOSE, type StageName, type StageNote } from './stage-notes.js';

export const RECYCLE_REOPEN_JOB = 'lead.recycle_reopen';

/** Who asks for a move: a person in Slack (checked against the roster), a tool, or Baton itself. */
export interface StageMoveActor {
  actorId: string | null;
  via: 'slack' | 'api' | 'system';
}

export type StageMoveFailure =
  | { code: 'not_found' }
  | { code: 'not_on_roster'; adminIds: string[] }
  | StageMoveProblem;

export type StageMoveResult =
  | { ok: true; lead: LeadRow; move: StageMove }
  /** `lead` is the lead as it is when it was found, so a caller can ask for what the move lacks. */
  | { ok: false; problem: StageMoveFailure; lead?: LeadRow };

/** The durable job that reopens a recycled lead, with what the DM says about why it was parked. */
export interface RecycleReopenPayload {
  leadId: number;
  revisitOn: string;
  parkedBy: string | null;
  parkedAt: string;
  reason: string | null;
  note: string | null;
}

export type ReopenOutcome =
  | { outcome: 'reopened'; lead: LeadRow; notified: string[] }
  /** The lead left Recycle, or was recycled again to another day, since the job was scheduled. */
  | { outcome: 'skipped' | 'missing' };

export const recycleReopenKey = (leadId: number, revisitOn: string) =>
  `${RECYCLE_REOPEN_JOB}:${leadId}:${revisitOn}`;

const dayOf = (l: { year: number; month: number; day: number }) =>
  `${l.year}-${String(l.month).padStart(2, '0')}-${String(l.day).padStart(2, '0')}`;

/**
 * Moving a lead between stages from the card, `/lead … stage` and the stage API, and reopening
 * recycled leads on their revisit day. Each move is one transaction with the lead row locked: the
 * lead, the funnel fact row, the event, the card refresh and the thread note commit together.
 */
export class StageMoveService {
  constructor(
    private readonly database: Database,
    private readonly configs: ConfigSource,
  ) {}

  /** A stage key with its configured label (side stages are labelled by the Slack layer). */
  nameOf(teamId: string, key: string): StageName {
    return nameIn(this.configs.for(teamId), key);
  }

  /** The team's calendar day at `now` (YYYY-MM-DD): a revisit date must come after it. */
  today(teamId: string, now: Date): string {
    return todayIn(this.configs.for(teamId), now);
  }

  /**
   * Moves the lead if the funnel's rules allow it. People in Slack must be on the roster; a tool
   * (API) is trusted by its secret. A refusal writes nothing; a move to Recycle books its reopening.
   */
  move(
    teamId: string,
    leadId: number,
    request: StageMoveRequest,
    actor: StageMoveActor,
    now: Date,
  ): Promise<StageMoveResult> {
    const config = this.configs.for(teamId);
    const writes = new LeadWrites(config);
    return this.database.db.transaction(async (tx): Promise<StageMoveResult> => {
      if (actor.via === 'slack') {
        const who = actor.actorId ? await actorOf(tx, teamId, actor.actorId) : undefined;
        if (who?.kind !== 'member')
          return { ok: false, problem: { code: 'not_on_roster', adminIds: who?.adminIds ?? [] } };
      }
      const lead = await lockLead(tx, teamId, leadId);
      if (!lead) return { ok: false, problem: { code: 'not_found' } };
      const planned = planStageMove(lead, request, rulesOf(config), todayIn(config, now));
      if (!planned.ok) return { ok: false, problem: planned.problem, lead };
      const { move } = planned;
      const moved = await recordStageMove(tx, lead, move, actor, now);
      await writes.refreshCard(tx, moved, now);
      const dealChanged = move.amount !== lead.amount || move.currency !== lead.currency;
      const note: StageNote = {
        kind: 'stage_moved',
        by: actor.actorId,
        via: actor.via,
        from: nameIn(config, move.from),
        to: nameIn(config, move.to),
        reason: move.reason,
        competitor: move.to === LOST ? move.competitor : null,
        amount: dealChanged ? move.amount : null,
        currency: dealChanged ? move.currency : null,
        revisitOn: move.revisitOn,
        note: move.note,
      };
      await writes.note(tx, moved, note, now);
      if (move.to === RECYCLE && move.revisitOn) {
        const payload: RecycleReopenPayload = {
          leadId: lead.id,
          revisitOn: move.revisitOn,
          parkedBy: actor.actorId,
          parkedAt: now.toISOString(),
          reason: move.reason,
          note: move.note,
        };
        await scheduleJob(
          tx,
          {
            teamId,
            kind: RECYCLE_REOPEN_JOB,
            runAt: reopenAt(config, move.revisitOn),
            payload: { ...payload },
            dedupeKey: recycleReopenKey(lead.id, move.revisitOn),
          },
          now,
        );
      }
      return { ok: true, lead: moved, move };
    });
  }

  /**
   * The revisit day came: a lead still parked in Recycle for that day moves to
   * `funnel.recycleReopenStage` (by Baton), its card and thread say so, and its marketer is told
   * (the lead's own, else the marketers serving its segment). Anything else is left alone, so a
   * re-run or a stale job does nothing.
   */
  reopen(teamId: string, p: RecycleReopenPayload, now: Date): Promise<ReopenOutcome> {
    const config = this.configs.for(teamId);
    const writes = new LeadWrites(config);
    return this.database.db.transaction(async (tx): Promise<ReopenOutcome> => {
      const lead = await lockLead(tx, teamId, p.leadId);
      if (!lead) return { outcome: 'missing' };
      if (lead.stage !== RECYCLE || lead.revisitOn !== p.revisitOn) return { outcome: 'skipped' };
      const to = config.funnel.recycleReopenStage;
      const move = systemMove(lead, to, null, rulesOf(config).working, 'reopen');
      const system: StageActor = { actorId: null, via: 'system' };
      const moved = await recordStageMove(tx, lead, move, system, now);
      await writes.refreshCard(tx, moved, now);
      await writes.note(
        tx,
        moved,
        { kind: 'stage_reopened', to: nameIn(config, to), revisitOn: p.revisitOn },
        now,
      );
      const dm: RecycleReopenedDm = {
        kind: 'recycle_reopened',
        to: nameIn(config, to),
        revisitOn: p.revisitOn,
        parkedBy: p.parkedBy,
        parkedAt: p.parkedAt,
        reason: p.reason,
        note: p.note,
      };
      const notified = await this.#marketersOf(tx, moved);
      for (const userId of notified) {
        await enqueueSlackWrite(
          tx,
          {
            teamId,
            method: 'chat.postMessage',
            channel: userId,
            args: { stageDm: { ...dm } },
            leadId: lead.id,
            purpose: STAGE_DM_PURPOSE,
            dedupeKey: `${recycleReopenKey(lead.id, p.revisitOn)}:dm:${userId}`,
          },
          now,
        );
      }
      return { outcome: 'reopened', lead: moved, notified };
    });
  }

  /** The lead's own marketer while on the roster; otherwise every marketer serving its segment. */
  async #marketersOf(tx: Tx, lead: LeadRow): Promise<string[]> {
    const roster = await listRoster(tx, lead.teamId);
    const marketers = roster.filter((m) => m.roles.includes('marketer'));
    if (lead.marketerId && marketers.some((m) => m.userId === lead.marketerId)) return [lead.marketerId];
    return marketers.filter((m) => m.segments.includes(lead.segment)).map((m) => m.userId);
  }
}

/** The funnel's rules for a move, from the workspace's configuration. */
export function rulesOf(config: WorkspaceConfig): StageRules {
  return {
    working: config.stages.working.map((s) => s.key),
    dealStage: config.funnel.dealStage,
    lostReasons: config.stages.lostReasons,
    disqualifyReasons: config.stages.disqualifyReasons,
    defaultCurrency: config.funnel.currency,
  };
}

/** A stage key with its configured label (side stages are labelled by the Slack layer). */
export function nameIn(config: WorkspaceConfig, key: string): StageName {
  return { key, label: config.stages.working.find((s) => s.key === key)?.label ?? key };
}

function todayIn(config: WorkspaceConfig, now: Date): string {
  return dayOf(toLocal(now, config.calendar.timeZone));
}

/** When a revisit day's reopening runs: the start of the team's working hours that day. */
function reopenAt(config: WorkspaceConfig, revisitOn: string): Date {
  const day = parseIsoDate(revisitOn)!;
  const [hour, minute] = config.calendar.workingHours.start.split(':').map(Number);
  return fromLocal({ ...day, hour: hour!, minute: minute! }, config.calendar.timeZone);
}
