import type { ConfigSource } from '../config/config-source.js';
import type { WorkspaceConfig } from '../config/workspace-schema.js';
import type { Database } from '../db/client.js';
import type { LeadRow } from '../db/queries/leads.js';
import { findMember, listRoster, type MemberRow } from '../db/queries/members.js';
import {
  breachesBetween,
  type OwnerWeek,
  runningClocks,
  unclaimedLeads,
  weekByOwner,
} from '../db/queries/sla-board.js';
import { businessMinutesBetween } from '../domain/business-time.js';
import { openStages } from '../domain/open-leads.js';
import { isManager } from '../domain/roles.js';
import { fromLocal, toLocal } from '../domain/time.js';

/** How many leads each list shows before "and N more". */
export const BOARD_LIMITS = { unclaimed: 10, running: 10, teamRunning: 15, breaches: 10 } as const;

export interface UnclaimedItem {
  lead: LeadRow;
  /** Minutes since arrival, on the SLA's clock (working minutes on the business clock). */
  ageMinutes: number;
  dueAt: Date | null;
}

export interface ClockItem {
  lead: LeadRow;
  /** Minutes until the due time on the SLA's clock; negative once overdue. */
  leftMinutes: number;
  dueAt: Date;
}

export interface Listing<T> {
  items: T[];
  /** How many there are in all; more than `items.length` when the list was capped. */
  total: number;
}

export type SellerWeek = OwnerWeek;

export interface SlaBoard {
  /** `mine`: the caller's own board; `team`: a manager's or admin's view of everyone. */
  scope: 'mine' | 'team';
  clock: 'business' | 'always';
  slaMinutes: number;
  week: { from: Date; to: Date };
  unclaimed: Listing<UnclaimedItem>;
  running: Listing<ClockItem>;
  /** The caller's breached clocks this week (`mine` only; empty for `team`). */
  breaches: Listing<{ lead: LeadRow; dueAt: Date }>;
  /** Per owner this week (`team` only), and the team's totals. */
  byOwner: SellerWeek[];
  totals: { touched: number; met: number; breached: number };
}

export type BoardResult =
  | { kind: 'member'; member: MemberRow; board: SlaBoard }
  | { kind: 'stranger'; adminIds: string[] };

/** The ISO week (Monday 00:00 to the next Monday 00:00) containing `now`, in `timeZone`. */
export function isoWeek(now: Date, timeZone: string): { from: Date; to: Date } {
  const local = toLocal(now, timeZone);
  const weekday = (new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay() + 6) % 7;
  const monday = new Date(Date.UTC(local.year, local.month - 1, local.day - weekday));
  const midnight = (d: Date) =>
    fromLocal(
      { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: 0, minute: 0 },
      timeZone,
    );
  return { from: midnight(monday), to: midnight(new Date(monday.getTime() + 7 * 86_400_000)) };
}

/**
 * The SLA board behind `/sla` and App Home: leads waiting to be claimed, clocks running and the
 * week's breaches — the caller's own, or the whole team's for managers and admins.
 */
export class SlaBoardService {
  constructor(
    private readonly database: Database,
    private readonly configs: ConfigSource,
  ) {}

  async board(teamId: string, userId: string, now: Date): Promise<BoardResult> {
    const { db } = this.database;
    const member = await findMember(db, teamId, userId);
    if (!member) {
      const roster = await listRoster(db, teamId);
      return {
        kind: 'stranger',
        adminIds: roster.filter((m) => m.roles.includes('admin')).map((m) => m.userId),
      };
    }
    const team = isManager(member.roles);
    const config = this.configs.for(teamId);
    const week = isoWeek(now, config.calendar.timeZone);
    const stages = openStages(config);
    const [unclaimed, running, breaches, byOwner] = await Promise.all([
      unclaimedLeads(db, teamId, {
        segments: team ? null : member.segments,
        stages,
        limit: BOARD_LIMITS.unclaimed,
      }),
      runningClocks(db, teamId, {
        ownerId: team ? null : userId,
        stages,
        limit: team ? BOARD_LIMITS.teamRunning : BOARD_LIMITS.running,
      }),
      team
        ? Promise.resolve({ leads: [], total: 0 })
        : breachesBetween(db, teamId, { ...week, ownerId: userId, limit: BOARD_LIMITS.breaches }),
      weekByOwner(db, teamId, week.from, week.to),
    ]);
    const mine = team ? byOwner : byOwner.filter((o) => o.ownerId === userId);
    const totals = mine.reduce(
      (sum, o) => ({
        touched: sum.touched + o.touched,
        met: sum.met + o.met,
        breached: sum.breached + o.breached,
      }),
      { touched: 0, met: 0, breached: 0 },
    );
    return {
      kind: 'member',
      member,
      board: {
        scope: team ? 'team' : 'mine',
        clock: config.sla.clock,
        slaMinutes: config.sla.firstTouchMinutes,
        week,
        unclaimed: {
          items: unclaimed.leads.map((lead) => ({
            lead,
            ageMinutes: minutesOn(config, lead.createdAt, now),
            dueAt: lead.slaDueAt,
          })),
          total: unclaimed.total,
        },
        running: {
          items: running.leads.flatMap((lead) =>
            lead.slaDueAt
              ? [{ lead, dueAt: lead.slaDueAt, leftMinutes: leftOn(config, now, lead.slaDueAt) }]
              : [],
          ),
          total: running.total,
        },
        breaches: {
          items: breaches.leads.map((lead) => ({ lead, dueAt: lead.slaDueAt! })),
          total: breaches.total,
        },
        byOwner: team ? byOwner.filter((o) => o.breached > 0 || o.touched > 0) : [],
        totals,
      },
    };
  }
}

/** Elapsed minutes from `from` to `to` on the SLA's clock (0 when `to` is not later). */
function minutesOn(config: WorkspaceConfig, from: Date, to: Date): number {
  if (config.sla.clock === 'always') return Math.max(0, (to.getTime() - from.getTime()) / 60_000);
  return businessMinutesBetween(from, to, config.calendar);
}

function leftOn(config: WorkspaceConfig, now: Date, due: Date): number {
  return now.getTime() <= due.getTime() ? minutesOn(config, now, due) : -minutesOn(config, due, now);
}
