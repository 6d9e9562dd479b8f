/** Cases: reports (funnel, plan, VOC, retro, playbook), boards, Home parts, help, settings, webhooks. */

import { VOC_CATEGORIES } from '../../../../src/config/workspace/constants.js';
import type { ActionItemRow } from '../../../../src/db/queries/action-items.js';
import type { VocRow } from '../../../../src/db/queries/voc.js';
import type { FunnelReport, ReportPeriod, StageFigures } from '../../../../src/domain/funnel-report.js';
import { buildPlan, type PlanPeriod } from '../../../../src/domain/plan.js';
import type {
  PlaybookSnapshot,
  RetroSnapshot,
  VocFigures,
  VocQuote,
} from '../../../../src/domain/retro-report.js';
import { PLAYBOOK_PARTS, participation, WEEKLY_PARTS } from '../../../../src/domain/retro-thread.js';
import { VOC_LIMITS } from '../../../../src/domain/voc.js';
import type { Catalog } from '../../../../src/i18n/index.js';
import { HOME_LEADS_LIMIT, type MyPipeline, type TeamFunnel } from '../../../../src/services/home.js';
import type { SlaBoard } from '../../../../src/services/sla-board.js';
import type { EndpointView } from '../../../../src/services/webhooks.js';
import {
  actionItemDm,
  actionItemLine,
  actionItemModal,
  answeredActionItemDm,
} from '../../../../src/slack/blocks/action-items.js';
import { channelProblemsDm, channelProblemsHome } from '../../../../src/slack/blocks/channel-problems.js';
import { configHistoryBlocks } from '../../../../src/slack/blocks/config-history.js';
import {
  funnelArgsProblemText,
  funnelHelpBlocks,
  funnelReportBlocks,
  funnelReportTitle,
  periodProblemText,
} from '../../../../src/slack/blocks/funnel.js';
import {
  funnelPlanBlocks,
  funnelPlanHelpBlocks,
  goalSetBlocks,
  planProblemText,
} from '../../../../src/slack/blocks/funnel-plan.js';
import { helpBlocks } from '../../../../src/slack/blocks/help.js';
import { memberHome, strangerHome } from '../../../../src/slack/blocks/home.js';
import { homeFunnelBlocks } from '../../../../src/slack/blocks/home-funnel.js';
import { homeMyLeadsBlocks } from '../../../../src/slack/blocks/home-my-leads.js';
import { hubspotSyncBlocks } from '../../../../src/slack/blocks/hubspot-sync.js';
import { keyLabels } from '../../../../src/slack/blocks/key-labels.js';
import { playbookParent, playbookReply } from '../../../../src/slack/blocks/playbook.js';
import { retroNudge, weeklyParent } from '../../../../src/slack/blocks/retro.js';
import { weeklyReply } from '../../../../src/slack/blocks/retro-replies.js';
import { rosterBlocks } from '../../../../src/slack/blocks/roster.js';
import { lineSections, packedSections } from '../../../../src/slack/blocks/sections.js';
import { settingsMessage } from '../../../../src/slack/blocks/settings.js';
import { crmSettingsBlocks, secretView, webhookModal } from '../../../../src/slack/blocks/settings-crm.js';
import { noticeModal, slaBoardBlocks, slaHelpBlocks } from '../../../../src/slack/blocks/sla-board.js';
import {
  leadOption,
  vocHelpBlocks,
  vocModal,
  vocMovedPost,
  vocPost,
  vocPrompt,
  vocPromptAnswered,
  vocSavedText,
  vocSavedView,
} from '../../../../src/slack/blocks/voc.js';
import {
  vocReportArgsProblemText,
  vocReportBlocks,
  vocReportTitle,
} from '../../../../src/slack/blocks/voc-report.js';
import { webhooksHome, webhooksMessage } from '../../../../src/slack/blocks/webhooks.js';
import type { Cases } from './case.js';
import { ampersands, korean, lead, leadsToTry, NOW, nasty, users, worstLead } from './samples.js';

const SELLERS = users(60);
const PERIOD: ReportPeriod = {
  key: 'last-week',
  start: new Date('2026-11-22T15:00:00Z'),
  end: new Date('2026-11-29T15:00:00Z'),
  previousStart: new Date('2026-11-15T15:00:00Z'),
  previousEnd: new Date('2026-11-22T15:00:00Z'),
  running: false,
  firstDay: '2026-11-23',
  lastDay: '2026-11-29',
};
const RANGE: ReportPeriod = { ...PERIOD, key: '2026-01-01..2026-12-31', running: true };
const SNAPSHOT_PERIOD = {
  key: '2026-W47',
  firstDay: '2026-11-16',
  lastDay: '2026-11-22',
  start: '2026-11-15T15:00:00.000Z',
  end: '2026-11-22T15:00:00.000Z',
};
/** Twelve working stages with the longest labels. */
const LABELS = Array.from({ length: 12 }, (_, i) => (i % 2 ? `${i}${korean(74)}` : `${i}${nasty(74)}`));
const BIG = 1_234_567_890;

function stageFigures(worst: boolean): StageFigures[] {
  const labels = worst ? LABELS : ['Lead', 'MQL', 'SAL', 'Won'];
  return labels.map((label, i) => ({
    stage: `S${i}`,
    label,
    count: worst ? BIG : 10 - i,
    previousCount: worst ? 1 : 8,
    change: worst ? BIG - 1 : 2 - i,
    changeRate: worst ? BIG - 1 : 0.25,
    conversion: i === labels.length - 1 ? null : 0.123456,
    previousConversion: 0.5,
    medianDays: worst ? 9999.99 : 2.5,
    stuck: worst ? BIG : 1,
    stuckThresholdDays: 14,
  }));
}

const competitors = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    competitor: `${i} ${nasty(99)}`,
    won: BIG,
    lost: BIG,
    winRate: 0.5,
  }));

function funnelReport(worst: boolean, by: FunnelReport['by'] = null): FunnelReport {
  const stages = stageFigures(worst);
  return {
    mode: worst ? 'flow' : 'cohort',
    period: worst ? RANGE : PERIOD,
    stages,
    bottleneck: { stage: 'S0', next: 'S1', conversion: 0.1, previousConversion: null, medianDays: 3 },
    movesBack: worst ? BIG : 0,
    deals: {
      won: worst ? BIG : 3,
      lost: worst ? BIG : 2,
      winRate: 0.6,
      amountWon: worst
        ? ['KRW', 'USD', 'EUR', 'JPY', 'GBP', 'CNY', 'AUD', 'CAD'].map((currency) => ({
            currency,
            amount: 1e15,
          }))
        : [{ currency: 'KRW', amount: 12_000_000 }],
      byCompetitor: competitors(worst ? 200 : 1),
    },
    speed: {
      leads: BIG,
      touched: BIG,
      medianMinutes: 1e6,
      p90Minutes: 1e7,
      met: BIG,
      breached: BIG,
      withinSla: 0.5,
    },
    stuckTotal: worst ? BIG : 1,
    by,
    groups: by
      ? Array.from({ length: worst ? 500 : 2 }, (_, i) => ({
          key: by === 'owner' ? SELLERS[i % 60]! : `${i}_${'k'.repeat(60)}`,
          stages: stages.map((s) => ({ stage: s.stage, count: BIG, conversion: 0.5 })),
        }))
      : null,
  };
}

function plan(worst: boolean) {
  const stages = (worst ? LABELS : ['Lead', 'MQL', 'SQL', 'Won']).map((label, i) => ({
    key: `S${i}`,
    label,
  }));
  const last = stages.at(-1)!.key;
  const result = buildPlan({
    deals: worst ? 100_000 : 4,
    stages,
    wonStage: last,
    kpiRoles: Object.fromEntries(
      stages.map((s, i) => [s.key, (['marketer', 'sdr', 'ae', 'cs'] as const)[i % 4]!]),
    ),
    trailingDays: 90,
    minSample: 10,
    defaultRates: Object.fromEntries(stages.slice(0, -1).map((s) => [s.key, 0.01])),
    reach: worst ? [{ furthestStage: 'S1', count: 3 }] : [{ furthestStage: 'S1', count: 30 }],
    days: 366,
  });
  if (!result.ok) throw new Error('no plan');
  return result.plan;
}
const PLAN_PERIOD: PlanPeriod = {
  key: '2026-01-01..2026-12-31',
  firstDay: '2026-01-01',
  lastDay: '2026-12-31',
};

const vocQuote = (i: number): VocQuote => ({
  id: i,
  quote: nasty(VOC_LIMITS.quote),
  category: null,
  sentiment: 'negative',
  competitor: nasty(VOC_LIMITS.competitor),
  authorId: SELLERS[i]!,
  capturedBy: SELLERS[i + 1]!,
  permalink: `https://acme.slack.com/archives/C0SALES/p17000000000${i}`,
});

function vocFigures(worst: boolean): VocFigures {
  return {
    total: worst ? BIG : 3,
    previousTotal: 1,
    byCategory: [
      { category: 'pricing', count: worst ? BIG : 2, previousCount: 0, change: 2 },
      { category: 'objection', count: 1, previousCount: 1, change: 0 },
      { category: null, count: 1, previousCount: 1, change: 0 },
    ],
    byCompetitor: Array.from({ length: worst ? 100 : 1 }, (_, i) => ({
      competitor: `${i}${nasty(99)}`,
      count: BIG,
    })),
    tags: Array.from({ length: worst ? 5 : 1 }, (_, i) => ({ tag: `${i}${ampersands(29)}`, count: BIG })),
    quotes: Array.from({ length: worst ? 5 : 1 }, (_, i) => vocQuote(i)),
  };
}

function snapshot(worst: boolean): RetroSnapshot {
  return {
    weekKey: '2026-W48',
    reviewed: SNAPSHOT_PERIOD,
    funnel: {
      stages: stageFigures(worst).map((s) => ({ ...s, goal: worst ? BIG : 5 })),
      bottleneck: { stage: 'S0', next: 'S1', conversion: 0.5, previousConversion: 0.6, medianDays: 2.25 },
      goal: { deals: BIG, firstDay: '2026-11-01', lastDay: '2026-11-30' },
    },
    speed: {
      leads: 10,
      touched: 8,
      medianMinutes: 42,
      p90Minutes: 118,
      met: 6,
      breached: 2,
      withinSla: 0.75,
    },
    sellers: (worst ? SELLERS : SELLERS.slice(0, 2)).map((userId) => ({
      userId,
      leads: BIG,
      touched: BIG,
      met: BIG,
      breached: BIG,
      withinSla: 0.5,
      medianMinutes: 1e6,
    })),
    deals: {
      won: 3,
      lost: 2,
      winRate: 0.6,
      amountWon: [{ currency: 'KRW', amount: 12_000_000 }],
      byCompetitor: competitors(worst ? 100 : 1),
      lostReasons: Array.from({ length: worst ? 30 : 2 }, (_, i) => ({ reason: `reason_${i}`, count: BIG })),
    },
    voc: vocFigures(worst),
    previousActions: Array.from({ length: worst ? 100 : 2 }, (_, i) => ({
      id: i,
      text: nasty(300),
      ownerId: SELLERS[i % 60]!,
      dueOn: '2026-11-20',
      status: (['open', 'done', 'dropped'] as const)[i % 3]!,
      carryCount: i % 5,
    })),
    participants: worst ? SELLERS : SELLERS.slice(0, 4),
  };
}

const actionItem = (i: number, worst: boolean): ActionItemRow => ({
  id: i,
  teamId: 'T0TEST',
  retroId: 41,
  firstRetroId: 38,
  text: worst ? nasty(300) : 'Call back Acme',
  ownerId: SELLERS[i % 60]!,
  dueOn: '2026-12-04',
  status: (['open', 'done', 'dropped'] as const)[i % 3]!,
  carryCount: i % 5,
  createdBy: 'U0MGR0001',
  sourceChannel: null,
  sourceTs: null,
  viewId: null,
  closedAt: null,
  closedBy: i % 2 ? 'U0MGR0001' : null,
  createdAt: NOW,
  updatedAt: NOW,
});

function weeklyView(worst: boolean, closed: boolean) {
  const snap = snapshot(worst);
  const roles = new Map(snap.participants.map((u, i) => [u, i % 7 === 0 ? null : nasty(30)]));
  return {
    kind: 'weekly' as const,
    retro: {
      id: 41,
      teamId: 'T0TEST',
      kind: 'weekly' as const,
      periodKey: '2026-W48',
      channel: 'C0RETRO',
      parentTs: '1773018000.000100',
      snapshot: snap as never,
      openedAt: NOW,
      nudgedAt: null,
      closedAt: null,
      chartClaimedAt: null,
    },
    snapshot: snap,
    participation: participation(snap.participants, roles, snap.participants.slice(0, 40)),
    notes: BIG,
    items: Array.from({ length: worst ? 100 : 1 }, (_, i) => actionItem(i, worst)),
    vocThisWeek: closed ? { count: BIG, firstDay: '2026-11-23', lastDay: '2026-11-29' } : null,
  };
}

function playbook(worst: boolean): PlaybookSnapshot {
  return {
    monthKey: '2026-12',
    reviewed: { ...SNAPSHOT_PERIOD, key: '2026-11' },
    cadence: Array.from({ length: worst ? 30 : 1 }, (_, i) => ({
      step: i,
      day: i + 1,
      label: nasty(500),
      due: BIG,
      done: BIG,
      skipped: BIG,
      unanswered: BIG,
      completion: 0.7,
    })),
    sla: Array.from({ length: 4 }, (_, i) => ({
      weekKey: `2026-W4${i}`,
      firstDay: '2026-11-02',
      met: BIG,
      breached: BIG,
      withinSla: 0.8,
      medianMinutes: 1e6,
    })),
    stages: (worst ? LABELS : ['MQL']).map((label, i) => ({
      stage: `S${i}`,
      label,
      weeks: Array.from({ length: 5 }, (_, w) => ({
        weekKey: `2026-W4${w}`,
        stays: BIG,
        medianDays: 9999.9,
      })),
    })),
  };
}

const vocRow = (worst: boolean, category: string | null = 'pricing'): VocRow =>
  ({
    id: 999_999,
    teamId: 'T0TEST',
    quote: worst ? nasty(VOC_LIMITS.quote) : 'Too expensive for us',
    category,
    competitor: worst ? nasty(VOC_LIMITS.competitor) : null,
    account: worst ? ampersands(VOC_LIMITS.account) : null,
    sentiment: 'negative',
    tags: worst
      ? Array.from({ length: VOC_LIMITS.tags }, (_, i) => `${i}${ampersands(VOC_LIMITS.tag - 2)}`)
      : [],
    leadId: worst ? 999_999_999 : null,
    capturedBy: 'U0SDR0001',
    sourceAuthorId: 'U0CUST001',
    sourceChannel: 'C0SALES',
    sourceTs: '1700000000.000100',
    sourceThreadTs: null,
    sourcePermalink: `https://acme.slack.com/archives/C0SALES/p1700000000000100${worst ? '?thread_ts=1700000000.000100' : ''}`,
    via: 'reaction',
    routedChannel: 'C0VOC',
    routedTs: null,
    createdAt: NOW,
    updatedAt: NOW,
    updatedBy: null,
  }) as unknown as VocRow;

const endpoint = (i: number, worst: boolean, paused = false): EndpointView => ({
  endpoint: {
    name: worst ? `${i}-${'n'.repeat(37)}` : 'zap',
    url: `https://${worst ? 'h'.repeat(240) : 'hooks.zapier.com'}/hooks/catch/123/TOKEN/`,
    events: worst ? (['lead.created', 'lead.assigned', 'lead.first_touch'] as never) : '*',
    secretEnv: i % 2 ? null : 'ZAP_SECRET',
    enabled: i % 3 !== 0,
  },
  state: worst
    ? ({ failures: BIG, lastError: nasty(2000), lastDeliveredAt: NOW, lastStatus: 500 } as never)
    : null,
  pending: worst ? BIG : 0,
  paused: paused ? { kind: 'failures', count: BIG, lastError: nasty(2000) } : null,
});

const board = (scope: 'mine' | 'team', worst: boolean): SlaBoard => {
  const leads = (n: number) =>
    Array.from({ length: n }, (_, i) => (worst ? worstLead(999_999_000 + i) : lead(i + 1)));
  return {
    scope,
    clock: 'business',
    slaMinutes: 30,
    week: { from: NOW, to: NOW },
    unclaimed: {
      items: leads(worst ? 10 : 1).map((l) => ({ lead: l, ageMinutes: 1e6, dueAt: NOW })),
      total: BIG,
    },
    running: {
      items: leads(worst ? 15 : 1).map((l) => ({ lead: l, leftMinutes: -1e6, dueAt: NOW })),
      total: BIG,
    },
    breaches: { items: leads(worst ? 10 : 0).map((l) => ({ lead: l, dueAt: NOW })), total: BIG },
    byOwner: (worst ? SELLERS : SELLERS.slice(0, 2)).map((ownerId) => ({
      ownerId,
      touched: BIG,
      met: BIG,
      breached: BIG,
    })),
    totals: { touched: BIG, met: BIG, breached: BIG },
  };
};

const memberSummary = (worst: boolean) => ({
  userId: 'U0SDR0001',
  roles: worst ? ['sdr', 'ae', 'marketer', 'manager', 'admin', 'cs'] : ['sdr'],
  segments: worst ? Array.from({ length: 20 }, (_, i) => `${i}_${'s'.repeat(29)}`) : ['smb'],
  away: worst,
  awayUntil: worst ? NOW : null,
});

const teamFunnel = (worst: boolean): TeamFunnel => ({
  period: PERIOD,
  stages: (worst ? LABELS : ['Lead', 'MQL']).map((label, i) => ({
    stage: `S${i}`,
    label,
    count: BIG,
    goal: BIG,
  })),
  goal: { deals: BIG, firstDay: '2026-11-01', lastDay: '2026-11-30' },
  pulse: {
    unclaimed: {
      leads: Array.from({ length: worst ? 5 : 1 }, (_, i) =>
        worst ? worstLead(999_999_000 + i) : lead(i + 1),
      ),
      total: BIG,
    },
    week: { touched: BIG, met: BIG, breached: BIG },
  },
});

/** The service lists at most HOME_LEADS_LIMIT (25) leads, over as many stages as they are in. */
const pipeline = (worst: boolean): MyPipeline => {
  const stages = worst ? LABELS.slice(0, 11) : ['SAL'];
  const leads = worst ? HOME_LEADS_LIMIT : 1;
  return {
    stages: stages.map((label, s) => ({
      stage: `S${s}`,
      label,
      leads: Array.from({ length: leads }, (_, i) => i)
        .filter((i) => i % stages.length === s)
        .map((i) => ({
          lead: worst ? worstLead(999_999_000 + i, { slaState: 'running', slaDueAt: NOW }) : lead(i + 1),
          nextStep: { day: 365, label: nasty(500), dueAt: NOW },
        })),
    })),
    total: BIG,
  };
};

const labelsOf = (t: Catalog) => keyLabels(t);
const links = new Map([[1, 'https://acme.slack.com/archives/C0LEADS/p1700000001000100']]);

export const REPORT_CASES: Cases = {
  'funnel.ts#funnelReportTitle': {
    kind: 'section-text',
    render: (t) => [funnelReportTitle(t, funnelReport(false)), funnelReportTitle(t, funnelReport(true))],
  },
  'funnel.ts#funnelReportBlocks': {
    kind: 'blocks',
    render: (t) =>
      [false, true].flatMap((worst) =>
        ([null, 'segment', 'source', 'owner'] as const).map((by) =>
          funnelReportBlocks(t, funnelReport(worst, by), {
            timeZone: 'Asia/Seoul',
            clock: 'business',
            labels: labelsOf(t),
          }),
        ),
      ),
  },
  'funnel.ts#funnelHelpBlocks': {
    kind: 'blocks',
    render: (t) => [
      funnelHelpBlocks(t),
      funnelHelpBlocks(t, periodProblemText(t, { code: 'unknown_period', text: nasty(3000) })),
    ],
  },
  'funnel.ts#periodProblemText': {
    kind: 'section-text',
    render: (t) => [
      periodProblemText(t, { code: 'unknown_period', text: nasty(3000) }),
      periodProblemText(t, { code: 'bad_date', value: nasty(3000) }),
      periodProblemText(t, { code: 'reversed', first: '2026-12-01', last: '2026-11-01' }),
      periodProblemText(t, { code: 'too_long', days: 400, max: 366 }),
      periodProblemText(t, { code: 'future', first: '2027-01-01', today: '2026-12-02' }),
    ],
  },
  'funnel.ts#funnelArgsProblemText': {
    kind: 'section-text',
    render: (t) => [
      funnelArgsProblemText(t, { code: 'unknown_word', word: nasty(3000) }),
      funnelArgsProblemText(t, { code: 'by_needs_group', got: nasty(3000) }),
      funnelArgsProblemText(t, { code: 'by_needs_group', got: null }),
      funnelArgsProblemText(t, { code: 'twice', first: nasty(3000), second: nasty(3000) }),
    ],
  },
  'funnel-plan.ts#funnelPlanBlocks': {
    kind: 'blocks',
    render: (t) => [
      funnelPlanBlocks(t, plan(false), PLAN_PERIOD),
      funnelPlanBlocks(t, plan(true), PLAN_PERIOD),
    ],
  },
  'funnel-plan.ts#goalSetBlocks': {
    kind: 'blocks',
    render: (t) => {
      const goal = (worst: boolean) => ({
        id: 1,
        teamId: 'T0TEST',
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        deals: worst ? 100_000 : 4,
        plan: plan(worst),
        setBy: 'U0MGR0001',
        setAt: NOW,
      });
      return [
        goalSetBlocks(t, goal(false), null, PLAN_PERIOD),
        goalSetBlocks(t, goal(true), goal(true), PLAN_PERIOD),
      ];
    },
  },
  'funnel-plan.ts#funnelPlanHelpBlocks': {
    kind: 'blocks',
    render: (t) => [
      funnelPlanHelpBlocks(t),
      funnelPlanHelpBlocks(t, planProblemText(t, { kind: 'extra', text: nasty(3000) })),
    ],
  },
  'funnel-plan.ts#planProblemText': {
    kind: 'section-text',
    render: (t) => [
      planProblemText(t, { kind: 'not_a_number', text: nasty(3000) }),
      planProblemText(t, { kind: 'out_of_range', deals: BIG, min: 1, max: 1_000_000 }),
      planProblemText(t, { kind: 'missing_deals' }),
      planProblemText(t, { kind: 'period', problem: { code: 'unknown_period', text: nasty(3000) } }),
      planProblemText(t, { kind: 'too_far_ahead', first: '2030-01-01', max: 12 }),
      planProblemText(t, { kind: 'extra', text: nasty(3000) }),
    ],
  },
  'voc-report.ts#vocReportTitle': {
    kind: 'section-text',
    render: (t) => [
      vocReportTitle(t, { period: PERIOD, category: null, figures: vocFigures(false) }),
      vocReportTitle(t, { period: RANGE, category: 'pricing', figures: vocFigures(true) }),
    ],
  },
  'voc-report.ts#vocReportBlocks': {
    kind: 'blocks',
    render: (t) => [
      vocReportBlocks(
        t,
        { period: PERIOD, category: null, figures: vocFigures(false) },
        { timeZone: 'Asia/Seoul' },
      ),
      vocReportBlocks(
        t,
        { period: RANGE, category: 'pricing', figures: vocFigures(true) },
        { timeZone: 'Asia/Seoul' },
      ),
      vocReportBlocks(
        t,
        { period: PERIOD, category: null, figures: { ...vocFigures(false), total: 0 } },
        { timeZone: 'UTC' },
      ),
    ],
  },
  'voc-report.ts#vocReportArgsProblemText': {
    kind: 'section-text',
    render: (t) => [
      vocReportArgsProblemText(t, { code: 'unknown_word', word: nasty(3000) }),
      vocReportArgsProblemText(t, { code: 'twice', first: nasty(3000), second: nasty(3000) }),
    ],
  },
  'voc.ts#leadOption': { kind: 'options', render: () => [leadsToTry().map(leadOption)] },
  'voc.ts#vocModal': {
    kind: 'modal',
    render: (t) => {
      const source = {
        channel: 'C0SALES',
        ts: '1700000000.000100',
        threadTs: '1700000000.000000',
        authorId: 'U0CUST001',
        permalink: `https://acme.slack.com/archives/C0SALES/p1700000000000100?thread_ts=1700000000.000000`,
      };
      return [
        vocModal(t, { metadata: { via: 'command' }, quote: null }),
        vocModal(t, { metadata: { via: 'reaction', source }, quote: nasty(40_000) }),
        vocModal(t, {
          metadata: { via: 'shortcut', entryId: 999_999 },
          entry: vocRow(true),
          lead: worstLead(999_999_999),
        }),
      ];
    },
  },
  'voc.ts#vocSavedText': {
    kind: 'section-text',
    render: (t) => [
      vocSavedText(t, { ok: true, entry: vocRow(true), edited: false, channel: 'C0VOC', movedFrom: null }),
      vocSavedText(t, {
        ok: true,
        entry: vocRow(true, null),
        edited: true,
        channel: null,
        movedFrom: 'C0OLD',
      }),
    ],
  },
  'voc.ts#vocSavedView': {
    kind: 'modal',
    render: (t) => [
      vocSavedView(t, { ok: true, entry: vocRow(true), edited: true, channel: 'C0VOC', movedFrom: 'C0OLD' }),
    ],
  },
  'voc.ts#vocPrompt': {
    kind: 'message',
    render: (t) => [
      vocPrompt(t, vocRow(false, null), { created: true, channel: null }),
      vocPrompt(t, vocRow(true), { created: false, channel: 'C0VOC' }),
    ],
  },
  'voc.ts#vocPromptAnswered': {
    kind: 'message',
    render: (t) => [
      vocPromptAnswered(t, {
        ok: true,
        entry: vocRow(true),
        edited: true,
        channel: 'C0VOC',
        movedFrom: 'C0OLD',
      }),
    ],
  },
  'voc.ts#vocPost': {
    kind: 'message',
    render: (t) => [vocPost(t, vocRow(false), undefined), vocPost(t, vocRow(true), worstLead(999_999_999))],
  },
  'voc.ts#vocMovedPost': {
    kind: 'message',
    render: (t) => [vocMovedPost(t, vocRow(true), 'C0VOC'), vocMovedPost(t, vocRow(true), null)],
  },
  'voc.ts#vocHelpBlocks': {
    kind: 'blocks',
    render: (t) => [vocHelpBlocks(t, 'memo'), vocHelpBlocks(t, 'x'.repeat(100))],
  },
  'retro.ts#weeklyParent': {
    kind: 'message',
    render: (t) =>
      [false, true].flatMap((worst) => [
        weeklyParent(t, weeklyView(worst, false)),
        weeklyParent(t, weeklyView(worst, true)),
      ]),
  },
  'retro.ts#retroNudge': {
    kind: 'message',
    render: (t) => [
      retroNudge(t, '2026-W48', undefined),
      retroNudge(t, '2026-W48', `https://acme.slack.com/archives/C0RETRO/p${'1'.repeat(200)}`),
    ],
  },
  'retro-replies.ts#weeklyReply': {
    kind: 'message',
    render: (t) =>
      [false, true].flatMap((worst) =>
        WEEKLY_PARTS.map((part) =>
          weeklyReply(t, part, snapshot(worst), { clock: 'business', labels: labelsOf(t) }),
        ),
      ),
  },
  'playbook.ts#playbookParent': { kind: 'message', render: (t) => [playbookParent(t, playbook(true))] },
  'playbook.ts#playbookReply': {
    kind: 'message',
    render: (t) =>
      [false, true].flatMap((worst) =>
        PLAYBOOK_PARTS.map((part) => playbookReply(t, part, playbook(worst), { clock: 'always' })),
      ),
  },
  'action-items.ts#actionItemLine': {
    kind: 'section-text',
    render: (t) => [actionItemLine(t, actionItem(1, false)), actionItemLine(t, actionItem(4, true))],
  },
  'action-items.ts#actionItemModal': {
    kind: 'modal',
    render: (t) => [
      actionItemModal(t, { retro: { id: 41, periodKey: '2026-W48' }, ownerId: 'U0SDR0001' }),
      actionItemModal(t, {
        retro: { id: 999_999, periodKey: '2026-W48' },
        ownerId: 'U0SDR0001',
        text: nasty(40_000),
        source: { channel: 'C0RETRO', ts: '1700000000.000100' },
      }),
    ],
  },
  'action-items.ts#actionItemDm': {
    kind: 'message',
    render: (t) => [
      actionItemDm(t, actionItem(1, false), 'W48'),
      actionItemDm(t, actionItem(4, true), `<https://x.io|${nasty(40)}>`),
    ],
  },
  'action-items.ts#answeredActionItemDm': {
    kind: 'message',
    render: (t) => [
      answeredActionItemDm(t, actionItem(1, true), 'W48'),
      answeredActionItemDm(t, actionItem(2, true), 'W48'),
    ],
  },
  'channel-problems.ts#channelProblemsDm': {
    kind: 'message',
    render: (t) => [
      channelProblemsDm(t, channelProblems(false)),
      channelProblemsDm(t, channelProblems(true)),
    ],
  },
  'channel-problems.ts#channelProblemsHome': {
    kind: 'home-blocks',
    render: (t) => [
      channelProblemsHome(t, channelProblems(false)),
      channelProblemsHome(t, channelProblems(true)),
    ],
  },
  'config-history.ts#configHistoryBlocks': {
    kind: 'blocks',
    render: (t) => [
      configHistoryBlocks(t, []),
      configHistoryBlocks(
        t,
        Array.from({ length: 10 }, (_, v) => ({
          version: 999_999 - v,
          createdAt: NOW,
          actorId: v % 2 ? 'U0ADM0001' : null,
          via: 'slack' as never,
          source: v % 2 ? null : nasty(300),
          changes: Array.from({ length: 200 }, (_, i) => ({
            path: `roster[${i}].${ampersands(60)}`,
            before: ampersands(500),
            after: { label: nasty(500) },
          })),
        })),
      ),
    ],
  },
  'sla-board.ts#slaHelpBlocks': {
    kind: 'blocks',
    render: (t) => [slaHelpBlocks(t), slaHelpBlocks(t, nasty(2000))],
  },
  'sla-board.ts#slaBoardBlocks': {
    kind: 'blocks',
    render: (t) =>
      [board('mine', false), board('mine', true), board('team', false), board('team', true)].map((b) =>
        slaBoardBlocks(t, b),
      ),
  },
  'sla-board.ts#noticeModal': {
    kind: 'modal',
    render: (t) => [
      noticeModal(t, 'Not yours', 'Only the owner can log it.'),
      noticeModal(t, nasty(100), nasty(2000)),
    ],
  },
  'home.ts#memberHome': {
    kind: 'home',
    render: (t) => [
      memberHome(t, memberSummary(false)),
      memberHome(
        t,
        memberSummary(true),
        [
          slaBoardBlocks(t, board('team', true)),
          homeMyLeadsBlocks(t, pipeline(true), links, NOW),
          homeFunnelBlocks(t, teamFunnel(true), links),
        ],
        labelsOf(t),
      ),
    ],
  },
  'home.ts#strangerHome': {
    kind: 'home',
    render: (t) => [strangerHome(t, 'U0NEW0001', []), strangerHome(t, 'U0NEW0001', users(50, 'U0ADM'))],
  },
  'home-funnel.ts#homeFunnelBlocks': {
    kind: 'home-blocks',
    render: (t) => [
      homeFunnelBlocks(t, teamFunnel(false), links),
      homeFunnelBlocks(t, teamFunnel(true), links),
    ],
  },
  'home-my-leads.ts#homeMyLeadsBlocks': {
    kind: 'home-blocks',
    render: (t) => [
      homeMyLeadsBlocks(t, { stages: [], total: 0 }, links, NOW),
      homeMyLeadsBlocks(t, pipeline(false), links, NOW),
      homeMyLeadsBlocks(t, pipeline(true), links, NOW),
    ],
  },
  'sections.ts#packedSections': {
    kind: 'home-blocks',
    render: () => [
      packedSections('*Heading*', []),
      packedSections(
        '*Heading*',
        Array.from({ length: 100 }, () => 'x'.repeat(500)),
      ),
    ],
  },
  'sections.ts#lineSections': {
    kind: 'home-blocks',
    render: () => [lineSections(['one line']), lineSections(Array.from({ length: 100 }, () => nasty(900)))],
  },
  'hubspot-sync.ts#hubspotSyncBlocks': {
    kind: 'home-blocks',
    render: (t) => [
      hubspotSyncBlocks(t, null),
      hubspotSyncBlocks(t, {
        dead: BIG,
        lastDeadError: nasty(10_000),
        retrying: BIG,
        lastRetryError: ampersands(10_000),
      }),
    ],
  },
  'roster.ts#rosterBlocks': {
    kind: 'blocks',
    render: (t) => {
      const roster = (seller: boolean) =>
        SELLERS.map((userId, i) => ({
          ...memberSummary(true),
          userId,
          away: i % 2 === 0,
          seller: seller
            ? {
                eligibility: { eligible: false as const, reason: 'out_of_office' as const, until: NOW },
                openLeads: BIG,
                lastAssignedAt: NOW,
              }
            : null,
        }));
      return [
        rosterBlocks(t, []),
        rosterBlocks(t, [memberSummary(false)]),
        rosterBlocks(t, roster(false)),
        rosterBlocks(t, roster(true)),
      ];
    },
  },
  'webhooks.ts#webhooksMessage': {
    kind: 'message',
    render: (t) => [
      webhooksMessage(t, []),
      webhooksMessage(t, [endpoint(0, false)]),
      webhooksMessage(
        t,
        Array.from({ length: 20 }, (_, i) => endpoint(i, true, i % 2 === 0)),
      ),
    ],
  },
  'webhooks.ts#webhooksHome': {
    kind: 'home-blocks',
    render: (t) => [
      webhooksHome(t, []),
      webhooksHome(
        t,
        Array.from({ length: 20 }, (_, i) => endpoint(i, true, i % 2 === 0)),
      ),
    ],
  },
  'settings-crm.ts#crmSettingsBlocks': {
    kind: 'home-blocks',
    render: (t) => {
      const endpoints = Array.from({ length: 20 }, (_, i) => endpoint(i, true, i % 2 === 0));
      const hubspot = {
        lifecycleStages: Object.fromEntries(LABELS.map((_, i) => [`S${i}_${'k'.repeat(40)}`, nasty(100)])),
        leadStatuses: {},
        firstTouchStatus: null,
        lostReasonProperty: null,
        competitorProperty: null,
        notes: true,
        eventsIn: [],
      } as never;
      return [
        crmSettingsBlocks(t, { endpoints: [], managed: false, hubspot: null }),
        crmSettingsBlocks(t, { endpoints, managed: false, hubspot }),
        crmSettingsBlocks(t, { endpoints, managed: true, hubspot }),
      ];
    },
  },
  'settings-crm.ts#webhookModal': {
    kind: 'modal',
    render: (t) => [
      webhookModal(t, null),
      webhookModal(t, endpoint(1, true).endpoint),
      webhookModal(t, endpoint(0, false).endpoint),
    ],
  },
  'settings-crm.ts#secretView': {
    kind: 'modal',
    render: (t) => [secretView(t, `${'n'.repeat(40)}`, 'whsec_'.padEnd(70, 'x'))],
  },
  'settings.ts#settingsMessage': {
    kind: 'message',
    render: (t) => [settingsMessage(t, { retroDms: true }), settingsMessage(t, { retroDms: false })],
  },
  'help.ts#helpBlocks': { kind: 'blocks', render: (t) => [helpBlocks(t)] },
};

/** Every configured channel broken: 20 leads channels, escalations, retro and one per VOC category; or one channel for all. */
function channelProblems(worst: boolean) {
  const kinds = ['not_in_channel', 'private', 'missing', 'archived'] as const;
  if (!worst) return [{ channel: 'C0123LEADS', problem: kinds[0], uses: ['leads:smb'] }];
  const uses = [
    ...Array.from({ length: 20 }, (_, s) => `leads:s${String(s).padStart(2, '0')}_${'x'.repeat(28)}`),
    'escalations',
    'retro',
    ...VOC_CATEGORIES.map((c) => `voc:${c}`),
  ];
  return [
    ...uses.map((use, i) => ({
      channel: `C0${String(i).padStart(9, '0')}`,
      problem: kinds[i % 4]!,
      uses: [use],
    })),
    { channel: 'C0ALLINONE', problem: kinds[3], uses },
  ];
}
