import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { retros } from '../schema.js';

export type RetroRow = typeof retros.$inferSelect;

/** Remembers where the parent message landed, so replies and edits can find it. */
export async function setRetroParentTs(
  q: Queryable,
  teamId: string,
  retroId: number,
  ts: string,
): Promise<void> {
  await q
    .update(retros)
    .set({ parentTs: ts })
    .where(and(eq(retros.teamId, teamId), eq(retros.id, retroId)));
}

export async function findRetro(
  q: Queryable,
  teamId: string,
  retroId: number,
): Promise<RetroRow | undefined> {
  const [row] = await q
    .select()
    .from(retros)
    .where(and(eq(retros.teamId, teamId), eq(retros.id, retroId)));
  return row;
}
