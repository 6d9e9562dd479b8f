import type { ConfigSource } from '../config/config-source.js';
import type { MemberHours, WorkspaceConfig } from '../config/workspace-schema.js';
import type { Database, Tx } from '../db/client.js';
import { scheduleJob } from '../db/queries/jobs.js';
import { appendLeadEvent, type LeadRow, leadEventExists } from '../db/queries/leads.js';
import { findMember } from '../db/queries/members.js';
import { enqueueSlackWrite } from '../db/queries/outbox.js';
import { lockLead } from '../db/queries/routing.js';
import { cadenceActivityKind, planCadence } from '../domain/cadence.js';
import { isLate } from '../domain/sla-ladder.js';
import { holidayDates } from '../domain/working-time.js';
import type { FirstTouchService } from './first-touch.js';

export const CADENCE_STEP_JOB = 'cadence.step';
/** The reminder DM (channel = the owner's user id); its dedupe key is `cadenceDmKey`. */
export const CADENCE_DM_PURPOSE = 'lead_cadence_dm';
/** The edit of a reminder DM once the owner answered it. */
export const CADENCE_UPDATE_PURPOSE = 'lead_cadence_update';
export const SNOOZE_MS = 60 * 60_000;

/** A scheduled cadence step: the lead, whose cadence it is, the step's index in `cadence.steps`. */
export interface CadenceStepPayload {
  leadId: number;
  owner: string;
  step: number;
  dueAt: string;
  /** How many times the owner snoozed this step before this job (0 for the planned one). */
  snoozes?: number;
}

/** Which reminder a button is on. */
export interface CadenceRef {
  leadId: number;
  owner: string;
  step: number;
  snoozes: number;
}

/** The reminder DM, as data (rendered by slack/outbox/cadence-render.ts at delivery). */
export interface CadenceReminder extends CadenceRef {
  day: number;
  label: string;
  late: boolean;
}

export type CadenceAnswer = 'done' | 'skip' | 'snooze';

export interface CadenceUpdate {
  /** The reminder DM's outbox dedupe key. */
  dmKey: string;
  reminder: CadenceReminder;
  answer: CadenceAnswer;
  /** For a snooze: when it comes back. */
  until?: string;
}

export type CadenceSkipReason = 'step_removed' | 'owner_changed' | 'stage_reached' | 'closed' | 'answered';

export type CadenceStepOutcome =
  | { outcome: 'due'; late: boolean }
  | { outcome: 'skipped'; reason: CadenceSkipReason }
  | { outcome: 'already' | 'missing' };

export type CadenceAnswerResult =
  | { ok: true; lead: LeadRow }
  | { ok: false; reason: 'not_found' | 'already_answered' | 'step_removed' }
  | { ok: false; reason: 'not_owner'; ownerId: string | null };

export const cadenceStepKey = (leadId: number, owner: string, step: number, snoozes = 0) =>
  `${CADENCE_STEP_JOB}:${leadId}:${owner}:${step}${snoozes > 0 ? `:snooze${snoozes}` : ''}`;
export const cadenceDmKey = (r: CadenceRef) => `cadence:${r.leadId}:${r.owner}:${r.step}:${r.snoozes}`;

/**
 * Schedules `owner`'s cadence for the lead from `now`: one durable job per configured step, in
 * the caller's transaction (so it commits with the ownership). Dedupe keys make it harmless twice.
 * An owner off the roster (or whose hours never occur) gets no cadence.
 */
export async function scheduleCadence(
  tx: Tx,
  config: WorkspaceConfig,
  lead: Pick<LeadRow, 'id' | 'teamId'>,
  owner: string,
  now: Date,
): Promise<void> {
  const member = await findMember(tx, lead.teamId, owner);
  if (!member) return;
  let planned: ReturnType<typeof planCadence>;
  try {
    planned = planCadence(
      now,
      config.cadence.steps,
      { timeZone: member.timeZone, workingHours: member.workingHours as MemberHours },
      holidayDates(config.calendar.holidays),
    );
  } catch {
    return;
  }
  for (const p of planned) {
    const payload: CadenceStepPayload = {
      leadId: lead.id,
      owner,
      step: p.index,
      dueAt: p.dueAt.toISOString(),
    };
    await scheduleJob(
      tx,
      {
        teamId: lead.teamId,
        kind: CADENCE_STEP_JOB,
        runAt: p.dueAt,
        payload: { ...payload },
        dedupeKey: cadenceStepKey(lead.id, owner, p.index),
      },
      now,
    );
  }
}

const refData = (r: CadenceRef) => ({ owner: r.owner, step: String(r.step), snoozes: String(r.snoozes) });

/**
 * Runs cadence steps and the owner's answers. A step runs in one transaction with the lead row
 * locked and records `cadence_step_due` or `cadence_step_skipped` for its (owner, step, snoozes),
 * checked first, so a re-run after a crash or in a second process does nothing twice.
 */
export class CadenceService {
  constructor(
    private readonly database: Database,
    private readonly configs: ConfigSource,
    private readonly firstTouch: FirstTouchService,
  ) {}

  runStep(teamId: string, p: CadenceStepPayload, now: Date): Promise<CadenceStepOutcome> {
    const ref: CadenceRef = { leadId: p.leadId, owner: p.owner, step: p.step, snoozes: p.snoozes ?? 0 };
    const config = this.configs.for(teamId);
    return this.database.db.transaction(async (tx): Promise<CadenceStepOutcome> => {
      const lead = await lockLead(tx, teamId, ref.leadId);
      if (!lead) return { outcome: 'missing' };
      const key = refData(ref);
      if (
        (await leadEventExists(tx, teamId, lead.id, 'cadence_step_due', key)) ||
        (await leadEventExists(tx, teamId, lead.id, 'cadence_step_skipped', key))
      )
        return { outcome: 'already' };
      const step = config.cadence.steps[ref.step];
      const late = isLate(new Date(p.dueAt), now);
      const reason = step ? await this.#skipReason(config, tx, lead, ref) : 'step_removed';
      if (reason || !step) {
        await appendLeadEvent(tx, {
          teamId,
          leadId: lead.id,
          type: 'cadence_step_skipped',
          data: { ...key, step: ref.step, snoozes: ref.snoozes, reason: reason ?? 'step_removed', late },
          occurredAt: now,
        });
        return { outcome: 'skipped', reason: reason ?? 'step_removed' };
      }
      const reminder: CadenceReminder = { ...ref, day: step.day, label: step.label, late };
      await enqueueSlackWrite(
        tx,
        {
          teamId,
          method: 'chat.postMessage',
          channel: ref.owner,
          args: { cadence: { ...reminder } },
          leadId: lead.id,
          purpose: CADENCE_DM_PURPOSE,
          dedupeKey: cadenceDmKey(ref),
        },
        now,
      );
      await appendLeadEvent(tx, {
        teamId,
        leadId: lead.id,
        type: 'cadence_step_due',
        data: {
          ...key,
          step: ref.step,
          snoozes: ref.snoozes,
          day: step.day,
          action: step.action,
          late,
          dueAt: p.dueAt,
        },
        occurredAt: now,
      });
      return { outcome: 'due', late };
    });
  }

  /** Why the step no longer applies, or null. */
  async #skipReason(
    config: WorkspaceConfig,
    tx: Tx,
    lead: LeadRow,
    ref: CadenceRef,
  ): Promise<CadenceSkipReason | null> {
    if (lead.ownerId !== ref.owner) return 'owner_changed';
    const working = config.stages.working.map((s) => s.key);
    const at = working.indexOf(lead.stage);
    if (at < 0) return 'closed'; // Lost, Disqualified, Recycle
    const stop = working.indexOf(config.cadence.stopAtStage);
    if (stop >= 0 && at >= stop) return 'stage_reached';
    if (await this.#answered(tx, lead, ref)) return 'answered';
    return null;
  }

  /** Whether the owner already marked the step done or skipped it (a snoozed copy then has nothing to do). */
  async #answered(tx: Tx, lead: LeadRow, ref: CadenceRef): Promise<boolean> {
    const key = { owner: ref.owner, step: String(ref.step) };
    return (
      (await leadEventExists(tx, lead.teamId, lead.id, 'cadence_step_done', key)) ||
      (await leadEventExists(tx, lead.teamId, lead.id, 'cadence_step_skipped', { ...key, reason: 'owner' }))
    );
  }

  /**
   * The owner's Done / Skip / Snooze on a reminder. Only the lead's owner, and only the cadence's
   * owner, may answer; each step is answered once. Done logs the activity through the first-touch
   * service (so a Done on the first step is the first touch); the DM is edited through the outbox.
   */
  async answer(
    teamId: string,
    ref: CadenceRef,
    answer: CadenceAnswer,
    userId: string,
    now: Date,
  ): Promise<CadenceAnswerResult> {
    const step = this.configs.for(teamId).cadence.steps[ref.step];
    if (!step) return { ok: false, reason: 'step_removed' };
    const result = await this.database.db.transaction(async (tx): Promise<CadenceAnswerResult> => {
      const lead = await lockLead(tx, teamId, ref.leadId);
      if (!lead) return { ok: false, reason: 'not_found' };
      if (lead.ownerId !== userId || ref.owner !== userId)
        return { ok: false, reason: 'not_owner', ownerId: lead.ownerId };
      if (await this.#answered(tx, lead, ref)) return { ok: false, reason: 'already_answered' };
      if (
        answer === 'snooze' &&
        (await leadEventExists(tx, teamId, lead.id, 'cadence_step_snoozed', refData(ref)))
      )
        return { ok: false, reason: 'already_answered' };
      const reminder: CadenceReminder = { ...ref, day: step.day, label: step.label, late: false };
      const base = { owner: ref.owner, step: ref.step, snoozes: ref.snoozes, day: step.day, by: userId };
      let until: Date | undefined;
      if (answer === 'done') {
        await appendLeadEvent(tx, {
          teamId,
          leadId: lead.id,
          type: 'cadence_step_done',
          actorId: userId,
          data: { ...base, action: step.action },
          occurredAt: now,
        });
      } else if (answer === 'skip') {
        await appendLeadEvent(tx, {
          teamId,
          leadId: lead.id,
          type: 'cadence_step_skipped',
          actorId: userId,
          data: { ...base, reason: 'owner' },
          occurredAt: now,
        });
      } else {
        until = new Date(now.getTime() + SNOOZE_MS);
        const snoozes = ref.snoozes + 1;
        const payload: CadenceStepPayload = { ...ref, snoozes, dueAt: until.toISOString() };
        await scheduleJob(
          tx,
          {
            teamId,
            kind: CADENCE_STEP_JOB,
            runAt: until,
            payload: { ...payload },
            dedupeKey: cadenceStepKey(ref.leadId, ref.owner, ref.step, snoozes),
          },
          now,
        );
        await appendLeadEvent(tx, {
          teamId,
          leadId: lead.id,
          type: 'cadence_step_snoozed',
          actorId: userId,
          data: { ...base, until: until.toISOString() },
          occurredAt: now,
        });
      }
      const update: CadenceUpdate = {
        dmKey: cadenceDmKey(ref),
        reminder,
        answer,
        ...(until ? { until: until.toISOString() } : {}),
      };
      await enqueueSlackWrite(
        tx,
        {
          teamId,
          method: 'chat.update',
          channel: ref.owner,
          args: { cadenceUpdate: { ...update } },
          leadId: lead.id,
          purpose: CADENCE_UPDATE_PURPOSE,
        },
        now,
      );
      return { ok: true, lead };
    });
    if (result.ok && answer === 'done') {
      await this.firstTouch.logActivity(teamId, ref.leadId, {
        kind: cadenceActivityKind(step.action),
        note: step.label,
        actorId: userId,
        via: 'slack',
        at: now,
      });
    }
    return result;
  }
}
