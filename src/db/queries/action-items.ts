import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { retroActionItems } from '../schema.js';

export type ActionItemRow = typeof retroActionItems.$inferSelect;

/** The items listed on a retro now, oldest first. */
export async function listItemsForRetro(
  q: Queryable,
  teamId: string,
  retroId: number,
): Promise<ActionItemRow[]> {
  return q
    .select()
    .from(retroActionItems)
    .where(and(eq(retroActionItems.teamId, teamId), eq(retroActionItems.retroId, retroId)))
    .orderBy(asc(retroActionItems.id));
}

/**
 * Moves every open item of the team's other retros onto `toRetroId`, raising its carry count by
 * one. Run in the transaction that opens the retro (which happens once), so an item is carried
 * once per opening. Returns how many moved.
 */
export async function carryOverOpenItems(
  q: Queryable,
  teamId: string,
  toRetroId: number,
  now: Date,
): Promise<number> {
  const moved = await q
    .update(retroActionItems)
    .set({ retroId: toRetroId, carryCount: sql`${retroActionItems.carryCount} + 1`, updatedAt: now })
    .where(
      and(
        eq(retroActionItems.teamId, teamId),
        eq(retroActionItems.status, 'open'),
        ne(retroActionItems.retroId, toRetroId),
      ),
    )
    .returning({ id: retroActionItems.id });
  return moved.length;
}
