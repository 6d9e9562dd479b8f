import { and, asc, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { type ChannelProblemKind, channelProblems } from '../schema.js';

export type ChannelProblemRow = typeof channelProblems.$inferSelect;

/**
 * Records what is wrong with a channel. A new problem, or a different one than recorded, is
 * marked as not yet told to admins; the same problem again changes nothing (no second DM).
 */
export async function recordChannelProblem(
  q: Queryable,
  p: { teamId: string; channel: string; problem: ChannelProblemKind; now: Date },
): Promise<void> {
  await q
    .insert(channelProblems)
    .values({ teamId: p.teamId, channel: p.channel, problem: p.problem, detectedAt: p.now, notifiedAt: null })
    .onConflictDoUpdate({
      target: [channelProblems.teamId, channelProblems.channel],
      set: { problem: p.problem, detectedAt: p.now, notifiedAt: null },
      // A private channel Baton is not in refuses posts with not_in_channel: the same problem.
      setWhere: sql`${channelProblems.problem} <> excluded.problem
        and not (${channelProblems.problem} = 'private' and excluded.problem = 'not_in_channel')`,
    });
}

/** Forgets a channel's problem (it works again); true when there was one. */
export async function clearChannelProblem(q: Queryable, teamId: string, channel: string): Promise<boolean> {
  const rows = await q
    .delete(channelProblems)
    .where(and(eq(channelProblems.teamId, teamId), eq(channelProblems.channel, channel)))
    .returning({ channel: channelProblems.channel });
  return rows.length > 0;
}

/** Forgets problems of channels the config no longer names (the Home notice would be stale). */
export async function forgetUnconfiguredProblems(
  q: Queryable,
  teamId: string,
  configured: string[],
): Promise<void> {
  await q
    .delete(channelProblems)
    .where(
      and(
        eq(channelProblems.teamId, teamId),
        configured.length ? notInArray(channelProblems.channel, configured) : undefined,
      ),
    );
}

export async function listChannelProblems(q: Queryable, teamId: string): Promise<ChannelProblemRow[]> {
  return q
    .select()
    .from(channelProblems)
    .where(eq(channelProblems.teamId, teamId))
    .orderBy(asc(channelProblems.channel));
}

/** Problems admins have not been told about yet, locked so two processes do not both tell them. */
export async function untoldChannelProblems(q: Queryable, teamId: string): Promise<ChannelProblemRow[]> {
  return q
    .select()
    .from(channelProblems)
    .where(and(eq(channelProblems.teamId, teamId), isNull(channelProblems.notifiedAt)))
    .orderBy(asc(channelProblems.channel))
    .for('update');
}

export async function markChannelProblemsTold(
  q: Queryable,
  teamId: string,
  channels: string[],
  now: Date,
): Promise<void> {
  if (channels.length === 0) return;
  await q
    .update(channelProblems)
    .set({ notifiedAt: now })
    .where(and(eq(channelProblems.teamId, teamId), inArray(channelProblems.channel, channels)));
}
