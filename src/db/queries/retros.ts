import { and, desc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { members, type RetroKind, retros, vocEntries } from '../schema.js';

export type RetroRow = typeof retros.$inferSelect;
export type NewRetro = Pick<RetroRow, 'teamId' | 'kind' | 'periodKey' | 'channel' | 'snapshot' | 'openedAt'>;

/**
 * Inserts the retro of a period; undefined when the team already has one (the unique period
 * index), so whoever inserts it first is the only one to queue its messages.
 */
export async function insertRetro(q: Queryable, retro: NewRetro): Promise<RetroRow | undefined> {
  const [row] = await q
    .insert(retros)
    .values(retro)
    .onConflictDoNothing({ target: [retros.teamId, retros.kind, retros.periodKey] })
    .returning();
  return row;
}

/** Remembers where the parent message landed, so replies and edits can find it. */
export async function setRetroParentTs(
  q: Queryable,
  teamId: string,
  retroId: number,
  ts: string,
): Promise<void> {
  await q
    .update(retros)
    .set({ parentTs: ts })
    .where(and(eq(retros.teamId, teamId), eq(retros.id, retroId)));
}

export async function findRetro(
  q: Queryable,
  teamId: string,
  retroId: number,
): Promise<RetroRow | undefined> {
  const [row] = await q
    .select()
    .from(retros)
    .where(and(eq(retros.teamId, teamId), eq(retros.id, retroId)));
  return row;
}

export async function findRetroByPeriod(
  q: Queryable,
  teamId: string,
  kind: RetroKind,
  periodKey: string,
): Promise<RetroRow | undefined> {
  const [row] = await q
    .select()
    .from(retros)
    .where(and(eq(retros.teamId, teamId), eq(retros.kind, kind), eq(retros.periodKey, periodKey)));
  return row;
}

/** The latest weekly retro of a week before `weekKey` (keys compare as text, byte by byte). */
export async function findPreviousWeekly(
  q: Queryable,
  teamId: string,
  weekKey: string,
): Promise<RetroRow | undefined> {
  const [row] = await q
    .select()
    .from(retros)
    .where(
      and(
        eq(retros.teamId, teamId),
        eq(retros.kind, 'weekly'),
        sql`${retros.periodKey} collate "C" < ${weekKey}`,
      ),
    )
    .orderBy(desc(sql`${retros.periodKey} collate "C"`))
    .limit(1);
  return row;
}

/** The weekly retro whose parent message is `parentTs` in `channel`, if the thread is one. */
export async function findWeeklyByThread(
  q: Queryable,
  teamId: string,
  channel: string,
  parentTs: string,
): Promise<RetroRow | undefined> {
  const [row] = await q
    .select()
    .from(retros)
    .where(
      and(
        eq(retros.teamId, teamId),
        eq(retros.kind, 'weekly'),
        eq(retros.channel, channel),
        eq(retros.parentTs, parentTs),
      ),
    );
  return row;
}

type Moment = 'nudgedAt' | 'closedAt' | 'chartClaimedAt';

/** Sets a once-only moment of the retro; false when it was already set (someone else did it). */
async function claimMoment(
  q: Queryable,
  teamId: string,
  retroId: number,
  column: Moment,
  now: Date,
): Promise<boolean> {
  const rows = await q
    .update(retros)
    .set({ [column]: now })
    .where(and(eq(retros.teamId, teamId), eq(retros.id, retroId), isNull(retros[column])))
    .returning({ id: retros.id });
  return rows.length > 0;
}

export const markRetroNudged = (q: Queryable, teamId: string, retroId: number, now: Date) =>
  claimMoment(q, teamId, retroId, 'nudgedAt', now);

export const markRetroClosed = (q: Queryable, teamId: string, retroId: number, now: Date) =>
  claimMoment(q, teamId, retroId, 'closedAt', now);

/** Claims the chart upload before it is made: if the process dies mid-upload it is skipped, not shared twice. */
export const claimRetroChart = (q: Queryable, teamId: string, retroId: number, now: Date) =>
  claimMoment(q, teamId, retroId, 'chartClaimedAt', now);

/** VOC entries captured in [start, end). */
export async function countVocCaptured(
  q: Queryable,
  teamId: string,
  start: Date,
  end: Date,
): Promise<number> {
  const [row] = await q
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(vocEntries)
    .where(
      and(eq(vocEntries.teamId, teamId), gte(vocEntries.createdAt, start), lt(vocEntries.createdAt, end)),
    );
  return row?.n ?? 0;
}

/** The first roster role of each of these people (members who left keep their last roles). */
export async function firstRoles(
  q: Queryable,
  teamId: string,
  userIds: readonly string[],
): Promise<Map<string, string | null>> {
  if (userIds.length === 0) return new Map();
  const rows = await q
    .select({ userId: members.userId, roles: members.roles })
    .from(members)
    .where(and(eq(members.teamId, teamId), inArray(members.userId, [...userIds])));
  return new Map(rows.map((r) => [r.userId, r.roles[0] ?? null]));
}
