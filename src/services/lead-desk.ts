import type { ConfigSource } from '../config/config-source.js';

import type { Database } from '../db/client.js';
import { findLeadsByEmail, leadsOwnedInStages, searchLeadsByText } from '../db/queries/lead-lookup.js';
import { findLead, type LeadRow } from '../db/queries/leads.js';
import { findMember, type MemberRow } from '../db/queries/members.js';
import type { LeadInput } from '../domain/lead-input.js';
import type { LeadQuery } from '../domain/lead-query.js';
import { openStages } from '../domain/open-leads.js';
import type { LeadService } from './leads.js';

/** Most leads a search returns. */
export const SEARCH_LIMIT = 10;
/** Most leads `/lead mine` shows. */
export const MINE_LIMIT = 40;

export interface SearchResult {
  leads: LeadRow[];
  /** More leads matched than `SEARCH_LIMIT`. */
  more: boolean;
}

export interface MyLeads {
  /** Open stages in funnel order, only those holding a lead. */
  stages: Array<{ stage: string; leads: LeadRow[] }>;
  /** More open leads exist than were listed. */
  more: boolean;
}

export type SubmitResult =
  | { ok: false; reason: 'not_on_roster' }
  | {
      ok: true;
      duplicate: boolean;
      lead: LeadRow;
      /** Where its card is or is going; null when the lead is below the routing threshold. */
      channel: string | null;
    };

/** What people do with leads from Slack: add one by hand, look one up, list their own. */
export class LeadDeskService {
  constructor(
    private readonly database: Database,
    private readonly configs: ConfigSource,
    /** The same intake the webhook uses. */
    private readonly leads: LeadService,
  ) {}

  /** The caller as a roster member; /lead is for people on the roster. */
  member(teamId: string, userId: string): Promise<MemberRow | undefined> {
    return findMember(this.database.db, teamId, userId);
  }

  /**
   * A lead entered in Slack goes through the same intake as the webhook: duplicates,
   * qualification, routing and the card. A marketer entering it is recorded as its marketer.
   */
  async submit(teamId: string, userId: string, input: LeadInput, now: Date): Promise<SubmitResult> {
    const member = await this.member(teamId, userId);
    if (!member) return { ok: false, reason: 'not_on_roster' };
    const marketerId = member.roles.includes('marketer') ? userId : null;
    const result = await this.leads.intake(teamId, input, now, { marketerId });
    const lead = (await findLead(this.database.db, teamId, result.leadId))!;
    const { channels } = this.configs.for(teamId);
    const channel = lead.cardChannel ?? (lead.routed ? (channels.leads[lead.segment] ?? null) : null);
    return { ok: true, duplicate: result.duplicate, lead, channel };
  }

  async search(teamId: string, query: LeadQuery): Promise<SearchResult> {
    const { db } = this.database;
    let found: LeadRow[];
    switch (query.kind) {
      case 'id': {
        const lead = await findLead(db, teamId, query.id);
        found = lead ? [lead] : [];
        break;
      }
      case 'email':
        found = await findLeadsByEmail(db, teamId, query.email, SEARCH_LIMIT + 1);
        break;
      case 'text':
        found = await searchLeadsByText(db, teamId, query.text, SEARCH_LIMIT + 1);
        break;
    }
    return { leads: found.slice(0, SEARCH_LIMIT), more: found.length > SEARCH_LIMIT };
  }

  /** The caller's open leads, grouped by stage in funnel order, oldest first within a stage. */
  async mine(teamId: string, userId: string): Promise<MyLeads> {
    const stages = openStages(this.configs.for(teamId));
    const rows = await leadsOwnedInStages(this.database.db, teamId, userId, stages, MINE_LIMIT + 1);
    const shown = rows.slice(0, MINE_LIMIT);
    return {
      stages: stages
        .map((stage) => ({ stage, leads: shown.filter((l) => l.stage === stage) }))
        .filter((g) => g.leads.length > 0),
      more: rows.length > MINE_LIMIT,
    };
  }
}
