import type { Database } from '../db/client.js';
import { findMember, listRoster, type MemberRow, setOutOfOffice } from '../db/queries/members.js';
import { isAway, type MemberSummary } from '../domain/members.js';
import { parseOutOfOffice } from '../domain/out-of-office.js';

export type HomeSubject =
  | { kind: 'member'; member: MemberSummary }
  | { kind: 'stranger'; adminIds: string[] };

export type OutOfOfficeResult =
  | { ok: true; until: Date | null }
  | { ok: false; reason: 'bad-date' | 'past-date' | 'not-on-roster' };

export type BackResult = 'cleared' | 'not-out' | 'not-on-roster';

const toView = (m: MemberRow, now: Date): MemberSummary => {
  const away = isAway(m, now);
  return {
    userId: m.userId,
    roles: m.roles,
    segments: m.segments,
    away,
    awayUntil: away ? m.outOfOfficeUntil : null,
  };
};

/** Roster use cases: who someone is to Baton, and the out-of-office they set from Slack. */
export class RosterService {
  constructor(private readonly database: Database) {}

  async homeSubject(teamId: string, userId: string, now: Date): Promise<HomeSubject> {
    const member = await findMember(this.database.db, teamId, userId);
    if (member) return { kind: 'member', member: toView(member, now) };
    const roster = await listRoster(this.database.db, teamId);
    return {
      kind: 'stranger',
      adminIds: roster.filter((m) => m.roles.includes('admin')).map((m) => m.userId),
    };
  }

  async roster(teamId: string, now: Date): Promise<MemberSummary[]> {
    return (await listRoster(this.database.db, teamId)).map((m) => toView(m, now));
  }

  async markOutOfOffice(teamId: string, userId: string, arg: string, now: Date): Promise<OutOfOfficeResult> {
    const member = await findMember(this.database.db, teamId, userId);
    if (!member) return { ok: false, reason: 'not-on-roster' };
    const request = parseOutOfOffice(arg, member.timeZone, now);
    if (request.kind === 'bad-date' || request.kind === 'past-date')
      return { ok: false, reason: request.kind };
    const until = request.kind === 'until' ? request.until : null;
    await setOutOfOffice(this.database.db, teamId, userId, { away: true, until }, now);
    return { ok: true, until };
  }

  async markBack(teamId: string, userId: string, now: Date): Promise<BackResult> {
    const member = await findMember(this.database.db, teamId, userId);
    if (!member) return 'not-on-roster';
    if (!isAway(member, now)) return 'not-out';
    await setOutOfOffice(this.database.db, teamId, userId, { away: false }, now);
    return 'cleared';
  }
}
