import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { vocEntries } from '../schema.js';

export type VocRow = typeof vocEntries.$inferSelect;

/** Remembers the reverse-flow post of an entry, so a later edit of the entry can edit the post. */
export async function setVocRoutedTs(
  q: Queryable,
  teamId: string,
  entryId: number,
  channel: string,
  ts: string,
): Promise<void> {
  await q
    .update(vocEntries)
    .set({ routedChannel: channel, routedTs: ts })
    .where(and(eq(vocEntries.teamId, teamId), eq(vocEntries.id, entryId)));
}
