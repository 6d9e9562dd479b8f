/**
 * Who may administer Baton, and how far a manager may change the roster. Pure: the evidence
 * (the env list, the person's Slack profile, their roster roles) is gathered by src/admin/admins.ts.
 */

export interface AdminEvidence {
  /** `BATON_ADMINS`; when not empty it is the whole list, whatever Slack or the roster say. */
  envAdmins: readonly string[];
  /** The person's workspace role from `users.info`; null when Slack could not be asked. */
  workspace: { isAdmin: boolean; isOwner: boolean } | null;
  /** Their roles on the roster; null when they are not on it. */
  rosterRoles: readonly string[] | null;
}

export type AdminSource = 'env' | 'workspace' | 'roster';

/** Why `userId` is an admin (the first rule that holds), or null when they are not. */
export function adminSource(userId: string, evidence: AdminEvidence): AdminSource | null {
  if (evidence.envAdmins.length > 0) return evidence.envAdmins.includes(userId) ? 'env' : null;
  if (evidence.workspace?.isAdmin || evidence.workspace?.isOwner) return 'workspace';
  if (evidence.rosterRoles?.includes('admin')) return 'roster';
  return null;
}

/** What someone may change in the people part: everything, their own team, or nothing. */
export type PeopleScope = { kind: 'all' } | { kind: 'team'; managerId: string } | { kind: 'none' };

export function peopleScope(
  userId: string,
  isAdmin: boolean,
  rosterRoles: readonly string[] | null,
): PeopleScope {
  if (isAdmin) return { kind: 'all' };
  if (rosterRoles?.includes('manager')) return { kind: 'team', managerId: userId };
  return { kind: 'none' };
}

/** A roster entry as the document holds it (YAML keys); only what the checks below read. */
export interface RosterDocEntry {
  user: string;
  manager?: string;
  roles?: string[];
  [key: string]: unknown;
}

export type TeamEditRefusal =
  /** They changed, added or removed someone whose manager is (or would become) someone else. */
  | { reason: 'outside_team'; users: string[] }
  /** Only an admin may give the admin or manager role. */
  | { reason: 'role_not_allowed'; users: string[] };

const ELEVATED = ['admin', 'manager'];

/**
 * Whether a manager's roster edit stays within their team: every entry added, changed or removed
 * has them as manager before (when it existed) and after (when it still exists), and nobody gains
 * an admin or manager role. Entries the edit left alone are not looked at.
 */
export function checkTeamEdit(
  before: readonly RosterDocEntry[],
  after: readonly RosterDocEntry[],
  managerId: string,
): TeamEditRefusal | null {
  const was = new Map(before.map((m) => [m.user, m]));
  const now = new Map(after.map((m) => [m.user, m]));
  const outside: string[] = [];
  const elevated: string[] = [];
  for (const user of new Set([...was.keys(), ...now.keys()])) {
    const old = was.get(user);
    const next = now.get(user);
    if (JSON.stringify(old) === JSON.stringify(next)) continue;
    if ((old && old.manager !== managerId) || (next && next.manager !== managerId)) outside.push(user);
    const gained = (next?.roles ?? []).filter((r) => ELEVATED.includes(r) && !(old?.roles ?? []).includes(r));
    if (gained.length > 0) elevated.push(user);
  }
  if (outside.length > 0) return { reason: 'outside_team', users: outside };
  if (elevated.length > 0) return { reason: 'role_not_allowed', users: elevated };
  return null;
}
