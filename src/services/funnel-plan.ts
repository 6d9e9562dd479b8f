import type { ConfigSource } from '../config/config-source.js';

import type { Database } from '../db/client.js';
import { cohortReach } from '../db/queries/funnel.js';
import { type FunnelGoal, findGoal, goalCovering, upsertGoal } from '../db/queries/funnel-goals.js';
import { findMember, listRoster } from '../db/queries/members.js';
import { periodDays } from '../domain/periods.js';
import { buildPlan, type DealsProblem, type FunnelPlan, goalDates, type PlanPeriod } from '../domain/plan.js';
import { isManager } from '../domain/roles.js';

const DAY_MS = 86_400_000;

export type PlanResult = { ok: true; plan: FunnelPlan } | { ok: false; problem: DealsProblem };

export type GoalRefusal = { reason: 'not_on_roster'; adminIds: string[] } | { reason: 'not_a_manager' };

export type SetGoalResult =
  | { kind: 'set'; goal: FunnelGoal; replaced: FunnelGoal | null }
  | { kind: 'refused'; refusal: GoalRefusal }
  | { kind: 'problem'; problem: DealsProblem };

/**
 * Reverse planning behind `/funnel plan`: works a deal goal back through the team's trailing
 * cohort conversion rates (docs/funnel.md), and stores goals that App Home and the retro compare with.
 */
export class FunnelPlanService {
  constructor(
    private readonly database: Database,
    private readonly configs: ConfigSource,
  ) {}

  /** The plan for `deals` in `period`, from the leads created in the trailing days before `now`. */
  async plan(teamId: string, deals: number, period: PlanPeriod, now: Date): Promise<PlanResult> {
    const { funnel, stages } = this.configs.for(teamId);
    const since = new Date(now.getTime() - funnel.plan.trailingDays * DAY_MS);
    const reach = await cohortReach(this.database.db, teamId, since, now);
    return buildPlan({
      deals,
      stages: stages.working,
      wonStage: funnel.wonStage,
      kpiRoles: funnel.kpiRoles,
      trailingDays: funnel.plan.trailingDays,
      minSample: funnel.plan.minSample,
      defaultRates: funnel.plan.defaultRates,
      reach,
      days: periodDays(period),
    });
  }

  /** Why `userId` may not ask for a plan (anyone on the roster may), or null. */
  planRefusal(teamId: string, userId: string): Promise<GoalRefusal | null> {
    return this.#refusal(teamId, userId, false);
  }

  /**
   * Stores the goal and its plan for the period, replacing one set before for the same period.
   * Only managers and admins set goals.
   */
  async setGoal(
    teamId: string,
    userId: string,
    deals: number,
    period: PlanPeriod,
    now: Date,
  ): Promise<SetGoalResult> {
    const refusal = await this.#refusal(teamId, userId, true);
    if (refusal) return { kind: 'refused', refusal };
    const planned = await this.plan(teamId, deals, period, now);
    if (!planned.ok) return { kind: 'problem', problem: planned.problem };
    const { periodStart, periodEnd } = goalDates(period);
    return this.database.db.transaction(async (tx): Promise<SetGoalResult> => {
      const replaced = (await findGoal(tx, teamId, periodStart, periodEnd)) ?? null;
      const goal = await upsertGoal(tx, {
        teamId,
        periodStart,
        periodEnd,
        deals,
        plan: planned.plan,
        setBy: userId,
        setAt: now,
      });
      return { kind: 'set', goal, replaced };
    });
  }

  /** The goal covering a local date (`YYYY-MM-DD`), the most specific when several do. */
  goalFor(teamId: string, localDate: string): Promise<FunnelGoal | undefined> {
    return goalCovering(this.database.db, teamId, localDate);
  }

  async #refusal(teamId: string, userId: string, mustManage: boolean): Promise<GoalRefusal | null> {
    const { db } = this.database;
    const member = await findMember(db, teamId, userId);
    if (!member) {
      const roster = await listRoster(db, teamId);
      const adminIds = roster.filter((m) => m.roles.includes('admin')).map((m) => m.userId);
      return { reason: 'not_on_roster', adminIds };
    }
    return mustManage && !isManager(member.roles) ? { reason: 'not_a_manager' } : null;
  }
}
