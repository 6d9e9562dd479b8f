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

export type NewActionItem = Pick<
  typeof retroActionItems.$inferInsert,
  'teamId' | 'retroId' | 'text' | 'ownerId' | 'dueOn' | 'createdBy' | 'sourceChannel' | 'sourceTs' | 'viewId'
>;

/**
 * Adds an item to the retro it was made in (which is also where it is listed first). A modal
 * submission already stored (`view_id`) inserts nothing and returns undefined.
 */
export async function insertActionItem(
  q: Queryable,
  item: NewActionItem,
  now: Date,
): Promise<ActionItemRow | undefined> {
  const [row] = await q
    .insert(retroActionItems)
    .values({ ...item, firstRetroId: item.retroId, createdAt: now, updatedAt: now })
    .onConflictDoNothing({ target: [retroActionItems.teamId, retroActionItems.viewId] })
    .returning();
  return row;
}

const itemWhere = (teamId: string, by: { id: number } | { viewId: string }) =>
  and(
    eq(retroActionItems.teamId, teamId),
    'id' in by ? eq(retroActionItems.id, by.id) : eq(retroActionItems.viewId, by.viewId),
  );

/** The item by id, or the one a modal submission added. */
export async function findActionItem(
  q: Queryable,
  teamId: string,
  by: { id: number } | { viewId: string },
): Promise<ActionItemRow | undefined> {
  const [row] = await q.select().from(retroActionItems).where(itemWhere(teamId, by));
  return row;
}

/** The item, locked until the transaction ends, so two answers to it are taken one after the other. */
export async function lockActionItem(
  q: Queryable,
  teamId: string,
  itemId: number,
): Promise<ActionItemRow | undefined> {
  const [row] = await q
    .select()
    .from(retroActionItems)
    .where(itemWhere(teamId, { id: itemId }))
    .for('update');
  return row;
}

/** Marks an open item done or dropped; returns the row as it is now, or undefined when it was not open. */
export async function closeActionItem(
  q: Queryable,
  teamId: string,
  itemId: number,
  close: { status: 'done' | 'dropped'; by: string },
  now: Date,
): Promise<ActionItemRow | undefined> {
  const [row] = await q
    .update(retroActionItems)
    .set({ status: close.status, closedBy: close.by, closedAt: now, updatedAt: now })
    .where(
      and(
        eq(retroActionItems.teamId, teamId),
        eq(retroActionItems.id, itemId),
        eq(retroActionItems.status, 'open'),
      ),
    )
    .returning();
  return row;
}
