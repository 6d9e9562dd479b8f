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
