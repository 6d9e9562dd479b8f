import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { configVersions, workspaces } from '../schema.js';

export type ConfigVersionRow = typeof configVersions.$inferSelect;
export type NewConfigVersion = Omit<ConfigVersionRow, 'createdAt'> & { createdAt: Date };

/** Each workspace's current version number: the one cheap query every process polls. */
export async function currentVersions(
  q: Queryable,
): Promise<{ teamId: string; configVersion: number | null }[]> {
  return q.select({ teamId: workspaces.teamId, configVersion: workspaces.configVersion }).from(workspaces);
}

export async function findConfigVersion(
  q: Queryable,
  teamId: string,
  version: number,
): Promise<ConfigVersionRow | undefined> {
  const [row] = await q
    .select()
    .from(configVersions)
    .where(and(eq(configVersions.teamId, teamId), eq(configVersions.version, version)));
  return row;
}

/** The workspace's current version row, read fresh (writers compute their edit on it). */
export async function findCurrentConfigVersion(
  q: Queryable,
  teamId: string,
): Promise<ConfigVersionRow | undefined> {
  const [row] = await q
    .select({ version: workspaces.configVersion })
    .from(workspaces)
    .where(eq(workspaces.teamId, teamId));
  if (row?.version === null || row?.version === undefined) return undefined;
  return findConfigVersion(q, teamId, row.version);
}

/** Newest first. */
export async function listConfigVersions(
  q: Queryable,
  teamId: string,
  limit: number,
): Promise<ConfigVersionRow[]> {
  return q
    .select()
    .from(configVersions)
    .where(eq(configVersions.teamId, teamId))
    .orderBy(desc(configVersions.version))
    .limit(limit);
}

/** The document the config file last applied, to skip a new version when the file did not change. */
export async function lastFileDocument(q: Queryable, teamId: string): Promise<unknown | undefined> {
  const [row] = await q
    .select({ document: configVersions.document, managed: configVersions.managed })
    .from(configVersions)
    .where(and(eq(configVersions.teamId, teamId), eq(configVersions.via, 'file')))
    .orderBy(desc(configVersions.version))
    .limit(1);
  return row;
}

export async function insertConfigVersion(q: Queryable, row: NewConfigVersion): Promise<void> {
  await q.insert(configVersions).values(row);
}

export interface WorkspaceSettings {
  locale: string;
  timeZone: string;
  settings: unknown;
  configHash: string;
  configAppliedAt: Date;
}

/**
 * Moves the workspace to `next` only if it is still on `expected` (compare-and-set). False when
 * another writer got there first: the caller recomputes its edit on the newer version.
 */
export async function advanceConfigVersion(
  q: Queryable,
  teamId: string,
  expected: number | null,
  next: number,
  settings: WorkspaceSettings,
): Promise<boolean> {
  const set = { ...settings, configVersion: next, updatedAt: settings.configAppliedAt };
  const updated = await q
    .update(workspaces)
    .set(set)
    .where(
      and(
        eq(workspaces.teamId, teamId),
        expected === null ? isNull(workspaces.configVersion) : eq(workspaces.configVersion, expected),
      ),
    )
    .returning({ teamId: workspaces.teamId });
  if (updated.length > 0) return true;
  if (expected !== null) return false;
  // First version of a workspace Baton has not seen yet.
  const inserted = await q
    .insert(workspaces)
    .values({ teamId, teamName: null, botUserId: null, ...set })
    .onConflictDoNothing()
    .returning({ teamId: workspaces.teamId });
  return inserted.length > 0;
}

/** Records who the workspace is in Slack without touching its configuration. */
export async function ensureWorkspace(
  q: Queryable,
  row: { teamId: string; teamName: string | null; botUserId: string | null },
  defaults: WorkspaceSettings,
): Promise<void> {
  await q
    .insert(workspaces)
    .values({ ...row, ...defaults })
    .onConflictDoUpdate({
      target: workspaces.teamId,
      set: { teamName: row.teamName, botUserId: row.botUserId, updatedAt: sql`now()` },
    });
}
