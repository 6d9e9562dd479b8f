import type { ConfigSource } from '../config/config-source.js';

import type { Database } from '../db/client.js';
import {
  type ExportFilter,
  type ExportLeadRow,
  type ExportStageChangeRow,
  exportLeads,
  exportStageChanges,
} from '../db/queries/funnel-export.js';
import { findMember, listRoster } from '../db/queries/members.js';
import { type CsvCell, toCsv } from '../domain/csv.js';
import type { ReportPeriod } from '../domain/funnel-report.js';
import { UTM_FIELDS } from '../domain/lead-input.js';
import { isManager } from '../domain/roles.js';
import { toLocal } from '../domain/time.js';

/** The most leads one export holds; beyond it the caller is asked for a shorter period. */
export const EXPORT_LEAD_CAP = 50_000;

/** `team`: every lead (managers, admins, marketers); `mine`: only the leads the caller owns. */
export type ExportScope = 'team' | 'mine';

export interface ExportFile {
  filename: string;
  title: string;
  bytes: Buffer;
}

export type ExportAccess = { kind: 'member'; scope: ExportScope } | { kind: 'stranger'; adminIds: string[] };

export type FunnelExport =
  | Extract<ExportAccess, { kind: 'stranger' }>
  | { kind: 'empty'; scope: ExportScope }
  | {
      kind: 'ready';
      scope: ExportScope;
      leads: number;
      events: number;
      cap: number;
      /** When the period held more than `cap` leads: the local day of the first one left out. */
      restFrom: string | null;
      /** The leads file, then the stage events file. */
      files: [ExportFile, ExportFile];
    };

/** Exports hold personal data: whole-team exports are for the people who run the funnel. */
export function exportScope(roles: readonly string[]): ExportScope {
  return isManager(roles) || roles.includes('marketer') ? 'team' : 'mine';
}

const LEAD_HEADER = [
  'lead_id',
  'created_at',
  'source',
  'external_id',
  'name',
  'email',
  'company',
  'title',
  'phone',
  'company_size',
  'industry',
  'website',
  'form',
  ...UTM_FIELDS,
  'segment',
  'score',
  'routed',
  'stage',
  'stage_entered_at',
  'furthest_stage',
  'owner_id',
  'owner_name',
  'marketer_id',
  'sla_due_at',
  'sla_state',
  'first_touch_at',
  'first_touch_working_minutes',
  'amount',
  'currency',
  'competitor',
  // The deal as /funnel counts it: at its last win (docs/funnel.md, "Deals"); empty if never won.
  'won_amount',
  'won_currency',
  'won_competitor',
  'stage_reason',
  'revisit_on',
  'message',
];

const EVENT_HEADER = [
  'lead_id',
  'event_id',
  'entered_at',
  'left_at',
  'from_stage',
  'to_stage',
  'via',
  'actor_id',
  'reason',
  'competitor',
  'amount',
  'currency',
  'note',
  'segment',
  'source',
  'owner_id',
];

/**
 * `/funnel export`: the leads created in a period and every stage change of those leads, as two
 * CSV files for a spreadsheet. Times are wall-clock times in the team's time zone.
 */
export class FunnelExportService {
  constructor(
    private readonly database: Database,
    private readonly configs: ConfigSource,
    private readonly cap = EXPORT_LEAD_CAP,
  ) {}

  /** Whether the caller may export, and what: the whole team or only their own leads. */
  async access(teamId: string, userId: string): Promise<ExportAccess> {
    const { db } = this.database;
    const member = await findMember(db, teamId, userId);
    if (member) return { kind: 'member', scope: exportScope(member.roles) };
    const roster = await listRoster(db, teamId);
    return {
      kind: 'stranger',
      adminIds: roster.filter((m) => m.roles.includes('admin')).map((m) => m.userId),
    };
  }

  async export(teamId: string, userId: string, period: ReportPeriod): Promise<FunnelExport> {
    const { db } = this.database;
    const access = await this.access(teamId, userId);
    if (access.kind === 'stranger') return access;
    const { scope } = access;
    const config = this.configs.for(teamId);
    const time = localTime(config.calendar.timeZone);
    const filter: ExportFilter = {
      from: period.start,
      to: period.end,
      ownerId: scope === 'mine' ? userId : null,
      limit: this.cap + 1,
      funnel: {
        working: config.stages.working.map((s) => s.key),
        wonStage: config.funnel.wonStage,
      },
    };
    const leadRows = await exportLeads(db, teamId, filter);
    if (leadRows.length === 0) return { kind: 'empty', scope };
    const kept = leadRows.slice(0, this.cap);
    const firstLeftOut = leadRows[this.cap];
    const events = await exportStageChanges(db, teamId, { ...filter, limit: this.cap });
    const days = `${period.firstDay}_${period.lastDay}`;
    return {
      kind: 'ready',
      scope,
      leads: kept.length,
      events: events.length,
      cap: this.cap,
      restFrom: firstLeftOut ? time(firstLeftOut.createdAt)!.slice(0, 10) : null,
      files: [
        this.#file(
          `baton-leads_${days}.csv`,
          toCsv(
            LEAD_HEADER,
            kept.map((l) => this.#leadCells(l, time)),
          ),
        ),
        this.#file(
          `baton-stage-events_${days}.csv`,
          toCsv(
            EVENT_HEADER,
            events.map((e) => this.#eventCells(e, time)),
          ),
        ),
      ],
    };
  }

  #file(filename: string, csv: string): ExportFile {
    return { filename, title: filename, bytes: Buffer.from(csv, 'utf8') };
  }

  #leadCells(l: ExportLeadRow, time: LocalTime): CsvCell[] {
    return [
      l.id,
      time(l.createdAt),
      l.source,
      l.externalId,
      l.name,
      l.email,
      l.company,
      l.title,
      l.phone,
      l.companySize,
      l.industry,
      l.website,
      l.form,
      ...UTM_FIELDS.map((f) => l.utm[f]),
      l.segment,
      l.score,
      l.routed,
      l.stage,
      time(l.stageEnteredAt),
      l.furthestStage,
      l.ownerId,
      l.ownerName,
      l.marketerId,
      time(l.slaDueAt),
      l.slaState,
      time(l.firstTouchAt),
      l.firstTouchBusinessMinutes === null ? null : Math.round(l.firstTouchBusinessMinutes * 10) / 10,
      l.amount,
      l.currency,
      l.competitor,
      l.wonAmount,
      l.wonCurrency,
      l.wonCompetitor,
      l.stageReason,
      l.revisitOn,
      l.message,
    ];
  }

  #eventCells(e: ExportStageChangeRow, time: LocalTime): CsvCell[] {
    return [
      e.leadId,
      e.id,
      time(e.enteredAt),
      time(e.leftAt),
      e.fromStage,
      e.toStage,
      e.via,
      e.actorId,
      e.reason,
      e.competitor,
      e.amount,
      e.currency,
      e.note,
      e.segment,
      e.source,
      e.ownerId,
    ];
  }
}

type LocalTime = (at: Date | null) => string | null;

/** Times in the workspace's zone, as the CSV shows them. */
function localTime(timeZone: string): LocalTime {
  return (at) => {
    if (!at) return null;
    const l = toLocal(at, timeZone);
    const two = (n: number) => String(n).padStart(2, '0');
    return `${l.year}-${two(l.month)}-${two(l.day)} ${two(l.hour)}:${two(l.minute)}:${two(l.second)}`;
  };
}
