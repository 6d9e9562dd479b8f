import { describe, expect, it } from 'vitest';
import {
  FUNNEL_LAYOUT,
  type FunnelChartData,
  funnelChartHeight,
  funnelChartSvg,
  renderFunnelChart,
} from '../../../src/charts/funnel-chart.js';
import {
  funnelChartAltText,
  funnelChartData,
  funnelChartFilename,
} from '../../../src/charts/funnel-chart-data.js';
import { CHART_FONT, CHART_SCALE, svgToPng } from '../../../src/charts/render.js';
import { clipText, escapeXml, textUnits } from '../../../src/charts/svg-text.js';
import type { StageFigures } from '../../../src/domain/funnel-report.js';
import { parsePeriod } from '../../../src/domain/periods.js';
import { messages } from '../../../src/i18n/index.js';

/** Counts down a small funnel; each conversion is count(next) / count, as the report computes it. */
const COUNTS: Array<[string, string, number]> = [
  ['Lead', 'Lead', 160],
  ['MQL', 'MQL', 120],
  ['SAL', 'SAL', 45],
  ['SQL', 'SQL', 30],
];

function stages(counts = COUNTS) {
  return counts.map(([stage, label, count], i) => {
    const next = counts[i + 1]?.[2];
    return { stage, label, count, conversion: next !== undefined && count > 0 ? next / count : null };
  });
}

function chart(overrides: Partial<FunnelChartData> = {}): FunnelChartData {
  return {
    title: 'Funnel · 2026-11-30 – 2026-12-06',
    subtitle: 'Cohort',
    stages: stages(),
    goalLabel: 'goal',
    ...overrides,
  };
}

/** Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian). */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('funnelChartSvg', () => {
  it('writes each stage’s label and count and the conversion between consecutive bars', () => {
    const svg = funnelChartSvg(chart());
    for (const label of ['Lead', 'MQL', 'SAL', 'SQL']) expect(svg).toContain(`>${label}</text>`);
    for (const count of ['160', '120', '45', '30']) expect(svg).toContain(`>${count}</tspan>`);
    // 120/160, 45/120, 30/45 by hand; the last stage has no next, so no rate after it.
    expect(svg).toContain('>75.0%</text>');
    expect(svg).toContain('>37.5%</text>');
    expect(svg).toContain('>66.7%</text>');
    expect(svg.match(/%<\/text>/g)).toHaveLength(3);
    expect(svg).toContain('>Funnel · 2026-11-30 – 2026-12-06</text>');
    expect(svg).toContain('>Cohort</text>');
  });

  it('sizes bars to the largest count: 160 spans the bar area, 45 is 45/160 of it', () => {
    const span = FUNNEL_LAYOUT.width - FUNNEL_LAYOUT.barLeft - FUNNEL_LAYOUT.barRightMargin;
    expect(span).toBe(388);
    const svg = funnelChartSvg(chart());
    expect(svg).toContain('width="388.0"');
    // 45 / 160 × 388 = 109.125
    expect(svg).toContain('width="109.1"');
  });

  it('draws no bar for a stage with no leads but still writes its 0, and shows flow rates above 100%', () => {
    const svg = funnelChartSvg(
      chart({
        stages: [
          { stage: 'SQL', label: 'SQL', count: 4, conversion: 1.25 },
          { stage: 'Opportunity', label: 'Opportunity', count: 5, conversion: 0 },
          { stage: 'Closing', label: 'Closing', count: 0, conversion: null },
        ],
      }),
    );
    expect(svg.match(/<rect x=/g)).toHaveLength(2);
    expect(svg).toContain('>0</tspan>');
    expect(svg).toContain('>125.0%</text>');
    expect(svg).toContain('>0.0%</text>');
  });

  it('escapes XML in every text it writes', () => {
    const svg = funnelChartSvg(
      chart({
        title: 'R&D <pilot> "Q4"',
        stages: [{ stage: 'x', label: '<script>&', count: 1, conversion: null }],
      }),
    );
    expect(svg).toContain('R&amp;D &lt;pilot&gt; &quot;Q4&quot;');
    expect(svg).toContain('&lt;script&gt;&amp;');
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<pilot>');
    // resvg parses it (it throws on malformed XML).
    expect(() => svgToPng(svg, 1)).not.toThrow();
  });

  it('clips long labels and titles, counting a Hangul syllable as two letters', () => {
    const long = 'Qualified opportunity with procurement';
    const svg = funnelChartSvg(chart({ stages: [{ stage: 'x', label: long, count: 1, conversion: null }] }));
    expect(svg).toContain('>Qualified opportunity…</text>');
    expect(textUnits('영업 기회')).toBe(9);
    // 22 units at most: 10 syllables (20 units) and the ellipsis.
    expect(clipText('가나다라마바사아자차카타파하', 22)).toBe('가나다라마바사아자차…');
    expect(clipText('영업 기회', 22)).toBe('영업 기회');
    expect(escapeXml('a\u0000b\u001Fc')).toBe('abc');
  });

  it('marks a goal on the bars that have one, scaling bars to the larger of count and goal', () => {
    const svg = funnelChartSvg(chart({ goal: { Lead: 200, SAL: 50 } }));
    expect(svg).toContain('> / goal 200</tspan>');
    expect(svg).toContain('> / goal 50</tspan>');
    expect(svg).not.toContain('goal 120');
    expect(svg.match(/stroke="#e63946"/g)).toHaveLength(2);
    // Scale is now 200: Lead's 160 → 160/200 × 388 = 310.4; the goal marker sits at 212 + 388.
    expect(svg).toContain('width="310.4"');
    expect(svg).toContain('x1="600.0"');
  });
});

describe('renderFunnelChart', () => {
  it('gives a PNG twice the SVG size: 800 wide, 96 + 56 per bar − 26 + 28 high', () => {
    const png = renderFunnelChart(chart());
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(png.toString('ascii', 12, 16)).toBe('IHDR');
    // 4 bars: 96 + 4 × 56 − 26 + 28 = 322; at scale 2: 1600 × 644.
    expect(funnelChartHeight(4)).toBe(322);
    expect(CHART_SCALE).toBe(2);
    expect(pngSize(png)).toEqual({ width: 1600, height: 644 });
    const eight = stages([...COUNTS, ...COUNTS].map(([s, l, c], i) => [`${s}${i}`, l, c]));
    expect(pngSize(renderFunnelChart(chart({ stages: eight })))).toEqual({ width: 1600, height: 1092 });
  });

  it('renders with the bundled font only, never the machine’s', () => {
    expect(CHART_FONT.loadSystemFonts).toBe(false);
    expect(CHART_FONT.fontFiles).toHaveLength(2);
    for (const file of CHART_FONT.fontFiles ?? [])
      expect(file).toMatch(/NanumGothic_(400Regular|700Bold)\.ttf$/);
  });

  it('draws real Hangul glyphs: different syllables give different pixels', () => {
    // A font without Hangul draws the same .notdef box ("tofu") for every syllable, so two
    // syllables rendering alike — or like nothing — would mean Korean labels are unreadable.
    const glyph = (text: string) =>
      svgToPng(
        `<svg xmlns="http://www.w3.org/2000/svg" width="48" height="40"><text x="4" y="30" font-size="28">${text}</text></svg>`,
        1,
      );
    const blank = glyph('');
    const syllables = ['가', '나', '영', '협'].map(glyph);
    for (const [i, a] of syllables.entries()) {
      expect(a.equals(blank), `syllable ${i} drew nothing`).toBe(false);
      for (const b of syllables.slice(i + 1)) expect(a.equals(b)).toBe(false);
    }
  });

  it('renders Korean stage labels in the chart itself', () => {
    const withLabel = (label: string) =>
      renderFunnelChart(chart({ stages: [{ stage: 'Opportunity', label, count: 3, conversion: null }] }));
    const none = withLabel('');
    const deal = withLabel('영업 기회');
    const nego = withLabel('협상 단계');
    expect(deal.equals(none)).toBe(false);
    expect(nego.equals(none)).toBe(false);
    expect(deal.equals(nego)).toBe(false);
  });
});

describe('funnelChartData', () => {
  const now = new Date('2026-12-02T05:00:00Z'); // Wednesday 14:00 in Seoul
  const figures = (stage: string, label: string, count: number, conversion: number | null): StageFigures => ({
    stage,
    label,
    count,
    conversion,
    previousCount: 0,
    change: count,
    changeRate: null,
    previousConversion: null,
    medianDays: null,
    stuck: 0,
    stuckThresholdDays: null,
  });
  const period = (text: string) => {
    const parsed = parsePeriod(text, now, 'Asia/Seoul');
    if (!parsed.ok) throw new Error(text);
    return parsed.period;
  };
  // 8 → 3 → 0 → 0: a stage with no leads has no conversion (null), the last stage neither.
  const reportStages = [
    figures('Lead', '리드', 8, 3 / 8),
    figures('MQL', 'MQL', 3, 0 / 3),
    figures('SAL', 'SAL', 0, null),
    figures('SQL', 'SQL', 0, null),
  ];

  it('titles the chart with the period and the mode, in the team’s language', () => {
    const en = funnelChartData(
      { mode: 'cohort', period: period('this-week'), stages: reportStages },
      messages('en'),
    );
    expect(en.title).toBe('Funnel · 2026-11-30 – 2026-12-06');
    expect(en.subtitle).toBe('Cohort: how far the leads created in the period got (so far)');
    expect(en.stages).toEqual([
      { stage: 'Lead', label: '리드', count: 8, conversion: 0.375 },
      { stage: 'MQL', label: 'MQL', count: 3, conversion: 0 },
      { stage: 'SAL', label: 'SAL', count: 0, conversion: null },
      { stage: 'SQL', label: 'SQL', count: 0, conversion: null },
    ]);
    expect(en.goal).toBeUndefined();

    const ko = funnelChartData(
      { mode: 'flow', period: period('2026-11-02..2026-11-02'), stages: reportStages },
      messages('ko'),
      { Lead: 10 },
    );
    expect(ko.title).toBe('퍼널 · 2026-11-02');
    expect(ko.subtitle).toBe('플로우: 기간 중 일어난 단계 진입');
    expect(ko.goal).toEqual({ Lead: 10 });
    expect(ko.goalLabel).toBe('목표');
  });

  it('describes the chart in words for its alt text, and names its file after the period', () => {
    const data = funnelChartData(
      { mode: 'cohort', period: period('last-week'), stages: reportStages },
      messages('en'),
    );
    expect(funnelChartAltText(data)).toBe(
      'Funnel · 2026-11-23 – 2026-11-29. Cohort: how far the leads created in the period got. 리드 8 → 37.5% → MQL 3 → 0.0% → SAL 0 → SQL 0',
    );
    expect(funnelChartFilename('this-week')).toBe('funnel-this-week.png');
    expect(funnelChartFilename('2026-01-05..2026-01-11')).toBe('funnel-2026-01-05_2026-01-11.png');
  });
});
