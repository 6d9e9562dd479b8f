import { and, eq, isNull, ne, or } from 'drizzle-orm';
import type { ConfigSource } from '../config/config-source.js';
import type { EscalationStep, WorkspaceConfig } from '../config/workspace-schema.js';
import type { Database, Tx } from '../db/client.js';
import { scheduleJobs } from '../db/queries/jobs.js';
import type { IntakeJob } from '../db/queries/lead-intake.js';
import { countLeadsByOwnerInStages } from '../db/queries/lead-lookup.js';
import { appendLeadEvent, type LeadRow, leadEventExists } from '../db/queries/leads.js';
import { findMember, listRoster } from '../db/queries/members.js';
import { enqueueSlackWrite } from '../db/queries/outbox.js';
import { lockLead, passersOf } from '../db/queries/routing.js';
import { leads } from '../db/schema.js';
import { businessMinutesBetween, firstTouchDueAt } from '../domain/business-time.js';
import { openStages } from '../domain/open-leads.js';
import { isLate, planLadder } from '../domain/sla-ladder.js';
import { holidayDates } from '../domain/working-time.js';
import { LeadWrites } from './lead-writes.js';
import { memberEligibility } from './member-eligibility.js';
import { leadJob, Router } from './router.js';
import { SLA_DM_PURPOSE, SLA_ESCALATION_PURPOSE, SLA_THREAD_PURPOSE, type SlaMessage } from './sla-notes.js';

export const SLA_STEP_JOB = 'sla.step';

/** A planned ladder step: its index in `sla.escalations`, what and when. */
export interface SlaStepPlan {
  step: number;
  action: EscalationStep['action'];
  dueAt: string;
}

/**
 * A scheduled ladder step of a lead. The first step of a ladder carries the later ones (`rest`):
 * intake books one job instead of one per step, and the first step books the others when it runs.
 */
export interface SlaStepPayload extends SlaStepPlan {
  leadId: number;
  rest?: SlaStepPlan[];
}

export type SlaSkipReason = 'step_removed' | 'not_routed' | 'closed' | 'claimed' | 'touched' | 'no_owner';

export type SlaStepOutcome =
  | { outcome: 'done'; late: boolean }
  | { outcome: 'skipped'; reason: SlaSkipReason }
  | { outcome: 'already' | 'missing' };

export const slaStepKey = (leadId: number, step: number) => `${SLA_STEP_JOB}:${leadId}:${step}`;

/**
 * Schedules the lead's escalation ladder in the intake transaction (so it commits with the lead):
 * the first step's durable job, carrying the later steps. Dedupe keys make scheduling twice harmless.
 */
export async function scheduleSlaLadder(tx: Tx, config: WorkspaceConfig, lead: LeadRow, now: Date) {
  if (!lead.routed) return;
  await scheduleJobs(
    tx,
    slaLadderJobs(config, lead.createdAt).map((job) => leadJob(job, lead)),
    now,
  );
}

/**
 * The ladder's job for a lead that arrived at `arrivedAt` (intake folds it into its statement): the
 * first planned step, carrying the others. One job row instead of one per step on intake's path;
 * the due times are planned now, on the configuration the lead arrived under, as before.
 */
export function slaLadderJobs(config: WorkspaceConfig, arrivedAt: Date): IntakeJob[] {
  const [first, ...rest] = planLadder(arrivedAt, config.sla, config.calendar).map(
    (planned): SlaStepPlan => ({
      step: planned.index,
      action: planned.step.action,
      dueAt: planned.dueAt.toISOString(),
    }),
  );
  return first ? [slaStepJob(first, rest)] : [];
}

function slaStepJob(plan: SlaStepPlan, rest: readonly SlaStepPlan[] = []): IntakeJob {
  return {
    kind: SLA_STEP_JOB,
    runAt: new Date(plan.dueAt),
    payload: rest.length > 0 ? { ...plan, rest } : { ...plan },
    keyPrefix: `${SLA_STEP_JOB}:`,
    keySuffix: `:${plan.step}`,
  };
}

/**
 * Runs ladder steps. Each runs in one transaction with the lead row locked, acts at most once
 * (an `sla_step` or `sla_step_skipped` event per step index is checked first, so a re-run after
 * a crash or a second process does nothing), and queues its Slack writes in that transaction.
 */
export class SlaService {
  constructor(
    private readonly database: Database,
    private readonly configs: ConfigSource,
  ) {}

  async runStep(teamId: string, p: SlaStepPayload, now: Date): Promise<SlaStepOutcome> {
    // The later steps first, committed on their own: a step that keeps failing holds none back,
    // and a run again (a retry, another process) books nothing twice (dedupe keys).
    const lead = { id: p.leadId, teamId };
    await scheduleJobs(
      this.database.db,
      (p.rest ?? []).map((later) => leadJob(slaStepJob(later), lead)),
      now,
    );
    const step = new LadderStep(this.configs.for(teamId));
    return this.database.db.transaction((tx) => step.run(tx, teamId, p, now));
  }
}

/** One ladder step's run, with the workspace's configuration as it was when the step started. */
class LadderStep {
  readonly #writes: LeadWrites;
  readonly #router: Router;

  constructor(private readonly config: WorkspaceConfig) {
    this.#writes = new LeadWrites(config);
    this.#router = new Router(config);
  }

  async run(tx: Tx, teamId: string, p: SlaStepPayload, now: Date): Promise<SlaStepOutcome> {
    const lead = await lockLead(tx, teamId, p.leadId);
    if (!lead) return { outcome: 'missing' };
    const key = { step: String(p.step) };
    if (
      (await leadEventExists(tx, teamId, lead.id, 'sla_step', key)) ||
      (await leadEventExists(tx, teamId, lead.id, 'sla_step_skipped', key))
    )
      return { outcome: 'already' };
    const step = this.config.sla.escalations[p.step];
    const reason = this.#skipReason(lead, step, p);
    const late = isLate(new Date(p.dueAt), now);
    if (reason || !step) {
      const why = reason ?? 'step_removed';
      await appendLeadEvent(tx, {
        teamId,
        leadId: lead.id,
        type: 'sla_step_skipped',
        data: { step: p.step, action: p.action, reason: why, late },
        occurredAt: now,
      });
      return { outcome: 'skipped', reason: why };
    }
    await this.#act(tx, lead, step, late, now);
    await appendLeadEvent(tx, {
      teamId,
      leadId: lead.id,
      type: 'sla_step',
      data: { step: p.step, action: step.action, when: step.when, late, dueAt: p.dueAt },
      occurredAt: now,
    });
    return { outcome: 'done', late };
  }

  #skipReason(lead: LeadRow, step: EscalationStep | undefined, p: SlaStepPayload): SlaSkipReason | null {
    if (!step?.enabled || step.action !== p.action || step.action === 'auto_assign') return 'step_removed';
    if (!lead.routed) return 'not_routed';
    if (!openStages(this.config).includes(lead.stage)) return 'closed';
    if (step.when === 'unclaimed' && lead.ownerId) return 'claimed';
    if (step.when === 'untouched' && (lead.firstTouchAt || lead.slaState === 'met')) return 'touched';
    if (step.action === 'warn_owner' && !lead.ownerId) return 'no_owner';
    return null;
  }

  async #act(tx: Tx, lead: LeadRow, step: EscalationStep, late: boolean, now: Date) {
    const minutes = step.afterMinutes;
    const clock = this.config.sla.clock;
    switch (step.action) {
      case 'nudge': {
        await this.#thread(tx, lead, { kind: 'nudge', when: step.when, minutes, late, clock }, now);
        // An unclaimed lead's nudge asks the sellers who could take it; that is the nudge itself.
        const base = {
          kind: 'nudge_dm',
          when: step.when,
          minutes,
          late,
          clock,
          ownerId: lead.ownerId,
        } as const;
        if (step.when === 'unclaimed' || !lead.ownerId)
          for (const userId of await this.#eligible(tx, lead, now))
            await this.#dm(tx, lead, userId, base, now);
        await this.#notify(tx, lead, step, base, now);
        return;
      }
      case 'warn_owner': {
        const dueAt = lead.slaDueAt ?? firstTouchDueAt(lead.createdAt, this.config.sla, this.config.calendar);
        const left = Math.max(0, Math.round(this.#minutes(now, dueAt)));
        const message = {
          kind: 'warn_owner',
          minutesLeft: left,
          late,
          clock,
          ownerId: lead.ownerId,
        } as const;
        await this.#notify(tx, lead, step, message, now);
        return;
      }
      case 'breach': {
        const [updated] = await tx
          .update(leads)
          .set({ slaState: 'breached', updatedAt: now })
          .where(and(eq(leads.id, lead.id), or(isNull(leads.slaState), ne(leads.slaState, 'met'))))
          .returning();
        const dueAt = lead.slaDueAt ?? firstTouchDueAt(lead.createdAt, this.config.sla, this.config.calendar);
        const message: SlaMessage = {
          kind: 'breach',
          ownerId: lead.ownerId,
          slaMinutes: this.config.sla.firstTouchMinutes,
          overdueMinutes: Math.max(0, Math.round(this.#minutes(dueAt, now))),
          late,
          clock,
        };
        await this.#notify(tx, lead, step, message, now);
        await this.#writes.refreshCard(tx, updated ?? lead, now);
        return;
      }
      case 'reassign':
        return this.#reassign(tx, lead, step, late, now);
      case 'auto_assign':
        return; // scheduled and run by routing (see planLadder)
    }
  }

  /**
   * Tells whom the step's `notify` lists: `owner` (a DM to the lead's owner; the former owner for a
   * reassign), `manager` (a DM to that owner's manager) and `channel` (a post in the escalations
   * channel). Anyone but the owner gets the watcher's copy, which names the owner.
   */
  async #notify(
    tx: Tx,
    lead: LeadRow,
    step: EscalationStep,
    message: SlaMessage,
    now: Date,
    owner: string | null = lead.ownerId,
  ) {
    const watch = { ...message, watch: true };
    for (const target of step.notify) {
      if (target === 'owner' && owner) await this.#dm(tx, lead, owner, message, now);
      if (target === 'manager' && owner) {
        const manager = (await findMember(tx, lead.teamId, owner))?.managerId;
        if (manager && manager !== owner) await this.#dm(tx, lead, manager, watch, now);
      }
      if (target === 'channel')
        await enqueueSlackWrite(
          tx,
          {
            teamId: lead.teamId,
            method: 'chat.postMessage',
            channel: this.config.channels.escalations,
            args: { sla: watch },
            leadId: lead.id,
            purpose: SLA_ESCALATION_PURPOSE,
            dedupeKey: `sla:${lead.id}:${step.action === 'breach' ? 'breach' : `${step.action}:${step.afterMinutes}`}:escalation`,
          },
          now,
        );
    }
  }

  /** Routes the lead to the next eligible seller but its owner; with nobody else, the owner keeps it. */
  async #reassign(tx: Tx, lead: LeadRow, step: EscalationStep, late: boolean, now: Date) {
    const minutes = step.afterMinutes;
    const clock = this.config.sla.clock;
    const from = lead.ownerId;
    const exclude = from ? [from] : [];
    const passed = new Set([...(await passersOf(tx, lead.teamId, lead.id)), ...exclude]);
    const candidates = (await this.#eligible(tx, lead, now)).filter((u) => !passed.has(u));
    if (candidates.length === 0 || !this.#router.policyOf(lead)) {
      await this.#thread(tx, lead, { kind: 'reassigned', from, to: null, minutes, late, clock }, now);
      return;
    }
    // Routing writes no thread line of its own here: the one below is the true account of it.
    await this.#router.route(tx, lead, now, {
      trigger: 'sla_reassign',
      exclude,
      afterMinutes: minutes,
      announce: false,
    });
    const after = await lockLead(tx, lead.teamId, lead.id);
    const to = after?.ownerId ?? null;
    await this.#thread(tx, after ?? lead, { kind: 'reassigned', from, to, minutes, late, clock }, now);
    if (from && to && to !== from)
      await this.#notify(tx, lead, step, { kind: 'reassigned_dm', to, minutes, late, clock }, now, from);
  }

  /** Sellers who may take the lead now (roster, segment, out of office, cap, working hours). */
  async #eligible(tx: Tx, lead: LeadRow, now: Date): Promise<string[]> {
    const roster = await listRoster(tx, lead.teamId);
    // Open leads matter only against a cap (see Router.route).
    const capped = roster.filter((m) => m.maxOpenLeads != null).map((m) => m.userId);
    const open = await countLeadsByOwnerInStages(tx, lead.teamId, openStages(this.config), capped);
    const ctx = { segment: lead.segment, now, holidays: holidayDates(this.config.calendar.holidays) };
    return roster
      .filter((m) => memberEligibility(m, open.get(m.userId) ?? 0, ctx).eligible)
      .map((m) => m.userId);
  }

  /** Minutes from `from` to `to` on the SLA's clock (negative when `to` is earlier). */
  #minutes(from: Date, to: Date): number {
    if (this.config.sla.clock === 'always') return (to.getTime() - from.getTime()) / 60_000;
    return to >= from
      ? businessMinutesBetween(from, to, this.config.calendar)
      : -businessMinutesBetween(to, from, this.config.calendar);
  }

  async #thread(tx: Tx, lead: LeadRow, message: SlaMessage, now: Date) {
    await enqueueSlackWrite(
      tx,
      {
        teamId: lead.teamId,
        method: 'chat.postMessage',
        channel: this.#writes.channelOf(lead),
        args: { sla: message },
        leadId: lead.id,
        purpose: SLA_THREAD_PURPOSE,
      },
      now,
    );
  }

  async #dm(tx: Tx, lead: LeadRow, userId: string, message: SlaMessage, now: Date) {
    await enqueueSlackWrite(
      tx,
      {
        teamId: lead.teamId,
        method: 'chat.postMessage',
        channel: userId,
        args: { sla: message },
        leadId: lead.id,
        purpose: SLA_DM_PURPOSE,
      },
      now,
    );
  }
}
