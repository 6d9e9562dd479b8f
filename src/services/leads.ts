import type { ConfigSource } from '../config/config-source.js';
import type { WorkspaceConfig } from '../config/workspace-schema.js';
import type { Database, Tx } from '../db/client.js';
import { type BatchIntakeOutcome, batchKeys, writeIntakeBatch } from '../db/queries/intake-batch.js';
import { type IntakeWrite, intakeStatement, readIntake, writeIntake } from '../db/queries/lead-intake.js';
import { appendLeadEvent, findLead, type LeadRow, takeUnownedLead } from '../db/queries/leads.js';
import { findMember } from '../db/queries/members.js';
import { enqueueSlackWrite } from '../db/queries/outbox.js';
import { queryText } from '../db/queries/raw.js';
import { recordStageMove } from '../db/queries/stage-changes.js';
import { firstTouchDueAt } from '../domain/business-time.js';
import type { LeadInput } from '../domain/lead-input.js';
import { salesAcceptedStage, systemMove } from '../domain/lead-stages.js';
import { isRouted, qualify } from '../domain/qualification.js';
import { isSeller } from '../domain/roles.js';
import { scheduleCadence } from './cadence.js';
import { IntakeBatcher } from './intake-batcher.js';
import { accountKeys, Router } from './router.js';
import { scheduleSlaLadder, slaLadderJobs } from './sla.js';
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

/** How concurrent webhook intakes share statements (services/intake-batcher.ts); null: one each. */
export interface IntakeBatching {
  /** Batches at the database at once; more intakes queue meanwhile. */
  maxInFlight: number;
  /** Leads per batch at most. */
  maxBatch: number;
  /** Told when a batch failed as a whole and its leads went one by one (logged by the app). */
  onBatchError?(error: unknown, size: number): void;
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
  readonly #batcher: IntakeBatcher<IntakeWrite, BatchIntakeOutcome> | null;

  constructor(
    private readonly database: Database,
    private readonly configs: ConfigSource,
    batching: IntakeBatching | null = defaultIntakeBatching(database),
  ) {
    this.#batcher = batching
      ? new IntakeBatcher({
          ...batching,
          run: (writes) => writeIntakeBatch(database.db, writes),
          keysOf: batchKeys,
        })
      : null;
  }

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

  /**
   * The common case (a new lead with no account lead, unrouted or in claim mode) is one statement
   * in one round trip, its own transaction: the email's advisory lock, the duplicate check and
   * every write (lead-intake.ts), shared by the intakes that arrive meanwhile (intake-batch.ts).
   * That statement writes nothing otherwise (a duplicate, an account lead), and the lead goes
   * through the full transaction below, as round robin segments always do.
   */
  async #intakeOnce(
    config: WorkspaceConfig,
    teamId: string,
    input: LeadInput,
    now: Date,
    opts: IntakeOptions,
  ): Promise<IntakeResult> {
    const { write, foldJobs, router } = this.#plan(config, teamId, input, now, opts);
    const { routed } = write;
    const imported = opts.importId !== undefined;
    const sla = opts.sla === undefined ? config.sla : opts.sla;
    const slaConfig = sla ? { ...config, sla } : null;
    // The statement takes the email's advisory lock first, so concurrent resubmissions cannot both
    // create a lead. Sent alone it is its own transaction: committed when it answers. Concurrent
    // intakes share one such statement and its commit (intake-batcher.ts).
    if (!opts.tx && (!routed || foldJobs)) {
      const batched = await this.#batcher?.submit(write);
      if (batched?.kind === 'created') return { leadId: batched.leadId, duplicate: false };
      // No batching, or the batch failed as a whole: this lead alone, as one statement.
      if (batched === undefined) {
        const statement = intakeStatement(write, true);
        const outcome = readIntake(
          await queryText(this.database.db, statement.text, statement.params),
          write,
        );
        if (outcome.kind === 'created') return { leadId: outcome.lead.id, duplicate: false };
      }
    }
    // A bulk import runs each row inside its batch's transaction: as a savepoint, or directly.
    const inTx = <T>(fn: (tx: Tx) => Promise<T>): Promise<T> =>
      !opts.tx
        ? this.database.db.transaction(fn)
        : opts.savepoint === false
          ? fn(opts.tx)
          : opts.tx.transaction(fn);
    return inTx(async (tx) => {
      const outcome = await writeIntake(tx, write);
      if (outcome.kind === 'duplicate') {
        await this.#resubmitted(config, tx, teamId, outcome, input, now, imported);
        return { leadId: outcome.leadId, duplicate: true };
      }
      if (outcome.kind === 'account') throw new Error('intake: an account lead outside the common case');
      const { lead, accountLead } = outcome;
      if (routed && (!foldJobs || accountLead)) {
        // Account match, round robin or claim mode's auto-assign timer: committed with the lead.
        await router.onIntake(tx, lead, now, { accountLead, quiet: imported });
        if (slaConfig) await scheduleSlaLadder(tx, slaConfig, lead, now);
      }
      return { leadId: lead.id, duplicate: false };
    });
  }

  /**
   * What intake writes for this lead, decided in Node (qualification, SLA clock, jobs). `foldJobs`:
   * the jobs go in with the lead; otherwise routing runs in statements of its own after it.
   * A bulk import plans its rows here and writes the common case for a whole batch at once.
   */
  planIntake(
    teamId: string,
    input: LeadInput,
    now: Date,
    opts: IntakeOptions = {},
  ): { write: IntakeWrite; foldJobs: boolean } {
    const { write, foldJobs } = this.#plan(this.configs.for(teamId), teamId, input, now, opts);
    return { write, foldJobs };
  }

  #plan(
    config: WorkspaceConfig,
    teamId: string,
    input: LeadInput,
    now: Date,
    opts: IntakeOptions,
  ): { write: IntakeWrite; foldJobs: boolean; router: Router } {
    const q = qualify(input, config.qualification);
    const routed = isRouted(
      q.stage,
      config.routing.thresholdStage,
      config.stages.working.map((s) => s.key),
    );
    const router = new Router(config);
    const policy = config.routing.segments[q.segment];
    const imported = opts.importId !== undefined;
    // A bulk source may have its own first-touch SLA, or none.
    const sla = opts.sla === undefined ? config.sla : opts.sla;
    const slaConfig = sla ? { ...config, sla } : null;
    // Round robin offers the lead in routing's own statements; the ladder follows them.
    const foldJobs = routed && policy?.mode !== 'round_robin';
    const days = config.intake.duplicateWindowDays;
    const write: IntakeWrite = {
      teamId,
      input,
      marketerId: opts.marketerId ?? null,
      importId: opts.importId ?? null,
      segment: q.segment,
      stage: q.stage,
      score: q.score,
      routed,
      // A routed lead's first-touch SLA clock starts as it arrives.
      slaDueAt: routed && sla ? firstTouchDueAt(now, sla, config.calendar) : null,
      now,
      duplicateSince: input.email && days > 0 ? new Date(now.getTime() - days * DAY_MS) : null,
      createdEvent: { segment: q.segment, stage: q.stage, score: q.score, because: q.because, routed },
      // An imported lead has no card: the import's summary per segment lists it.
      cardChannel: routed && !imported ? config.channels.leads[q.segment]! : null,
      accountMatch:
        routed && policy && config.routing.matchExistingAccounts ? accountKeys(input, config) : null,
      // Claim mode's auto-assign timer first, then the escalation ladder's steps (same due time:
      // routing runs first).
      jobs: foldJobs
        ? [
            ...router.intakeJobs({ segment: q.segment, createdAt: now }),
            ...(slaConfig ? slaLadderJobs(slaConfig, now) : []),
          ]
        : [],
    };
    return { write, foldJobs, router };
  }

  async #resubmitted(
    config: WorkspaceConfig,
    tx: Tx,
    teamId: string,
    { leadId, routed }: { leadId: number; routed: boolean },
    input: LeadInput,
    now: Date,
    imported: boolean,
  ): Promise<void> {
    await appendLeadEvent(tx, {
      teamId,
      leadId,
      type: 'resubmitted',
      data: { source: input.source, external_id: input.externalId, form: input.form },
      occurredAt: now,
    });
    // An import's answer lists its duplicates; the card's thread gets no line per row.
    if (!routed || imported) return;
    const existing = await findLead(tx, teamId, leadId);
    if (existing) {
      await this.#note(
        config,
        tx,
        existing,
        { kind: 'resubmitted', source: input.source, form: input.form },
        now,
      );
    }
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

/**
 * PostgreSQL: two batches at a time, so one is being written while the next gathers (measured in
 * bench/leads.ts). PGlite: none. It runs in this thread, so no request is read while a statement
 * runs and batches never grew past one lead (bench:leads on PGlite: 1.0 leads per batch, 121 leads/s
 * against 193 for one statement per lead).
 */
export function defaultIntakeBatching(
  database: Database,
  onBatchError?: IntakeBatching['onBatchError'],
): IntakeBatching | null {
  if (database.kind !== 'postgres') return null;
  return { maxInFlight: 2, maxBatch: 64, ...(onBatchError ? { onBatchError } : {}) };
}

function workingKeys(config: WorkspaceConfig): string[] {
  return config.stages.working.map((s) => s.key);
}
