import { sql } from 'drizzle-orm';
import type { ConfigSource } from '../config/config-source.js';
import type { WorkspaceConfig } from '../config/workspace-schema.js';
import type { Database, Tx } from '../db/client.js';
import {
  appendLeadEvent,
  findLead,
  findLeadByExternalId,
  findRecentLeadByEmail,
  insertLead,
  type LeadRow,
  takeUnownedLead,
} from '../db/queries/leads.js';
import { findMember } from '../db/queries/members.js';
import { enqueueSlackWrite } from '../db/queries/outbox.js';
import { recordArrival, recordStageMove } from '../db/queries/stage-changes.js';
import { firstTouchDueAt } from '../domain/business-time.js';
import type { LeadInput } from '../domain/lead-input.js';
import { salesAcceptedStage, systemMove } from '../domain/lead-stages.js';
import { isRouted, qualify } from '../domain/qualification.js';
import { isSeller } from '../domain/roles.js';
import { scheduleCadence } from './cadence.js';
import { Router } from './router.js';
import { scheduleSlaLadder } from './sla.js';
import type { ThreadNote } from './thread-notes.js';

export interface IntakeResult {
  leadId: number;
  duplicate: boolean;
}

export interface IntakeOptions {
  /** The marketer who brought the lead in (e.g. who entered it with `/lead new`). */
  marketerId?: string | null;
  // --- bulk import (services/lead-import.ts) ---
  /**
   * Run inside this transaction (a bulk import commits many rows at once): as a savepoint, or with
   * `savepoint: false` directly in it (an error then aborts the caller's transaction).
   */
  tx?: Tx;
  savepoint?: boolean;
  /** The import the lead comes from: no card and no per-lead routing DM (the import summarises them). */
  importId?: number;
  /** The first-touch SLA for this lead (a bulk source's own); null: none. Absent: `sla` as configured. */
  sla?: WorkspaceConfig['sla'] | null;
}

export type ClaimRefusal =
  | { reason: 'not_found' | 'not_on_roster' | 'not_a_seller' }
  | { reason: 'not_serving_segment'; segment: string }
  | { reason: 'already_owned'; ownerId: string };

export type ClaimResult = { ok: true; lead: LeadRow } | ({ ok: false } & ClaimRefusal);

const DAY_MS = 24 * 3_600_000;
const UNIQUE_VIOLATION = '23505';

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: string }).code === UNIQUE_VIOLATION) return true;
  }
  return false;
}

/** Lead use cases: intake (with duplicate detection and qualification) and claiming. */
export class LeadService {
  constructor(
    private readonly database: Database,
    private readonly configs: ConfigSource,
  ) {}

  /** Stores a lead (or recognises a resubmission) and queues its card; committed before it returns. */
  async intake(teamId: string, input: LeadInput, now: Date, opts: IntakeOptions = {}): Promise<IntakeResult> {
    const config = this.configs.for(teamId);
    try {
      return await this.#intakeOnce(config, teamId, input, now, opts);
    } catch (error) {
      // Two deliveries of the same external_id raced; the loser finds the winner's row now.
      if (isUniqueViolation(error)) return this.#intakeOnce(config, teamId, input, now, opts);
      throw error;
    }
  }

  #intakeOnce(
    config: WorkspaceConfig,
    teamId: string,
    input: LeadInput,
    now: Date,
    opts: IntakeOptions,
  ): Promise<IntakeResult> {
    const inTx = <T>(fn: (tx: Tx) => Promise<T>): Promise<T> =>
      !opts.tx
        ? this.database.db.transaction(fn)
        : opts.savepoint === false
          ? fn(opts.tx)
          : opts.tx.transaction(fn);
    return inTx(async (tx) => {
      // Serialises intake of one email address so concurrent resubmissions cannot both create a lead.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${teamId}:${input.email}`}))`);
      const existing = await this.#findDuplicate(config, tx, teamId, input, now);
      if (existing) {
        await appendLeadEvent(tx, {
          teamId,
          leadId: existing.id,
          type: 'resubmitted',
          data: { source: input.source, external_id: input.externalId, form: input.form },
          occurredAt: now,
        });
        if (existing.routed && opts.importId === undefined) {
          await this.#note(
            config,
            tx,
            existing,
            { kind: 'resubmitted', source: input.source, form: input.form },
            now,
          );
        }
        return { leadId: existing.id, duplicate: true };
      }
      const q = qualify(input, config.qualification);
      const routed = isRouted(
        q.stage,
        config.routing.thresholdStage,
        config.stages.working.map((s) => s.key),
      );
      const sla = opts.sla === undefined ? config.sla : opts.sla;
      const lead = await insertLead(tx, {
        ...input,
        marketerId: opts.marketerId ?? null,
        importId: opts.importId ?? null,
        teamId,
        segment: q.segment,
        stage: q.stage,
        score: q.score,
        routed,
        stageEnteredAt: now,
        furthestStage: q.stage,
        // A routed lead's first-touch SLA clock starts as it arrives.
        ...(routed && sla
          ? {
              slaDueAt: firstTouchDueAt(now, sla, config.calendar),
              slaState: 'running' as const,
            }
          : {}),
        createdAt: now,
        updatedAt: now,
      });
      await appendLeadEvent(tx, {
        teamId,
        leadId: lead.id,
        type: 'created',
        data: { segment: q.segment, stage: q.stage, score: q.score, because: q.because, routed },
        occurredAt: now,
      });
      await recordArrival(tx, lead);
      if (routed) {
        if (opts.importId === undefined)
          await enqueueSlackWrite(
            tx,
            {
              teamId,
              method: 'chat.postMessage',
              channel: config.channels.leads[q.segment]!,
              args: {},
              leadId: lead.id,
              purpose: 'lead_card',
              dedupeKey: `lead_card:${lead.id}`,
            },
            now,
          );
        // Account match, round robin or claim mode's auto-assign timer: committed with the lead.
        await new Router(config).onIntake(tx, lead, now, { quiet: opts.importId !== undefined });
        // The escalation ladder's steps, after routing's own jobs (same due time: routing runs first).
        if (sla) await scheduleSlaLadder(tx, { ...config, sla }, lead, now);
      }
      return { leadId: lead.id, duplicate: false };
    });
  }

  async #findDuplicate(
    config: WorkspaceConfig,
    tx: Tx,
    teamId: string,
    input: LeadInput,
    now: Date,
  ): Promise<LeadRow | undefined> {
    if (input.externalId) {
      const sameId = await findLeadByExternalId(tx, teamId, input.source, input.externalId);
      if (sameId) return sameId;
    }
    return this.#byEmail(config, tx, teamId, input, now);
  }

  #byEmail(
    config: WorkspaceConfig,
    tx: Tx,
    teamId: string,
    input: LeadInput,
    now: Date,
  ): Promise<LeadRow | undefined> {
    const days = config.intake.duplicateWindowDays;
    if (!input.email || days <= 0) return Promise.resolve(undefined);
    return findRecentLeadByEmail(tx, teamId, input.email, new Date(now.getTime() - days * DAY_MS));
  }

  /** Claim: first click wins. An MQL claimed by sales becomes a SAL (the sales-accepted hand-off). */
  async claim(teamId: string, leadId: number, userId: string, now: Date): Promise<ClaimResult> {
    const { db } = this.database;
    const lead = await findLead(db, teamId, leadId);
    if (!lead) return { ok: false, reason: 'not_found' };
    const member = await findMember(db, teamId, userId);
    if (!member) return { ok: false, reason: 'not_on_roster' };
    if (!isSeller(member.roles)) return { ok: false, reason: 'not_a_seller' };
    if (!member.segments.includes(lead.segment))
      return { ok: false, reason: 'not_serving_segment', segment: lead.segment };
    const config = this.configs.for(teamId);
    const accepted = this.#acceptedStage(config, lead.stage);
    return db.transaction(async (tx) => {
      const taken = await takeUnownedLead(tx, teamId, leadId, userId, now);
      if (!taken) {
        const current = await findLead(tx, teamId, leadId);
        return { ok: false, reason: 'already_owned', ownerId: current?.ownerId ?? 'unknown' } as const;
      }
      await appendLeadEvent(tx, {
        teamId,
        leadId,
        type: 'claimed',
        actorId: userId,
        data: { owner: userId },
        occurredAt: now,
      });
      await scheduleCadence(tx, config, taken, userId, now);
      const won = accepted
        ? await recordStageMove(
            tx,
            taken,
            systemMove(taken, accepted, 'claimed', workingKeys(config), 'forward'),
            { actorId: userId, via: 'slack' },
            now,
          )
        : taken;
      await this.#refreshCard(config, tx, won, now);
      await this.#note(config, tx, won, { kind: 'claimed', by: userId }, now);
      return { ok: true, lead: won } as const;
    });
  }

  /** The stage a claim moves a lead to: MQL → SAL when both are configured stages. */
  #acceptedStage(config: WorkspaceConfig, stage: string): string | undefined {
    return salesAcceptedStage(stage, workingKeys(config));
  }

  async #refreshCard(config: WorkspaceConfig, tx: Tx, lead: LeadRow, now: Date): Promise<void> {
    await enqueueSlackWrite(
      tx,
      {
        teamId: lead.teamId,
        method: 'chat.update',
        channel: lead.cardChannel ?? config.channels.leads[lead.segment]!,
        args: {},
        leadId: lead.id,
        purpose: 'lead_card_update',
      },
      now,
    );
  }

  async #note(config: WorkspaceConfig, tx: Tx, lead: LeadRow, note: ThreadNote, now: Date): Promise<void> {
    await enqueueSlackWrite(
      tx,
      {
        teamId: lead.teamId,
        method: 'chat.postMessage',
        channel: lead.cardChannel ?? config.channels.leads[lead.segment]!,
        args: { note },
        leadId: lead.id,
        purpose: 'lead_thread',
      },
      now,
    );
  }
}

function workingKeys(config: WorkspaceConfig): string[] {
  return config.stages.working.map((s) => s.key);
}
