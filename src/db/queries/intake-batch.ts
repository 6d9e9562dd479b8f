import type { Queryable } from '../client.js';
import { type IntakeWrite, intakeLockKey, leadRecord, lookupRecord, sortedLockKeys } from './lead-intake.js';
import { queryText } from './raw.js';

/**
 * Many webhook intakes' common case in one statement, its own transaction: `intake_leads`
 * (drizzle/0034_intake_batch_function.sql) takes every row's email lock, then writes each row that
 * has no duplicate and no account lead, as intake_lead does for one. Concurrent intakes share its
 * commit instead of paying one each (services/intake-batcher.ts gathers them).
 */
const BATCH_SQL = 'select row_n, outcome, lead from intake_leads($1::jsonb, $2::text[])';

/** What the batch did with one row; a row it did not store is written nothing. */
export type BatchIntakeOutcome =
  | { kind: 'created'; leadId: number }
  | { kind: 'duplicate'; leadId: number }
  /** An owned lead of the same account: routing decides, in a transaction of the caller's. */
  | { kind: 'account' };

/**
 * The keys no two rows of one batch may share: a row is looked up before any row of its batch is
 * written, so a second row with the same email or external_id would not see the first as its
 * duplicate. The batcher holds such a row for the next batch.
 */
export function batchKeys(w: IntakeWrite): string[] {
  const keys = [`lock:${intakeLockKey(w)}`];
  if (w.input.externalId !== null) keys.push(`ext:${w.teamId}:${w.input.source}:${w.input.externalId}`);
  return keys;
}

/** Stores the common case of every write whose row has no duplicate and no account lead. */
export async function writeIntakeBatch(
  q: Queryable,
  writes: readonly IntakeWrite[],
): Promise<BatchIntakeOutcome[]> {
  if (writes.length === 0) return [];
  const rows = writes.map((w, n) => ({
    n,
    team_id: w.teamId,
    ...leadRecord(w),
    ...lookupRecord(w),
    at: w.now.toISOString(),
    card_channel: w.cardChannel,
    import_id: w.importId,
  }));
  const locks = sortedLockKeys(writes);
  const found = await queryText<{ row_n: number; outcome: BatchIntakeOutcome['kind']; lead: string | null }>(
    q,
    BATCH_SQL,
    [JSON.stringify(rows), locks],
  );
  const outcomes: (BatchIntakeOutcome | undefined)[] = new Array(writes.length);
  for (const r of found) {
    outcomes[r.row_n] =
      r.outcome === 'account' ? { kind: 'account' } : { kind: r.outcome, leadId: Number(r.lead) };
  }
  return outcomes.map((o, n) => {
    if (!o) throw new Error(`intake_leads returned no outcome for row ${n}`);
    return o;
  });
}
