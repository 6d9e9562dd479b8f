import { describe, expect, it } from 'vitest';
import type { ReportPeriod } from '../../../src/domain/funnel-report.js';
import type { VocFigures } from '../../../src/domain/retro-report.js';
import type { VocReport } from '../../../src/domain/voc-figures.js';
import { messages } from '../../../src/i18n/index.js';
import {
  VOC_QUOTE_LIMIT,
  vocReportArgsProblemText,
  vocReportBlocks,
  vocReportTitle,
} from '../../../src/slack/blocks/voc-report.js';

const en = messages('en');
const ko = messages('ko');
const SEOUL = { timeZone: 'Asia/Seoul' };

// Last week in Seoul: Monday 2026-03-02 00:00 KST to Monday 03-09 00:00 KST.
const LAST_WEEK: ReportPeriod = {
  key: 'last-week',
  start: new Date('2026-03-01T15:00:00Z'),
  end: new Date('2026-03-08T15:00:00Z'),
  previousStart: new Date('2026-02-22T15:00:00Z'),
  previousEnd: new Date('2026-03-01T15:00:00Z'),
  running: false,
  firstDay: '2026-03-02',
  lastDay: '2026-03-08',
};

const FIGURES: VocFigures = {
  total: 4,
  previousTotal: 5,
  byCategory: [
    { category: 'objection', count: 2, previousCount: 1, change: 1 },
    { category: 'praise', count: 0, previousCount: 4, change: -4 },
    { category: null, count: 2, previousCount: 0, change: 2 },
  ],
  byCompetitor: [
    { competitor: 'Acme <Corp>', count: 2 },
    { competitor: 'Globex', count: 1 },
  ],
  tags: [
    { tag: 'pricing', count: 2 },
    { tag: 'sso', count: 1 },
  ],
  quotes: [
    {
      id: 7,
      quote: 'Too pricey for <!channel> & us\nunless SSO is in',
      category: 'objection',
      sentiment: 'negative',
      competitor: 'Acme <Corp>',
      authorId: 'U0CUST001',
      capturedBy: 'U0SDR0001',
      permalink: 'https://acme.slack.com/archives/C0SALES/p1772500000000100',
    },
    {
      id: 3,
      quote: 'Typed in by hand',
      category: null,
      sentiment: null,
      competitor: null,
      authorId: 'U0AE00001',
      capturedBy: 'U0AE00001',
      // Not a Slack permalink: no link.
      permalink: 'javascript:alert(1)',
    },
  ],
};

const report = (figures: VocFigures, extra: Partial<VocReport> = {}): VocReport => ({
  period: LAST_WEEK,
  category: null,
  figures,
  ...extra,
});

const texts = (blocks: ReturnType<typeof vocReportBlocks>) =>
  blocks.map((b) =>
    b.type === 'header'
      ? `H:${b.text.text}`
      : b.type === 'section'
        ? `S:${b.text!.text}`
        : b.type === 'context'
          ? `C:${(b.elements[0] as { text: string }).text}`
          : b.type,
  );

describe('vocReportBlocks', () => {
  it('shows counts per category with change, competitors, tags and quotes with links, escaped', () => {
    expect(texts(vocReportBlocks(en, report(FIGURES), SEOUL))).toEqual([
      'H:Voice of the customer — last week',
      'C::calendar: 2026-03-02 – 2026-03-08 · change against 2026-02-23 – 2026-03-01',
      [
        'S:*Captured: 4* — the period before: 5 (▼1)',
        '• Objection: 2 — before: 1 (▲1)',
        '• Praise: 0 — before: 4 (▼4)',
        '• Uncategorised: 2 — before: 0 (▲2)',
      ].join('\n'),
      'S:*Competitors named:* Acme &lt;Corp&gt; 2 · Globex 1\n*Top tags:* #pricing 2 · #sso 1',
      'S:*Top quotes*',
      [
        'S:>Too pricey for &lt;!channel&gt; &amp; us',
        '>unless SSO is in',
        'said by <@U0CUST001>, captured by <@U0SDR0001> · Objection · Acme &lt;Corp&gt; · <https://acme.slack.com/archives/C0SALES/p1772500000000100|source>',
      ].join('\n'),
      'S:>Typed in by hand\nsaid by <@U0AE00001> · Uncategorised',
      `C:${en.vocReport.footer}`,
    ]);
  });

  it('says so when nothing was captured, with what the period before had', () => {
    const empty: VocFigures = {
      total: 0,
      previousTotal: 3,
      byCategory: [{ category: 'pricing', count: 0, previousCount: 3, change: -3 }],
      byCompetitor: [],
      tags: [],
      quotes: [],
    };
    expect(texts(vocReportBlocks(en, report(empty), SEOUL))).toEqual([
      'H:Voice of the customer — last week',
      'C::calendar: 2026-03-02 – 2026-03-08 · change against 2026-02-23 – 2026-03-01',
      'S:No VOC was captured in this period (the period before: 3).',
      `C:${en.vocReport.footer}`,
    ]);
  });

  it('names the category asked for and a date range, and a running period’s cut', () => {
    const running: ReportPeriod = {
      ...LAST_WEEK,
      key: '2026-03-09..2026-03-15',
      running: true,
      start: new Date('2026-03-08T15:00:00Z'),
      end: new Date('2026-03-11T05:00:00Z'),
      previousStart: new Date('2026-03-01T15:00:00Z'),
      previousEnd: new Date('2026-03-04T05:00:00Z'),
      firstDay: '2026-03-09',
      lastDay: '2026-03-15',
    };
    const r = report(FIGURES, { period: running, category: 'feature_request' });
    expect(vocReportTitle(en, r)).toBe('Voice of the customer — Feature request — 2026-03-09 – 2026-03-15');
    expect(texts(vocReportBlocks(en, r, SEOUL))[1]).toBe(
      'C::calendar: 2026-03-09 – 2026-03-15, so far · change against 2026-03-02 – 2026-03-04, cut at the same point',
    );
  });

  it('lists ten competitors and counts the rest, and says when none or no tags were named', () => {
    const many: VocFigures = {
      ...FIGURES,
      byCompetitor: Array.from({ length: 12 }, (_, i) => ({ competitor: `C${i + 1}`, count: 12 - i })),
      tags: [],
    };
    const shown = Array.from({ length: 10 }, (_, i) => `C${i + 1} ${12 - i}`).join(' · ');
    expect(texts(vocReportBlocks(en, report(many), SEOUL))[3]).toBe(
      `S:*Competitors named:* ${shown} …and 2 more\n*Top tags:* none`,
    );
    expect(texts(vocReportBlocks(en, report({ ...FIGURES, byCompetitor: [] }), SEOUL))[3]).toBe(
      'S:*Competitors named:* none\n*Top tags:* #pricing 2 · #sso 1',
    );
  });

  it('cuts a long quote so the source link carries the rest', () => {
    const long = { ...FIGURES.quotes[0]!, quote: 'word '.repeat(200) };
    const section = texts(vocReportBlocks(en, report({ ...FIGURES, quotes: [long] }), SEOUL))[5]!;
    const [quoteLine] = section.slice(2).split('\n');
    expect(quoteLine!.length).toBeLessThanOrEqual(VOC_QUOTE_LIMIT + 1);
    expect(quoteLine!.endsWith('…')).toBe(true);
  });

  it('speaks Korean', () => {
    const blocks = texts(vocReportBlocks(ko, report(FIGURES), SEOUL));
    expect(blocks[0]).toBe('H:VOC — 지난주');
    expect(blocks[2]).toContain('*수집: 4건* — 이전 기간: 5건 (▼1)');
    expect(blocks[2]).toContain(`${ko.voc.categories.objection}: 2건 — 이전: 1건 (▲1)`);
  });
});

describe('vocReportArgsProblemText', () => {
  it('names an unknown word, escaped, with the forms accepted', () => {
    expect(vocReportArgsProblemText(en, { code: 'unknown_word', word: '<!here>' })).toBe(
      `I don't know \`&lt;!here&gt;\` in \`/voc report\`. ${en.vocReport.accepted}`,
    );
  });

  it('asks for one of two periods or categories', () => {
    expect(vocReportArgsProblemText(en, { code: 'twice', first: 'pricing', second: 'praise' })).toBe(
      'Give one of `pricing` and `praise`, not both.',
    );
  });
});
