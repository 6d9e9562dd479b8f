import { and, eq, notInArray, sql } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { members } from '../schema.js';

export type MemberRow = typeof members.$inferSelect;
/** The columns the config file owns; runtime columns are left alone when it is applied. */
export type RosterEntry = Pick<
  MemberRow,
  | 'userId'
  | 'name'
  | 'roles'
  | 'segments'
  | 'weight'
  | 'maxOpenLeads'
  | 'timeZone'
  | 'workingHours'
  | 'managerId'
>;

/** Makes the members table match the roster; people who left stay as rows with onRoster = false. */
export async function syncRoster(
  q: Queryable,
  teamId: string,
  roster: RosterEntry[],
  now: Date,
): Promise<void> {
  for (const entry of roster) {
    const configOwned = { ...entry, onRoster: true, updatedAt: now };
    await q
      .insert(members)
      .values({ teamId, ...configOwned, createdAt: now })
      .onConflictDoUpdate({ target: [members.teamId, members.userId], set: configOwned });
  }
  const kept = roster.map((e) => e.userId);
  await q
    .update(members)
    .set({ onRoster: false, updatedAt: now })
    .where(
      and(
        eq(members.teamId, teamId),
        eq(members.onRoster, true),
        kept.length > 0 ? notInArray(members.userId, kept) : sql`true`,
      ),
    );
}

export async function findMember(
  q: Queryable,
  teamId: string,
  userId: string,
): Promise<MemberRow | undefined> {
  const [row] = await q
    .select()
    .from(members)
    .where(and(eq(members.teamId, teamId), eq(members.userId, userId), eq(members.onRoster, true)));
  return row;
}

export async function listRoster(q: Queryable, teamId: string): Promise<MemberRow[]> {
  return q
    .select()
    .from(members)
    .where(and(eq(members.teamId, teamId), eq(members.onRoster, true)))
    .orderBy(members.userId);
}

export type OutOfOffice = { away: false } | { away: true; until: Date | null };

/** Sets or clears someone's out-of-office; returns false when they are not on the roster. */
export async function setOutOfOffice(
  q: Queryable,
  teamId: string,
  userId: string,
  state: OutOfOffice,
  now: Date,
): Promise<boolean> {
  const updated = await q
    .update(members)
    .set({ outOfOffice: state.away, outOfOfficeUntil: state.away ? state.until : null, updatedAt: now })
    .where(and(eq(members.teamId, teamId), eq(members.userId, userId), eq(members.onRoster, true)))
    .returning({ userId: members.userId });
  return updated.length > 0;
}

/** Turns someone's retro DMs on or off; returns false when they are not on the roster. */
export async function setRetroDms(
  q: Queryable,
  teamId: string,
  userId: string,
  on: boolean,
  now: Date,
): Promise<boolean> {
  const updated = await q
    .update(members)
    .set({ retroDms: on, updatedAt: now })
    .where(and(eq(members.teamId, teamId), eq(members.userId, userId), eq(members.onRoster, true)))
    .returning({ userId: members.userId });
  return updated.length > 0;
}
