import type { ConfigSource } from '../config/config-source.js';
import type { WorkspaceConfig } from '../config/workspace-schema.js';
import type { Database, Tx } from '../db/client.js';
import { appendLeadEvent, type LeadRow, leadEventExists } from '../db/queries/leads.js';
import { enqueueSlackWrite } from '../db/queries/outbox.js';
import { currentOffer, lockLead, type Offer } from '../db/queries/routing.js';
import { recordStageMove } from '../db/queries/stage-changes.js';
import { salesAcceptedStage, systemMove } from '../domain/lead-stages.js';
import { openStages } from '../domain/open-leads.js';
import { scheduleCadence } from './cadence.js';
import { LeadWrites } from './lead-writes.js';
import { type AcceptTimeoutPayload, Router } from './router.js';
import { OFFER_CLOSED_PURPOSE, type OfferClosed, type OfferOutcome, offerDmKey } from './routing-notes.js';

/** One operation's configuration and the helpers built from it. */
interface Op {
  config: WorkspaceConfig;
  router: Router;
  writes: LeadWrites;
}

export type OfferRefusal =
  | { reason: 'not_found' }
  /** The lead is not (and never was) offered to them; `ownerId` has it now. */
  | { reason: 'not_yours'; ownerId: string | null }
  /** Their offer is over (passed, timed out, or the lead moved on); `ownerId` has it now. */
  | { reason: 'offer_ended'; ownerId: string | null }
  /** Pass after Accept: the lead is theirs; a manager can reassign it. */
  | { reason: 'already_accepted' };

export type OfferResult = { ok: true; lead: LeadRow; already?: boolean } | ({ ok: false } & OfferRefusal);

/**
 * Round-robin offers and the jobs behind routing: Accept, Pass, an offer timing out, a held lead
 * tried again, and claim mode's auto-assign. Each runs in one transaction with the lead row locked,
 * so concurrent clicks and jobs see one another's outcome; jobs that find the lead moved on do nothing.
 */
export class RoutingService {
  constructor(
    private readonly database: Database,
    private readonly configs: ConfigSource,
  ) {}

  /** The workspace's configuration for one operation, with the helpers built from it. */
  #op(teamId: string): Op {
    const config = this.configs.for(teamId);
    return { config, router: new Router(config), writes: new LeadWrites(config) };
  }

  /** Only the person the lead is offered to may accept; accepting twice changes nothing. */
  accept(teamId: string, leadId: number, userId: string, offeredAt: number | null, now: Date) {
    const op = this.#op(teamId);
    return this.database.db.transaction(async (tx): Promise<OfferResult> => {
      const lead = await lockLead(tx, teamId, leadId);
      if (!lead) return { ok: false, reason: 'not_found' };
      const offer = await currentOffer(tx, lead);
      if (!isTheirs(offer, userId, offeredAt)) return this.#refusal(tx, lead, userId);
      if (offer.accepted) return { ok: true, lead, already: true };
      await appendLeadEvent(tx, {
        teamId,
        leadId,
        type: 'accepted',
        actorId: userId,
        data: { offeredAt: offer.offeredAt.toISOString() },
        occurredAt: now,
      });
      await scheduleCadence(tx, op.config, lead, userId, now);
      let current = lead;
      const working = op.config.stages.working.map((s) => s.key);
      const accepted = salesAcceptedStage(lead.stage, working);
      if (accepted) {
        const move = systemMove(lead, accepted, 'accepted', working, 'forward');
        current = await recordStageMove(tx, lead, move, { actorId: userId, via: 'slack' }, now);
      }
      await op.writes.refreshCard(tx, current, now);
      await op.writes.note(tx, current, { kind: 'offer_accepted', by: userId }, now);
      await this.#closeOffer(tx, lead, offer, { kind: 'accepted' }, now);
      return { ok: true, lead: current };
    });
  }

  /** The person offered the lead hands it on to the next eligible seller (never back to a passer). */
  pass(teamId: string, leadId: number, userId: string, offeredAt: number | null, now: Date) {
    const op = this.#op(teamId);
    return this.database.db.transaction(async (tx): Promise<OfferResult> => {
      const lead = await lockLead(tx, teamId, leadId);
      if (!lead) return { ok: false, reason: 'not_found' };
      const offer = await currentOffer(tx, lead);
      if (!isTheirs(offer, userId, offeredAt)) return this.#refusal(tx, lead, userId);
      if (offer.accepted) return { ok: false, reason: 'already_accepted' };
      await this.#passOn(op, tx, lead, offer, null, now);
      return { ok: true, lead };
    });
  }

  /** Job: the offer was not accepted in time — the same as a pass, recorded as a timeout. */
  async acceptTimeout(teamId: string, payload: AcceptTimeoutPayload, now: Date): Promise<void> {
    const op = this.#op(teamId);
    await this.database.db.transaction(async (tx) => {
      const lead = await lockLead(tx, teamId, payload.leadId);
      if (!lead) return;
      const offer = await currentOffer(tx, lead);
      if (!isTheirs(offer, payload.userId, new Date(payload.offeredAt).getTime()) || offer.accepted) return;
      const policy = op.router.policyOf(lead);
      const minutes = policy?.mode === 'round_robin' ? policy.acceptTimeoutMinutes : 0;
      await this.#passOn(op, tx, lead, offer, minutes, now);
    });
  }

  /** Job: a held lead, routed again if it is still waiting for an owner (`afterMinutes`: held by auto-assign). */
  async retry(teamId: string, leadId: number, afterMinutes: number | undefined, now: Date): Promise<void> {
    const op = this.#op(teamId);
    await this.database.db.transaction(async (tx) => {
      const lead = await this.#waiting(op, tx, teamId, leadId);
      const request = {
        trigger: 'retry',
        announceHold: false,
        ...(afterMinutes === undefined ? {} : { afterMinutes }),
      } as const;
      if (lead) await op.router.route(tx, lead, now, request);
    });
  }

  /** Job (claim mode): the card is still unclaimed after `afterMinutes`, so rotation picks an owner. */
  async autoAssign(teamId: string, leadId: number, afterMinutes: number, now: Date): Promise<void> {
    const op = this.#op(teamId);
    await this.database.db.transaction(async (tx) => {
      const lead = await this.#waiting(op, tx, teamId, leadId);
      if (lead) await op.router.route(tx, lead, now, { trigger: 'auto_assign', afterMinutes });
    });
  }

  /** The lead, locked, if it is routed, unowned and still open; else undefined (nothing to do). */
  async #waiting(op: Op, tx: Tx, teamId: string, leadId: number): Promise<LeadRow | undefined> {
    const lead = await lockLead(tx, teamId, leadId);
    if (!lead?.routed || lead.ownerId) return undefined;
    const open = openStages(op.config);
    return open.includes(lead.stage) ? lead : undefined;
  }

  /** Records the pass (or timeout), closes the offer's DM and routes the lead on. */
  async #passOn(op: Op, tx: Tx, lead: LeadRow, offer: Offer, timedOutAfter: number | null, now: Date) {
    await appendLeadEvent(tx, {
      teamId: lead.teamId,
      leadId: lead.id,
      type: 'passed',
      actorId: timedOutAfter === null ? offer.userId : null,
      data: {
        user: offer.userId,
        reason: timedOutAfter === null ? 'passed' : 'timeout',
        offeredAt: offer.offeredAt.toISOString(),
      },
      occurredAt: now,
    });
    await op.writes.note(
      tx,
      lead,
      { kind: 'offer_passed', by: offer.userId, timedOutAfterMinutes: timedOutAfter },
      now,
    );
    const outcome: OfferOutcome =
      timedOutAfter === null ? { kind: 'passed' } : { kind: 'timed_out', minutes: timedOutAfter };
    await this.#closeOffer(tx, lead, offer, outcome, now);
    await op.router.route(tx, lead, now, { trigger: timedOutAfter === null ? 'passed' : 'timeout' });
  }

  /** Edits the offer's DM to say how it ended (its buttons go). */
  async #closeOffer(tx: Tx, lead: LeadRow, offer: Offer, outcome: OfferOutcome, now: Date) {
    const closed: OfferClosed = { offerKey: offerDmKey(lead.id, offer.userId, offer.offeredAt), outcome };
    await enqueueSlackWrite(
      tx,
      {
        teamId: lead.teamId,
        method: 'chat.update',
        channel: offer.userId,
        args: { closed },
        leadId: lead.id,
        purpose: OFFER_CLOSED_PURPOSE,
      },
      now,
    );
  }

  async #refusal(tx: Tx, lead: LeadRow, userId: string): Promise<OfferResult> {
    const offeredToThem =
      lead.ownerId === userId ||
      (await leadEventExists(tx, lead.teamId, lead.id, 'assigned', { to: userId, offer: 'true' }));
    return { ok: false, reason: offeredToThem ? 'offer_ended' : 'not_yours', ownerId: lead.ownerId };
  }
}

/** The current offer is to `userId` (and is the one their button was for, when it says). */
function isTheirs(offer: Offer | undefined, userId: string, offeredAt: number | null): offer is Offer {
  return Boolean(
    offer && offer.userId === userId && (offeredAt === null || offer.offeredAt.getTime() === offeredAt),
  );
}
