import type { ConfigSource } from '../config/config-source.js';

import type { Database } from '../db/client.js';
import { goalCovering } from '../db/queries/funnel-goals.js';
import { periodSpeedToLead } from '../db/queries/funnel-speed.js';
import { periodStayMedians } from '../db/queries/funnel-stays.js';
import { listRoster } from '../db/queries/members.js';
import { cadenceCompletionRows, lostByReason, slaByOwner } from '../db/queries/retro-figures.js';
import { parsePeriod } from '../domain/periods.js';
import { isoWeekKey, shiftMonth, shiftWeek } from '../domain/retro-calendar.js';
import {
  cadenceCompletion,
  dayBefore,
  isoWeekPeriod,
  lostReasons,
  monthPeriod,
  retroStages,
  sellerSla,
  slaWeek,
  stageTrends,
  trendWeeks,
} from '../domain/retro-figures.js';
import type { PlaybookSnapshot, RetroSnapshot, SnapshotPeriod } from '../domain/retro-report.js';
import { FunnelService } from './funnel.js';
import { loadVocFigures } from './voc-report.js';

/** The figures a retro shows, computed when it opens (docs/retro.md). */
export type WeeklyFigures = Omit<RetroSnapshot, 'previousActions' | 'participants'>;

/** Computes the weekly retro's (a)–(d) and the monthly playbook review's figures. */
export class RetroFiguresService {
  readonly #funnel: FunnelService;

  constructor(
    readonly database: Database,
    readonly configs: ConfigSource,
  ) {
    this.#funnel = new FunnelService(database, configs);
  }

  /** Figures of the retro of `weekKey` (which reviews the week before it), opened at `openedAt`. */
  async weekly(teamId: string, weekKey: string, openedAt: Date): Promise<WeeklyFigures> {
    const { db } = this.database;
    const { timeZone } = this.configs.for(teamId).calendar;
    const reviewed = isoWeekPeriod(shiftWeek(weekKey, -1), timeZone);
    // The reviewed week as a date range, so its comparison is the week before it.
    const parsed = parsePeriod(`${reviewed.firstDay}..${reviewed.lastDay}`, openedAt, timeZone);
    if (!parsed.ok) throw new Error(`retro ${weekKey} cannot review ${reviewed.key}: ${parsed.problem.code}`);
    const { period } = parsed;
    const funnel = this.#funnel;
    const [[cohort, flow], goal, roster, owners, reasons, voc] = await Promise.all([
      funnel.reports(
        teamId,
        [
          { period, mode: 'cohort', by: null },
          { period, mode: 'flow', by: null },
        ] as const,
        openedAt,
        // The retro shows no stuck deals (docs/retro.md): their 180-day history is not read.
        { stuck: false },
      ),
      goalCovering(db, teamId, reviewed.firstDay),
      listRoster(db, teamId),
      slaByOwner(db, teamId, period.start, period.end),
      lostByReason(db, teamId, period.start, period.end),
      loadVocFigures(db, teamId, period, null),
    ]);
    // A goal's plan holds each stage's share per week (as App Home compares it).
    const perWeek = goal ? new Map(goal.plan.stages.map((s) => [s.stage, s.perWeek])) : null;
    return {
      weekKey,
      reviewed,
      funnel: {
        stages: retroStages(cohort.stages, perWeek),
        bottleneck: cohort.bottleneck,
        goal: goal
          ? { deals: goal.deals, firstDay: goal.periodStart, lastDay: dayBefore(goal.periodEnd) }
          : null,
      },
      speed: cohort.speed,
      sellers: sellerSla(roster, owners),
      deals: { ...flow.deals, lostReasons: lostReasons(reasons) },
      voc,
    };
  }

  /** Figures of the playbook review of `monthKey` (which reviews the month before it), opened at `openedAt`. */
  async monthly(teamId: string, monthKey: string, openedAt: Date): Promise<PlaybookSnapshot> {
    const { db } = this.database;
    const config = this.configs.for(teamId);
    const { timeZone } = config.calendar;
    const reviewed = monthPeriod(shiftMonth(monthKey, -1), timeZone);
    const weeks = trendWeeks(isoWeekKey(openedAt, timeZone)).map((k) => isoWeekPeriod(k, timeZone));
    const { working } = config.stages;
    // Days in stage are shown for the working stages before the won stage.
    const wonAt = working.findIndex((s) => s.key === config.funnel.wonStage);
    const stages = working.slice(0, Math.max(0, wonAt));
    const keys = stages.map((s) => s.key);
    const bounds = (p: SnapshotPeriod) => [new Date(p.start), new Date(p.end)] as const;
    const [cadence, speeds, stays] = await Promise.all([
      cadenceCompletionRows(db, teamId, ...bounds(reviewed)),
      Promise.all(weeks.map((w) => periodSpeedToLead(db, teamId, ...bounds(w)))),
      Promise.all(weeks.map((w) => periodStayMedians(db, teamId, ...bounds(w), keys))),
    ]);
    return {
      monthKey,
      reviewed,
      cadence: cadenceCompletion(config.cadence.steps, cadence),
      sla: weeks.map((w, i) => slaWeek(w.key, speeds[i]!)),
      stages: stageTrends(
        stages,
        weeks.map((w) => w.key),
        stays,
      ),
    };
  }
}
