import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { outbox, outboxSenders } from '../schema.js';

export type OutboxSenderRow = typeof outboxSenders.$inferSelect & {
  /** Seconds since its last heartbeat, by the database's clock (so hosts' clocks need not agree). */
  silentSeconds: number;
};

/** Registers a sender or refreshes its heartbeat (re-inserting the row if another process removed it). */
export async function beatSender(
  q: Queryable,
  sender: { instanceId: string; host: string; pid: number },
): Promise<void> {
  await q
    .insert(outboxSenders)
    .values({ ...sender, startedAt: sql`now()`, heartbeatAt: sql`now()` })
    .onConflictDoUpdate({ target: outboxSenders.instanceId, set: { heartbeatAt: sql`now()` } });
}

export async function removeSender(q: Queryable, instanceId: string): Promise<void> {
  await q.delete(outboxSenders).where(eq(outboxSenders.instanceId, instanceId));
}

/** Every sender but this one, with how long each has been silent. */
export async function otherSenders(q: Queryable, instanceId: string): Promise<OutboxSenderRow[]> {
  return q
    .select({
      instanceId: outboxSenders.instanceId,
      host: outboxSenders.host,
      pid: outboxSenders.pid,
      startedAt: outboxSenders.startedAt,
      heartbeatAt: outboxSenders.heartbeatAt,
      silentSeconds: sql<number>`extract(epoch from now() - ${outboxSenders.heartbeatAt})`.mapWith(Number),
    })
    .from(outboxSenders)
    .where(ne(outboxSenders.instanceId, instanceId));
}

/**
 * Frees the pending writes claimed by senders that are gone (named, or with no sender row at all,
 * e.g. removed by another process already) and forgets those senders. A freed write is claimable at
 * once; its next claim counts as a second attempt, so the sender first looks for it in Slack.
 * Returns the ids freed.
 */
export async function releaseClaimsOfGone(q: Queryable, gone: string[]): Promise<number[]> {
  return q.transaction(async (tx) => {
    if (gone.length > 0) await tx.delete(outboxSenders).where(inArray(outboxSenders.instanceId, gone));
    const freed = await tx
      .update(outbox)
      .set({ lockedUntil: null, claimedBy: null })
      .where(
        and(
          eq(outbox.status, 'pending'),
          sql`${outbox.claimedBy} is not null`,
          sql`not exists (select 1 from ${outboxSenders} s where s.instance_id = ${outbox.claimedBy})`,
        ),
      )
      .returning({ id: outbox.id });
    return freed.map((r) => r.id);
  });
}
