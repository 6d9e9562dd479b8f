import type { ConfigSource } from '../config/config-source.js';
import type { WorkspaceConfig } from '../config/workspace-schema.js';
import type { Database } from '../db/client.js';
import { cohortDealRows, flowDealRows, stuckCounts } from '../db/queries/funnel.js';
import { rolledCohortReach } from '../db/queries/funnel-cohort.js';
import {
  movesRolledUntil,
  rolledFlowMoves,
  rolledFlowMovesBy,
  storedStayHistory,
  storeStayHistory,
} from '../db/queries/funnel-rollups.js';
import { periodSpeedToLead } from '../db/queries/funnel-speed.js';
import { periodStayMedians, type StayMedians } from '../db/queries/funnel-stays.js';
import {
  cohortCounts,
  cohortDeals,
  cohortGroups,
  type FunnelShape,
  findBottleneck,
  flowCounts,
  flowDeals,
  flowGroups,
  type ReachRow,
  STUCK_HISTORY_DAYS,
  stageFigures,
  stuckStages,
  stuckThresholdDays,
} from '../domain/funnel.js';
import type {
  DealFigures,
  FunnelGroup,
  FunnelQuery,
  FunnelReport,
  SpeedToLead,
} from '../domain/funnel-report.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

type Stuck = Map<string, { count: number; thresholdDays: number | null }>;

interface StageCounts {
  counts: number[];
  movesBack: number;
}

interface PeriodFigures {
  speed: Promise<SpeedToLead>;
  medians: Promise<StayMedians>;
  stuck: Promise<Stuck>;
}

/**
 * The funnel report behind `/funnel`, App Home and the retro: every figure of docs/funnel.md for
 * one period, from a few aggregate queries run side by side.
 */
export class FunnelService {
  /**
   * The 180-day stay medians behind stuck thresholds, per team and clock hour: the slowest query
   * of a report (over a million stays at bench scale) for a threshold that moves slowly.
   */
  readonly #history = new Map<string, { hour: number; stages: string; medians: Promise<StayMedians> }>();

  constructor(
    private readonly database: Database,
    private readonly configs: ConfigSource,
  ) {}

  /**
   * Reports of one period in several modes (the retro's cohort and flow): the figures that do not
   * depend on the mode (speed to lead, days in stage, stuck deals) are read once for all of them.
   * `stuck: false` leaves stuck deals out (none counted, no threshold) for callers that do not show
   * them: their 180-day history is the costliest figure of a report.
   */
  async reports<Q extends readonly FunnelQuery[]>(
    teamId: string,
    queries: Q,
    now: Date,
    options: { stuck: boolean } = { stuck: true },
  ): Promise<{ [K in keyof Q]: FunnelReport }> {
    const shared = new Map<string, PeriodFigures>();
    return Promise.all(
      queries.map((query) => {
        const key = `${query.period.start.getTime()}-${query.period.end.getTime()}`;
        if (!shared.has(key)) shared.set(key, this.#periodFigures(teamId, query.period, now, options.stuck));
        return this.report(teamId, query, now, shared.get(key));
      }),
    ) as Promise<{ [K in keyof Q]: FunnelReport }>;
  }

  /** What a report shows whatever its mode: speed to lead, days in stage, stuck deals. */
  #periodFigures(teamId: string, period: FunnelQuery['period'], now: Date, withStuck = true): PeriodFigures {
    const config = this.configs.for(teamId);
    const shape = shapeOf(config);
    const figures = {
      speed: this.#speed(teamId, period.start, period.end),
      medians: periodStayMedians(this.database.db, teamId, period.start, period.end, workingOf(shape)),
      stuck: withStuck ? this.#stuck(config, shape, teamId, now) : Promise.resolve<Stuck>(new Map()),
    };
    // Awaited by every report that shares them; marked handled so one failing is not also "unhandled".
    for (const p of Object.values(figures)) p.catch(() => {});
    return figures;
  }

  async report(
    teamId: string,
    query: FunnelQuery,
    now: Date,
    shared: PeriodFigures = this.#periodFigures(teamId, query.period, now),
  ): Promise<FunnelReport> {
    const { period, mode, by } = query;
    const config = this.configs.for(teamId);
    const shape = shapeOf(config);
    const working = workingOf(shape);
    // Counts read their rollup where it holds (one indexed row to know how far): flow's closed
    // days, cohort's leads as of the job's last run.
    const rolledUntil = mode === 'flow' ? await movesRolledUntil(this.database.db, teamId) : null;
    // Cohort reads the period (per breakdown value too) and the previous one in one go: the leads
    // changed since the rollup ran are looked up once, and a breakdown's rows hold the counts too.
    const reach =
      mode === 'cohort'
        ? rolledCohortReach(this.database.db, teamId, [
            { start: period.start, end: period.end, by },
            { start: period.previousStart, end: period.previousEnd },
          ])
        : null;
    reach?.catch(() => {}); // awaited below; marked handled so a failure is not also "unhandled"
    const [[current, previous], deals, speed, medians, stuck, groups] = await Promise.all([
      reach ? this.#cohortCounts(working, reach) : this.#flowCounts(working, teamId, period, rolledUntil),
      this.#deals(shape, teamId, mode, period.start, period.end),
      shared.speed,
      shared.medians,
      shared.stuck,
      !by
        ? Promise.resolve(null)
        : reach
          ? reach.then(([rows]) => cohortGroups(working, rows!))
          : this.#flowGroups(working, teamId, query, rolledUntil),
    ]);
    const stages = stageFigures(shape, current.counts, previous.counts, {
      medianDays: new Map(medians.flatMap((m) => (m.medianDays === null ? [] : [[m.stage, m.medianDays]]))),
      stuck,
    });
    return {
      mode,
      period,
      stages,
      bottleneck: findBottleneck(stages, shape.wonStage),
      movesBack: current.movesBack,
      deals,
      speed,
      stuckTotal: [...stuck.values()].reduce((sum, s) => sum + s.count, 0),
      by,
      groups,
    };
  }

  /** Cohort's stage counts of the period and of the previous one. */
  async #cohortCounts(working: string[], reach: Promise<ReachRow[][]>): Promise<[StageCounts, StageCounts]> {
    const [now, before] = await reach;
    return [
      { counts: cohortCounts(working, now!), movesBack: 0 },
      { counts: cohortCounts(working, before!), movesBack: 0 },
    ];
  }

  /** Flow's stage counts of the period and of the previous one. */
  async #flowCounts(
    working: string[],
    teamId: string,
    period: FunnelQuery['period'],
    rolledUntil: Date | null,
  ): Promise<[StageCounts, StageCounts]> {
    const flow = async (start: Date, end: Date) =>
      flowCounts(working, await rolledFlowMoves(this.database.db, teamId, start, end, rolledUntil));
    return Promise.all([flow(period.start, period.end), flow(period.previousStart, period.previousEnd)]);
  }

  async #deals(
    shape: FunnelShape,
    teamId: string,
    mode: FunnelQuery['mode'],
    start: Date,
    end: Date,
  ): Promise<DealFigures> {
    const { db } = this.database;
    return mode === 'cohort'
      ? cohortDeals(shape, await cohortDealRows(db, teamId, start, end, workingOf(shape), shape.wonStage))
      : flowDeals(shape, await flowDealRows(db, teamId, start, end, workingOf(shape), shape.wonStage));
  }

  async #speed(teamId: string, start: Date, end: Date): Promise<SpeedToLead> {
    const s = await periodSpeedToLead(this.database.db, teamId, start, end);
    const decided = s.met + s.breached;
    return { ...s, withinSla: decided > 0 ? s.met / decided : null };
  }

  async #flowGroups(
    working: string[],
    teamId: string,
    { period, by }: FunnelQuery,
    rolledUntil: Date | null,
  ): Promise<FunnelGroup[]> {
    const rows = await rolledFlowMovesBy(
      this.database.db,
      teamId,
      period.start,
      period.end,
      by!,
      rolledUntil,
    );
    return flowGroups(working, rows);
  }

  /**
   * Leads stuck now, per stage before the won stage: past the configured days, or past twice the
   * median of the stage's stays that ended in the last 180 days.
   */
  async #stuck(config: WorkspaceConfig, shape: FunnelShape, teamId: string, now: Date): Promise<Stuck> {
    const { db } = this.database;
    const configured = new Map(config.stages.working.map((s) => [s.key, s.stagnationDays]));
    const stages = stuckStages(shape);
    const fromHistory = stages.filter((s) => configured.get(s) === null);
    const history = new Map((await this.#historyMedians(teamId, fromHistory, now)).map((h) => [h.stage, h]));
    const thresholds = stages.map((stage) => ({
      stage,
      thresholdDays: stuckThresholdDays(configured.get(stage) ?? null, history.get(stage)),
    }));
    const counts = new Map(
      (
        await stuckCounts(
          db,
          teamId,
          thresholds.flatMap(({ stage, thresholdDays }) =>
            thresholdDays === null
              ? []
              : [{ stage, enteredBefore: new Date(now.getTime() - thresholdDays * DAY_MS) }],
          ),
        )
      ).map((c) => [c.stage, c.count]),
    );
    return new Map(
      thresholds.map(({ stage, thresholdDays }) => [stage, { count: counts.get(stage) ?? 0, thresholdDays }]),
    );
  }

  /**
   * Stays that ended in the 180 days before the start of `now`'s hour, recomputed once an hour:
   * kept in this process and stored (funnel_stay_history), so a new process or another one reads
   * the hour's history instead of sorting every stay again.
   */
  #historyMedians(teamId: string, stages: string[], now: Date): Promise<StayMedians> {
    const hour = Math.floor(now.getTime() / HOUR_MS);
    const cached = this.#history.get(teamId);
    // Keyed by the stages too: a configuration change asks again rather than waiting for the hour.
    const key = stages.join(',');
    if (cached?.hour === hour && cached.stages === key) return cached.medians;
    const end = new Date(hour * HOUR_MS);
    const medians = this.#storedOrComputed(teamId, stages, key, end);
    // A failed query is not cached: the next report asks again.
    medians.catch(() => this.#history.delete(teamId));
    this.#history.set(teamId, { hour, stages: key, medians });
    return medians;
  }

  async #storedOrComputed(teamId: string, stages: string[], key: string, end: Date): Promise<StayMedians> {
    const { db } = this.database;
    const stored = await storedStayHistory(db, teamId, end, key);
    if (stored) return stored;
    const medians = await periodStayMedians(
      db,
      teamId,
      new Date(end.getTime() - STUCK_HISTORY_DAYS * DAY_MS),
      end,
      stages,
    );
    await storeStayHistory(db, teamId, end, key, medians);
    return medians;
  }

  /** Computes and stores the history for `now`'s hour ahead of the first report of that hour (the rollup job). */
  async prepareHistory(teamId: string, now: Date): Promise<void> {
    const config = this.configs.for(teamId);
    const configured = new Map(config.stages.working.map((s) => [s.key, s.stagnationDays]));
    const fromHistory = stuckStages(shapeOf(config)).filter((s) => configured.get(s) === null);
    await this.#historyMedians(teamId, fromHistory, now);
  }
}

/** The funnel's stages and deal settings, as the workspace's configuration names them. */
function shapeOf(config: WorkspaceConfig): FunnelShape {
  return {
    working: config.stages.working.map((s) => ({ key: s.key, label: s.label })),
    wonStage: config.funnel.wonStage,
    currency: config.funnel.currency,
  };
}

function workingOf(shape: FunnelShape): string[] {
  return shape.working.map((s) => s.key);
}
