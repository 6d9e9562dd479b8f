import { and, arrayContains, arrayOverlaps, desc, eq, inArray, isNotNull, ne, or, sql } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { leadEvents, leads, members, routingState } from '../schema.js';
import type { LeadRow } from './leads.js';
import type { MemberRow } from './members.js';

/** A seller in a segment's rotation: their member row (null if none) and their stored place. */
export interface RotationEntry {
  userId: string;
  member: MemberRow | null;
  /** null = never routed in this segment. */
  pass: number | null;
  lastAssignedAt: Date | null;
}

/**
 * Serialises routing within a workspace until the transaction ends, so two leads routed at once
 * read and advance the rotation (and the open-lead counts) one after the other.
 */
export async function lockRouting(q: Queryable, teamId: string): Promise<void> {
  await q.execute(sql`select pg_advisory_xact_lock(hashtext(${`baton:routing:${teamId}`}))`);
}

/** Reads the lead and locks its row until the transaction ends. */
export async function lockLead(q: Queryable, teamId: string, id: number): Promise<LeadRow | undefined> {
  const [row] = await q
    .select()
    .from(leads)
    .where(and(eq(leads.teamId, teamId), eq(leads.id, id)))
    .for('update');
  return row;
}

/**
 * Everyone in the segment's rotation, by user id: sellers on the roster serving the segment, plus
 * everyone with a stored pass for it (people who left the roster or the segment keep their row,
 * and listing them keeps their pass level with the rotation).
 */
export async function listRotation(
  q: Queryable,
  teamId: string,
  segment: string,
  sellerRoles: readonly string[],
): Promise<RotationEntry[]> {
  const serving = await q
    .select()
    .from(members)
    .where(
      and(
        eq(members.teamId, teamId),
        eq(members.onRoster, true),
        arrayContains(members.segments, [segment]),
        arrayOverlaps(members.roles, [...sellerRoles]),
      ),
    );
  const stored = await q
    .select({ state: routingState, member: members })
    .from(routingState)
    .leftJoin(members, and(eq(members.teamId, routingState.teamId), eq(members.userId, routingState.userId)))
    .where(and(eq(routingState.teamId, teamId), eq(routingState.segment, segment)));

  const byUser = new Map<string, RotationEntry>();
  for (const member of serving) {
    byUser.set(member.userId, { userId: member.userId, member, pass: null, lastAssignedAt: null });
  }
  for (const { state, member } of stored) {
    byUser.set(state.userId, {
      userId: state.userId,
      member,
      pass: state.pass,
      lastAssignedAt: state.lastAssignedAt,
    });
  }
  return [...byUser.values()].sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
}

/**
 * Stores the passes a rotation step produced. `chosen` (if any) also gets one more assignment and
 * `now` as their last; the others only have their pass lifted.
 */
export async function savePasses(
  q: Queryable,
  teamId: string,
  segment: string,
  passes: Record<string, number>,
  chosen: string | null,
  now: Date,
): Promise<void> {
  for (const [userId, pass] of Object.entries(passes)) {
    const picked = userId === chosen;
    await q
      .insert(routingState)
      .values({
        teamId,
        segment,
        userId,
        pass,
        assigned: picked ? 1 : 0,
        lastAssignedAt: picked ? now : null,
      })
      .onConflictDoUpdate({
        target: [routingState.teamId, routingState.segment, routingState.userId],
        set: picked ? { pass, assigned: sql`${routingState.assigned} + 1`, lastAssignedAt: now } : { pass },
      });
  }
}

export interface AccountMatch {
  leadId: number;
  ownerId: string;
  by: 'domain' | 'company';
}

/**
 * The newest other lead of the same account that has an owner and a stage in `stages` (open or
 * won): same email domain, or same company name ignoring case and surrounding space. Either key
 * may be null (not matched on).
 */
export async function findAccountLead(
  q: Queryable,
  teamId: string,
  match: { excludeLeadId: number; domain: string | null; company: string | null; stages: readonly string[] },
): Promise<AccountMatch | undefined> {
  const { domain, company } = match;
  if ((!domain && !company) || match.stages.length === 0) return undefined;
  const sameDomain = domain ? eq(leads.emailDomain, domain) : undefined;
  const sameCompany = company ? sql`lower(btrim(${leads.company})) = ${company}` : undefined;
  const [row] = await q
    .select({ id: leads.id, ownerId: leads.ownerId, emailDomain: leads.emailDomain })
    .from(leads)
    .where(
      and(
        eq(leads.teamId, teamId),
        ne(leads.id, match.excludeLeadId),
        isNotNull(leads.ownerId),
        inArray(leads.stage, [...match.stages]),
        or(sameDomain, sameCompany),
      ),
    )
    .orderBy(desc(leads.ownerSince), desc(leads.id))
    .limit(1);
  if (!row?.ownerId) return undefined;
  return {
    leadId: row.id,
    ownerId: row.ownerId,
    by: domain && row.emailDomain === domain ? 'domain' : 'company',
  };
}

const dataField = (field: string) => sql`${leadEvents.data}->>${field}`;

/** Everyone who passed on the lead (or let an offer of it time out). */
export async function passersOf(q: Queryable, teamId: string, leadId: number): Promise<string[]> {
  const rows = await q
    .selectDistinct({ userId: sql<string>`${dataField('user')}` })
    .from(leadEvents)
    .where(and(eq(leadEvents.teamId, teamId), eq(leadEvents.leadId, leadId), eq(leadEvents.type, 'passed')));
  return rows.map((r) => r.userId).filter((id): id is string => Boolean(id));
}

export interface Offer {
  userId: string;
  offeredAt: Date;
  accepted: boolean;
}

/**
 * The offer the lead's current ownership came from: an `assigned` event with `offer: true` to the
 * current owner at the moment they became owner. Undefined when the lead is unowned or its owner
 * got it some other way (claimed, assigned by a manager, assigned directly in claim mode).
 */
export async function currentOffer(q: Queryable, lead: LeadRow): Promise<Offer | undefined> {
  if (!lead.ownerId || !lead.ownerSince) return undefined;
  const [offered] = await q
    .select({ id: leadEvents.id })
    .from(leadEvents)
    .where(
      and(
        eq(leadEvents.teamId, lead.teamId),
        eq(leadEvents.leadId, lead.id),
        eq(leadEvents.type, 'assigned'),
        eq(leadEvents.occurredAt, lead.ownerSince),
        sql`${dataField('to')} = ${lead.ownerId}`,
        sql`${dataField('offer')} = 'true'`,
      ),
    )
    .limit(1);
  if (!offered) return undefined;
  const [accepted] = await q
    .select({ id: leadEvents.id })
    .from(leadEvents)
    .where(
      and(
        eq(leadEvents.teamId, lead.teamId),
        eq(leadEvents.leadId, lead.id),
        eq(leadEvents.type, 'accepted'),
        eq(leadEvents.actorId, lead.ownerId),
        sql`${leadEvents.id} > ${offered.id}`,
      ),
    )
    .limit(1);
  return { userId: lead.ownerId, offeredAt: lead.ownerSince, accepted: Boolean(accepted) };
}
