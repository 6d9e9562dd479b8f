import type { FunnelGoal } from '../../db/queries/funnel-goals.js';
import type { FunnelPlan, PlanCommandProblem, PlanPeriod, PlanStage } from '../../domain/plan.js';
import type { Catalog } from '../../i18n/index.js';
import { escapeMrkdwn, mention } from '../mrkdwn.js';
import { type Block, context, divider, header, section } from './common.js';
import { escapedWithin } from './fit.js';
import { periodProblemText } from './funnel.js';

/** The most of a user's own words a problem quotes back (escaped). */
const WORDS_MAX = 100;
/** Longest stage label shown in the table before it is clipped. */
const LABEL_WIDTH = 16;

export const formatCount = (n: number) => n.toLocaleString('en-US');
export const formatRate = (rate: number) => `${(Math.round(rate * 1000) / 10).toFixed(1)} %`;

/** Hangul and other East Asian wide characters: a monospace font gives each two columns. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? 2 : 1;
  return width;
}

function clip(text: string, width: number): string {
  let out = '';
  for (const char of text) {
    if (displayWidth(out + char) > width - 1) return `${out}…`;
    out += char;
  }
  return out;
}

const padEnd = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));
const padStart = (text: string, width: number) => ' '.repeat(Math.max(0, width - displayWidth(text))) + text;

/** Text inside a code block: no backticks to end it early, and mrkdwn-escaped. */
const inCode = (text: string) => escapeMrkdwn(text.replaceAll('`', "'"));

const rateCell = (t: Catalog, stage: PlanStage) =>
  stage.rate === null
    ? '—'
    : `${formatRate(stage.rate)}${stage.basis?.source === 'observed' ? '' : ` ${t.funnelPlan.defaultMark}`}`;

/** The per-stage table as a code block, so its columns line up on desktop and mobile. */
function stageTable(t: Catalog, plan: FunnelPlan): string {
  const p = t.funnelPlan;
  const rows = [
    [p.stageColumn, p.rateColumn, p.neededColumn, p.perWeekColumn],
    ...plan.stages.map((s) => [
      clip(s.label, LABEL_WIDTH),
      rateCell(t, s),
      formatCount(s.needed),
      formatCount(s.perWeek),
    ]),
  ];
  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => displayWidth(r[c]!))));
  const lines = rows.map(([stage, rate, needed, perWeek]) =>
    [
      padEnd(stage!, widths[0]!),
      padEnd(rate!, widths[1]!),
      padStart(needed!, widths[2]!),
      padStart(perWeek!, widths[3]!),
    ]
      .join('  ')
      .trimEnd(),
  );
  return `\`\`\`\n${inCode(lines.join('\n'))}\n\`\`\``;
}

/** Why a stage's rate is a default, or null when it was observed. */
function defaultNote(t: Catalog, plan: FunnelPlan, index: number): string | null {
  const s = plan.stages[index]!;
  if (s.rate === null || !s.basis || s.basis.source === 'observed') return null;
  const p = t.funnelPlan;
  const [stage, rate, days] = [escapeMrkdwn(s.label), formatRate(s.rate), plan.trailingDays];
  if (s.basis.source === 'none_converted') {
    return p.noneConverted(stage, rate, s.basis.reached, days, escapeMrkdwn(plan.stages[index + 1]!.label));
  }
  return s.basis.reached === 0
    ? p.noneReached(stage, rate, days, plan.minSample)
    : p.tooFew(stage, rate, s.basis.reached, days, plan.minSample);
}

function kpiLines(t: Catalog, plan: FunnelPlan): string {
  const lines = plan.kpis.map((kpi) => {
    const items = kpi.stages.map((s) =>
      t.funnelPlan.kpiItem(escapeMrkdwn(s.label), formatCount(s.needed), formatCount(s.perWeek)),
    );
    return `• *${t.roles[kpi.role]}*: ${items.join(' · ')}`;
  });
  return [t.funnelPlan.kpisTitle, ...lines].join('\n');
}

const wonLabel = (plan: FunnelPlan) =>
  escapeMrkdwn(plan.stages.find((s) => s.stage === plan.wonStage)?.label ?? plan.wonStage);

/** The plan itself: summary, per-stage table, why any default rate was used, and KPIs per role. */
function planBody(t: Catalog, plan: FunnelPlan, period: PlanPeriod): Block[] {
  const notes = plan.stages.flatMap((_, i) => defaultNote(t, plan, i) ?? []);
  const observed = plan.stages.some((s) => s.basis?.source === 'observed');
  return [
    section(
      `${t.funnelPlan.summary(
        formatCount(plan.deals),
        wonLabel(plan),
        period.firstDay,
        period.lastDay,
        plan.days,
        plan.weeks,
      )}\n${stageTable(t, plan)}`,
    ),
    ...(notes.length ? [section(notes.map((n) => `• ${n}`).join('\n'))] : []),
    ...(observed ? [context(t.funnelPlan.observed(plan.trailingDays, plan.minSample))] : []),
    divider(),
    section(kpiLines(t, plan)),
  ];
}

const periodName = (period: PlanPeriod) => escapeMrkdwn(period.key);

/** The answer to `/funnel plan <deals> [period]`, with how to store it as the goal. */
export function funnelPlanBlocks(t: Catalog, plan: FunnelPlan, period: PlanPeriod): Block[] {
  const command = `\`/funnel plan set ${plan.deals} ${periodName(period)}\``;
  return [
    header(t.funnelPlan.title(formatCount(plan.deals), period.key)),
    ...planBody(t, plan, period),
    context(t.funnelPlan.setHint(command)),
  ];
}

/** The confirmation of `/funnel plan set …`: what was stored, what it replaced, and the plan. */
export function goalSetBlocks(
  t: Catalog,
  goal: FunnelGoal,
  replaced: FunnelGoal | null,
  period: PlanPeriod,
): Block[] {
  const done = t.funnelPlan.setDone(formatCount(goal.deals), period.firstDay, period.lastDay);
  const previous = replaced
    ? ` ${t.funnelPlan.replaced(
        formatCount(replaced.deals),
        replaced.setBy ? mention(replaced.setBy) : t.funnelPlan.someone,
      )}`
    : '';
  return [
    header(t.funnelPlan.setTitle(formatCount(goal.deals), period.key)),
    section(`${done}${previous}`),
    ...planBody(t, goal.plan, period),
  ];
}

/** `/funnel plan …` usage lines. */
const planUsageLines = (t: Catalog) => [
  `\`/funnel plan &lt;deals&gt; [period]\` — ${t.funnelPlan.helpPlan}`,
  `\`/funnel plan set &lt;deals&gt; [period]\` — ${t.funnelPlan.helpSet}`,
];

export function funnelPlanHelpBlocks(t: Catalog, problem?: string): Block[] {
  return [
    header(t.funnelPlan.helpTitle),
    ...(problem ? [section(problem)] : []),
    section(t.funnelPlan.helpUsage),
    section(planUsageLines(t).join('\n')),
    context(t.help.footer),
  ];
}

/** What is wrong with a `/funnel plan …` command, specifically. */
export function planProblemText(t: Catalog, problem: PlanCommandProblem): string {
  const p = t.funnelPlan;
  switch (problem.kind) {
    case 'not_a_number':
      return p.notANumber(escapedWithin(problem.text.replaceAll('`', "'"), WORDS_MAX));
    case 'out_of_range':
      return p.outOfRange(formatCount(problem.deals), problem.min, formatCount(problem.max));
    case 'missing_deals':
      return p.missingDeals;
    case 'period':
      return p.periodProblem(periodProblemText(t, problem.problem));
    case 'too_far_ahead':
      return p.tooFarAhead(problem.first, problem.max);
    case 'extra':
      return p.extra(escapedWithin(problem.text.replaceAll('`', "'"), WORDS_MAX));
  }
}
