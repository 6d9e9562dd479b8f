import { and, eq, lt } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { slackEventReceipts } from '../schema.js';

/** Records an Events API delivery; false when it was already recorded (a retry). */
export async function recordEventReceipt(
  q: Queryable,
  teamId: string,
  eventId: string,
  receivedAt: Date,
): Promise<boolean> {
  const inserted = await q
    .insert(slackEventReceipts)
    .values({ teamId, eventId, receivedAt })
    .onConflictDoNothing()
    .returning({ eventId: slackEventReceipts.eventId });
  return inserted.length > 0;
}

/** Slack stops retrying after about an hour; older receipts only take space. */
export async function pruneEventReceipts(q: Queryable, teamId: string, olderThan: Date): Promise<number> {
  const deleted = await q
    .delete(slackEventReceipts)
    .where(and(eq(slackEventReceipts.teamId, teamId), lt(slackEventReceipts.receivedAt, olderThan)))
    .returning({ eventId: slackEventReceipts.eventId });
  return deleted.length;
}
