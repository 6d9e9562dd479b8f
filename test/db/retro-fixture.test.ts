/**
 * The retro fixture's hand-derived figures (test/fixtures/retro-expected.ts) against the real
 * figure services on a real database: the weekly retro's (a)–(d), the monthly playbook review and
 * `/voc report`, as docs/retro.md defines them. The expectations were worked out from the docs
 * alone; when one disagrees with the services, re-derive it from the docs before changing either.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedConfig } from '../../src/config/config-source.js';
import { parseWorkspaceConfig } from '../../src/config/workspace.js';
import type { WorkspaceConfig } from '../../src/config/workspace-schema.js';
import type { Database } from '../../src/db/client.js';
import type { ReportPeriod } from '../../src/domain/funnel-report.js';
import { parsePeriod } from '../../src/domain/periods.js';
import type { RetroDeals } from '../../src/domain/retro-report.js';
import { RetroFiguresService } from '../../src/services/retro-figures.js';
import { VocReportService } from '../../src/services/voc-report.js';
import { applyWorkspaceConfig } from '../../src/services/workspace-setup.js';
import { FUNNEL_NOW, FUNNEL_TEAM, FUNNEL_TEAM_2, FUNNEL_YAML_2, kst } from '../fixtures/funnel-fixture.js';
import {
  MONTHLY_2026_03,
  MONTHLY_KEY,
  MONTHLY_OPENS,
  VOC_REPORT_ALL,
  VOC_REPORT_OBJECTION,
  VOC_REPORT_PRICING,
  VOC_REPORT_RANGE,
  vocFigures,
  WEEKLY_KEY,
  WEEKLY_OPENS,
  WEEKLY_W11,
} from '../fixtures/retro-expected.js';
import { CADENCE_EVENTS, RETRO_YAML, seedRetroFixture, VOC_ENTRIES } from '../fixtures/retro-fixture.js';
import { openTestDatabase } from '../harness/database.js';

let database: Database;
let config: WorkspaceConfig;
let vocIds: Record<string, number>;

beforeAll(async () => {
  database = await openTestDatabase();
  config = parseWorkspaceConfig(RETRO_YAML, 'baton.yaml');
  // Applied long before every reviewed period, so the roster was there when each retro opened.
  const applied = kst('2026-01-02 09:00');
  await applyWorkspaceConfig(database, { teamId: FUNNEL_TEAM }, config, applied);
  await applyWorkspaceConfig(
    database,
    { teamId: FUNNEL_TEAM_2 },
    parseWorkspaceConfig(FUNNEL_YAML_2, 'baton.yaml'),
    applied,
  );
  ({ vocIds } = await seedRetroFixture(database));
});
afterAll(async () => {
  await database?.close();
});

/** The deals with competitors by name: their order is not defined (as in the funnel fixture test). */
const byName = (deals: RetroDeals) => ({
  ...deals,
  byCompetitor: [...deals.byCompetitor].sort((a, b) => a.competitor.localeCompare(b.competitor)),
});

describe('the fixture itself', () => {
  it('holds the VOC entries, the reminders, the goals and the extra routed leads', async () => {
    const count = async (table: string) =>
      database.rows<{ team_id: string; n: number }>(
        sql`select team_id, count(*)::int as n from ${sql.raw(table)} group by team_id order by team_id`,
      );
    expect(await count('voc_entries')).toEqual([
      { team_id: FUNNEL_TEAM, n: 28 },
      { team_id: FUNNEL_TEAM_2, n: 3 },
    ]);
    expect(VOC_ENTRIES).toHaveLength(31);
    expect(await count('lead_events')).toEqual([
      { team_id: FUNNEL_TEAM, n: CADENCE_EVENTS.length - 3 },
      { team_id: FUNNEL_TEAM_2, n: 3 },
    ]);
    expect(await count('funnel_goals')).toEqual([
      { team_id: FUNNEL_TEAM, n: 4 },
      { team_id: FUNNEL_TEAM_2, n: 1 },
    ]);
    // 217 funnel leads + S1 3, S2 2, S3 1, S4 1.
    expect(await count('leads')).toEqual([
      { team_id: FUNNEL_TEAM, n: 224 },
      { team_id: FUNNEL_TEAM_2, n: 15 },
    ]);
    // Ids ascend in list order, so w15 (captured Mon 08:00) has the highest id of the week.
    const ids = VOC_ENTRIES.map((v) => vocIds[v.key]!);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
  });

  it('puts the Seoul-midnight edges where the calendar says (UTC would not)', () => {
    expect(kst('2026-03-02 00:00').toISOString()).toBe('2026-03-01T15:00:00.000Z');
    expect(kst('2026-02-01 00:00').toISOString()).toBe('2026-01-31T15:00:00.000Z');
    expect(kst('2026-03-01 00:00').toISOString()).toBe('2026-02-28T15:00:00.000Z');
  });
});

describe('the weekly retro of 2026-W11 (opens Mon 03-09 10:00 KST, reviews 2026-W10)', () => {
  let snapshot: Awaited<ReturnType<RetroFiguresService['weekly']>>;
  beforeAll(async () => {
    snapshot = await new RetroFiguresService(database, fixedConfig(config)).weekly(
      FUNNEL_TEAM,
      WEEKLY_KEY,
      WEEKLY_OPENS,
    );
  });

  it('names its week and the reviewed one', () => {
    expect(snapshot.weekKey).toBe(WEEKLY_W11.weekKey);
    expect(snapshot.reviewed).toEqual(WEEKLY_W11.reviewed);
  });

  it('(a) the cohort funnel against the week before and the covering goal per week, and the bottleneck', () => {
    expect(snapshot.funnel).toEqual(WEEKLY_W11.funnel);
  });

  it('(a) speed to lead for the team', () => {
    expect(snapshot.speed).toEqual(WEEKLY_W11.speed);
  });

  it('(b) SLA and speed to lead per seller, every roster seller listed', () => {
    expect(snapshot.sellers).toEqual(WEEKLY_W11.sellers);
  });

  it('(c) won and lost in flow, with lost reasons', () => {
    expect(byName(snapshot.deals)).toEqual(WEEKLY_W11.deals);
  });

  it('(d) VOC themes against the week before, with top quotes', () => {
    expect(snapshot.voc).toEqual(vocFigures(WEEKLY_W11.voc, vocIds));
  });
});

describe('the monthly playbook review of 2026-03 (opens Sun 03-01 10:00 KST, reviews February)', () => {
  let review: Awaited<ReturnType<RetroFiguresService['monthly']>>;
  beforeAll(async () => {
    review = await new RetroFiguresService(database, fixedConfig(config)).monthly(
      FUNNEL_TEAM,
      MONTHLY_KEY,
      MONTHLY_OPENS,
    );
  });

  it('names its month and the reviewed one', () => {
    expect(review.monthKey).toBe(MONTHLY_2026_03.monthKey);
    expect(review.reviewed).toEqual(MONTHLY_2026_03.reviewed);
  });

  it('cadence-step completion per configured step', () => {
    expect(review.cadence).toEqual(MONTHLY_2026_03.cadence);
  });

  it('SLA trend over the four ISO weeks that ended before it opened', () => {
    expect(review.sla).toEqual(MONTHLY_2026_03.sla);
  });

  it('days in stage per stage before the won stage, per week', () => {
    expect(review.stages).toEqual(MONTHLY_2026_03.stages);
  });
});

describe(`/voc report ${VOC_REPORT_RANGE}`, () => {
  let period: ReportPeriod;
  beforeAll(() => {
    const parsed = parsePeriod(VOC_REPORT_RANGE, FUNNEL_NOW, 'Asia/Seoul');
    if (!parsed.ok) throw new Error(parsed.problem.code);
    period = parsed.period;
  });
  const report = (category: Parameters<VocReportService['report']>[1]['category']) =>
    new VocReportService(database, fixedConfig(config)).report(FUNNEL_TEAM, { period, category });

  it('compares the range with the 7 days before', () => {
    expect(period.previousStart).toEqual(kst('2026-02-23 00:00'));
    expect(period.previousEnd).toEqual(kst('2026-03-02 00:00'));
  });

  it("every category: (d)'s figures over the range", async () => {
    const answer = await report(null);
    expect(answer.period).toEqual(period);
    expect(answer.category).toBeNull();
    expect(answer.figures).toEqual(vocFigures(VOC_REPORT_ALL, vocIds));
  });

  it('one category: only its entries count, quotes filled with its next newest', async () => {
    const answer = await report('objection');
    expect(answer.category).toBe('objection');
    expect(answer.figures).toEqual(vocFigures(VOC_REPORT_OBJECTION, vocIds));
  });

  it('a category with nothing in the range still shows the week before', async () => {
    expect((await report('pricing')).figures).toEqual(vocFigures(VOC_REPORT_PRICING, vocIds));
  });
});
