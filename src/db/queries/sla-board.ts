import { and, asc, eq, gte, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { leads } from '../schema.js';
import type { LeadRow } from './leads.js';

/** A page of leads and how many matched in all (for "and N more"). */
export interface LeadPage {
  leads: LeadRow[];
  total: number;
}

function page(rows: Array<{ lead: LeadRow; total: number }>): LeadPage {
  return { leads: rows.map((r) => r.lead), total: rows[0]?.total ?? 0 };
}

const total = sql<number>`(count(*) over ())::int`.mapWith(Number);

/**
 * Routed leads nobody owns and nobody has touched, oldest first, in `stages` (the open ones) and,
 * unless `segments` is null (the whole team), in those segments. The page and the count come from
 * the partial index leads_unclaimed alone (drizzle/0031), whose predicate is written out literally so
 * a generic plan still matches it; only the page's leads are then read whole.
 */
export async function unclaimedLeads(
  q: Queryable,
  teamId: string,
  opts: { segments: readonly string[] | null; stages: readonly string[]; limit: number },
): Promise<LeadPage> {
  if (opts.segments?.length === 0 || opts.stages.length === 0) return { leads: [], total: 0 };
  const found = q
    .select({ id: leads.id, createdAt: leads.createdAt, total: total.as('total') })
    .from(leads)
    .where(
      and(
        eq(leads.teamId, teamId),
        sql`${leads.routed} and ${leads.ownerId} is null and ${leads.firstTouchAt} is null`,
        inArray(leads.stage, [...opts.stages]),
        opts.segments ? inArray(leads.segment, [...opts.segments]) : undefined,
      ),
    )
    .orderBy(asc(leads.createdAt), asc(leads.id))
    .limit(opts.limit)
    .as('found');
  const rows = await q
    .select({ lead: leads, total: found.total })
    .from(found)
    .innerJoin(leads, eq(leads.id, found.id))
    .orderBy(asc(found.createdAt), asc(found.id));
  return page(rows);
}

/** Owned leads whose first-touch clock is running, soonest due first; one owner's, or everyone's. */
export async function runningClocks(
  q: Queryable,
  teamId: string,
  opts: { ownerId: string | null; stages: readonly string[]; limit: number },
): Promise<LeadPage> {
  if (opts.stages.length === 0) return { leads: [], total: 0 };
  const rows = await q
    .select({ lead: leads, total })
    .from(leads)
    .where(
      and(
        eq(leads.teamId, teamId),
        eq(leads.slaState, 'running'),
        isNotNull(leads.ownerId),
        // A lead moved out of the open stages (lost, parked, won) has no first touch to wait for.
        inArray(leads.stage, [...opts.stages]),
        opts.ownerId ? eq(leads.ownerId, opts.ownerId) : undefined,
      ),
    )
    .orderBy(asc(leads.slaDueAt), asc(leads.id))
    .limit(opts.limit);
  return page(rows);
}

/** Breached clocks whose due time fell in [from, to), newest first; one owner's, or everyone's. */
export async function breachesBetween(
  q: Queryable,
  teamId: string,
  opts: { from: Date; to: Date; ownerId: string | null; limit: number },
): Promise<LeadPage> {
  const rows = await q
    .select({ lead: leads, total })
    .from(leads)
    .where(
      and(
        eq(leads.teamId, teamId),
        eq(leads.slaState, 'breached'),
        gte(leads.slaDueAt, opts.from),
        lt(leads.slaDueAt, opts.to),
        opts.ownerId ? eq(leads.ownerId, opts.ownerId) : undefined,
      ),
    )
    .orderBy(sql`${leads.slaDueAt} desc`, asc(leads.id))
    .limit(opts.limit);
  return page(rows);
}

/** Per owner (null: nobody) in [from, to): first touches, how many met the SLA, and breaches due then. */
export interface OwnerWeek {
  ownerId: string | null;
  touched: number;
  met: number;
  breached: number;
}

export async function weekByOwner(q: Queryable, teamId: string, from: Date, to: Date): Promise<OwnerWeek[]> {
  const touchedInWeek = and(
    gte(leads.firstTouchAt, from),
    lt(leads.firstTouchAt, to),
    inArray(leads.slaState, ['met', 'breached']),
  )!;
  const breachedInWeek = and(
    eq(leads.slaState, 'breached'),
    gte(leads.slaDueAt, from),
    lt(leads.slaDueAt, to),
  )!;
  const rows = await q
    .select({
      ownerId: leads.ownerId,
      touched: sql<number>`(count(*) filter (where ${touchedInWeek}))::int`.mapWith(Number),
      met: sql<number>`(count(*) filter (where ${touchedInWeek} and ${leads.slaState} = 'met'))::int`.mapWith(
        Number,
      ),
      breached: sql<number>`(count(*) filter (where ${breachedInWeek}))::int`.mapWith(Number),
    })
    .from(leads)
    .where(and(eq(leads.teamId, teamId), sql`((${touchedInWeek}) or (${breachedInWeek}))`))
    .groupBy(leads.ownerId)
    .orderBy(asc(leads.ownerId));
  return rows;
}
