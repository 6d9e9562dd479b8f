/**
 * The funnel fixture's hand-derived figures (test/fixtures/funnel-expected.ts) against the real
 * report and plan services on a real database: every figure of docs/funnel.md for cohort and flow
 * modes, breakdowns, a running week, a custom range, the time-zone edges and the reverse plan.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedConfig } from '../../src/config/config-source.js';
import { parseWorkspaceConfig } from '../../src/config/workspace.js';
import type { WorkspaceConfig } from '../../src/config/workspace-schema.js';
import type { Database } from '../../src/db/client.js';
import type {
  FunnelBreakdown,
  FunnelMode,
  FunnelReport,
  ReportPeriod,
} from '../../src/domain/funnel-report.js';
import { parsePeriod } from '../../src/domain/periods.js';
import { parsePlanCommand } from '../../src/domain/plan.js';
import { messages } from '../../src/i18n/index.js';
import { FunnelService } from '../../src/services/funnel.js';
import { FunnelPlanService } from '../../src/services/funnel-plan.js';
import { RetroFiguresService } from '../../src/services/retro-figures.js';
import { applyWorkspaceConfig } from '../../src/services/workspace-setup.js';
import { funnelReportBlocks } from '../../src/slack/blocks/funnel.js';
import {
  CUSTOM_COHORT,
  CUSTOM_COHORT_BY_SOURCE,
  CUSTOM_FLOW,
  CUSTOM_RANGE,
  type Expected,
  LAST_WEEK,
  LAST_WEEK_COHORT,
  LAST_WEEK_COHORT_BY_OWNER,
  LAST_WEEK_COHORT_BY_SEGMENT,
  LAST_WEEK_COHORT_BY_SOURCE,
  LAST_WEEK_FLOW,
  LAST_WEEK_FLOW_BY_OWNER,
  LAST_WEEK_FLOW_BY_SOURCE,
  PLAN_12,
  PLAN_PER_WEEK_4,
  PLAN_PER_WEEK_13,
  STAGES,
  TEAM_2_LAST_WEEK_COUNTS,
  TEAM_2_STUCK,
  THIS_WEEK,
  THIS_WEEK_COHORT,
  THIS_WEEK_COHORT_BY_SOURCE,
  THIS_WEEK_FLOW,
} from '../fixtures/funnel-expected.js';
import {
  ARCHETYPES_3,
  FUNNEL_NOW,
  FUNNEL_TEAM,
  FUNNEL_TEAM_2,
  FUNNEL_TEAM_3,
  FUNNEL_YAML,
  FUNNEL_YAML_2,
  kst,
  seedArchetypes,
  seedFunnelFixture,
} from '../fixtures/funnel-fixture.js';
import { openTestDatabase } from '../harness/database.js';

const SEOUL = 'Asia/Seoul';
let database: Database;
let config: WorkspaceConfig;
let funnel: FunnelService;

beforeAll(async () => {
  database = await openTestDatabase();
  config = parseWorkspaceConfig(FUNNEL_YAML, 'baton.yaml');
  const config2 = parseWorkspaceConfig(FUNNEL_YAML_2, 'baton.yaml');
  await applyWorkspaceConfig(database, { teamId: FUNNEL_TEAM }, config, FUNNEL_NOW);
  await applyWorkspaceConfig(database, { teamId: FUNNEL_TEAM_2 }, config2, FUNNEL_NOW);
  await applyWorkspaceConfig(database, { teamId: FUNNEL_TEAM_3 }, config, FUNNEL_NOW);
  await seedFunnelFixture(database);
  await seedArchetypes(database, FUNNEL_TEAM_3, ARCHETYPES_3);
  funnel = new FunnelService(database, fixedConfig(config));
});
afterAll(async () => {
  await database?.close();
});

function period(text: string, timeZone = SEOUL): ReportPeriod {
  const parsed = parsePeriod(text, FUNNEL_NOW, timeZone);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.problem.code}`);
  return parsed.period;
}

async function report(text: string, mode: FunnelMode, by: FunnelBreakdown | null = null) {
  return funnel.report(FUNNEL_TEAM, { period: period(text), mode, by }, FUNNEL_NOW);
}

const byName = <T extends { competitor: string }>(list: readonly T[]) =>
  [...list].sort((a, b) => a.competitor.localeCompare(b.competitor));

/** Every figure of a report against its hand-derived expectation. */
function expectReport(
  actual: FunnelReport,
  expected: Expected,
  mode: FunnelMode,
  by: FunnelBreakdown | null = null,
) {
  expect(actual.mode).toBe(mode);
  expect(actual.by).toBe(by);
  expect(actual.period).toEqual(expected.period);
  expect(actual.stages).toEqual(expected.stages);
  expect(actual.bottleneck).toEqual(expected.bottleneck);
  expect(actual.movesBack).toBe(expected.movesBack);
  expect({ ...actual.deals, byCompetitor: byName(actual.deals.byCompetitor) }).toEqual(expected.deals);
  expect(actual.speed).toEqual(expected.speed);
  expect(actual.stuckTotal).toBe(expected.stuckTotal);
}

/** A breakdown as key → stages (the order of groups is checked separately where it is unambiguous). */
function groupsByKey(actual: FunnelReport) {
  return Object.fromEntries((actual.groups ?? []).map((g) => [g.key, g.stages]));
}

describe('the fixture itself', () => {
  it('holds 217 leads for the team (15 for the second), each consistent with its stage rows', async () => {
    const counts = await database.rows<{ team_id: string; n: number }>(
      sql`select team_id, count(*)::int as n from leads group by team_id order by team_id`,
    );
    expect(counts).toEqual([
      { team_id: FUNNEL_TEAM, n: 217 },
      { team_id: FUNNEL_TEAM_2, n: 15 },
      { team_id: FUNNEL_TEAM_3, n: 4 },
    ]);
    // The lead row agrees with its last stage row (stage, since when, deal fields) and with the
    // furthest working stage of its rows, and each row is closed by the next one.
    const working = sql.raw(`array['${STAGES.join("','")}']`);
    const broken = await database.rows<{ id: number }>(sql`
      select l.id from leads l
      join lateral (
        select to_stage, entered_at, amount, currency, competitor from stage_changes s
        where s.lead_id = l.id order by entered_at desc limit 1
      ) last on true
      join lateral (
        select to_stage from stage_changes s
        where s.lead_id = l.id and array_position(${working}, s.to_stage) is not null
        order by array_position(${working}, s.to_stage) desc limit 1
      ) furthest on true
      where last.to_stage <> l.stage or last.entered_at <> l.stage_entered_at
        or furthest.to_stage is distinct from l.furthest_stage
        or last.amount is distinct from l.amount or last.currency is distinct from l.currency
        or last.competitor is distinct from l.competitor
      union
      select s.lead_id from stage_changes s
      where s.left_at is distinct from (
        select min(n.entered_at) from stage_changes n
        where n.lead_id = s.lead_id and n.entered_at > s.entered_at
      )`);
    expect(broken).toEqual([]);
  });
});

describe('deals as docs/funnel.md defines them (third team, last week)', () => {
  // D1 won (10,000, no competitor at the win; "Rival" named after it), D2 won at 5,000 against Acme
  // (raised to 8,000 after the win), D3 won twice (2,000 Wed, 3,000 Fri, Acme), D4 lost to Acme.
  const expected = {
    // Won: D1, D2, D3 once each = 3; lost: D4 = 1; win rate 3 / 4.
    won: 3,
    lost: 1,
    winRate: 0.75,
    // 10,000 (D1) + 5,000 (D2 at its win, not 8,000) + 3,000 (D3's last win, once) = 18,000.
    // Main: cohort 21,000 (D2 read as 8,000 now), flow 20,000 (D3 summed twice: 2,000 + 3,000).
    amountWon: [{ currency: 'USD', amount: 18_000 }],
    // Acme: D2 and D3 won, D4 lost = 2 / 3. Rival: none (main's cohort: Rival 1 won, 0 lost).
    byCompetitor: [{ competitor: 'Acme', won: 2, lost: 1, winRate: 2 / 3 }],
  };
  const deals = async (mode: FunnelMode) =>
    (await funnel.report(FUNNEL_TEAM_3, { period: period('last-week'), mode, by: null }, FUNNEL_NOW)).deals;

  it('cohort: a deal counts under the competitor and amount of its last win, named or changed after it or not', async () => {
    expect(await deals('cohort')).toEqual(expected);
  });

  it('flow: a deal won twice in the period counts once, with its last win’s amount', async () => {
    const flow = await deals('flow');
    expect(flow).toEqual(expected);
    // The stage table still counts entries: Closing was entered four times (D1, D2, D3 twice).
    const closing = (await report3('last-week', 'flow')).stages.find((s) => s.stage === 'Closing');
    expect(closing?.count).toBe(4);
  });

  it('the retro reviews the same deals, and both surfaces show them the same way', async () => {
    // The retro of W11 reviews W10 (03-02 .. 03-08), the deals in flow mode.
    const retro = await new RetroFiguresService(database, fixedConfig(config)).weekly(
      FUNNEL_TEAM_3,
      '2026-W11',
      FUNNEL_NOW,
    );
    expect(retro.deals).toEqual({ ...expected, lostReasons: [{ reason: 'lost_to_competitor', count: 1 }] });
    const t = messages('en');
    const dealsText = funnelReportBlocks(t, await report3('last-week', 'flow'), {
      timeZone: SEOUL,
      clock: 'business',
    })
      .map((b) => ('text' in b && b.text && typeof b.text === 'object' ? b.text.text : ''))
      .find((text) => text.startsWith(t.funnel.dealsTitle));
    // 3 / 4 = 75 %; Acme 2 / 3 = 66.7 % → 67 %; 18,000 USD to the cent.
    expect(dealsText).toContain('won 3 · lost 1 · win rate 75%');
    expect(dealsText).toContain('Amount won: $18,000.00');
    expect(dealsText).toContain(t.funnel.competitor('Acme', 2, 1, '67%'));
    expect(dealsText).not.toContain('Rival');
  });
});

async function report3(text: string, mode: FunnelMode) {
  return funnel.report(FUNNEL_TEAM_3, { period: period(text), mode, by: null }, FUNNEL_NOW);
}

describe('periods in the team time zone', () => {
  it('starts weeks at Monday 00:00 in Seoul, which is Sunday 15:00 UTC', () => {
    expect(period('last-week')).toEqual(LAST_WEEK);
    expect(LAST_WEEK.start.toISOString()).toBe('2026-03-01T15:00:00.000Z');
    expect(period('this-week')).toEqual(THIS_WEEK);
    expect(period('2026-02-16..2026-03-01')).toEqual(CUSTOM_RANGE);
    // The same instant in UTC starts the week nine hours later.
    const utc = period('last-week', 'UTC');
    expect(utc.start.toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(utc.end.toISOString()).toBe('2026-03-09T00:00:00.000Z');
  });

  it('puts a lead of 00:30 Monday Seoul time (Sunday in UTC) in that week, and 23:59 Sunday in the week before', async () => {
    // referral leads: D4 Mon 03-02 00:00, D1 Mon 03-02 00:30, D2 Sun 03-08 23:59 (MQL) → last week;
    // P5 Sun 03-01 23:59 → the week before; T4 Mon 03-09 00:00 → this week, not last week.
    expect(kst('2026-03-02 00:30').toISOString()).toBe('2026-03-01T15:30:00.000Z');
    const lastWeek = groupsByKey(await report('last-week', 'cohort', 'source'));
    expect(lastWeek.referral?.map((s) => s.count)).toEqual([3, 1, 0, 0, 0, 0, 0, 0]);
    const thisWeek = groupsByKey(await report('this-week', 'cohort', 'source'));
    expect(thisWeek.referral?.map((s) => s.count)).toEqual([1, 0, 0, 0, 0, 0, 0, 0]);
    const range = groupsByKey(await report('2026-02-16..2026-03-01', 'cohort', 'source'));
    expect(range.referral?.map((s) => s.count)).toEqual([1, 1, 1, 0, 0, 0, 0, 0]);
  });
});

describe('last week', () => {
  it('cohort: counts, conversions, change, medians, bottleneck, deals, speed to lead, stuck', async () => {
    const actual = await report('last-week', 'cohort');
    expectReport(actual, LAST_WEEK_COHORT, 'cohort');
    expect(actual.groups).toBeNull();
  });

  it('flow: the same figures over stage entries, with moves back', async () => {
    expectReport(await report('last-week', 'flow'), LAST_WEEK_FLOW, 'flow');
  });

  it('cohort by segment', async () => {
    const actual = await report('last-week', 'cohort', 'segment');
    expectReport(actual, LAST_WEEK_COHORT, 'cohort', 'segment');
    expect(actual.groups).toEqual(LAST_WEEK_COHORT_BY_SEGMENT); // smb (46) before enterprise (12)
  });

  it('cohort by source', async () => {
    const actual = await report('last-week', 'cohort', 'source');
    expectReport(actual, LAST_WEEK_COHORT, 'cohort', 'source');
    expect(groupsByKey(actual)).toEqual(LAST_WEEK_COHORT_BY_SOURCE);
  });

  it("cohort by owner: the lead's current owner, unowned leads as unassigned", async () => {
    const actual = await report('last-week', 'cohort', 'owner');
    expectReport(actual, LAST_WEEK_COHORT, 'cohort', 'owner');
    expect(groupsByKey(actual)).toEqual(LAST_WEEK_COHORT_BY_OWNER);
  });

  it('flow by source', async () => {
    const actual = await report('last-week', 'flow', 'source');
    expectReport(actual, LAST_WEEK_FLOW, 'flow', 'source');
    expect(groupsByKey(actual)).toEqual(LAST_WEEK_FLOW_BY_SOURCE);
  });

  it('flow by owner: the owner recorded on each move', async () => {
    const actual = await report('last-week', 'flow', 'owner');
    expectReport(actual, LAST_WEEK_FLOW, 'flow', 'owner');
    expect(groupsByKey(actual)).toEqual(LAST_WEEK_FLOW_BY_OWNER);
  });
});

describe('this week, while it runs', () => {
  it('cohort against last week cut at the same elapsed time', async () => {
    const actual = await report('this-week', 'cohort', 'source');
    expectReport(actual, THIS_WEEK_COHORT, 'cohort', 'source');
    expect(groupsByKey(actual)).toEqual(THIS_WEEK_COHORT_BY_SOURCE);
  });

  it('flow against last week cut at the same elapsed time', async () => {
    expectReport(await report('this-week', 'flow'), THIS_WEEK_FLOW, 'flow');
  });
});

describe('a custom range 2026-02-16..2026-03-01', () => {
  it('cohort against the 14 days before', async () => {
    const actual = await report('2026-02-16..2026-03-01', 'cohort', 'source');
    expectReport(actual, CUSTOM_COHORT, 'cohort', 'source');
    expect(groupsByKey(actual)).toEqual(CUSTOM_COHORT_BY_SOURCE);
  });

  it('flow against the 14 days before', async () => {
    expectReport(await report('2026-02-16..2026-03-01', 'flow'), CUSTOM_FLOW, 'flow');
  });
});

describe('stagnation thresholds from history', () => {
  it("uses twice the median of the last 180 days' stays, and none below 5 stays", async () => {
    const service = new FunnelService(
      database,
      fixedConfig(parseWorkspaceConfig(FUNNEL_YAML_2, 'baton.yaml')),
    );
    const query = { period: period('last-week'), mode: 'cohort' as const, by: null };
    const actual = await service.report(FUNNEL_TEAM_2, query, FUNNEL_NOW);
    expect(
      actual.stages.map(({ stage, stuck, stuckThresholdDays }) => ({ stage, stuck, stuckThresholdDays })),
    ).toEqual(TEAM_2_STUCK);
    expect(actual.stuckTotal).toBe(1);
    expect(actual.stages.map((s) => s.count)).toEqual(TEAM_2_LAST_WEEK_COUNTS);
  });
});

describe('the reverse plan for 12 deals', () => {
  const plan = async (text: string) => {
    const command = parsePlanCommand(text, FUNNEL_NOW, SEOUL);
    if (command.kind !== 'plan') throw new Error(`${text}: ${command.kind}`);
    const result = await new FunnelPlanService(database, fixedConfig(config)).plan(
      FUNNEL_TEAM,
      command.deals,
      command.period,
      FUNNEL_NOW,
    );
    if (!result.ok) throw new Error(`${text}: ${result.problem.kind}`);
    return result.plan;
  };
  const expectedStages = (perWeek: number[]) =>
    PLAN_12.map((s, i) => ({
      stage: s.stage,
      label: s.stage,
      role: s.role,
      needed: s.needed,
      perWeek: perWeek[i],
      rate: s.rate,
      basis:
        s.next === null
          ? null
          : { source: s.observed ? 'observed' : 'too_few', reached: s.reached, next: s.next },
    }));
  const expectedKpis = (perWeek: number[]) =>
    (['marketer', 'sdr', 'ae', 'cs'] as const).map((role) => ({
      role,
      stages: PLAN_12.flatMap((s, i) =>
        s.role === role ? [{ stage: s.stage, label: s.stage, needed: s.needed, perWeek: perWeek[i] }] : [],
      ),
    }));

  it('works back through the trailing-90-day rates, flags the defaults, and splits per week and role', async () => {
    const actual = await plan('12 2026-03-16..2026-04-12');
    expect(actual).toMatchObject({
      deals: 12,
      wonStage: 'Closing',
      days: 28,
      weeks: 4,
      trailingDays: 90,
      minSample: 40,
    });
    expect(actual.stages).toEqual(expectedStages(PLAN_PER_WEEK_4));
    expect(actual.kpis).toEqual(expectedKpis(PLAN_PER_WEEK_4));
  });

  it('defaults to this quarter: 90 days, 13 weeks', async () => {
    const actual = await plan('12');
    expect(actual).toMatchObject({ deals: 12, days: 90, weeks: 13 });
    expect(actual.stages).toEqual(expectedStages(PLAN_PER_WEEK_13));
    expect(actual.kpis).toEqual(expectedKpis(PLAN_PER_WEEK_13));
    expect(actual.stages.map((s) => s.stage)).toEqual(STAGES);
  });
});
