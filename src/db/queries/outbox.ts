import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { channelPacing, outbox } from '../schema.js';
import { rowsOf } from './raw.js';

export type OutboxRow = typeof outbox.$inferSelect;

/** The Slack writes that go through the outbox. */
export type SlackWriteMethod = 'chat.postMessage' | 'chat.update' | 'chat.postEphemeral';

export interface NewSlackWrite {
  teamId: string;
  method: SlackWriteMethod;
  /** Conversation id (or a user id for a DM post). */
  channel: string;
  /** Everything the method takes except `channel` (text, blocks, thread_ts, ts, user…). */
  args: Record<string, unknown>;
  /** The lead the write belongs to, so `onSent` can store the ts back (e.g. the card). */
  leadId?: number;
  /** What the write is, e.g. `card` or `sla_reminder`; also sent in the message metadata. */
  purpose?: string;
  /** Enqueuing the same key again (per team) keeps the first write and returns its id. */
  dedupeKey?: string;
}

/** Default spacing between two writes to one channel: Slack allows about one message per second. */
export const CHANNEL_PACE_MS = 1000;

// Raw SQL parameters go to the drivers as they are, and postgres.js wants an ISO string, not a Date.
const ts = (d: Date): SQL => sql`${d.toISOString()}::timestamptz`;

/**
 * Records a Slack write to be delivered by the outbox sender. Call it inside the transaction that
 * makes the change the write reports, so both commit or neither does. Returns the row id; a repeated
 * dedupe key inserts nothing and returns the id of the write already there.
 */
export async function enqueueSlackWrite(q: Queryable, write: NewSlackWrite, now: Date): Promise<number> {
  const [row] = await q
    .insert(outbox)
    .values({
      teamId: write.teamId,
      method: write.method,
      channel: write.channel,
      args: write.args,
      leadId: write.leadId ?? null,
      purpose: write.purpose ?? null,
      dedupeKey: write.dedupeKey ?? null,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      createdAt: now,
    })
    .onConflictDoNothing({ target: [outbox.teamId, outbox.dedupeKey] })
    .returning({ id: outbox.id });
  if (row) return row.id;
  const [existing] = await q
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.teamId, write.teamId), eq(outbox.dedupeKey, write.dedupeKey ?? '')));
  if (!existing) throw new Error(`outbox: dedupe key "${write.dedupeKey}" conflicted but no row was found`);
  return existing.id;
}

/** The same DM to each of `users` (e.g. every admin), each with its own dedupe key. */
export async function enqueueDms(
  q: Queryable,
  dm: { teamId: string; users: readonly string[]; args: Record<string, unknown>; purpose: string },
  dedupeKey: (user: string) => string,
  now: Date,
): Promise<void> {
  for (const user of dm.users)
    await enqueueSlackWrite(
      q,
      {
        teamId: dm.teamId,
        method: 'chat.postMessage',
        channel: user,
        args: dm.args,
        purpose: dm.purpose,
        dedupeKey: dedupeKey(user),
      },
      now,
    );
}

/**
 * Atomically claims due writes: at most one per channel, only for channels whose pacing allows a
 * write now, and always the channel's oldest pending write (so one channel's writes go out in id
 * order; a write waiting for its retry holds back the ones behind it). In the same transaction each
 * claimed channel's next slot moves to `now + paceMs`, the write's attempts go up by one and it is
 * locked until `now + lockMs` (after which another process may take it over, e.g. when this one died).
 *
 * Concurrent claimers serialise per channel on its `channel_pacing` row (FOR UPDATE SKIP LOCKED),
 * so several processes never claim two writes for one channel in the same slot.
 */
export async function claimDueWrites(
  q: Queryable,
  opts: {
    now: Date;
    limit: number;
    lockMs: number;
    paceMs?: number;
    /** The claiming sender's instance id (outbox_senders), so its claims can be freed if it dies. */
    claimedBy?: string;
  },
): Promise<OutboxRow[]> {
  const now = ts(opts.now);
  const lockedUntil = new Date(opts.now.getTime() + opts.lockMs);
  const nextAt = new Date(opts.now.getTime() + (opts.paceMs ?? CHANNEL_PACE_MS));
  return q.transaction(async (tx) => {
    // Channels seen for the first time get a pacing row (ordered, so concurrent claimers insert in
    // the same order and cannot deadlock on each other's uncommitted rows).
    await tx.execute(sql`
      insert into channel_pacing (team_id, channel, next_at)
      select distinct o.team_id, o.channel, ${now} from outbox o
      where o.status = 'pending' and o.next_attempt_at <= ${now}
        and not exists (
          select 1 from channel_pacing p where p.team_id = o.team_id and p.channel = o.channel
        )
      order by o.team_id, o.channel
      on conflict do nothing`);

    // The oldest pending write of each channel is its head; a channel is ready when its slot has
    // come and its head is due and not held by another sender.
    const ready = rowsOf<{ id: number | string }>(
      await tx.execute(sql`
        with heads as (
          select distinct on (o.team_id, o.channel) o.id, o.team_id, o.channel, o.next_attempt_at, o.locked_until
          from outbox o
          where o.status = 'pending'
          order by o.team_id, o.channel, o.id
        )
        select h.id from channel_pacing p
        join heads h on h.team_id = p.team_id and h.channel = p.channel
        where p.next_at <= ${now}
          and h.next_attempt_at <= ${now}
          and (h.locked_until is null or h.locked_until <= ${now})
        order by h.next_attempt_at, h.id
        limit ${opts.limit}
        for update of p skip locked`),
    ).map((r) => Number(r.id));
    if (ready.length === 0) return [];

    // Re-checked against the latest row versions: a sender may have finished the write meanwhile.
    const claimed = await tx
      .update(outbox)
      .set({ attempts: sql`${outbox.attempts} + 1`, lockedUntil, claimedBy: opts.claimedBy ?? null })
      .where(
        and(
          inArray(outbox.id, ready),
          eq(outbox.status, 'pending'),
          sql`${outbox.nextAttemptAt} <= ${now}`,
          sql`(${outbox.lockedUntil} is null or ${outbox.lockedUntil} <= ${now})`,
        ),
      )
      .returning();
    if (claimed.length === 0) return [];

    await tx.execute(sql`
      update channel_pacing p set next_at = ${ts(nextAt)}
      from outbox o
      where o.id in (${sql.join(
        claimed.map((r) => sql`${r.id}`),
        sql`, `,
      )})
        and p.team_id = o.team_id and p.channel = o.channel`);

    return claimed.sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || a.id - b.id);
  });
}

/**
 * Records that Slack accepted the write. Returns false when the row was no longer pending (another
 * sender recorded it first, or it was moved aside), in which case the caller should not act on it.
 */
export async function markWriteSent(q: Queryable, id: number, resultTs: string, now: Date): Promise<boolean> {
  const rows = await q
    .update(outbox)
    .set({ status: 'sent', resultTs, sentAt: now, lockedUntil: null, claimedBy: null, lastError: null })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'pending')))
    .returning({ id: outbox.id });
  return rows.length > 0;
}

export interface RetryOptions {
  /**
   * Slack answered 429: the channel's pacing moves to `at` too (so no other write to it goes first),
   * and the attempt is not counted, since a rate-limited call did not reach Slack.
   */
  rateLimited?: boolean;
  /** Only when the row still has this many attempts, i.e. no other sender took it over meanwhile. */
  attempts?: number;
}

/** Puts the write back to be tried again at `at`. */
export async function markWriteRetry(
  q: Queryable,
  id: number,
  at: Date,
  error: string,
  opts: RetryOptions = {},
): Promise<void> {
  await q.transaction(async (tx) => {
    // Pacing first, then the write: the same lock order as claimDueWrites.
    if (opts.rateLimited) {
      await tx.execute(sql`
        insert into channel_pacing (team_id, channel, next_at)
        select o.team_id, o.channel, ${ts(at)} from outbox o where o.id = ${id}
        on conflict (team_id, channel) do update
          set next_at = greatest(channel_pacing.next_at, excluded.next_at)`);
    }
    await tx
      .update(outbox)
      .set({
        nextAttemptAt: at,
        lockedUntil: null,
        claimedBy: null,
        lastError: error.slice(0, 2000),
        ...(opts.rateLimited ? { attempts: sql`greatest(${outbox.attempts} - 1, 0)` } : {}),
      })
      .where(
        and(
          eq(outbox.id, id),
          eq(outbox.status, 'pending'),
          opts.attempts === undefined ? undefined : eq(outbox.attempts, opts.attempts),
        ),
      );
  });
}

/** Moves the write aside for good: Slack will never accept it, or it failed too often. */
export async function markWriteDead(
  q: Queryable,
  id: number,
  error: string,
  opts: { attempts?: number } = {},
): Promise<void> {
  await q
    .update(outbox)
    .set({ status: 'dead', lockedUntil: null, claimedBy: null, lastError: error.slice(0, 2000) })
    .where(
      and(
        eq(outbox.id, id),
        eq(outbox.status, 'pending'),
        opts.attempts === undefined ? undefined : eq(outbox.attempts, opts.attempts),
      ),
    );
}

export async function findWrite(q: Queryable, id: number): Promise<OutboxRow | undefined> {
  const [row] = await q.select().from(outbox).where(eq(outbox.id, id));
  return row;
}

export interface OutboxStats {
  pending: number;
  /** Pending writes whose time has come (waiting for pacing, a free sender or in flight). */
  due: number;
  dead: number;
  /** Posts waiting for their channel to be fixed. */
  parked: number;
}

export async function outboxStats(q: Queryable, now: Date): Promise<OutboxStats> {
  const [row] = await q
    .select({
      pending: sql<number>`count(*) filter (where ${outbox.status} = 'pending')`.mapWith(Number),
      due: sql<number>`count(*) filter (where ${outbox.status} = 'pending' and ${outbox.nextAttemptAt} <= ${ts(now)})`.mapWith(
        Number,
      ),
      dead: sql<number>`count(*) filter (where ${outbox.status} = 'dead')`.mapWith(Number),
      parked: sql<number>`count(*) filter (where ${outbox.status} = 'parked')`.mapWith(Number),
    })
    .from(outbox)
    .where(inArray(outbox.status, ['pending', 'dead', 'parked']));
  return row ?? { pending: 0, due: 0, dead: 0, parked: 0 };
}

/** When the channel may next be written to (undefined before its first write). */
export async function channelNextAt(
  q: Queryable,
  teamId: string,
  channel: string,
): Promise<Date | undefined> {
  const [row] = await q
    .select({ nextAt: channelPacing.nextAt })
    .from(channelPacing)
    .where(and(eq(channelPacing.teamId, teamId), eq(channelPacing.channel, channel)));
  return row?.nextAt;
}

/** The write queued under `dedupeKey` (e.g. to find where an earlier DM landed), if any. */
export async function findWriteByKey(
  q: Queryable,
  teamId: string,
  dedupeKey: string,
): Promise<OutboxRow | undefined> {
  const [row] = await q
    .select()
    .from(outbox)
    .where(and(eq(outbox.teamId, teamId), eq(outbox.dedupeKey, dedupeKey)));
  return row;
}

/**
 * Parks a write Slack refused because of its channel (bot not a member, archived, missing): it
 * is neither retried nor given up, and goes out again once the channel is fixed (unparkChannel).
 */
export async function markWriteParked(
  q: Queryable,
  id: number,
  error: string,
  opts: { attempts?: number } = {},
): Promise<boolean> {
  const rows = await q
    .update(outbox)
    .set({ status: 'parked', lockedUntil: null, claimedBy: null, lastError: error.slice(0, 2000) })
    .where(
      and(
        eq(outbox.id, id),
        eq(outbox.status, 'pending'),
        opts.attempts === undefined ? undefined : eq(outbox.attempts, opts.attempts),
      ),
    )
    .returning({ id: outbox.id });
  return rows.length > 0;
}

/** Whether the channel has parked writes (a write waiting there waits for the channel, too). */
export async function channelHasParked(q: Queryable, teamId: string, channel: string): Promise<boolean> {
  const [row] = await q
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.teamId, teamId), eq(outbox.channel, channel), eq(outbox.status, 'parked')))
    .limit(1);
  return row !== undefined;
}

/**
 * Sends a channel's parked writes again, optionally to another channel: back to pending, due
 * now, with a fresh attempt budget. The claim takes each channel's oldest first, so they go out
 * in their original order. `leadIds` narrows it to those leads' writes. Returns how many.
 */
export async function unparkChannel(
  q: Queryable,
  p: { teamId: string; channel: string; now: Date; to?: string; leadIds?: number[] },
): Promise<number> {
  if (p.leadIds?.length === 0) return 0;
  const rows = await q
    .update(outbox)
    .set({
      status: 'pending',
      channel: p.to ?? p.channel,
      attempts: 0,
      nextAttemptAt: p.now,
      lockedUntil: null,
      claimedBy: null,
    })
    .where(
      and(
        eq(outbox.teamId, p.teamId),
        eq(outbox.channel, p.channel),
        eq(outbox.status, 'parked'),
        p.leadIds ? inArray(outbox.leadId, p.leadIds) : undefined,
      ),
    )
    .returning({ id: outbox.id });
  return rows.length;
}

/** Parked writes by channel and lead (for re-targeting after the config moved a segment). */
export async function parkedWrites(
  q: Queryable,
  teamId: string,
): Promise<Array<Pick<OutboxRow, 'id' | 'channel' | 'leadId' | 'purpose'>>> {
  return q
    .select({ id: outbox.id, channel: outbox.channel, leadId: outbox.leadId, purpose: outbox.purpose })
    .from(outbox)
    .where(and(eq(outbox.teamId, teamId), eq(outbox.status, 'parked')))
    .orderBy(outbox.id);
}
