/**
 * What a retro thread is made of: the replies each kind of retro posts under its parent, and who
 * took part (docs/retro.md, "During the week"). Pure, so the figures are unit-tested.
 */
import { ROLES } from './roles.js';

/** The weekly retro's replies, in thread order: (a) to (f). */
export const WEEKLY_PARTS = ['funnel', 'sla', 'deals', 'voc', 'actions', 'prompts'] as const;
export type WeeklyPart = (typeof WEEKLY_PARTS)[number];

/** The monthly playbook review's replies, in thread order. */
export const PLAYBOOK_PARTS = ['cadence', 'sla_trend', 'stages'] as const;
export type PlaybookPart = (typeof PLAYBOOK_PARTS)[number];

export type RetroPart = WeeklyPart | PlaybookPart;

export const isWeeklyPart = (part: unknown): part is WeeklyPart =>
  (WEEKLY_PARTS as readonly unknown[]).includes(part);
export const isPlaybookPart = (part: unknown): part is PlaybookPart =>
  (PLAYBOOK_PARTS as readonly unknown[]).includes(part);

/** The participants who share a first roster role (null: none), and which of them wrote a note. */
export interface RoleParticipation {
  role: string | null;
  /** Participants with this role, in the retro's order. */
  members: string[];
  /** Of those, who wrote at least one note. */
  took: string[];
}

export interface Participation {
  /** Participants who wrote at least one note. */
  took: number;
  total: number;
  /** took / total; null when nobody was asked. */
  share: number | null;
  /** Roles in roster order (ROLES), then participants with no role; roles nobody has are left out. */
  byRole: RoleParticipation[];
}

/**
 * Participation = participants who wrote at least one note / participants. Notes by people who were
 * not asked (not on the roster when the retro opened) do not count.
 */
export function participation(
  participants: readonly string[],
  firstRoleOf: ReadonlyMap<string, string | null>,
  noteAuthors: Iterable<string>,
): Participation {
  const wrote = new Set(noteAuthors);
  const took = participants.filter((id) => wrote.has(id));
  const roleOf = (id: string) => firstRoleOf.get(id) ?? null;
  const rank = (role: string | null) => {
    if (role === null) return ROLES.length + 1;
    const i = (ROLES as readonly string[]).indexOf(role);
    return i === -1 ? ROLES.length : i;
  };
  const roles = [...new Set(participants.map(roleOf))].sort((a, b) => rank(a) - rank(b));
  return {
    took: took.length,
    total: participants.length,
    share: participants.length === 0 ? null : took.length / participants.length,
    byRole: roles.map((role) => ({
      role,
      members: participants.filter((id) => roleOf(id) === role),
      took: took.filter((id) => roleOf(id) === role),
    })),
  };
}
