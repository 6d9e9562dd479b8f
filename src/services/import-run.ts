import type { BatchDecision, BatchLookup } from '../db/queries/lead-import-batch.js';
import type { IntakeWrite } from '../db/queries/lead-intake.js';

/**
 * Each row's answer in a run of an import's common-case rows, as intake row by row would give it:
 * a lead with the same source and external_id first, else the newest lead with the same email in
 * the window, where an earlier row of the run that was stored counts as a lead (and is the newest).
 * Stops before the first row that has an account lead: routing decides that one on its own, and
 * what it does may change the answers of the rows after it.
 */
export function decideRun(
  writes: readonly IntakeWrite[],
  lookups: readonly BatchLookup[],
): { decisions: BatchDecision[]; stoppedAt: number | null } {
  const byExternal = new Map<string, number>();
  const byEmail = new Map<string, number>();
  const decisions: BatchDecision[] = [];
  for (const [i, write] of writes.entries()) {
    const found = lookups[i]!;
    const { input } = write;
    const externalKey = input.externalId === null ? null : `${input.source}\u0000${input.externalId}`;
    const emailKey = input.email ? input.email.toLowerCase() : null;
    const earlierExternal = externalKey === null ? undefined : byExternal.get(externalKey);
    const earlierEmail =
      emailKey === null || write.duplicateSince === null ? undefined : byEmail.get(emailKey);
    if (found.externalMatch !== null) {
      decisions.push({ kind: 'duplicate', write, leadId: found.externalMatch });
    } else if (earlierExternal !== undefined) {
      decisions.push({ kind: 'duplicate_of_row', write, index: earlierExternal });
    } else if (earlierEmail !== undefined) {
      decisions.push({ kind: 'duplicate_of_row', write, index: earlierEmail });
    } else if (found.emailMatch !== null) {
      decisions.push({ kind: 'duplicate', write, leadId: found.emailMatch });
    } else if (found.accountMatch) {
      return { decisions, stoppedAt: i };
    } else {
      if (externalKey !== null) byExternal.set(externalKey, i);
      if (emailKey !== null) byEmail.set(emailKey, i);
      decisions.push({ kind: 'store', write });
    }
  }
  return { decisions, stoppedAt: null };
}
