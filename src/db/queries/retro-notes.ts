import { and, asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { retroNotes } from '../schema.js';

export type RetroNoteRow = typeof retroNotes.$inferSelect;
export type NewRetroNote = Pick<
  RetroNoteRow,
  'teamId' | 'retroId' | 'authorId' | 'role' | 'text' | 'channel' | 'ts'
>;

/** Keeps a thread reply as a note; false when that message is a note already (an event delivered twice). */
export async function addRetroNote(q: Queryable, note: NewRetroNote, now: Date): Promise<boolean> {
  const rows = await q
    .insert(retroNotes)
    .values({ ...note, createdAt: now })
    .onConflictDoNothing({ target: [retroNotes.teamId, retroNotes.channel, retroNotes.ts] })
    .returning({ id: retroNotes.id });
  return rows.length > 0;
}

/** Follows an edit of the reply; undefined when the message is no note. */
export async function editRetroNote(
  q: Queryable,
  teamId: string,
  channel: string,
  ts: string,
  text: string,
  now: Date,
): Promise<RetroNoteRow | undefined> {
  const [row] = await q
    .update(retroNotes)
    .set({ text, editedAt: now })
    .where(and(eq(retroNotes.teamId, teamId), eq(retroNotes.channel, channel), eq(retroNotes.ts, ts)))
    .returning();
  return row;
}

/** Forgets the note of a deleted reply; returns it, or undefined when the message was no note. */
export async function removeRetroNote(
  q: Queryable,
  teamId: string,
  channel: string,
  ts: string,
): Promise<RetroNoteRow | undefined> {
  const [row] = await q
    .delete(retroNotes)
    .where(and(eq(retroNotes.teamId, teamId), eq(retroNotes.channel, channel), eq(retroNotes.ts, ts)))
    .returning();
  return row;
}

/** Who wrote notes on the retro and how many each, by author id. */
export async function noteCountsByAuthor(
  q: Queryable,
  teamId: string,
  retroId: number,
): Promise<Array<{ authorId: string; notes: number }>> {
  return q
    .select({ authorId: retroNotes.authorId, notes: sql<number>`count(*)`.mapWith(Number) })
    .from(retroNotes)
    .where(and(eq(retroNotes.teamId, teamId), eq(retroNotes.retroId, retroId)))
    .groupBy(retroNotes.authorId)
    .orderBy(asc(retroNotes.authorId));
}
