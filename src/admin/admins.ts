/**
 * Who may administer Baton in a workspace: the users in `BATON_ADMINS`, else the workspace's owners
 * and admins (Slack's `users.info`), else roster members with the admin role. Managers (roster role
 * manager) may change the people on their own team. Profiles are cached a few minutes: Home is
 * opened often and Slack rate-limits `users.info`.
 */
import type { Database } from '../db/client.js';
import { findMember } from '../db/queries/members.js';
import { adminSource, type PeopleScope, peopleScope } from '../domain/admin-rights.js';
import type { Clock } from '../domain/clock.js';

/** What Baton reads from a person's Slack profile. */
export interface SlackProfile {
  /** IANA zone, e.g. Asia/Seoul. */
  tz: string | null;
  /** Slack's locale, e.g. ko-KR. */
  locale: string | null;
  name: string | null;
  isAdmin: boolean;
  isOwner: boolean;
}

/** Asks Slack for a profile; null when Slack could not answer (the caller falls back). */
export type ProfileLookup = (userId: string) => Promise<SlackProfile | null>;

export interface AdminRights {
  admin: boolean;
  /** What they may change in the people part (everything for admins, their team for managers). */
  people: PeopleScope;
  /** Their roles on the roster; null = not on it. */
  rosterRoles: string[] | null;
}

const PROFILE_TTL_MS = 5 * 60_000;

export class Admins {
  readonly #profiles = new Map<string, { at: number; profile: SlackProfile }>();

  constructor(
    private readonly database: Database,
    private readonly envAdmins: readonly string[],
    private readonly lookup: ProfileLookup,
    private readonly clock: Clock,
    private readonly ttlMs = PROFILE_TTL_MS,
  ) {}

  /** The person's Slack profile, cached for a few minutes; null when Slack cannot say. */
  async profile(teamId: string, userId: string): Promise<SlackProfile | null> {
    const key = `${teamId}:${userId}`;
    const now = this.clock.now().getTime();
    const cached = this.#profiles.get(key);
    if (cached && now - cached.at < this.ttlMs) return cached.profile;
    const profile = await this.lookup(userId);
    // A failure is not cached, so the next request asks again.
    if (profile) this.#profiles.set(key, { at: now, profile });
    return profile;
  }

  async rights(teamId: string, userId: string): Promise<AdminRights> {
    const member = await findMember(this.database.db, teamId, userId);
    const rosterRoles = member ? member.roles : null;
    // With BATON_ADMINS set Slack is not asked: the list alone decides.
    const workspace = this.envAdmins.length > 0 ? null : await this.profile(teamId, userId);
    const admin = adminSource(userId, { envAdmins: this.envAdmins, workspace, rosterRoles }) !== null;
    return { admin, people: peopleScope(userId, admin, rosterRoles), rosterRoles };
  }

  async isAdmin(teamId: string, userId: string): Promise<boolean> {
    return (await this.rights(teamId, userId)).admin;
  }
}

/** Slack's `ko-KR` → Baton's `ko`; anything else Baton does not speak → `en`. */
export const localeOf = (slackLocale: string | null | undefined): 'en' | 'ko' =>
  slackLocale?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
