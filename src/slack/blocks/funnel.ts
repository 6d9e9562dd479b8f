import { UNASSIGNED } from '../../domain/funnel.js';
import type { FunnelArgsProblem } from '../../domain/funnel-args.js';
import type { FunnelReport, StageFigures } from '../../domain/funnel-report.js';
import { comparedDays, type PeriodKeyword, type PeriodProblem } from '../../domain/periods.js';
import type { Catalog } from '../../i18n/index.js';
import { escapeMrkdwn, mention } from '../mrkdwn.js';
import { type Block, context, header, section } from './common.js';
import { count, money, oneDecimal, percent } from './figures.js';
import { elapsedText } from './first-touch.js';
import { type KeyLabels, keyLabels } from './key-labels.js';

/** How many competitors and breakdown values are listed before "and N more". */
export const FUNNEL_LIST_LIMIT = 10;
/** Slack's limit on a section's text. */
const SECTION_MAX = 3000;
/** User-made names (stages, sources, competitors) are cut to this many characters. */
const NAME_LIMIT = 30;
const LABEL_WIDTH = 14;

/** What the report needs besides the report itself. */
export interface FunnelRenderOptions {
  timeZone: string;
  /** The SLA's clock, for the unit of speed to lead. */
  clock: 'business' | 'always';
  /** The workspace's labels for segments and sources in a breakdown (default: the keys made readable). */
  labels?: KeyLabels;
}

const clip = (text: string, max = NAME_LIMIT) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const name = (text: string) => escapeMrkdwn(clip(text));

// Hangul and CJK take two columns in a monospaced code block.
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
const width = (text: string) => [...text].reduce((w, ch) => w + (WIDE.test(ch) ? 2 : 1), 0);

function clipWidth(text: string, max: number): string {
  if (width(text) <= max) return text;
  let out = '';
  for (const ch of text) {
    if (width(`${out}${ch}`) > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** The most items (up to the list limit) whose text, built by `build`, fits in a section. */
function fitSection(total: number, build: (shown: number) => string): string {
  let shown = Math.min(total, FUNNEL_LIST_LIMIT);
  while (shown > 0 && build(shown).length > SECTION_MAX) shown--;
  return build(shown);
}

const pad = (text: string, w: number, alignRight: boolean) => {
  const fill = ' '.repeat(Math.max(0, w - width(text)));
  return alignRight ? fill + text : text + fill;
};

/** Figure formats the weekly retro shares with /funnel: the one formatter per kind. */
export { count, money, oneDecimal, percent } from './figures.js';

export function changeCell(t: Catalog, s: Pick<StageFigures, 'change' | 'changeRate'>): string {
  if (s.change === 0) return '0';
  const arrow = s.change > 0 ? '▲' : '▼';
  const rate = s.changeRate === null ? '' : ` ${s.change > 0 ? '+' : '-'}${percent(Math.abs(s.changeRate))}`;
  return `${arrow}${count(t, Math.abs(s.change))}${rate}`;
}

/** The per-stage table as a code block: aligned columns that stay narrow enough for a phone. */
function stageTable(t: Catalog, stages: readonly StageFigures[]): string {
  const c = t.funnel.columns;
  const rows = [
    [c.stage, c.count, c.conversion, c.change, c.days],
    ...stages.map((s) => [
      clipWidth(s.label.replace(/`/g, "'"), LABEL_WIDTH),
      count(t, s.count),
      s.conversion === null ? '—' : percent(s.conversion),
      changeCell(t, s),
      s.medianDays === null ? '—' : oneDecimal(t, s.medianDays),
    ]),
  ];
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((r) => width(r[col]!))));
  const lines = rows.map((r) =>
    r
      .map((cell, col) => pad(cell, widths[col]!, col > 0))
      .join('  ')
      .trimEnd(),
  );
  return `\`\`\`\n${escapeMrkdwn(lines.join('\n'))}\n\`\`\``;
}

const stageLabel = (report: FunnelReport, key: string) =>
  name(report.stages.find((s) => s.stage === key)?.label ?? key);

function bottleneckText(t: Catalog, report: FunnelReport): string {
  const b = report.bottleneck;
  const lines = [
    b
      ? t.funnel.bottleneck(
          stageLabel(report, b.stage),
          stageLabel(report, b.next),
          percent(b.conversion),
          b.previousConversion === null ? t.funnel.none : percent(b.previousConversion),
          b.medianDays === null ? t.funnel.noStays : t.funnel.daysValue(oneDecimal(t, b.medianDays)),
        )
      : t.funnel.noBottleneck,
  ];
  if (report.mode === 'flow' && report.movesBack > 0) lines.push(t.funnel.movesBack(report.movesBack));
  return lines.join('\n');
}

function speedText(t: Catalog, report: FunnelReport, clock: FunnelRenderOptions['clock']): string {
  const s = report.speed;
  const speed =
    s.medianMinutes === null || s.p90Minutes === null
      ? t.funnel.noTouches
      : t.funnel.speed(elapsedText(t, s.medianMinutes, clock), elapsedText(t, s.p90Minutes, clock));
  const sla =
    s.withinSla === null
      ? t.funnel.noSlaDecided
      : t.funnel.withinSla(percent(s.withinSla), s.met, s.met + s.breached);
  return `${t.funnel.speedTitle}\n${speed} · ${sla}\n${t.funnel.touched(s.touched, s.leads)}`;
}

function dealsText(t: Catalog, report: FunnelReport): string {
  const d = report.deals;
  const lines = [
    t.funnel.dealsTitle,
    t.funnel.deals(
      count(t, d.won),
      count(t, d.lost),
      d.winRate === null ? t.funnel.none : percent(d.winRate),
    ),
    d.amountWon.length
      ? t.funnel.amountWon(d.amountWon.map((a) => money(t, a.amount, a.currency)).join(' · '))
      : t.funnel.noAmountWon,
  ];
  if (d.byCompetitor.length === 0) return lines.join('\n');
  const competitors = d.byCompetitor.map((c) =>
    t.funnel.competitor(
      name(c.competitor),
      c.won,
      c.lost,
      c.winRate === null ? t.funnel.none : percent(c.winRate),
    ),
  );
  return fitSection(competitors.length, (shown) => {
    const rest = competitors.length - shown;
    const list = t.funnel.competitors(competitors.slice(0, shown).join(' · '));
    return [...lines, list + (rest > 0 ? ` ${t.funnel.more(rest)}` : '')].join('\n');
  });
}

function stuckText(t: Catalog, report: FunnelReport): string {
  const stuck = report.stages.filter((s) => s.stuck > 0 && s.stuckThresholdDays !== null);
  if (stuck.length === 0) return `${t.funnel.stuckTitle(count(t, 0))}\n${t.funnel.noneStuck}`;
  const days = (d: number) => t.funnel.daysValue(oneDecimal(t, d));
  const lines = stuck.map(
    (s) => `• ${t.funnel.stuckLine(name(s.label), count(t, s.stuck), days(s.stuckThresholdDays!))}`,
  );
  return `${t.funnel.stuckTitle(count(t, report.stuckTotal))}\n${lines.join('\n')}`;
}

function groupsText(t: Catalog, report: FunnelReport, labels: KeyLabels): string | null {
  if (!report.by || !report.groups) return null;
  const order = report.stages.map((s) => escapeMrkdwn(clip(s.label, LABEL_WIDTH))).join(' → ');
  const title = `${t.funnel.byTitle[report.by]} — ${t.funnel.byStages(order)}`;
  if (report.groups.length === 0) return `${title}\n${t.funnel.noGroups}`;
  const key = (k: string) => {
    if (report.by === 'segment') return name(labels.segment(k));
    if (report.by === 'source') return name(labels.source(k));
    return k === UNASSIGNED ? t.funnel.unassigned : mention(k);
  };
  const lines = report.groups.map(
    (g) => `• ${key(g.key)} — ${g.stages.map((s) => count(t, s.count)).join(' → ')}`,
  );
  return fitSection(lines.length, (shown) => {
    const rest = lines.length - shown;
    return [title, ...lines.slice(0, shown), ...(rest > 0 ? [t.funnel.more(rest)] : [])].join('\n');
  });
}

/** The period's name: a keyword's, or its dates. */
function periodName(t: Catalog, report: FunnelReport): string {
  const { key, firstDay, lastDay } = report.period;
  return key in t.funnel.periodNames
    ? t.funnel.periodNames[key as PeriodKeyword]
    : t.funnel.dates(firstDay, lastDay);
}

/** The plain-text title, also the notification text of the answer. */
export function funnelReportTitle(t: Catalog, report: FunnelReport): string {
  return t.funnel.title(periodName(t, report), t.funnel.modes[report.mode]);
}

/**
 * The ephemeral `/funnel` report: period, the per-stage table, bottleneck, speed to lead, deals,
 * stuck leads and, with `by`, the breakdown. At most 10 blocks; every list is capped so no
 * section nears Slack's 3,000 characters.
 */
export function funnelReportBlocks(t: Catalog, report: FunnelReport, options: FunnelRenderOptions): Block[] {
  const { period } = report;
  const compared = comparedDays(period, options.timeZone);
  const dates = t.funnel.dates(period.firstDay, period.lastDay);
  const comparedDates = t.funnel.dates(compared.first, compared.last);
  const other = report.mode === 'cohort' ? 'flow' : 'cohort';
  const command = `\`/funnel ${period.key}${report.by ? ` by ${report.by}` : ''} ${other}\``;
  const groups = groupsText(t, report, options.labels ?? keyLabels(t));
  return [
    header(funnelReportTitle(t, report)),
    context((period.running ? t.funnel.runningLine : t.funnel.periodLine)(dates, comparedDates)),
    section(stageTable(t, report.stages)),
    context(t.funnel.tableNote),
    section(bottleneckText(t, report)),
    section(speedText(t, report, options.clock)),
    section(dealsText(t, report)),
    section(stuckText(t, report)),
    ...(groups ? [section(groups)] : []),
    context((report.mode === 'cohort' ? t.funnel.explainCohort : t.funnel.explainFlow)(command)),
  ];
}

/** `/funnel …` usage lines, for its help. */
export const funnelUsageLines = (t: Catalog) => [
  `\`/funnel [period] [by segment|source|owner] [cohort|flow] [chart]\` — ${t.funnel.helpReport}`,
  `\`/funnel plan <deals> [period]\` · \`/funnel plan set <deals> [period]\` — ${t.funnel.helpPlan}`,
  `\`/funnel export [period]\` — ${t.funnel.helpExport}`,
  `\`/funnel help\` — ${t.funnel.helpHelp}`,
];

export function funnelHelpBlocks(t: Catalog, problem?: string): Block[] {
  const f = t.funnel;
  return [
    header(f.helpTitle),
    ...(problem ? [section(problem)] : []),
    section(f.helpUsage),
    section(escapeMrkdwn(funnelUsageLines(t).join('\n'))),
    section(
      [
        `• ${f.helpPeriods}`,
        `• ${f.helpModes}`,
        `• \`by segment|source|owner\` — ${f.helpBy}`,
        `• \`chart\` — ${f.helpChart}`,
      ].join('\n'),
    ),
    context(t.help.footer),
  ];
}

/** A period that cannot be reported, in words. */
export function periodProblemText(t: Catalog, problem: PeriodProblem): string {
  const f = t.funnel;
  switch (problem.code) {
    case 'unknown_period':
      return f.unknownPeriod(escapeMrkdwn(clip(problem.text)));
    case 'bad_date':
      return f.badDate(escapeMrkdwn(clip(problem.value)));
    case 'reversed':
      return f.reversed(problem.first, problem.last);
    case 'too_long':
      return f.tooLong(problem.days, problem.max);
    case 'future':
      return f.future(problem.first, problem.today);
  }
}

/** Words `/funnel` could not read, in words, with the forms it accepts. */
export function funnelArgsProblemText(t: Catalog, problem: FunnelArgsProblem): string {
  const f = t.funnel;
  switch (problem.code) {
    case 'unknown_word':
      return `${f.unknownWord(escapeMrkdwn(clip(problem.word)))} ${f.accepted}`;
    case 'by_needs_group':
      return problem.got === null ? f.byMissing : f.byNeedsGroup(escapeMrkdwn(clip(problem.got)));
    case 'twice':
      return f.twice(escapeMrkdwn(clip(problem.first)), escapeMrkdwn(clip(problem.second)));
  }
}
