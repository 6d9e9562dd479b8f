import type { ConfigSource } from '../config/config-source.js';
import type { Database } from '../db/client.js';
import {
  analyzeLeads,
  leadStatsStale,
  lockEmails,
  lookUpBatch,
  recordBatchRows,
  writeBatch,
} from '../db/queries/lead-import-batch.js';
import {
  beginImport,
  finishImport,
  type ImportRowRecord,
  listImportedLeads,
  listImportRows,
  recordImportRows,
} from '../db/queries/lead-imports.js';
import type { IntakeWrite } from '../db/queries/lead-intake.js';
import { enqueueSlackWrite } from '../db/queries/outbox.js';
import { importSla } from '../domain/import-sla.js';
import type { ImportRow } from '../domain/lead-import-file.js';
import type { LeadFieldError, LeadInput } from '../domain/lead-input.js';
import { isRouted, qualify } from '../domain/qualification.js';
import { decideRun } from './import-run.js';
import type { LeadService } from './leads.js';

/** One summary per import and segment, in the segment's leads channel. */
export const IMPORT_SUMMARY_PURPOSE = 'import_summary';
/** One DM per seller listing the leads the import gave them. */
export const IMPORT_DM_PURPOSE = 'import_dm';

/** Rows per transaction: big enough to amortise the commit, small enough that a crash loses little. */
export const IMPORT_BATCH_ROWS = 250;

export type RowResult =
  | { row: number; line: number; status: 'stored'; lead_id: number }
  | { row: number; line: number; status: 'duplicate'; lead_id: number }
  | { row: number; line: number; status: 'invalid'; errors: LeadFieldError[] };

export interface ImportCounts {
  stored: number;
  duplicate: number;
  invalid: number;
}

export interface ImportOutcome {
  importId: number;
  /** True when this key was imported before: the answer is the first import's, nothing was stored. */
  replayed: boolean;
  counts: ImportCounts;
  rows: RowResult[];
}

/** What a row would become, shown before anything is stored (duplicates are found at import). */
export type RowPreview =
  | { row: number; ok: true; who: string; segment: string; stage: string; score: number; routed: boolean }
  | { row: number; ok: false; errors: LeadFieldError[] };

export interface ImportRequest {
  /** Hash of the content (and the caller's Idempotency-Key): the same key imports once. */
  key: string;
  source: string | null;
  via: 'http' | 'slack';
  importedBy: string | null;
  rows: ImportRow[];
}

const stored = (
  importId: number,
  row: number,
  result: { leadId: number; duplicate: boolean },
): ImportRowRecord => ({
  importId,
  row,
  outcome: result.duplicate ? 'duplicate' : 'stored',
  leadId: result.leadId,
});

const FAILED_ROW: LeadFieldError[] = [{ field: 'row', message: 'could not be stored; send it again' }];

/**
 * Bulk import: every row by intake's rules (validation, qualification, duplicates, routing), in
 * transactions of a batch each: written set-based where it can be, else row by row with a savepoint
 * per row after any failure, so a failing row never fails the rest. Each
 * row's outcome commits with its lead, so a rerun after a crash resumes where the last commit ended.
 * No cards: one summary per segment and one DM per seller, queued with the import's last commit.
 */
export class LeadImportService {
  constructor(
    private readonly database: Database,
    private readonly configs: ConfigSource,
    private readonly leads: LeadService,
  ) {}

  /** Each row's qualification as intake would decide it now; stores nothing. */
  preview(teamId: string, rows: readonly ImportRow[]): RowPreview[] {
    const config = this.configs.for(teamId);
    const working = config.stages.working.map((s) => s.key);
    return rows.map((r): RowPreview => {
      if (!r.ok) return { row: r.row, ok: false, errors: r.errors };
      const q = qualify(r.lead, config.qualification);
      return {
        row: r.row,
        ok: true,
        who: r.lead.name ?? r.lead.email,
        segment: q.segment,
        stage: q.stage,
        score: q.score,
        routed: isRouted(q.stage, config.routing.thresholdStage, working),
      };
    });
  }

  async run(
    teamId: string,
    request: ImportRequest,
    now: Date,
    /** Told after each committed batch: the import's id and how many rows are recorded so far. */
    onProgress?: (progress: { importId: number; recorded: number; total: number }) => void,
  ): Promise<ImportOutcome> {
    const { db } = this.database;
    const started = await beginImport(
      db,
      {
        teamId,
        key: request.key,
        source: request.source,
        via: request.via,
        importedBy: request.importedBy,
        totalRows: request.rows.length,
      },
      now,
    );
    const replayed = started.status === 'done';
    const done = new Set((await listImportRows(db, started.id)).map((r) => r.row));
    const pending = replayed ? [] : request.rows.filter((r) => !done.has(r.row));
    for (let i = 0; i < pending.length; i += IMPORT_BATCH_ROWS) {
      const batch = pending.slice(i, i + IMPORT_BATCH_ROWS);
      // Plans made for a much smaller table scan it per row: refresh them as the import grows it.
      if (await leadStatsStale(db)) await analyzeLeads(db);
      await this.#batch(teamId, started.id, batch, now);
      onProgress?.({
        importId: started.id,
        recorded: done.size + i + batch.length,
        total: request.rows.length,
      });
    }
    if (!replayed) await this.#announce(teamId, started.id, now);
    return this.#outcome(started.id, replayed, request.rows);
  }

  /**
   * One transaction per batch. First set-based (a few statements for the whole batch); if any
   * row fails, that attempt rolls back whole and the batch runs again row by row with a savepoint
   * per row, so the failing row is recorded as such and the rows around it still commit.
   */
  async #batch(teamId: string, importId: number, rows: ImportRow[], now: Date): Promise<void> {
    try {
      await this.#batchSetBased(teamId, importId, rows, now);
    } catch {
      await this.#batchRowByRow(teamId, importId, rows, now);
    }
  }

  #intakeOptions(teamId: string, lead: LeadInput, importId: number) {
    const config = this.configs.for(teamId);
    const sla = importSla(config.sla, config.intake.importSla, lead.source);
    return { importId, ...(sla === undefined ? {} : { sla }) };
  }

  /**
   * Runs of common-case rows (new leads with no account lead, unrouted or in claim mode) are
   * written set-based (lead-import-batch.ts); any other row goes through intake on its own, in
   * file order, so each row sees what the rows before it stored.
   */
  async #batchSetBased(teamId: string, importId: number, rows: ImportRow[], now: Date): Promise<void> {
    await this.database.db.transaction(async (tx) => {
      const records: ImportRowRecord[] = [];
      let run: Array<{ row: number; write: IntakeWrite }> = [];
      const alone = async (row: number, lead: LeadInput) => {
        const opts = { tx, savepoint: false, ...this.#intakeOptions(teamId, lead, importId) };
        records.push(stored(importId, row, await this.leads.intake(teamId, lead, now, opts)));
      };
      const flush = async () => {
        while (run.length > 0) {
          const writes = run.map((r) => r.write);
          await lockEmails(tx, writes);
          const { decisions, stoppedAt } = decideRun(writes, await lookUpBatch(tx, writes));
          const ids = await writeBatch(tx, importId, now, decisions);
          for (const [i, d] of decisions.entries()) {
            const leadId = ids[i]!;
            records.push(stored(importId, run[i]!.row, { leadId, duplicate: d.kind !== 'store' }));
          }
          if (stoppedAt === null) break;
          // An account lead: routing decides this row; the rest are looked up again after it.
          await alone(run[stoppedAt]!.row, run[stoppedAt]!.write.input);
          run = run.slice(stoppedAt + 1);
        }
        run = [];
      };
      for (const row of rows) {
        if (!row.ok) {
          records.push({ importId, row: row.row, outcome: 'invalid', errors: row.errors });
          continue;
        }
        const opts = this.#intakeOptions(teamId, row.lead, importId);
        const { write, foldJobs } = this.leads.planIntake(teamId, row.lead, now, opts);
        if (!write.routed || foldJobs) {
          run.push({ row: row.row, write });
          continue;
        }
        await flush();
        await alone(row.row, row.lead);
      }
      await flush();
      await recordBatchRows(tx, records);
    });
  }

  async #batchRowByRow(teamId: string, importId: number, rows: ImportRow[], now: Date): Promise<void> {
    await this.database.db.transaction(async (tx) => {
      const records: ImportRowRecord[] = [];
      for (const row of rows) {
        if (!row.ok) {
          records.push({ importId, row: row.row, outcome: 'invalid', errors: row.errors });
          continue;
        }
        const opts = { tx, savepoint: true, ...this.#intakeOptions(teamId, row.lead, importId) };
        try {
          records.push(stored(importId, row.row, await this.leads.intake(teamId, row.lead, now, opts)));
        } catch {
          // Its savepoint rolled back; the rows around it stand. A lost connection fails the commit below.
          records.push({ importId, row: row.row, outcome: 'invalid', errors: FAILED_ROW });
        }
      }
      await recordImportRows(tx, records);
    });
  }

  /** The summary per segment and the DM per seller, committed with the import's end. */
  async #announce(teamId: string, importId: number, now: Date): Promise<void> {
    const config = this.configs.for(teamId);
    await this.database.db.transaction(async (tx) => {
      const stored = await listImportedLeads(tx, teamId, importId);
      const routed = stored.filter((l) => l.routed);
      const segments = [...new Set(routed.map((l) => l.segment))];
      for (const segment of segments) {
        const channel = config.channels.leads[segment];
        if (!channel) continue;
        await enqueueSlackWrite(
          tx,
          {
            teamId,
            method: 'chat.postMessage',
            channel,
            args: { importId, segment },
            purpose: IMPORT_SUMMARY_PURPOSE,
            dedupeKey: `${IMPORT_SUMMARY_PURPOSE}:${importId}:${segment}`,
          },
          now,
        );
      }
      const owners = [...new Set(routed.flatMap((l) => (l.ownerId ? [l.ownerId] : [])))];
      for (const userId of owners) {
        await enqueueSlackWrite(
          tx,
          {
            teamId,
            method: 'chat.postMessage',
            channel: userId,
            args: { importId, userId },
            purpose: IMPORT_DM_PURPOSE,
            dedupeKey: `${IMPORT_DM_PURPOSE}:${importId}:${userId}`,
          },
          now,
        );
      }
      await finishImport(tx, importId, now);
    });
  }

  async #outcome(importId: number, replayed: boolean, rows: ImportRow[]): Promise<ImportOutcome> {
    const lines = new Map(rows.map((r) => [r.row, r.line]));
    const counts: ImportCounts = { stored: 0, duplicate: 0, invalid: 0 };
    const results = (await listImportRows(this.database.db, importId)).map((r): RowResult => {
      counts[r.outcome]++;
      const line = lines.get(r.row) ?? r.row;
      if (r.outcome === 'invalid') return { row: r.row, line, status: 'invalid', errors: r.errors ?? [] };
      return { row: r.row, line, status: r.outcome, lead_id: r.leadId! };
    });
    return { importId, replayed, counts, rows: results };
  }
}
