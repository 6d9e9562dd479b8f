import type { FunnelReport } from '../domain/funnel-report.js';
import type { Catalog } from '../i18n/index.js';
import type { FunnelChartData } from './funnel-chart.js';
import { formatCount, formatRate } from './svg-text.js';

/** The chart of a report's working stages, titled in the team's language, with an optional goal. */
export function funnelChartData(
  report: Pick<FunnelReport, 'mode' | 'period' | 'stages'>,
  t: Catalog,
  goal?: Record<string, number>,
): FunnelChartData {
  const { firstDay, lastDay, running } = report.period;
  return {
    title: t.funnelChart.title(firstDay === lastDay ? firstDay : `${firstDay} – ${lastDay}`),
    subtitle: t.funnelChart.mode[report.mode] + (running ? t.funnelChart.soFar : ''),
    stages: report.stages.map(({ stage, label, count, conversion }) => ({ stage, label, count, conversion })),
    ...(goal ? { goal } : {}),
    goalLabel: t.funnelChart.goal,
  };
}

/** The chart in words, for the image's alt text: "Lead 120 → 66.7% → MQL 80 → …". */
export function funnelChartAltText(data: FunnelChartData): string {
  const steps = data.stages.map((s, i) => {
    const bar = `${s.label} ${formatCount(s.count)}`;
    if (i === data.stages.length - 1) return bar;
    return s.conversion === null ? `${bar} →` : `${bar} → ${formatRate(s.conversion)} →`;
  });
  return `${data.title}. ${data.subtitle}. ${steps.join(' ')}`;
}

/** A file name for the chart of a period: "funnel-this-week.png", "funnel-2026-01-05_2026-01-11.png". */
export function funnelChartFilename(periodKey: string): string {
  return `funnel-${periodKey.replace(/\.\./g, '_').replace(/[^\w-]/g, '')}.png`;
}
