import type { RoutingPolicy, WorkspaceConfig } from '../config/workspace-schema.js';
import type { Tx } from '../db/client.js';
import { scheduleJob } from '../db/queries/jobs.js';
import type { IntakeJob } from '../db/queries/lead-intake.js';
import { countLeadsByOwnerInStages } from '../db/queries/lead-lookup.js';
import { appendLeadEvent, changeLeadOwner, type LeadRow } from '../db/queries/leads.js';
import { findMember } from '../db/queries/members.js';
import { enqueueSlackWrite } from '../db/queries/outbox.js';
import {
  type AccountMatch,
  findAccountLead,
  listRotation,
  lockRouting,
  passersOf,
  type RotationEntry,
  savePasses,
} from '../db/queries/routing.js';
import { accountDomain, companyKey } from '../domain/accounts.js';
import { isAway } from '../domain/members.js';
import { openStages } from '../domain/open-leads.js';
import { isSeller, SELLER_ROLES } from '../domain/roles.js';
import {
  chooseNext,
  type Eligibility,
  type EligibilityContext,
  explainAssignment,
} from '../domain/routing.js';
import { whenNobodyEligible } from '../domain/routing-hold.js';
import { stepDueAt } from '../domain/sla-ladder.js';
import { holidayDates } from '../domain/working-time.js';
import { LeadWrites } from './lead-writes.js';
import { memberEligibility } from './member-eligibility.js';
import {
  type AccountMatchRecord,
  type AssignMethod,
  OFFER_DM_PURPOSE,
  type OfferDm,
  offerDmKey,
  type RoutedNote,
  skipRecord,
} from './routing-notes.js';

export const ROUTING_JOBS = {
  /** An offer nobody accepted in time moves on, as if passed. */
  acceptTimeout: 'routing.accept_timeout',
  /** A held lead is routed again once someone may be eligible. */
  retry: 'routing.retry',
  /** Claim mode: a card still unclaimed after N minutes is assigned by rotation. */
  autoAssign: 'routing.auto_assign',
} as const;

export interface AcceptTimeoutPayload {
  leadId: number;
  userId: string;
  offeredAt: string;
}

/** Why routing is running for this lead now (stored on the `assigned` event). */
export type RouteTrigger = 'intake' | 'passed' | 'timeout' | 'retry' | 'auto_assign' | 'sla_reassign';

export interface RouteRequest {
  trigger: RouteTrigger;
  /** auto_assign: minutes the lead waited unclaimed, for the thread line. */
  afterMinutes?: number;
  /** False on a retry of a held lead: another "held" line would only repeat the first. */
  announceHold?: boolean;
  /** Sellers to leave out this time, as if they had passed (the SLA ladder's reassign: the owner). */
  exclude?: readonly string[];
  /**
   * False: no thread line for the assignment, because the caller writes the one true line itself
   * (the SLA ladder's reassign says "reassigned from A to B"; a routed line would claim it was unclaimed).
   */
  announce?: boolean;
}

/**
 * Routing inside the caller's transaction: the existing-account match, the weighted rotation
 * (domain/routing.ts), the owner change and everything it queues — event, thread line, card
 * refresh, DM, and the job that ends an offer nobody accepts. Call with the lead row locked
 * (or just inserted); rotation steps take the workspace's routing lock.
 */
export class Router {
  readonly #writes: LeadWrites;

  constructor(private readonly config: WorkspaceConfig) {
    this.#writes = new LeadWrites(config);
  }

  policyOf(lead: LeadRow): RoutingPolicy | undefined {
    return this.config.routing.segments[lead.segment];
  }

  /**
   * A routed lead just arrived (its card is queued in the same transaction). `accountLead` is the
   * account match when the caller looked it up already (null: looked up, none); undefined: look it up.
   * `quiet` (a bulk import): the owner is set outright with no thread line, DM or accept timeout; the
   * import's one DM per seller lists their leads.
   */
  async onIntake(
    tx: Tx,
    lead: LeadRow,
    now: Date,
    { accountLead, quiet = false }: { accountLead?: AccountMatch | null; quiet?: boolean } = {},
  ): Promise<void> {
    const policy = this.policyOf(lead);
    if (!policy) return;
    const match = this.config.routing.matchExistingAccounts
      ? await this.#accountOwner(tx, lead, now, accountLead)
      : undefined;
    if (match) {
      const note: RoutedNote = {
        kind: 'routed',
        to: match.ownerId,
        method: 'existing_account',
        position: 0,
        eligibleCount: 0,
        skipped: [],
        match: match.record,
      };
      await this.#assign(tx, lead, note, { trigger: 'intake', excluded: [] }, now, { atIntake: true, quiet });
      return;
    }
    if (policy.mode === 'round_robin') {
      await this.route(tx, lead, now, { trigger: 'intake' }, { atIntake: true, quiet });
    } else {
      for (const job of this.intakeJobs(lead)) await scheduleJob(tx, leadJob(job, lead), now);
    }
  }

  /**
   * The jobs routing queues for a new lead with no account match: claim mode's auto-assign timer.
   * Intake folds them into its own statement in the common case; onIntake schedules them otherwise.
   */
  intakeJobs(lead: Pick<LeadRow, 'segment' | 'createdAt'>): IntakeJob[] {
    const policy = this.config.routing.segments[lead.segment];
    if (policy?.mode !== 'claim' || policy.autoAssignAfterMinutes === null) return [];
    const minutes = policy.autoAssignAfterMinutes;
    return [
      {
        kind: ROUTING_JOBS.autoAssign,
        // On the SLA's clock like every other ladder step (working minutes by default).
        runAt: stepDueAt(lead.createdAt, minutes, this.config.sla, this.config.calendar),
        payload: { afterMinutes: minutes },
        keyPrefix: `${ROUTING_JOBS.autoAssign}:`,
        keySuffix: '',
      },
    ];
  }

  /**
   * Gives the lead to the next eligible seller by weighted rotation, leaving out everyone who
   * passed on it. Round robin makes it an offer (Accept / Pass, timeout); claim mode's auto-assign
   * assigns outright. With nobody eligible the segment's policy holds it or leaves it to be claimed.
   */
  async route(
    tx: Tx,
    lead: LeadRow,
    now: Date,
    request: RouteRequest,
    opts: { atIntake?: boolean; quiet?: boolean } = {},
  ) {
    const policy = this.policyOf(lead);
    if (!policy) return;
    await lockRouting(tx, lead.teamId);
    const passed = new Set([...(await passersOf(tx, lead.teamId, lead.id)), ...(request.exclude ?? [])]);
    const entries = await listRotation(tx, lead.teamId, lead.segment, SELLER_ROLES);
    // Open leads matter only against a cap: counting everyone's, under the routing lock, cost ~57 ms
    // per routed lead at 1M leads; a capped seller's count is a short range of leads_owner_stage.
    const capped = entries.filter((e) => e.member?.maxOpenLeads != null).map((e) => e.userId);
    const open = await countLeadsByOwnerInStages(tx, lead.teamId, openStages(this.config), capped);
    const ctx: EligibilityContext = {
      segment: lead.segment,
      now,
      holidays: holidayDates(this.config.calendar.holidays),
    };
    const result = chooseNext({
      candidates: entries.map((e) => ({
        userId: e.userId,
        weight: e.member?.weight ?? 1,
        pass: e.pass,
        lastAssignedAt: e.lastAssignedAt,
        eligibility: this.#eligibility(e, open.get(e.userId) ?? 0, ctx, passed),
      })),
    });
    await savePasses(tx, lead.teamId, lead.segment, result.passes, result.chosen, now);
    const explained = explainAssignment(lead.segment, result);
    const skipped = explained.skipped.map(skipRecord);
    const method: AssignMethod = policy.mode === 'round_robin' ? 'round_robin' : 'auto_assign';

    if (result.chosen) {
      const note: RoutedNote = {
        kind: 'routed',
        to: result.chosen,
        method,
        position: result.position,
        eligibleCount: result.eligibleCount,
        skipped,
        ...(request.afterMinutes !== undefined
          ? { afterMinutes: request.afterMinutes, clock: this.config.sla.clock }
          : {}),
        ...(request.trigger === 'sla_reassign' ? { reassignedFrom: lead.ownerId } : {}),
      };
      const excluded = explained.excluded.map(skipRecord);
      await this.#assign(tx, lead, note, { trigger: request.trigger, excluded }, now, {
        ...opts,
        announce: request.announce,
      });
      return;
    }

    const decision = whenNobodyEligible(policy.outsideHours, result.skipped, now);
    const current = lead.ownerId
      ? await changeLeadOwner(tx, lead.teamId, lead.id, lead.ownerId, null, now)
      : lead;
    if (!current) throw new Error(`lead ${lead.id} changed owner under the routing lock`);
    const base = { segment: lead.segment, method, trigger: request.trigger, from: lead.ownerId, skipped };
    if (decision.action === 'hold') {
      await scheduleJob(
        tx,
        {
          teamId: lead.teamId,
          kind: ROUTING_JOBS.retry,
          runAt: decision.retryAt,
          payload: {
            leadId: lead.id,
            ...(request.afterMinutes !== undefined ? { afterMinutes: request.afterMinutes } : {}),
          },
          dedupeKey: `${ROUTING_JOBS.retry}:${lead.id}:${decision.retryAt.getTime()}`,
        },
        now,
      );
      if (request.announceHold !== false && !opts.quiet) {
        const retryAt = decision.retryAt.toISOString();
        await this.#event(tx, lead, 'held', { ...base, retryAt }, now);
        await this.#writes.note(tx, current, { kind: 'routing_held', skipped, retryAt }, now);
      }
    } else {
      await this.#event(tx, lead, 'left_unassigned', { ...base, why: decision.why }, now);
      if (!opts.quiet)
        await this.#writes.note(tx, current, { kind: 'routing_left', skipped, why: decision.why }, now);
    }
    if (!opts.atIntake && lead.ownerId) await this.#writes.refreshCard(tx, current, now);
  }

  /** Makes `note.to` the owner and queues what tells everyone; offers also get their timeout. */
  async #assign(
    tx: Tx,
    lead: LeadRow,
    note: RoutedNote,
    record: { trigger: RouteTrigger; excluded: ReturnType<typeof skipRecord>[] },
    now: Date,
    opts: { atIntake?: boolean; announce?: boolean | undefined; quiet?: boolean | undefined },
  ): Promise<void> {
    const policy = this.policyOf(lead)!;
    const acceptMinutes = policy.mode === 'round_robin' && !opts.quiet ? policy.acceptTimeoutMinutes : null;
    const owned = await changeLeadOwner(tx, lead.teamId, lead.id, lead.ownerId, note.to, now);
    if (!owned) throw new Error(`lead ${lead.id} changed owner under the routing lock`);
    const acceptBy = acceptMinutes === null ? null : new Date(now.getTime() + acceptMinutes * 60_000);
    await this.#event(
      tx,
      lead,
      'assigned',
      {
        from: lead.ownerId,
        to: note.to,
        reason: null,
        method: note.method,
        trigger: record.trigger,
        segment: lead.segment,
        position: note.position,
        eligibleCount: note.eligibleCount,
        skipped: note.skipped,
        excluded: record.excluded,
        ...(note.match ? { match: note.match } : {}),
        offer: acceptBy !== null,
        acceptBy: acceptBy?.toISOString() ?? null,
      },
      now,
    );
    if (opts.quiet) return;
    if (opts.announce !== false) await this.#writes.note(tx, owned, note, now);
    // At intake the card is queued in this transaction and renders the owner when it is posted.
    if (!opts.atIntake) await this.#writes.refreshCard(tx, owned, now);
    const dm: OfferDm = { note, offeredAt: now.toISOString(), acceptMinutes };
    await enqueueSlackWrite(
      tx,
      {
        teamId: lead.teamId,
        method: 'chat.postMessage',
        channel: note.to,
        args: { offer: dm },
        leadId: lead.id,
        purpose: OFFER_DM_PURPOSE,
        dedupeKey: offerDmKey(lead.id, note.to, now),
      },
      now,
    );
    if (acceptBy) {
      const payload: AcceptTimeoutPayload = {
        leadId: lead.id,
        userId: note.to,
        offeredAt: now.toISOString(),
      };
      await scheduleJob(
        tx,
        {
          teamId: lead.teamId,
          kind: ROUTING_JOBS.acceptTimeout,
          runAt: acceptBy,
          payload: { ...payload },
          dedupeKey: `${ROUTING_JOBS.acceptTimeout}:${lead.id}:${note.to}:${now.getTime()}`,
        },
        now,
      );
    }
  }

  /**
   * The owner of another open or won lead of the same account, if they can take this one: on the
   * roster, a seller serving the segment and not out of office. Their hours and cap do not stop
   * it — the account stays with the person who knows it.
   */
  async #accountOwner(
    tx: Tx,
    lead: LeadRow,
    now: Date,
    found: AccountMatch | null | undefined,
  ): Promise<{ ownerId: string; record: AccountMatchRecord } | undefined> {
    const domain = accountDomain(lead.emailDomain);
    const match =
      found !== undefined
        ? found
        : await findAccountLead(tx, lead.teamId, {
            excludeLeadId: lead.id,
            ...accountKeys(lead, this.config),
          });
    if (!match) return undefined;
    const owner = await findMember(tx, lead.teamId, match.ownerId);
    if (!owner || !isSeller(owner.roles) || !owner.segments.includes(lead.segment) || isAway(owner, now))
      return undefined;
    const value = match.by === 'domain' ? domain! : lead.company!.trim();
    return { ownerId: match.ownerId, record: { leadId: match.leadId, by: match.by, value } };
  }

  #eligibility(
    e: RotationEntry,
    openLeads: number,
    ctx: EligibilityContext,
    passed: Set<string>,
  ): Eligibility {
    const m = e.member;
    if (!m) return { eligible: false, reason: 'not_on_roster' };
    const result = memberEligibility(m, openLeads, ctx);
    const outOfRotation =
      !result.eligible && ['not_on_roster', 'not_a_seller', 'not_serving_segment'].includes(result.reason);
    return passed.has(m.userId) && !outOfRotation ? { eligible: false, reason: 'passed' } : result;
  }

  async #event(tx: Tx, lead: LeadRow, type: string, data: Record<string, unknown>, now: Date) {
    await appendLeadEvent(tx, { teamId: lead.teamId, leadId: lead.id, type, data, occurredAt: now });
  }
}

/** What an account match looks for: the lead's domain or company, among open or won leads. */
export function accountKeys(
  lead: Pick<LeadRow, 'emailDomain' | 'company'>,
  config: WorkspaceConfig,
): { domain: string | null; company: string | null; stages: string[] } {
  return {
    domain: accountDomain(lead.emailDomain),
    company: companyKey(lead.company),
    // Open or won: every working stage (side states such as Lost are neither).
    stages: config.stages.working.map((s) => s.key),
  };
}

/** A job spec for this lead as `scheduleJob` takes it (leadId in the payload, the key completed). */
export function leadJob(job: IntakeJob, lead: Pick<LeadRow, 'id' | 'teamId'>) {
  return {
    teamId: lead.teamId,
    kind: job.kind,
    runAt: job.runAt,
    payload: { leadId: lead.id, ...job.payload },
    dedupeKey: `${job.keyPrefix}${lead.id}${job.keySuffix}`,
  };
}
