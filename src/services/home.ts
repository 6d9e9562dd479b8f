import type { ConfigSource } from '../config/config-source.js';
import type { WorkspaceConfig } from '../config/workspace-schema.js';
import type { Database } from '../db/client.js';
import { type FunnelGoal, goalCovering } from '../db/queries/funnel-goals.js';
import { ownedLeadsByStage, pendingCadenceSteps } from '../db/queries/home.js';
import type { LeadRow } from '../db/queries/leads.js';
import { unclaimedLeads, weekByOwner } from '../db/queries/sla-board.js';
import type { ReportPeriod } from '../domain/funnel-report.js';
import { cadenceRuns, groupByStage, type NextStep, nextSteps } from '../domain/home-leads.js';
import type { MemberSummary } from '../domain/members.js';
import { openStages } from '../domain/open-leads.js';
import { weekPeriod } from '../domain/periods.js';
import { isManager, isSeller } from '../domain/roles.js';
import { toLocal } from '../domain/time.js';
import { CADENCE_STEP_JOB } from './cadence.js';
import { FunnelService } from './funnel.js';
import { RosterService } from './roster.js';
import { isoWeek, type SlaBoard, SlaBoardService } from './sla-board.js';

/** Most of a seller's own leads Home lists before "and N more" (`/lead mine` shows more). */
export const HOME_LEADS_LIMIT = 25;
/** Most unclaimed leads the team section lists for someone without the team SLA board. */
export const HOME_UNCLAIMED_LIMIT = 5;

export interface PipelineLead {
  lead: LeadRow;
  /** The next cadence reminder the owner will get for it; null when none will come. */
  nextStep: NextStep | null;
}

/** A seller's open leads by stage (working stages before the won stage, in order). */
export interface MyPipeline {
  stages: Array<{ stage: string; label: string; leads: PipelineLead[] }>;
  /** All of the seller's open leads; more than those listed when the list was capped. */
  total: number;
}

/** Unclaimed leads and this week's first-touch figures of the whole team. */
export interface TeamPulse {
  unclaimed: { leads: LeadRow[]; total: number };
  week: { touched: number; met: number; breached: number };
}

export interface TeamFunnel {
  period: ReportPeriod;
  /** Every working stage: this week's cohort count, and the week's share of the goal (null: no goal). */
  stages: Array<{ stage: string; label: string; count: number; goal: number | null }>;
  goal: { deals: number; firstDay: string; lastDay: string } | null;
  /** For people who do not see the team SLA board (marketers); managers read it there. */
  pulse: TeamPulse | null;
}

export type HomeData =
  | { kind: 'stranger'; adminIds: string[] }
  | {
      kind: 'member';
      member: MemberSummary;
      /** Sellers and managers: the SLA board of `/sla`. */
      board: SlaBoard | null;
      /** Sellers: their own leads. */
      pipeline: MyPipeline | null;
      /** Managers, admins and marketers: the team's week. */
      team: TeamFunnel | null;
    };

/**
 * Gathers a person's App Home: for sellers their SLA board and open leads with SLA state and
 * next cadence step; for managers and marketers the team's funnel this week against the goal,
 * unclaimed leads and breaches. Each part is gathered once, however many roles ask for it.
 */
export class HomeService {
  // Stateless services over the same database and config, built here so Home needs no wiring.
  readonly #roster: RosterService;
  readonly #slaBoard: SlaBoardService;
  readonly #funnel: FunnelService;

  constructor(
    private readonly database: Database,
    private readonly configs: ConfigSource,
  ) {
    this.#roster = new RosterService(database);
    this.#slaBoard = new SlaBoardService(database, configs);
    this.#funnel = new FunnelService(database, configs);
  }

  async home(teamId: string, userId: string, now: Date): Promise<HomeData> {
    const subject = await this.#roster.homeSubject(teamId, userId, now);
    if (subject.kind === 'stranger') return subject;
    const { roles } = subject.member;
    const seller = isSeller(roles);
    const manager = isManager(roles);
    const teamView = manager || roles.includes('marketer');
    const config = this.configs.for(teamId);
    const [board, pipeline, team] = await Promise.all([
      seller || manager ? this.#board(teamId, userId, now) : null,
      seller ? this.#pipeline(config, teamId, userId) : null,
      // Managers see unclaimed leads and breaches on their team SLA board already.
      teamView ? this.#team(config, teamId, now, !manager) : null,
    ]);
    return { kind: 'member', member: subject.member, board, pipeline, team };
  }

  async #board(teamId: string, userId: string, now: Date): Promise<SlaBoard | null> {
    const result = await this.#slaBoard.board(teamId, userId, now);
    return result.kind === 'member' ? result.board : null;
  }

  async #pipeline(config: WorkspaceConfig, teamId: string, userId: string): Promise<MyPipeline> {
    const { db } = this.database;
    const { working } = config.stages;
    const keys = working.map((s) => s.key);
    const open = openStages(config);
    const page = await ownedLeadsByStage(db, teamId, userId, open, HOME_LEADS_LIMIT);
    const ids = page.leads.map((l) => l.id);
    const next = nextSteps(
      await pendingCadenceSteps(db, teamId, CADENCE_STEP_JOB, userId, ids),
      config.cadence.steps,
    );
    const items: PipelineLead[] = page.leads.map((lead) => ({
      lead,
      // Steps still pending for a lead past the stop stage will be skipped when they come due.
      nextStep: cadenceRuns(lead.stage, keys, config.cadence.stopAtStage)
        ? (next.get(lead.id) ?? null)
        : null,
    }));
    const groups = groupByStage(
      items,
      working.filter((s) => open.includes(s.key)),
      (item) => item.lead.stage,
    );
    return {
      stages: groups.map((g) => ({ stage: g.stage, label: g.label, leads: g.items })),
      total: page.total,
    };
  }

  async #team(config: WorkspaceConfig, teamId: string, now: Date, withPulse: boolean): Promise<TeamFunnel> {
    const { timeZone } = config.calendar;
    const period = weekPeriod(now, timeZone);
    const [report, goal, pulse] = await Promise.all([
      this.#funnel.report(teamId, { period, mode: 'cohort', by: null }, now),
      this.#goal(config, teamId, now),
      withPulse ? this.#pulse(config, teamId, now) : null,
    ]);
    // A goal's plan holds each stage's share per week; the week compares with that share.
    const perWeek = new Map(goal?.plan.stages.map((s) => [s.stage, s.perWeek]) ?? []);
    return {
      period,
      stages: report.stages.map((s) => ({
        stage: s.stage,
        label: s.label,
        count: s.count,
        goal: goal ? (perWeek.get(s.stage) ?? null) : null,
      })),
      goal: goal
        ? { deals: goal.deals, firstDay: goal.periodStart, lastDay: dayBefore(goal.periodEnd) }
        : null,
      pulse,
    };
  }

  /** The goal whose period holds today (team time zone), the most specific when several do. */
  async #goal(config: WorkspaceConfig, teamId: string, now: Date): Promise<FunnelGoal | null> {
    const local = toLocal(now, config.calendar.timeZone);
    const today = [local.year, local.month, local.day].map((n) => String(n).padStart(2, '0')).join('-');
    return (await goalCovering(this.database.db, teamId, today)) ?? null;
  }

  async #pulse(config: WorkspaceConfig, teamId: string, now: Date): Promise<TeamPulse> {
    const { db } = this.database;
    const week = isoWeek(now, config.calendar.timeZone);
    const [unclaimed, owners] = await Promise.all([
      unclaimedLeads(db, teamId, {
        segments: null,
        stages: openStages(config),
        limit: HOME_UNCLAIMED_LIMIT,
      }),
      weekByOwner(db, teamId, week.from, week.to),
    ]);
    const sum = (key: 'touched' | 'met' | 'breached') => owners.reduce((n, o) => n + o[key], 0);
    return {
      unclaimed,
      week: { touched: sum('touched'), met: sum('met'), breached: sum('breached') },
    };
  }
}

/** The local date before `YYYY-MM-DD`: the last day of a goal's [start, end) period. */
function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
