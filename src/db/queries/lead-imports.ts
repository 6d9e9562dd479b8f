import { and, asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { leadImportRows, leadImportSummaries, leadImports, leads } from '../schema.js';

export type LeadImportRow = typeof leadImports.$inferSelect;
export type ImportRowRecord = typeof leadImportRows.$inferInsert;
export type ImportRowOutcome = typeof leadImportRows.$inferSelect;

/** Starts an import, or finds the one with the same key (the same file sent again, or a rerun). */
export async function beginImport(
  q: Queryable,
  start: {
    teamId: string;
    key: string;
    source: string | null;
    via: string;
    importedBy: string | null;
    totalRows: number;
  },
  now: Date,
): Promise<LeadImportRow> {
  const [created] = await q
    .insert(leadImports)
    .values({ ...start, createdAt: now })
    .onConflictDoNothing({ target: [leadImports.teamId, leadImports.key] })
    .returning();
  if (created) return created;
  const [found] = await q
    .select()
    .from(leadImports)
    .where(and(eq(leadImports.teamId, start.teamId), eq(leadImports.key, start.key)));
  if (!found) throw new Error('lead import: key conflicted but no row was found');
  return found;
}

export async function findImport(
  q: Queryable,
  teamId: string,
  id: number,
): Promise<LeadImportRow | undefined> {
  const [row] = await q
    .select()
    .from(leadImports)
    .where(and(eq(leadImports.teamId, teamId), eq(leadImports.id, id)));
  return row;
}

export function listImportRows(q: Queryable, importId: number): Promise<ImportRowOutcome[]> {
  return q
    .select()
    .from(leadImportRows)
    .where(eq(leadImportRows.importId, importId))
    .orderBy(asc(leadImportRows.row));
}

/** Records row outcomes; a row already recorded keeps its first outcome. */
export async function recordImportRows(q: Queryable, rows: ImportRowRecord[]): Promise<void> {
  if (rows.length === 0) return;
  await q.insert(leadImportRows).values(rows).onConflictDoNothing();
}

export async function finishImport(q: Queryable, importId: number, now: Date): Promise<void> {
  await q.update(leadImports).set({ status: 'done', finishedAt: now }).where(eq(leadImports.id, importId));
}

/** A lead the import stored, as its summary and DMs list it. */
export interface ImportedLead {
  id: number;
  name: string | null;
  company: string | null;
  email: string | null;
  segment: string;
  routed: boolean;
  ownerId: string | null;
  slaDueAt: Date | null;
}

/** The leads this import stored, in row order (optionally one segment's, or one owner's). */
export function listImportedLeads(
  q: Queryable,
  teamId: string,
  importId: number,
  only: { segment?: string; ownerId?: string } = {},
): Promise<ImportedLead[]> {
  return q
    .select({
      id: leads.id,
      name: leads.name,
      company: leads.company,
      email: leads.email,
      segment: leads.segment,
      routed: leads.routed,
      ownerId: leads.ownerId,
      slaDueAt: leads.slaDueAt,
    })
    .from(leads)
    .where(
      and(
        eq(leads.teamId, teamId),
        eq(leads.importId, importId),
        only.segment === undefined ? undefined : eq(leads.segment, only.segment),
        only.ownerId === undefined ? undefined : eq(leads.ownerId, only.ownerId),
      ),
    )
    .orderBy(asc(leads.id));
}

/** Duplicate and invalid rows, for the summary's file-wide counts. */
export async function countImportOutcomes(
  q: Queryable,
  importId: number,
): Promise<{ stored: number; duplicate: number; invalid: number }> {
  const rows = await q
    .select({ outcome: leadImportRows.outcome, count: sql<number>`count(*)::int` })
    .from(leadImportRows)
    .where(eq(leadImportRows.importId, importId))
    .groupBy(leadImportRows.outcome);
  const counts = { stored: 0, duplicate: 0, invalid: 0 };
  for (const r of rows) counts[r.outcome] = Number(r.count);
  return counts;
}

export async function saveImportSummary(
  q: Queryable,
  summary: { importId: number; segment: string; channel: string; ts: string },
): Promise<void> {
  await q.insert(leadImportSummaries).values(summary).onConflictDoNothing();
}

/** Where the import's summary for a segment was posted: cardless imported leads thread under it. */
export async function findImportSummary(
  q: Queryable,
  importId: number,
  segment: string,
): Promise<{ channel: string; ts: string } | undefined> {
  const [row] = await q
    .select({ channel: leadImportSummaries.channel, ts: leadImportSummaries.ts })
    .from(leadImportSummaries)
    .where(and(eq(leadImportSummaries.importId, importId), eq(leadImportSummaries.segment, segment)));
  return row;
}
