import { describe, expect, it } from 'vitest';
import {
  topQuoteIds,
  type VocEntryFacts,
  type VocQuoteRow,
  vocCategory,
  vocFigures,
} from '../../../src/domain/voc-figures.js';

type Entry = VocEntryFacts & VocQuoteRow;

/** An entry captured at `at` (UTC), with nothing but what the test sets. */
function entry(id: number, at: string, fields: Partial<Entry> = {}): Entry {
  return {
    id,
    quote: `quote ${id}`,
    category: null,
    competitor: null,
    tags: [],
    sentiment: null,
    sourceAuthorId: `U0AUTH${id}`,
    capturedBy: 'U0CAPTURE',
    sourcePermalink: `https://example.slack.com/archives/C0SRC/p${id}`,
    createdAt: new Date(`${at}Z`),
    ...fields,
  };
}

// Nine entries of one week, handed in out of order (the figures must not rely on it).
const WEEK: Entry[] = [
  entry(6, '2026-03-06T10:00:00', { category: 'praise', competitor: 'initech', tags: ['onboarding', 'api'] }),
  entry(1, '2026-03-02T10:00:00', {
    category: 'objection',
    competitor: 'acme',
    tags: ['pricing', 'onboarding'],
  }),
  entry(9, '2026-03-08T23:00:00', { category: 'other', tags: ['zeta', 'alpha', 'beta'] }),
  entry(3, '2026-03-04T09:00:00', { category: 'feature_request', competitor: 'Acme', tags: ['api', 'api'] }),
  entry(4, '2026-03-04T09:00:00', { category: 'feature_request', competitor: 'Globex', tags: ['sso'] }),
  entry(2, '2026-03-03T09:00:00', { category: 'feature_request', competitor: 'Initech', tags: ['api'] }),
  entry(5, '2026-03-05T12:00:00', { competitor: ' Globex ', tags: ['pricing'] }),
  entry(7, '2026-03-07T08:00:00', { category: 'objection', competitor: 'ACME' }),
  entry(8, '2026-03-02T08:00:00', { category: 'pricing', competitor: '  ' }),
];
const PREVIOUS = [
  { category: 'objection', count: 3 },
  { category: 'competitor', count: 2 },
  { category: 'praise', count: 1 },
];

describe('vocFigures', () => {
  const f = vocFigures(WEEK, PREVIOUS, WEEK);

  it('counts the total and each category against the period before, in category order, uncategorised last', () => {
    expect(f.total).toBe(9);
    expect(f.previousTotal).toBe(6); // 3 + 2 + 1
    // churn_risk and lead_quality are 0 in both periods: left out.
    expect(f.byCategory).toEqual([
      { category: 'objection', count: 2, previousCount: 3, change: -1 }, // #1, #7
      { category: 'feature_request', count: 3, previousCount: 0, change: 3 }, // #2, #3, #4
      { category: 'competitor', count: 0, previousCount: 2, change: -2 },
      { category: 'pricing', count: 1, previousCount: 0, change: 1 }, // #8
      { category: 'praise', count: 1, previousCount: 1, change: 0 }, // #6
      { category: 'other', count: 1, previousCount: 0, change: 1 }, // #9
      { category: null, count: 1, previousCount: 0, change: 1 }, // #5
    ]);
  });

  it('groups competitors case-insensitively, shown as first written, most first, ties by name', () => {
    // acme: #1 "acme" (first, 03-02), #3 "Acme", #7 "ACME". Globex: #4, #5 (trimmed). Initech: #2 "Initech"
    // (03-03, first), #6 "initech". A blank competitor (#8) names none.
    expect(f.byCompetitor).toEqual([
      { competitor: 'acme', count: 3 },
      { competitor: 'Globex', count: 2 },
      { competitor: 'Initech', count: 2 },
    ]);
  });

  it('keeps the five most used tags, an entry counting once per tag, ties by tag', () => {
    // api: #2, #3 (twice, counts once), #6 = 3; onboarding: #1, #6; pricing: #1, #5; then alpha, beta
    // (sso and zeta, also 1, come later by name).
    expect(f.tags).toEqual([
      { tag: 'api', count: 3 },
      { tag: 'onboarding', count: 2 },
      { tag: 'pricing', count: 2 },
      { tag: 'alpha', count: 1 },
      { tag: 'beta', count: 1 },
    ]);
  });

  it('quotes the newest entry of each category, the most mentioned category first, ties in category order', () => {
    // feature_request (3): #3 and #4 share a time, #4 has the higher id. objection (2): #7. Then the
    // categories of 1 in VOC_CATEGORIES order: pricing #8, praise #6, other #9; uncategorised #5 is sixth.
    expect(f.quotes.map((q) => q.id)).toEqual([4, 7, 8, 6, 9]);
    expect(f.quotes[0]).toEqual({
      id: 4,
      quote: 'quote 4',
      category: 'feature_request',
      sentiment: null,
      competitor: 'Globex',
      authorId: 'U0AUTH4',
      capturedBy: 'U0CAPTURE',
      permalink: 'https://example.slack.com/archives/C0SRC/p4',
    });
  });

  it('fills up to five quotes with the newest entries not yet picked', () => {
    const entries = [
      entry(10, '2026-03-02T10:00:00', { category: 'feature_request' }),
      entry(11, '2026-03-03T10:00:00', { category: 'feature_request' }),
      entry(12, '2026-03-04T10:00:00', { category: 'feature_request', sentiment: 'negative' }),
      entry(13, '2026-03-01T10:00:00', { category: 'objection', sourceAuthorId: null }),
    ];
    expect(topQuoteIds(entries)).toEqual([12, 13, 11, 10]);
    const few = vocFigures(entries, [], entries);
    // feature_request's newest #12, objection's #13, then the newest left: #11, #10.
    expect(few.quotes.map((q) => q.id)).toEqual([12, 13, 11, 10]);
    expect(few.quotes[0]!.sentiment).toBe('negative');
    // Nobody known said it in Slack (typed into /voc): the person who captured it.
    expect(few.quotes[1]).toMatchObject({ authorId: 'U0CAPTURE', capturedBy: 'U0CAPTURE' });
  });

  it('reports an empty period with what the period before had', () => {
    expect(vocFigures([], [{ category: 'praise', count: 2 }], [])).toEqual({
      total: 0,
      previousTotal: 2,
      byCategory: [{ category: 'praise', count: 0, previousCount: 2, change: -2 }],
      byCompetitor: [],
      tags: [],
      quotes: [],
    });
  });

  it('counts a category it does not know as uncategorised', () => {
    expect(vocCategory('churn_risk')).toBe('churn_risk');
    expect(vocCategory('legacy')).toBeNull();
    expect(vocCategory(null)).toBeNull();
    const legacy = [entry(1, '2026-03-02T10:00:00', { category: 'legacy' })];
    const f2 = vocFigures(legacy, [{ category: null, count: 1 }], legacy);
    expect(f2.byCategory).toEqual([{ category: null, count: 1, previousCount: 1, change: 0 }]);
    expect(f2.quotes[0]!.category).toBeNull();
  });
});
