/**
 * The weekly retro's (a)–(d) and the monthly playbook review's figures on a small hand-built
 * team, every figure worked out by hand from docs/retro.md. Seoul (UTC+9, no daylight saving).
 *
 *   Retro 2026-W11 opens Mon 03-09 10:00 and reviews W10 = Mon 03-02 00:00 .. Mon 03-09 00:00;
 *   the week before is W09 = 02-23 .. 03-02.
 *   Review 2026-03 opens Sun 03-01 10:00 and reviews February (02-01 .. 03-01); W09 is still
 *   running then, so the trend weeks are W05 (01-26), W06 (02-02), W07 (02-09) and W08 (02-16).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedConfig } from '../../src/config/config-source.js';
import type { VocCategory } from '../../src/config/workspace/constants.js';
import { parseWorkspaceConfig } from '../../src/config/workspace.js';
import type { WorkspaceConfig } from '../../src/config/workspace-schema.js';
import type { Database } from '../../src/db/client.js';
import { upsertGoal } from '../../src/db/queries/funnel-goals.js';
import { leadEvents, leads, vocEntries } from '../../src/db/schema.js';
import { parsePeriod } from '../../src/domain/periods.js';
import type { FunnelPlan } from '../../src/domain/plan.js';
import { RetroFiguresService, type WeeklyFigures } from '../../src/services/retro-figures.js';
import { VocReportService } from '../../src/services/voc-report.js';
import { applyWorkspaceConfig } from '../../src/services/workspace-setup.js';
import { kst, seedArchetypes } from '../fixtures/funnel-fixture.js';
import { openTestDatabase, seedWorkspace } from '../harness/database.js';

const TEAM = 'T0RETROFIG';
const OTHER = 'T0RETROOTH';
const [S1, S2, S3, A1, GONE] = ['U0SDR0001', 'U0SDR0002', 'U0SDR0003', 'U0AE00001', 'U0GONE001'];

const YAML = `
locale: en
calendar:
  time_zone: Asia/Seoul
channels:
  leads: C0LEADS
roster:
  - { user: ${S1}, roles: [sdr] }
  - { user: ${S2}, roles: [sdr] }
  - { user: ${S3}, roles: [sdr] }
  - { user: ${A1}, roles: [ae] }
  - { user: U0MKT0001, roles: [marketer] }
  - { user: U0MGR0001, roles: [manager] }
cadence:
  steps:
    - { day: 1, action: call, label: Intro call, within_minutes: 60 }
    - { day: 3, action: email, label: Follow-up email }
    - { day: 5, action: linkedin, label: Connect }
`;

type Archetypes = Parameters<typeof seedArchetypes>[2];
const one = { count: 1, segment: 'smb', source: 'webinar' } as const;

/** The reviewed week W10 and the week before it (W09). */
const WEEKLY: Archetypes = [
  // W10 cohort: Lead 03-02 → MQL 03-03 → SAL 03-04 (Sora) → SQL 03-05; met in 12 minutes.
  {
    ...one,
    id: 'L1',
    arrive: { stage: 'Lead', at: '2026-03-02 09:00' },
    touch: [12],
    moves: [
      { to: 'MQL', at: '2026-03-03 09:00' },
      { to: 'SAL', at: '2026-03-04 09:00', owner: S1 },
      { to: 'SQL', at: '2026-03-05 09:00' },
    ],
  },
  // The week's first instant; Sora's, met in 30.
  {
    ...one,
    id: 'L2',
    arrive: { stage: 'MQL', at: '2026-03-02 00:00' },
    touch: [30],
    moves: [],
    ownerNow: S1,
  },
  // Minjun's, breached (touched after 90), lost for no budget to Acme on 03-06.
  {
    ...one,
    id: 'L3',
    arrive: { stage: 'SQL', at: '2026-03-03 10:00' },
    touch: [90],
    moves: [
      { to: 'Opportunity', at: '2026-03-04 10:00', owner: A1 },
      { to: 'Lost', at: '2026-03-06 10:00', reason: 'no_budget', competitor: 'Acme' },
    ],
  },
  // Minjun's, met in 20, won on 03-07 for USD 1,000 against Acme.
  {
    ...one,
    id: 'L4',
    arrive: { stage: 'SQL', at: '2026-03-04 10:00' },
    touch: [20],
    moves: [
      { to: 'Opportunity', at: '2026-03-05 10:00', owner: A1 },
      { to: 'Negotiation', at: '2026-03-06 10:00' },
      { to: 'Closing', at: '2026-03-07 10:00', amount: 1000, currency: 'USD', competitor: 'Acme' },
    ],
  },
  // Not routed.
  { ...one, id: 'L5', arrive: { stage: 'Lead', at: '2026-03-05 10:00' }, moves: [] },
  // Routed, nobody took it, breached: the team's figure only.
  { ...one, id: 'L6', arrive: { stage: 'MQL', at: '2026-03-06 10:00' }, touch: ['breached'], moves: [] },
  // The week's last minute; Jisoo's clock still running.
  {
    ...one,
    id: 'L7',
    arrive: { stage: 'MQL', at: '2026-03-08 23:59' },
    touch: ['running'],
    moves: [],
    ownerNow: S2,
  },
  // Owned by someone off the roster; breached, touched after 200.
  {
    ...one,
    id: 'L13',
    arrive: { stage: 'MQL', at: '2026-03-05 11:00' },
    touch: [200],
    moves: [],
    ownerNow: GONE,
  },
  // Next week's first instant: not reviewed.
  {
    ...one,
    id: 'L8',
    arrive: { stage: 'Lead', at: '2026-03-09 00:00' },
    touch: [5],
    moves: [],
    ownerNow: S1,
  },
  // W09 cohort: an SQL lost in W10 without a reason (5 days in Opportunity).
  {
    ...one,
    id: 'L9',
    arrive: { stage: 'SQL', at: '2026-02-25 10:00' },
    touch: [10],
    moves: [
      { to: 'Opportunity', at: '2026-02-26 10:00', owner: A1 },
      { to: 'Lost', at: '2026-03-03 10:00' },
    ],
  },
  // W09: MQL 02-25, lost for no budget 03-04 after 7 days in MQL.
  {
    ...one,
    id: 'L10',
    arrive: { stage: 'Lead', at: '2026-02-24 10:00' },
    moves: [
      { to: 'MQL', at: '2026-02-25 10:00' },
      { to: 'Lost', at: '2026-03-04 10:00', reason: 'no_budget' },
    ],
  },
  { ...one, id: 'L11', arrive: { stage: 'Lead', at: '2026-02-23 10:00' }, moves: [] },
  {
    ...one,
    id: 'L12',
    arrive: { stage: 'MQL', at: '2026-02-26 10:00' },
    touch: [40],
    moves: [],
    ownerNow: S2,
  },
];

/** February and the weeks before it, for the playbook review. */
const MONTHLY: Archetypes = [
  // W06. MQL 1 day, SAL 2 days (both end in W06), SQL 4 days (ends Tue 02-10, W07).
  {
    ...one,
    id: 'M1',
    arrive: { stage: 'MQL', at: '2026-02-03 10:00' },
    touch: [10],
    moves: [
      { to: 'SAL', at: '2026-02-04 10:00', owner: S1 },
      { to: 'SQL', at: '2026-02-06 10:00' },
      { to: 'Opportunity', at: '2026-02-10 10:00' },
    ],
  },
  // W06, breached. MQL 12 hours, SAL 12 hours (both end in W06).
  {
    ...one,
    id: 'M2',
    arrive: { stage: 'MQL', at: '2026-02-05 10:00' },
    touch: [100],
    moves: [
      { to: 'SAL', at: '2026-02-05 22:00', owner: S2 },
      { to: 'SQL', at: '2026-02-06 10:00' },
    ],
  },
  // W08, not routed. Lead 1 day, MQL 2 days (W08).
  {
    ...one,
    id: 'M3',
    arrive: { stage: 'Lead', at: '2026-02-17 10:00' },
    moves: [
      { to: 'MQL', at: '2026-02-18 10:00' },
      { to: 'Disqualified', at: '2026-02-20 10:00', reason: 'not_a_fit' },
    ],
  },
  // W05, met in 30. SQL 3 days (W05), Opportunity 10 days and Negotiation 3 days (W07); Closing is the won stage.
  {
    ...one,
    id: 'M4',
    arrive: { stage: 'SQL', at: '2026-01-27 10:00' },
    touch: [30],
    moves: [
      { to: 'Opportunity', at: '2026-01-30 10:00', owner: A1 },
      { to: 'Negotiation', at: '2026-02-09 10:00' },
      { to: 'Closing', at: '2026-02-12 10:00' },
    ],
  },
  // W08, routed, unowned, breached: in the team's trend.
  { ...one, id: 'M5', arrive: { stage: 'MQL', at: '2026-02-20 10:00' }, touch: ['breached'], moves: [] },
];

/** A stored goal plan: only the per-week figures matter to the retro. */
function plan(deals: number, perWeek: Record<string, number>): FunnelPlan {
  return {
    version: 1,
    deals,
    wonStage: 'Closing',
    days: 7,
    weeks: 1,
    trailingDays: 90,
    minSample: 30,
    stages: Object.entries(perWeek).map(([stage, n]) => ({
      stage,
      label: stage,
      role: 'sdr',
      needed: n,
      perWeek: n,
      rate: null,
      basis: null,
    })),
    kpis: [],
  };
}

let database: Database;
let config: WorkspaceConfig;
let figures: RetroFiguresService;
const leadIds = new Map<string, number>();

async function cadenceEvent(
  lead: string,
  type: 'cadence_step_due' | 'cadence_step_done' | 'cadence_step_skipped',
  owner: string,
  step: number,
  at: string,
  extra: Record<string, unknown> = {},
) {
  const data =
    type === 'cadence_step_due'
      ? {
          owner,
          step,
          snoozes: 0,
          day: 1,
          action: 'call',
          late: false,
          dueAt: kst(at).toISOString(),
          ...extra,
        }
      : { owner, step, snoozes: 0, day: 1, by: owner, ...extra };
  await database.db.insert(leadEvents).values({
    teamId: TEAM,
    leadId: leadIds.get(lead)!,
    type,
    actorId: type === 'cadence_step_due' ? null : owner,
    data,
    occurredAt: kst(at),
  });
}

async function voc(teamId: string, id: string, at: string, fields: Partial<typeof vocEntries.$inferInsert>) {
  const [row] = await database.db
    .insert(vocEntries)
    .values({
      teamId,
      quote: `quote ${id}`,
      capturedBy: S1,
      via: 'shortcut',
      sourceChannel: 'C0SALES',
      sourceTs: `${id}.0001`,
      sourceAuthorId: 'U0CUSTSAY',
      sourcePermalink: `https://example.slack.com/archives/C0SALES/p${id}`,
      createdAt: kst(at),
      ...fields,
    })
    .returning({ id: vocEntries.id });
  return row!.id;
}

const vocIds = new Map<string, number>();

beforeAll(async () => {
  database = await openTestDatabase();
  config = parseWorkspaceConfig(YAML, 'baton.yaml');
  const now = kst('2026-01-01 09:00');
  await applyWorkspaceConfig(database, { teamId: TEAM }, config, now);
  await seedWorkspace(database, OTHER, now);
  await seedArchetypes(database, TEAM, [...WEEKLY, ...MONTHLY]);
  // Another team's lead owned by "Sora" and lost in W10: never counted.
  await seedArchetypes(database, OTHER, [
    {
      ...one,
      id: 'K1',
      arrive: { stage: 'SQL', at: '2026-03-03 10:00' },
      touch: [5],
      moves: [{ to: 'Lost', at: '2026-03-04 10:00', owner: S1, reason: 'no_budget' }],
    },
  ]);
  for (const row of await database.db.select({ id: leads.id, externalId: leads.externalId }).from(leads)) {
    leadIds.set(row.externalId!.replace(/-1$/, ''), row.id);
  }

  // Goals: a quarter's, the reviewed week's (shorter: it wins) and next week's (does not cover 03-02).
  const goal = (periodStart: string, periodEnd: string, deals: number, perWeek: Record<string, number>) =>
    upsertGoal(database.db, {
      teamId: TEAM,
      periodStart,
      periodEnd,
      deals,
      plan: plan(deals, perWeek),
      setBy: 'U0MGR0001',
      setAt: kst(`${periodStart} 09:00`),
    });
  await goal('2026-01-01', '2026-04-01', 12, { Lead: 40, MQL: 20 });
  await goal('2026-03-02', '2026-03-09', 1, {
    Lead: 9,
    MQL: 6,
    SAL: 4,
    SQL: 3,
    Opportunity: 2,
    Negotiation: 2,
    Closing: 1,
  });
  await goal('2026-03-09', '2026-03-16', 2, { Lead: 99 });

  // VOC of W10, of W09, just outside both, and another team's.
  vocIds.set(
    'V1',
    await voc(TEAM, 'V1', '2026-03-02 00:00', {
      category: 'objection',
      competitor: 'acme',
      tags: ['pricing'],
    }),
  );
  vocIds.set(
    'V2',
    await voc(TEAM, 'V2', '2026-03-04 12:00', { category: 'feature_request', tags: ['api', 'sso'] }),
  );
  vocIds.set(
    'V3',
    await voc(TEAM, 'V3', '2026-03-06 12:00', {
      category: 'objection',
      competitor: 'Acme',
      tags: ['pricing', 'api'],
      sentiment: 'negative',
    }),
  );
  vocIds.set(
    'V4',
    await voc(TEAM, 'V4', '2026-03-08 23:59', {
      sourceAuthorId: null,
      sourcePermalink: null,
      via: 'reaction',
    }),
  );
  await voc(TEAM, 'V5', '2026-03-09 00:00', { category: 'praise' });
  await voc(TEAM, 'V6', '2026-02-25 10:00', { category: 'objection' });
  await voc(TEAM, 'V7', '2026-03-01 23:59', { category: 'praise' });
  await voc(TEAM, 'V0', '2026-02-22 23:59', { category: 'pricing' });
  await voc(OTHER, 'V8', '2026-03-04 10:00', { category: 'objection', competitor: 'Acme' });

  // Cadence reminders around February (02-01 00:00 .. 03-01 00:00 KST).
  await cadenceEvent('M1', 'cadence_step_due', S1, 0, '2026-02-03 10:10');
  await cadenceEvent('M1', 'cadence_step_done', S1, 0, '2026-02-03 10:20');
  // Snoozed once: due twice, counted once, then done.
  await cadenceEvent('M1', 'cadence_step_due', S1, 1, '2026-02-05 09:00');
  await cadenceEvent('M1', 'cadence_step_due', S1, 1, '2026-02-05 10:00', { snoozes: 1 });
  await cadenceEvent('M1', 'cadence_step_done', S1, 1, '2026-02-05 11:00', { snoozes: 1 });
  await cadenceEvent('M1', 'cadence_step_due', S1, 2, '2026-02-09 09:00');
  await cadenceEvent('M1', 'cadence_step_skipped', S1, 2, '2026-02-09 09:30', { reason: 'owner' });
  // The lead passed to Jisoo: her step 0 is hers to answer, Sora's Done does not count for it.
  await cadenceEvent('M1', 'cadence_step_due', S2, 0, '2026-02-10 09:00');
  await cadenceEvent('M2', 'cadence_step_due', S2, 0, '2026-02-05 10:05');
  // Done after the month: done "at any time".
  await cadenceEvent('M2', 'cadence_step_due', S2, 1, '2026-02-27 09:00');
  await cadenceEvent('M2', 'cadence_step_done', S2, 1, '2026-03-02 09:00');
  // Skipped by Baton (the lead reached the stop stage), not by the owner: unanswered.
  await cadenceEvent('M2', 'cadence_step_due', S2, 2, '2026-02-28 10:00');
  await cadenceEvent('M2', 'cadence_step_skipped', S2, 2, '2026-02-28 11:00', {
    reason: 'stage_reached',
    late: false,
  });
  // Due in January (done in February): not February's.
  await cadenceEvent('M4', 'cadence_step_due', A1, 0, '2026-01-31 14:00');
  await cadenceEvent('M4', 'cadence_step_done', A1, 0, '2026-02-01 09:00');
  // Due in February's last hour, snoozed into March, done there: February's, done.
  await cadenceEvent('M4', 'cadence_step_due', A1, 1, '2026-02-28 23:30');
  await cadenceEvent('M4', 'cadence_step_due', A1, 1, '2026-03-01 00:30', { snoozes: 1 });
  await cadenceEvent('M4', 'cadence_step_done', A1, 1, '2026-03-01 01:00', { snoozes: 1 });
  // March's first instant: not February's.
  await cadenceEvent('M5', 'cadence_step_due', S1, 0, '2026-03-01 00:00');
  // A step no longer configured.
  await cadenceEvent('M5', 'cadence_step_due', S1, 5, '2026-02-21 09:00');

  figures = new RetroFiguresService(database, fixedConfig(config));
});
afterAll(async () => {
  await database?.close();
});

const OPENED = kst('2026-03-09 10:00');

describe('weekly figures of the retro of 2026-W11 (reviewing W10)', () => {
  let week: WeeklyFigures;
  beforeAll(async () => {
    week = await figures.weekly(TEAM, '2026-W11', OPENED);
  });

  it('reviews Monday 03-02 00:00 to Monday 03-09 00:00 Seoul time', () => {
    expect(week.weekKey).toBe('2026-W11');
    expect(week.reviewed).toEqual({
      key: '2026-W10',
      firstDay: '2026-03-02',
      lastDay: '2026-03-08',
      start: '2026-03-01T15:00:00.000Z',
      end: '2026-03-08T15:00:00.000Z',
    });
  });

  it('(a) the cohort per stage against the week before and the week’s goal', () => {
    // W10 cohort (L1 SQL, L2 MQL, L3 Opportunity, L4 Closing, L5 Lead, L6 MQL, L7 MQL, L13 MQL):
    //   Lead 8, MQL 7, SAL 3 (L1 L3 L4), SQL 3, Opportunity 2 (L3 L4), Negotiation 1, Closing 1, Retention 0.
    // W09 cohort (L9 Opportunity, L10 MQL, L11 Lead, L12 MQL): Lead 4, MQL 3, SAL 1, SQL 1, Opportunity 1.
    // Goal: the week's (03-02..03-08) over the quarter's, both covering Monday 03-02.
    const s = (
      stage: string,
      count: number,
      previousCount: number,
      conversion: number | null,
      goal: number | null,
    ) => ({
      stage,
      label: stage,
      count,
      previousCount,
      change: count - previousCount,
      changeRate: previousCount ? (count - previousCount) / previousCount : null,
      conversion,
      goal,
    });
    expect(week.funnel.stages).toEqual([
      s('Lead', 8, 4, 7 / 8, 9),
      s('MQL', 7, 3, 3 / 7, 6),
      s('SAL', 3, 1, 3 / 3, 4),
      s('SQL', 3, 1, 2 / 3, 3),
      s('Opportunity', 2, 1, 1 / 2, 2),
      s('Negotiation', 1, 0, 1 / 1, 2),
      s('Closing', 1, 0, 0 / 1, 1),
      s('Retention', 0, 0, null, null), // the plan has no Retention figure
    ]);
    expect(week.funnel.goal).toEqual({ deals: 1, firstDay: '2026-03-02', lastDay: '2026-03-08' });
  });

  it('(a) the bottleneck: the lowest conversion among stages of 5 or more before the won stage', () => {
    // Lead 7/8, MQL 3/7 → MQL. The week before: 1 of 3 MQLs reached SAL. MQL stays ended in W10:
    // L1 (03-03 → 03-04, 1 day) and L10 (02-25 → 03-04, 7 days): median 4.
    expect(week.funnel.bottleneck).toEqual({
      stage: 'MQL',
      next: 'SAL',
      conversion: 3 / 7,
      previousConversion: 1 / 3,
      medianDays: 4,
    });
  });

  it('(a) the team’s speed to lead over W10’s routed leads, owned or not', () => {
    // Routed: L1 12, L2 30, L3 90 (breached), L4 20, L6 breached untouched, L7 running, L13 200 (breached).
    // Touched minutes 12, 20, 30, 90, 200: median 30, p90 at rank 3.6 = 90 + 0.6 × 110 = 156.
    expect(week.speed).toMatchObject({
      leads: 7,
      touched: 5,
      medianMinutes: 30,
      met: 3,
      breached: 3,
      withinSla: 0.5,
    });
    expect(week.speed.p90Minutes).toBeCloseTo(156, 9);
  });

  it('(b) every seller on the roster and anyone else who owned a W10 lead, by leads then user id', () => {
    expect(week.sellers).toEqual([
      // L3 (90, breached) and L4 (20, met): median 55.
      { userId: A1, leads: 2, touched: 2, met: 1, breached: 1, withinSla: 0.5, medianMinutes: 55 },
      // L1 (12) and L2 (30), both met: median 21. L8 is next week's; the other team's K1 never counts.
      { userId: S1, leads: 2, touched: 2, met: 2, breached: 0, withinSla: 1, medianMinutes: 21 },
      { userId: GONE, leads: 1, touched: 1, met: 0, breached: 1, withinSla: 0, medianMinutes: 200 },
      // L7: clock running, in neither met nor breached.
      { userId: S2, leads: 1, touched: 0, met: 0, breached: 0, withinSla: null, medianMinutes: null },
      { userId: S3, leads: 0, touched: 0, met: 0, breached: 0, withinSla: null, medianMinutes: null },
    ]);
  });

  it('(c) won and lost in W10 as flow, with lost reasons', () => {
    // Won: L4 into Closing (USD 1,000, Acme). Lost: L9 (03-03, no reason), L10 (03-04), L3 (03-06, Acme).
    expect(week.deals).toEqual({
      won: 1,
      lost: 3,
      winRate: 1 / 4,
      amountWon: [{ currency: 'USD', amount: 1000 }],
      byCompetitor: [{ competitor: 'Acme', won: 1, lost: 1, winRate: 0.5 }],
      lostReasons: [
        { reason: 'no_budget', count: 2 },
        { reason: 'unknown', count: 1 },
      ],
    });
  });

  it('(d) VOC captured in W10 against W09', () => {
    // W10: V1 (the first instant), V2, V3, V4 (the last minute). W09: V6, V7 (its last minute).
    expect(week.voc).toEqual({
      total: 4,
      previousTotal: 2,
      byCategory: [
        { category: 'objection', count: 2, previousCount: 1, change: 1 },
        { category: 'feature_request', count: 1, previousCount: 0, change: 1 },
        { category: 'praise', count: 0, previousCount: 1, change: -1 },
        { category: null, count: 1, previousCount: 0, change: 1 },
      ],
      // V1 "acme" was written first.
      byCompetitor: [{ competitor: 'acme', count: 2 }],
      tags: [
        { tag: 'api', count: 2 },
        { tag: 'pricing', count: 2 },
        { tag: 'sso', count: 1 },
      ],
      // objection (2): V3; feature_request: V2; uncategorised: V4; then the newest left: V1.
      quotes: [
        {
          id: vocIds.get('V3'),
          quote: 'quote V3',
          category: 'objection',
          sentiment: 'negative',
          competitor: 'Acme',
          authorId: 'U0CUSTSAY',
          capturedBy: S1,
          permalink: 'https://example.slack.com/archives/C0SALES/pV3',
        },
        {
          id: vocIds.get('V2'),
          quote: 'quote V2',
          category: 'feature_request',
          sentiment: null,
          competitor: null,
          authorId: 'U0CUSTSAY',
          capturedBy: S1,
          permalink: 'https://example.slack.com/archives/C0SALES/pV2',
        },
        {
          id: vocIds.get('V4'),
          quote: 'quote V4',
          category: null,
          sentiment: null,
          competitor: null,
          authorId: S1,
          capturedBy: S1,
          permalink: null,
        },
        {
          id: vocIds.get('V1'),
          quote: 'quote V1',
          category: 'objection',
          sentiment: null,
          competitor: 'acme',
          authorId: 'U0CUSTSAY',
          capturedBy: S1,
          permalink: 'https://example.slack.com/archives/C0SALES/pV1',
        },
      ],
    });
  });

  it('says so when no goal covers the reviewed week', async () => {
    const earlier = await figures.weekly(TEAM, '2026-W01', kst('2025-12-29 10:00'));
    expect(earlier.reviewed).toMatchObject({
      key: '2025-W52',
      firstDay: '2025-12-22',
      lastDay: '2025-12-28',
    });
    expect(earlier.funnel.goal).toBeNull();
    expect(earlier.funnel.stages.every((s) => s.goal === null && s.count === 0)).toBe(true);
    expect(earlier.sellers.map((s) => [s.userId, s.leads])).toEqual([
      [A1, 0],
      [S1, 0],
      [S2, 0],
      [S3, 0],
    ]);
    expect(earlier.deals).toMatchObject({ won: 0, lost: 0, winRate: null, lostReasons: [] });
    expect(earlier.voc).toMatchObject({ total: 0, previousTotal: 0, byCategory: [], quotes: [] });
  });
});

describe('monthly figures of the playbook review of 2026-03 (reviewing February)', () => {
  it('cadence completion per configured step', async () => {
    const month = await figures.monthly(TEAM, '2026-03', kst('2026-03-01 10:00'));
    expect(month.monthKey).toBe('2026-03');
    expect(month.reviewed).toEqual({
      key: '2026-02',
      firstDay: '2026-02-01',
      lastDay: '2026-02-28',
      start: '2026-01-31T15:00:00.000Z',
      end: '2026-02-28T15:00:00.000Z',
    });
    expect(month.cadence).toEqual([
      // (M1, Sora) done; (M1, Jisoo) and (M2, Jisoo) unanswered. M4's is January's, M5's March's.
      { step: 0, day: 1, label: 'Intro call', due: 3, done: 1, skipped: 0, unanswered: 2, completion: 1 / 3 },
      // (M1, Sora) snoozed and done; (M2, Jisoo) done in March; (M4, Minjun) due 02-28 23:30, done after a snooze.
      {
        step: 1,
        day: 3,
        label: 'Follow-up email',
        due: 3,
        done: 3,
        skipped: 0,
        unanswered: 0,
        completion: 1,
      },
      // (M1, Sora) skipped by her; (M2, Jisoo) skipped by Baton, so unanswered.
      { step: 2, day: 5, label: 'Connect', due: 2, done: 0, skipped: 1, unanswered: 1, completion: 0 },
    ]);
  });

  it('the SLA trend and days in stage over the four ISO weeks that ended before the review opened', async () => {
    const month = await figures.monthly(TEAM, '2026-03', kst('2026-03-01 10:00'));
    expect(month.sla).toEqual([
      // W05: M4 met in 30.
      { weekKey: '2026-W05', firstDay: '2026-01-26', met: 1, breached: 0, withinSla: 1, medianMinutes: 30 },
      // W06: M1 met in 10, M2 breached after 100.
      { weekKey: '2026-W06', firstDay: '2026-02-02', met: 1, breached: 1, withinSla: 0.5, medianMinutes: 55 },
      {
        weekKey: '2026-W07',
        firstDay: '2026-02-09',
        met: 0,
        breached: 0,
        withinSla: null,
        medianMinutes: null,
      },
      // W08: M5, unowned and breached, untouched.
      { weekKey: '2026-W08', firstDay: '2026-02-16', met: 0, breached: 1, withinSla: 0, medianMinutes: null },
    ]);
    const weeks = (...stays: Array<[number, number | null]>) =>
      stays.map(([n, medianDays], i) => ({ weekKey: `2026-W0${5 + i}`, stays: n, medianDays }));
    const none: [number, null] = [0, null];
    expect(month.stages).toEqual([
      { stage: 'Lead', label: 'Lead', weeks: weeks(none, none, none, [1, 1]) }, // M3
      { stage: 'MQL', label: 'MQL', weeks: weeks(none, [2, 0.75], none, [1, 2]) }, // M1 1 + M2 0.5; M3
      { stage: 'SAL', label: 'SAL', weeks: weeks(none, [2, 1.25], none, none) }, // M1 2 + M2 0.5
      { stage: 'SQL', label: 'SQL', weeks: weeks([1, 3], none, [1, 4], none) }, // M4; M1 (02-06 → 02-10)
      { stage: 'Opportunity', label: 'Opportunity', weeks: weeks(none, none, [1, 10], none) }, // M4
      { stage: 'Negotiation', label: 'Negotiation', weeks: weeks(none, none, [1, 3], none) }, // M4
    ]);
  });
});

describe('/voc report figures', () => {
  const report = (text: string, now: Date, category: VocCategory | null) => {
    const parsed = parsePeriod(text, now, 'Asia/Seoul');
    if (!parsed.ok) throw new Error(parsed.problem.code);
    return new VocReportService(database, fixedConfig(config)).report(TEAM, {
      period: parsed.period,
      category,
    });
  };

  it('counts only the category asked for, in both periods', async () => {
    const r = await report('last-week', kst('2026-03-11 14:00'), 'objection');
    expect(r.category).toBe('objection');
    expect(r.period).toMatchObject({ key: 'last-week', firstDay: '2026-03-02', lastDay: '2026-03-08' });
    // W10 objections V1, V3; W09's V6.
    expect(r.figures).toMatchObject({
      total: 2,
      previousTotal: 1,
      byCategory: [{ category: 'objection', count: 2, previousCount: 1, change: 1 }],
      byCompetitor: [{ competitor: 'acme', count: 2 }],
      tags: [
        { tag: 'pricing', count: 2 },
        { tag: 'api', count: 1 },
      ],
    });
    expect(r.figures.quotes.map((q) => q.id)).toEqual([vocIds.get('V3'), vocIds.get('V1')]);
  });

  it('cuts a running period’s comparison at the same elapsed time', async () => {
    // Monday 03-09 12:00: this week so far has V5 (00:00); last week up to Monday 12:00 has V1 (00:00).
    const r = await report('this-week', kst('2026-03-09 12:00'), null);
    expect(r.period.running).toBe(true);
    expect(r.figures).toMatchObject({
      total: 1,
      previousTotal: 1,
      byCategory: [
        { category: 'objection', count: 0, previousCount: 1, change: -1 },
        { category: 'praise', count: 1, previousCount: 0, change: 1 },
      ],
    });
  });
});
