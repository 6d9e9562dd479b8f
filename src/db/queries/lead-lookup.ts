import { and, desc, eq, ilike, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { leads, routingState } from '../schema.js';
import type { LeadRow } from './leads.js';
import { queryText } from './raw.js';

/** `%text%` for ILIKE, with the pattern characters in `text` matched literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Leads with this email (any case), newest first. */
export async function findLeadsByEmail(
  q: Queryable,
  teamId: string,
  email: string,
  limit: number,
): Promise<LeadRow[]> {
  return q
    .select()
    .from(leads)
    .where(and(eq(leads.teamId, teamId), sql`lower(${leads.email}) = ${email.toLowerCase()}`))
    .orderBy(desc(leads.createdAt), desc(leads.id))
    .limit(limit);
}

/**
 * Leads whose company or name contains `text` (any case), newest first. The first condition is the
 * trigram index leads_search's expression (drizzle/0032), so a rare word is found from the index
 * instead of a scan of every lead; the second is exact (a match must not straddle company and name).
 */
export async function searchLeadsByText(
  q: Queryable,
  teamId: string,
  text: string,
  limit: number,
): Promise<LeadRow[]> {
  const pattern = containing(text);
  return q
    .select()
    .from(leads)
    .where(
      and(
        eq(leads.teamId, teamId),
        sql`(coalesce(${leads.company}, '') || ' ' || coalesce(${leads.name}, '')) ilike ${pattern}`,
        or(ilike(leads.company, pattern), ilike(leads.name, pattern)),
      ),
    )
    .orderBy(desc(leads.createdAt), desc(leads.id))
    .limit(limit);
}

/** Leads `userId` owns in one of `stages`, oldest first. */
export async function leadsOwnedInStages(
  q: Queryable,
  teamId: string,
  userId: string,
  stages: readonly string[],
  limit: number,
): Promise<LeadRow[]> {
  if (stages.length === 0) return [];
  return q
    .select()
    .from(leads)
    .where(and(eq(leads.teamId, teamId), eq(leads.ownerId, userId), inArray(leads.stage, [...stages])))
    .orderBy(leads.createdAt, leads.id)
    .limit(limit);
}

/**
 * How many leads each owner holds in one of `stages`; owners with none are absent. `owners`: count
 * only theirs (each is a range of leads_owner_stage), else everyone's (every owned open lead).
 */
export async function countLeadsByOwnerInStages(
  q: Queryable,
  teamId: string,
  stages: readonly string[],
  owners?: readonly string[],
): Promise<Map<string, number>> {
  if (stages.length === 0 || owners?.length === 0) return new Map();
  const rows = await q
    .select({ ownerId: leads.ownerId, n: sql<number>`count(*)::int` })
    .from(leads)
    .where(
      and(
        eq(leads.teamId, teamId),
        owners ? inArray(leads.ownerId, [...owners]) : isNotNull(leads.ownerId),
        inArray(leads.stage, [...stages]),
      ),
    )
    .groupBy(leads.ownerId);
  return new Map(rows.map((r) => [r.ownerId!, Number(r.n)]));
}

/**
 * When each of `userIds` last got a lead: the later of their last round-robin assignment (any
 * segment) and the newest `owner_since` among the leads they own (claims and manual assigns), the
 * latter one backward probe of leads_owner_since per person instead of every owned lead of the team.
 */
export async function lastAssignments(
  q: Queryable,
  teamId: string,
  userIds: readonly string[],
): Promise<Map<string, Date>> {
  if (userIds.length === 0) return new Map();
  const rotated = await q
    .select({
      userId: routingState.userId,
      at: sql<Date | null>`max(${routingState.lastAssignedAt})`.mapWith(routingState.lastAssignedAt),
    })
    .from(routingState)
    .where(eq(routingState.teamId, teamId))
    .groupBy(routingState.userId);
  const owned = await queryText<{ user_id: string; at_ms: number | null }>(
    q,
    `select u.user_id, (select extract(epoch from max(owner_since)) * 1000 from leads
       where team_id = $1 and owner_id = u.user_id)::float8 as at_ms
     from unnest($2::text[]) as u(user_id)`,
    [teamId, [...userIds]],
  );
  const latest = new Map<string, Date>();
  const candidates = [
    ...rotated,
    ...owned.map((r) => ({ userId: r.user_id, at: r.at_ms === null ? null : new Date(r.at_ms) })),
  ];
  for (const row of candidates) {
    if (!row.userId || row.at === null) continue;
    const at = row.at;
    const seen = latest.get(row.userId);
    if (!seen || at > seen) latest.set(row.userId, at);
  }
  return latest;
}
