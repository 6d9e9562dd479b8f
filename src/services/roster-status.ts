import type { ConfigSource } from '../config/config-source.js';

import type { Database } from '../db/client.js';
import { countLeadsByOwnerInStages, lastAssignments } from '../db/queries/lead-lookup.js';
import { listRoster, type MemberRow } from '../db/queries/members.js';
import { isAway, type MemberSummary } from '../domain/members.js';
import { openStages } from '../domain/open-leads.js';
import { isSeller } from '../domain/roles.js';
import type { Eligibility } from '../domain/routing.js';
import { holidayDates } from '../domain/working-time.js';
import { memberEligibility } from './member-eligibility.js';

/** Where a seller stands for new leads right now. */
export interface SellerStatus {
  /** Whether routing could give them a lead now, and if not, why. */
  eligibility: Eligibility;
  openLeads: number;
  /** Their last assignment (round robin, claim or assign); null = never. */
  lastAssignedAt: Date | null;
}

export interface RosterLine extends MemberSummary {
  /** Set for sellers (SDR, AE); null for everyone else. */
  seller: SellerStatus | null;
}

/** `/baton roster`: who is on the roster, and for each seller whether they can take a lead now. */
export class RosterStatusService {
  constructor(
    private readonly database: Database,
    private readonly configs: ConfigSource,
  ) {}

  async roster(teamId: string, now: Date): Promise<RosterLine[]> {
    const { db } = this.database;
    const config = this.configs.for(teamId);
    const stages = openStages(config);
    // One after another: PGlite serves one query at a time anyway.
    const members = await listRoster(db, teamId);
    const ids = members.map((m) => m.userId);
    const open = await countLeadsByOwnerInStages(db, teamId, stages, ids);
    const last = await lastAssignments(db, teamId, ids);
    const holidays = holidayDates(config.calendar.holidays);
    return members.map((m) => {
      const away = isAway(m, now);
      const summary = {
        userId: m.userId,
        roles: m.roles,
        segments: m.segments,
        away,
        awayUntil: away ? m.outOfOfficeUntil : null,
      };
      if (!isSeller(m.roles)) return { ...summary, seller: null };
      const openLeads = open.get(m.userId) ?? 0;
      return {
        ...summary,
        seller: {
          eligibility: sellerEligibility(m, openLeads, now, holidays),
          openLeads,
          lastAssignedAt: last.get(m.userId) ?? null,
        },
      };
    });
  }
}

/**
 * Eligibility does not depend on which of their segments a lead is in beyond serving it, so it
 * is checked against their first segment; a seller with no segment is reported as such.
 */
function sellerEligibility(m: MemberRow, openLeads: number, now: Date, holidays: string[]): Eligibility {
  return memberEligibility(m, openLeads, { segment: m.segments[0] ?? '', now, holidays });
}
