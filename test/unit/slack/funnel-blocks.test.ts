import { describe, expect, it } from 'vitest';
import type { FunnelReport, ReportPeriod, StageFigures } from '../../../src/domain/funnel-report.js';
import { emptyLabels } from '../../../src/domain/labels.js';
import { messages } from '../../../src/i18n/index.js';
import { money, oneDecimal, percent, wholePercent } from '../../../src/slack/blocks/figures.js';
import {
  funnelArgsProblemText,
  funnelHelpBlocks,
  funnelReportBlocks,
  funnelReportTitle,
  periodProblemText,
} from '../../../src/slack/blocks/funnel.js';
import { stageFigure } from '../../../src/slack/blocks/home-funnel.js';
import { keyLabels } from '../../../src/slack/blocks/key-labels.js';

const en = messages('en');
const ko = messages('ko');
const SEOUL = { timeZone: 'Asia/Seoul', clock: 'business' as const };

// Last week in Seoul: Monday 2026-11-23 00:00 KST to Monday 2026-11-30 00:00 KST.
const LAST_WEEK: ReportPeriod = {
  key: 'last-week',
  start: new Date('2026-11-22T15:00:00Z'),
  end: new Date('2026-11-29T15:00:00Z'),
  previousStart: new Date('2026-11-15T15:00:00Z'),
  previousEnd: new Date('2026-11-22T15:00:00Z'),
  running: false,
  firstDay: '2026-11-23',
  lastDay: '2026-11-29',
};

function stage(
  label: string,
  count: number,
  previousCount: number,
  conversion: number | null,
  medianDays: number | null = null,
  stuck: [number, number | null] = [0, null],
): StageFigures {
  const change = count - previousCount;
  return {
    stage: label,
    label,
    count,
    previousCount,
    change,
    changeRate: previousCount ? change / previousCount : null,
    conversion,
    previousConversion: null,
    medianDays,
    stuck: stuck[0],
    stuckThresholdDays: stuck[1],
  };
}

function report(over: Partial<FunnelReport> = {}): FunnelReport {
  return {
    mode: 'cohort',
    period: LAST_WEEK,
    stages: [
      stage('Lead', 36, 32, 27 / 36, 1.5, [2, 3]),
      stage('MQL', 27, 29, 14 / 27, 3),
      stage('SAL', 14, 14, 10 / 14, null, [4, 7.25]),
      stage('SQL', 10, 0, 5 / 10, 2.26),
      stage('Opportunity', 5, 6, 3 / 5, 10.04),
      stage('Negotiation', 3, 3, 2 / 3),
      stage('Closing', 2, 1, 0),
      stage('Retention', 0, 0, null),
    ],
    bottleneck: { stage: 'MQL', next: 'SAL', conversion: 14 / 27, previousConversion: 0.5, medianDays: 3 },
    movesBack: 0,
    deals: {
      won: 2,
      lost: 3,
      winRate: 2 / 5,
      amountWon: [
        { currency: 'KRW', amount: 3_000_000 },
        { currency: 'USD', amount: 6200.5 },
      ],
      byCompetitor: [
        { competitor: '<!channel> Corp', won: 1, lost: 2, winRate: 1 / 3 },
        { competitor: 'Beta', won: 0, lost: 1, winRate: 0 },
      ],
    },
    speed: {
      leads: 12,
      touched: 10,
      medianMinutes: 14.5,
      p90Minutes: 61.2,
      met: 7,
      breached: 2,
      withinSla: 7 / 9,
    },
    stuckTotal: 6,
    by: null,
    groups: null,
    ...over,
  };
}

/** The text of every block: a section's or header's text, a context's elements joined. */
const texts = (blocks: ReturnType<typeof funnelReportBlocks>) =>
  (blocks as Array<{ text?: { text: string }; elements?: Array<{ text?: string }> }>).map(
    (b) => b.text?.text ?? b.elements?.map((e) => e.text ?? '').join(' ') ?? '',
  );

const table = (blocks: ReturnType<typeof funnelReportBlocks>) => texts(blocks)[2]!.split('```')[1]!.trim();

describe('the /funnel report', () => {
  it('shows the period, a stage table, the bottleneck, speed, deals, stuck leads and what cohort means', () => {
    const r = report();
    expect(funnelReportTitle(en, r)).toBe('Funnel — last week (cohort)');
    const blocks = funnelReportBlocks(en, r, SEOUL);
    const lines = texts(blocks);
    expect(lines[0]).toBe('Funnel — last week (cohort)');
    expect(lines[1]).toBe(':calendar: 2026-11-23 – 2026-11-29 · change against 2026-11-16 – 2026-11-22');
    expect(table(blocks).split('\n')).toEqual([
      'Stage        Count  → next    Change  Days',
      'Lead            36     75%   ▲4 +13%   1.5', // 4 / 32 = 12.5 % → 13 %
      'MQL             27     52%    ▼2 -7%   3.0', // 14 / 27 = 51.9 %; 2 / 29 = 6.9 %
      'SAL             14     71%         0     —',
      'SQL             10     50%       ▲10   2.3', // nothing the week before: no rate
      'Opportunity      5     60%   ▼1 -17%  10.0',
      'Negotiation      3     67%         0     —',
      'Closing          2      0%  ▲1 +100%     —',
      'Retention        0       —         0     —',
    ]);
    expect(lines[4]).toBe(
      ':warning: *Bottleneck: MQL → SAL* converts 52% (previous period: 50%); median time in MQL: 3.0 days.',
    );
    expect(lines[5]).toBe(
      '*Speed to lead*\nmedian 15 working minutes · p90 61 working minutes to the first touch · 78% within the SLA (7 of 9 decided)\n10 of 12 routed leads touched',
    );
    expect(lines[6]).toBe(
      [
        '*Deals*',
        'won 2 · lost 3 · win rate 40%',
        'Amount won: ₩3,000,000 · $6,200.50',
        'Per competitor: &lt;!channel&gt; Corp 1 won / 2 lost (33%) · Beta 0 won / 1 lost (0%)',
      ].join('\n'),
    );
    expect(lines[7]).toBe('*Stuck now* (6)\n• Lead: 2 over 3.0 days\n• SAL: 4 over 7.3 days');
    expect(lines[8]).toBe(
      'Cohort: the leads that arrived in the period and the furthest stage each has reached so far. For the stage entries that happened during the period: `/funnel last-week flow`',
    );
    expect(blocks).toHaveLength(9);
  });

  it('marks a running period and its cut comparison', () => {
    const running: ReportPeriod = {
      ...LAST_WEEK,
      key: 'this-week',
      start: new Date('2026-11-29T15:00:00Z'),
      end: new Date('2026-12-02T05:00:00Z'), // Wednesday 14:00 KST
      previousStart: new Date('2026-11-22T15:00:00Z'),
      previousEnd: new Date('2026-11-25T05:00:00Z'),
      running: true,
      firstDay: '2026-11-30',
      lastDay: '2026-12-06',
    };
    const lines = texts(funnelReportBlocks(en, report({ period: running }), SEOUL));
    expect(lines[1]).toBe(
      ':calendar: 2026-11-30 – 2026-12-06, so far · change against 2026-11-23 – 2026-11-25, cut at the same point',
    );
  });

  it('in flow mode counts moves back and points to the cohort, keeping the breakdown', () => {
    const groups = [{ key: 'web', stages: [{ stage: 'Lead', count: 1, conversion: null }] }];
    const lines = texts(
      funnelReportBlocks(en, report({ mode: 'flow', movesBack: 3, by: 'source', groups }), SEOUL),
    );
    expect(lines[4]).toContain(
      '\n:leftwards_arrow_with_hook: 3 moves back to an earlier stage (not counted as entries).',
    );
    expect(lines.at(-1)).toContain('how far they got: `/funnel last-week by source cohort`');
  });

  it('says when there is no bottleneck, no touch, no deal and nothing stuck', () => {
    const r = report({
      stages: [stage('Lead', 4, 0, 0), stage('Closing', 0, 0, null)],
      bottleneck: null,
      deals: { won: 0, lost: 0, winRate: null, amountWon: [], byCompetitor: [] },
      speed: {
        leads: 0,
        touched: 0,
        medianMinutes: null,
        p90Minutes: null,
        met: 0,
        breached: 0,
        withinSla: null,
      },
      stuckTotal: 0,
    });
    const lines = texts(funnelReportBlocks(en, r, { timeZone: 'Asia/Seoul', clock: 'always' }));
    expect(lines[4]).toBe('Bottleneck: not enough data — no stage before the won stage has 5 or more.');
    expect(lines[5]).toBe(
      '*Speed to lead*\nno first touch logged yet · no SLA decided yet\n0 of 0 routed leads touched',
    );
    expect(lines[6]).toBe('*Deals*\nwon 0 · lost 0 · win rate —\nAmount won: none recorded');
    expect(lines[7]).toBe('*Stuck now* (0)\nNo lead is stuck.');
  });

  it('lists the top 10 of a breakdown, owners as mentions, and escapes the rest', () => {
    const groups = [
      { key: 'U0SDR0001', stages: [{ stage: 'Lead', count: 12, conversion: 0.5 }] },
      { key: 'unassigned', stages: [{ stage: 'Lead', count: 3, conversion: 0 }] },
    ];
    const owners = texts(funnelReportBlocks(en, report({ by: 'owner', groups }), SEOUL))[8]!;
    expect(owners.split('\n')[0]).toBe(
      '*By owner* — counts per stage: Lead → MQL → SAL → SQL → Opportunity → Negotiation → Closing → Retention',
    );
    expect(owners.split('\n').slice(1)).toEqual(['• <@U0SDR0001> — 12', '• Unassigned — 3']);

    const sources = Array.from({ length: 12 }, (_, i) => ({
      key: i === 0 ? '<!here> & co' : `source ${i}`,
      stages: [
        { stage: 'Lead', count: 1200 - i, conversion: null },
        { stage: 'MQL', count: 3, conversion: null },
      ],
    }));
    const bySource = texts(funnelReportBlocks(en, report({ by: 'source', groups: sources }), SEOUL))[8]!;
    const lines = bySource.split('\n');
    expect(lines).toHaveLength(1 + 10 + 1);
    expect(lines[1]).toBe('• &lt;!here&gt; &amp; co — 1,200 → 3');
    expect(lines[10]).toBe('• source 9 — 1,191 → 3');
    expect(lines[11]).toBe('…and 2 more');
  });

  it('names segments and sources by the workspace labels in a breakdown, escaped', () => {
    const ko = messages('ko');
    const table = {
      ...emptyLabels(),
      segments: { smb: { ko: '중소기업 <팀>' } },
      sources: { trade_show: { en: 'Trade show' } },
    };
    const groups = (keys: string[]) =>
      keys.map((key) => ({ key, stages: [{ stage: 'Lead', count: 4, conversion: null }] }));
    const labels = keyLabels(ko, table, 'ko');
    const bySegment = texts(
      funnelReportBlocks(ko, report({ by: 'segment', groups: groups(['smb', 'enterprise']) }), {
        ...SEOUL,
        labels,
      }),
    )[8]!;
    expect(bySegment.split('\n').slice(1)).toEqual(['• 중소기업 &lt;팀&gt; — 4', '• enterprise — 4']);
    const bySource = texts(
      funnelReportBlocks(ko, report({ by: 'source', groups: groups(['trade_show', 'web_form']) }), {
        ...SEOUL,
        labels,
      }),
    )[8]!;
    // No Korean label: the English one, then the key made readable.
    expect(bySource.split('\n').slice(1)).toEqual(['• Trade show — 4', '• web form — 4']);
  });

  it('stays within Block Kit limits with long, hostile names everywhere', () => {
    const hostile = '&'.repeat(200);
    const stages = Array.from({ length: 12 }, (_, i) =>
      stage(`<!channel>${hostile}${i}`, 1_000_000 + i, 999_999, 0.5, 12.3, [5, 4]),
    );
    const r = report({
      stages,
      bottleneck: {
        stage: stages[0]!.stage,
        next: stages[1]!.stage,
        conversion: 0.5,
        previousConversion: 0.5,
        medianDays: 1,
      },
      deals: {
        won: 5,
        lost: 5,
        winRate: 0.5,
        amountWon: [{ currency: 'KRW', amount: 1e15 }],
        byCompetitor: Array.from({ length: 40 }, (_, i) => ({
          competitor: `${hostile}${i}`,
          won: 1,
          lost: 1,
          winRate: 0.5,
        })),
      },
      by: 'source',
      groups: Array.from({ length: 60 }, (_, i) => ({
        key: `${hostile}<@U1>${i}`,
        stages: stages.map((s) => ({ stage: s.stage, count: 1_000_000, conversion: 1 })),
      })),
    });
    for (const t of [en, ko]) {
      const blocks = funnelReportBlocks(t, r, SEOUL);
      expect(blocks.length).toBeLessThanOrEqual(50);
      const all = texts(blocks);
      for (const text of all) expect(text.length).toBeLessThanOrEqual(3000);
      expect(all[0]!.length).toBeLessThanOrEqual(150);
      expect(all.join('\n')).not.toMatch(/<!channel>|<!here>|<@U1>/);
      expect(all.join('').length).toBeLessThan(12_000);
    }
  });

  it('renders Korean with a table aligned for wide characters', () => {
    const r = report({
      stages: [stage('리드', 10, 8, 0.5, 1), stage('MQL', 5, 5, null)],
      bottleneck: { stage: '리드', next: 'MQL', conversion: 0.5, previousConversion: null, medianDays: 1 },
    });
    const blocks = funnelReportBlocks(ko, r, SEOUL);
    expect(texts(blocks)[0]).toBe('퍼널 — 지난주 (코호트)');
    // '리드' and '단계' take four columns each, like 'MQL' plus one space.
    expect(table(blocks).split('\n')).toEqual([
      '단계  수  → 다음     증감  일수',
      '리드  10     50%  ▲2 +25%   1.0',
      'MQL    5       —        0     —',
    ]);
    expect(texts(blocks)[4]).toBe(
      ':warning: *병목: 리드 → MQL* 전환율 50% (이전 기간: —), 리드 체류 중앙값: 1.0일.',
    );
    expect(texts(blocks)[6]).toContain('수주 금액: ₩3,000,000 · US$6,200.50');
  });
});

describe('/funnel help and problems', () => {
  it('lists every form, plan, export and chart included, with angle brackets escaped', () => {
    const all = texts(funnelHelpBlocks(en)).join('\n');
    expect(all).toContain('`/funnel [period] [by segment|source|owner] [cohort|flow] [chart]` — The report.');
    expect(all).toContain(
      '`/funnel plan &lt;deals&gt; [period]` · `/funnel plan set &lt;deals&gt; [period]`',
    );
    expect(all).toContain('`/funnel export [period]`');
    expect(all).toContain('`chart` — Also share the funnel as a chart image.');
    expect(all).toContain('`YYYY-MM-DD..YYYY-MM-DD`');
  });

  it('names the unknown word, escaped, with the accepted forms', () => {
    const text = funnelArgsProblemText(en, { code: 'unknown_word', word: '<!channel>' });
    expect(text).toMatch(/^I don't know `&lt;!channel&gt;` in `\/funnel`\. Try `\/funnel \[this-week \| /);
    expect(funnelArgsProblemText(en, { code: 'by_needs_group', got: 'region' })).toBe(
      "`by region` can't split the funnel: use `by segment`, `by source` or `by owner`.",
    );
    expect(funnelArgsProblemText(en, { code: 'twice', first: 'cohort', second: 'flow' })).toBe(
      'Give one of `cohort` and `flow`, not both.',
    );
  });

  it('explains each period problem', () => {
    expect(periodProblemText(en, { code: 'bad_date', value: '2026-02-30' })).toBe(
      '`2026-02-30` is not a date: use YYYY-MM-DD, like 2026-01-05.',
    );
    expect(periodProblemText(en, { code: 'too_long', days: 400, max: 366 })).toBe(
      'That range is 400 days long; a report covers at most 366.',
    );
    expect(periodProblemText(ko, { code: 'future', first: '2026-12-03', today: '2026-12-02' })).toBe(
      '기간이 오늘(2026-12-02) 이후인 2026-12-03에 시작해 아직 셀 것이 없습니다.',
    );
  });
});

describe('rounding, one formatter per kind (docs/funnel.md, "Rounding")', () => {
  it('shows percentages as whole numbers, half away from zero, the same on /funnel, Home and the retro', () => {
    // 29 of 200 is 14.5 % by hand; 29 / 200 × 100 is 14.4999… in binary, which Math.round made 14.
    expect(percent(29 / 200)).toBe('15%');
    expect(stageFigure(en, 29, 200)).toBe('29 / 200 (15 %)');
    expect(wholePercent(-29 / 200)).toBe(-15);
    // 1 of 3 is 33.3… → 33; 2 of 3 is 66.6… → 67; 1 of 200 is 0.5 → 1.
    expect([1 / 3, 2 / 3, 1 / 200].map(percent)).toEqual(['33%', '67%', '1%']);
    expect(wholePercent(0)).toBe(0);
  });

  it('shows days to one decimal everywhere, stuck thresholds too, half away from zero', () => {
    // 2.25 days → 2.3; 0.15 days (0.1499… in binary) → 0.2; a threshold of 3 days → 3.0.
    expect([2.25, 0.15, 3].map((d) => oneDecimal(en, d))).toEqual(['2.3', '0.2', '3.0']);
  });

  it("shows amounts in the currency's own minor units, never converted", () => {
    expect(money(en, 6200.5, 'USD')).toBe('$6,200.50');
    // KRW has no minor unit: 1,500.5 won shows as 1,501.
    expect(money(en, 1500.5, 'KRW')).toBe('₩1,501');
  });

  it('shows a rate with nothing to divide as — (0 of 0)', () => {
    expect(en.funnel.none).toBe('—');
    expect(ko.funnel.none).toBe('—');
  });
});
