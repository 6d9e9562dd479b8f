import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { vocEntries } from '../schema.js';

export type VocRow = typeof vocEntries.$inferSelect;
export type NewVocRow = Omit<
  typeof vocEntries.$inferInsert,
  'id' | 'createdAt' | 'updatedAt' | 'updatedBy' | 'routedChannel' | 'routedTs'
>;
/** What a later capture of the same entry may change. */
export type VocEdit = Pick<
  typeof vocEntries.$inferInsert,
  'quote' | 'category' | 'competitor' | 'leadId' | 'account' | 'sentiment' | 'tags'
>;

export async function findVocEntry(q: Queryable, teamId: string, id: number): Promise<VocRow | undefined> {
  const [row] = await q
    .select()
    .from(vocEntries)
    .where(and(eq(vocEntries.teamId, teamId), eq(vocEntries.id, id)));
  return row;
}

/** The entry, locked until the transaction ends, so two edits of it are routed one after the other. */
export async function lockVocEntry(q: Queryable, teamId: string, id: number): Promise<VocRow | undefined> {
  const [row] = await q
    .select()
    .from(vocEntries)
    .where(and(eq(vocEntries.teamId, teamId), eq(vocEntries.id, id)))
    .for('update');
  return row;
}

/** The entry a modal submission stored, if any. */
export async function findVocByView(
  q: Queryable,
  teamId: string,
  viewId: string,
): Promise<VocRow | undefined> {
  const [row] = await q
    .select()
    .from(vocEntries)
    .where(and(eq(vocEntries.teamId, teamId), eq(vocEntries.viewId, viewId)));
  return row;
}

/** The entry captured from this Slack message, if any. */
export async function findVocBySource(
  q: Queryable,
  teamId: string,
  channel: string,
  ts: string,
): Promise<VocRow | undefined> {
  const [row] = await q
    .select()
    .from(vocEntries)
    .where(
      and(eq(vocEntries.teamId, teamId), eq(vocEntries.sourceChannel, channel), eq(vocEntries.sourceTs, ts)),
    );
  return row;
}

/**
 * Stores a new entry. One from a Slack message that is already stored (the unique source index)
 * inserts nothing and returns undefined: the caller edits the stored one instead.
 */
export async function insertVocEntry(q: Queryable, entry: NewVocRow, now: Date): Promise<VocRow | undefined> {
  const [row] = await q
    .insert(vocEntries)
    .values({ ...entry, createdAt: now, updatedAt: now })
    // Either unique index: the same source message, or the same modal submission delivered twice.
    .onConflictDoNothing()
    .returning();
  return row;
}

export async function updateVocEntry(
  q: Queryable,
  teamId: string,
  id: number,
  edit: Partial<VocEdit>,
  by: string,
  now: Date,
): Promise<VocRow | undefined> {
  const [row] = await q
    .update(vocEntries)
    .set({ ...edit, updatedBy: by, updatedAt: now })
    .where(and(eq(vocEntries.teamId, teamId), eq(vocEntries.id, id)))
    .returning();
  return row;
}

/**
 * Where the entry's reverse-flow post lives now: its category's channel (null when the category has
 * none) and the post's ts once it is in Slack.
 */
export async function setVocRouting(
  q: Queryable,
  teamId: string,
  id: number,
  channel: string | null,
  ts: string | null,
): Promise<void> {
  await q
    .update(vocEntries)
    .set({ routedChannel: channel, routedTs: ts })
    .where(and(eq(vocEntries.teamId, teamId), eq(vocEntries.id, id)));
}

/**
 * Remembers the reverse-flow post of an entry once Slack has it, so a later edit of the entry can
 * edit the post. Only while the entry still belongs in that channel: a post that went out just as
 * the entry moved elsewhere must not pull it back.
 */
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
    .where(
      and(eq(vocEntries.teamId, teamId), eq(vocEntries.id, entryId), eq(vocEntries.routedChannel, channel)),
    );
}
