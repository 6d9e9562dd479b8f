import type { Queryable } from '../db/client.js';
import { findMember, listRoster, type MemberRow } from '../db/queries/members.js';

/** Who is acting, as far as Baton knows: a roster member, or a stranger told whom to ask. */
export type Actor = { kind: 'member'; member: MemberRow } | { kind: 'stranger'; adminIds: string[] };

export async function actorOf(q: Queryable, teamId: string, userId: string): Promise<Actor> {
  const member = await findMember(q, teamId, userId);
  if (member) return { kind: 'member', member };
  const roster = await listRoster(q, teamId);
  return { kind: 'stranger', adminIds: roster.filter((m) => m.roles.includes('admin')).map((m) => m.userId) };
}
