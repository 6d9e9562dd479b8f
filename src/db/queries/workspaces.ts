import { eq } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { workspaces } from '../schema.js';

export type WorkspaceRow = typeof workspaces.$inferSelect;
/** The config version is moved only by the versioned store (compare-and-set), never by an upsert. */
export type WorkspaceUpsert = Omit<WorkspaceRow, 'createdAt' | 'updatedAt' | 'configVersion'>;

export async function upsertWorkspace(q: Queryable, row: WorkspaceUpsert): Promise<void> {
  const { teamId, ...rest } = row;
  await q
    .insert(workspaces)
    .values(row)
    .onConflictDoUpdate({ target: workspaces.teamId, set: { ...rest, updatedAt: row.configAppliedAt } });
}

export async function findWorkspace(q: Queryable, teamId: string): Promise<WorkspaceRow | undefined> {
  const [row] = await q.select().from(workspaces).where(eq(workspaces.teamId, teamId));
  return row;
}
