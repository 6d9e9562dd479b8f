import { CHART_FONT_FAMILY, svgToPng } from './render.js';
import { clipText, escapeXml, formatCount, formatRate } from './svg-text.js';

/** One bar: a working stage with its count and the conversion to the next stage. */
export interface FunnelChartStage {
  stage: string;
  label: string;
  count: number;
  /** count(next) / count; null for the last stage or when count is 0. */
  conversion: number | null;
}

/**
 * What the funnel chart draws. Built from a FunnelReport by `funnelChartData`; the weekly retro
 * passes a goal (the plan's per-week numbers) to mark each bar's target.
 */
export interface FunnelChartData {
  title: string;
  subtitle: string;
  stages: FunnelChartStage[];
  /** Target count per stage key; stages without one get no marker. */
  goal?: Record<string, number>;
  /** The word shown before a goal figure ("goal", "목표"). */
  goalLabel: string;
}

/** Layout in SVG units (the PNG is CHART_SCALE times larger). */
export const FUNNEL_LAYOUT = {
  width: 800,
  /** Space above the first bar: title and subtitle. */
  top: 96,
  /** One bar plus the gap below it, where the conversion to the next stage is written. */
  row: 56,
  bar: 30,
  bottom: 28,
  labelRight: 196,
  barLeft: 212,
  /** Room right of the longest bar for its count and goal. */
  barRightMargin: 200,
} as const;

/** Clipping limits in Latin-letter units (a Hangul syllable counts two). */
const MAX_UNITS = { title: 64, subtitle: 100, label: 22 } as const;

const COLORS = {
  text: '#1d2433',
  muted: '#5c6b7a',
  bars: ['#1d3557', '#457b9d'],
  goal: '#e63946',
  axis: '#d5dce3',
} as const;

/** The chart's height in SVG units for `stages` bars. */
export function funnelChartHeight(stages: number): number {
  const { top, row, bar, bottom } = FUNNEL_LAYOUT;
  return top + Math.max(0, stages * row - (row - bar)) + bottom;
}

const rgb = (hex: string) => [1, 3, 5].map((k) => Number.parseInt(hex.slice(k, k + 2), 16));

/** Bar i of n, shading from the brand's dark blue to a lighter one down the funnel. */
function barColor(i: number, n: number): string {
  const [from, to] = COLORS.bars.map(rgb) as [number[], number[]];
  const f = n > 1 ? i / (n - 1) : 0;
  const mix = from.map((c, k) => Math.round(c + (to[k]! - c) * f));
  return `#${mix.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

const text = (x: number, y: number, attrs: string, content: string) =>
  `<text x="${x}" y="${y}" ${attrs}>${escapeXml(content)}</text>`;

/** How one chart maps counts to bar widths. */
interface Scale {
  widthOf(count: number): number;
  stages: number;
}

/** One stage: its label, bar, count (and goal marker), and the conversion written below the bar. */
function stageRow(
  s: FunnelChartStage,
  i: number,
  goal: number | undefined,
  data: FunnelChartData,
  scale: Scale,
) {
  const L = FUNNEL_LAYOUT;
  const y = L.top + i * L.row;
  const middle = y + L.bar / 2 + 5;
  const w = scale.widthOf(s.count);
  const parts = [
    text(
      L.labelRight,
      middle,
      `font-size="15" text-anchor="end" fill="${COLORS.text}"`,
      clipText(s.label, MAX_UNITS.label),
    ),
  ];
  if (w > 0) {
    parts.push(
      `<rect x="${L.barLeft}" y="${y}" width="${w.toFixed(1)}" height="${L.bar}" rx="3" fill="${barColor(i, scale.stages)}"/>`,
    );
  }
  let figure = `<tspan font-weight="700">${escapeXml(formatCount(s.count))}</tspan>`;
  let figureX = L.barLeft + w + 8;
  if (goal !== undefined) {
    const gx = (L.barLeft + scale.widthOf(goal)).toFixed(1);
    parts.push(
      `<line x1="${gx}" y1="${y - 4}" x2="${gx}" y2="${y + L.bar + 4}" stroke="${COLORS.goal}" stroke-width="2.5"/>`,
    );
    figure += `<tspan fill="${COLORS.muted}"> / ${escapeXml(`${data.goalLabel} ${formatCount(goal)}`)}</tspan>`;
    figureX = L.barLeft + Math.max(w, scale.widthOf(goal)) + 8;
  }
  parts.push(
    `<text x="${figureX.toFixed(1)}" y="${middle}" font-size="15" fill="${COLORS.text}">${figure}</text>`,
  );
  if (s.conversion !== null && i < scale.stages - 1) {
    // A small down arrow and the rate, in the gap between this bar and the next.
    const gapMiddle = y + L.bar + (L.row - L.bar) / 2;
    parts.push(
      `<path d="M ${L.barLeft + 10} ${gapMiddle - 6} v 9 m -4 -4 l 4 4 l 4 -4" stroke="${COLORS.muted}" stroke-width="1.5" fill="none"/>`,
      text(L.barLeft + 22, gapMiddle + 5, `font-size="13" fill="${COLORS.muted}"`, formatRate(s.conversion)),
    );
  }
  return parts;
}

/** A horizontal funnel: one bar per stage, its count (and goal), and the conversion between bars. */
export function funnelChartSvg(data: FunnelChartData): string {
  const L = FUNNEL_LAYOUT;
  const height = funnelChartHeight(data.stages.length);
  const span = L.width - L.barLeft - L.barRightMargin;
  const goals = data.stages.map((s) => data.goal?.[s.stage]);
  const max = Math.max(1, ...data.stages.map((s) => s.count), ...goals.map((g) => g ?? 0));
  const scale: Scale = {
    // A bar with any leads stays visible however small its share.
    widthOf: (count) => (count > 0 ? Math.max(2, (count / max) * span) : 0),
    stages: data.stages.length,
  };
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${L.width}" height="${height}" viewBox="0 0 ${L.width} ${height}" font-family="${CHART_FONT_FAMILY}">`,
    `<rect width="${L.width}" height="${height}" fill="#ffffff"/>`,
    text(
      32,
      44,
      `font-size="22" font-weight="700" fill="${COLORS.text}"`,
      clipText(data.title, MAX_UNITS.title),
    ),
    text(32, 70, `font-size="14" fill="${COLORS.muted}"`, clipText(data.subtitle, MAX_UNITS.subtitle)),
    `<line x1="${L.barLeft}" y1="${L.top - 8}" x2="${L.barLeft}" y2="${height - L.bottom + 8}" stroke="${COLORS.axis}"/>`,
    ...data.stages.flatMap((s, i) => stageRow(s, i, goals[i], data, scale)),
    '</svg>',
  ].join('');
}

/** The chart as a PNG, rendered with the bundled font. */
export function renderFunnelChart(data: FunnelChartData): Buffer {
  return svgToPng(funnelChartSvg(data));
}
