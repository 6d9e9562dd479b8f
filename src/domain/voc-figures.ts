/**
 * VOC figures of a period (docs/retro.md, "(d) VOC themes"; `/voc report` shows the same): counts
 * per category against the period before, competitors, tags and the top quotes. Pure: the SQL
 * layer hands in the period's entries and the previous period's counts per category.
 */
import { VOC_CATEGORIES, type VocCategory } from '../config/workspace/constants.js';
import type { ReportPeriod } from './funnel-report.js';
import type { VocFigures, VocQuote } from './retro-report.js';

/** How many quotes and tags the figures keep. */
export const VOC_TOP_QUOTES = 5;
export const VOC_TOP_TAGS = 5;

/** What `/voc report` asks for. */
export interface VocReportQuery {
  period: ReportPeriod;
  /** Only this category's entries count; null: all of them. */
  category: VocCategory | null;
}

/** `/voc report`'s answer: the figures of (d) over the period asked for. */
export interface VocReport extends VocReportQuery {
  figures: VocFigures;
}

/** One captured entry, as far as the counts read it (the quote itself is read only for those shown). */
export interface VocEntryFacts {
  id: number;
  /** As stored: one of VOC_CATEGORIES, or null while uncategorised. */
  category: string | null;
  competitor: string | null;
  tags: readonly string[];
  createdAt: Date;
}

/** What a top quote shows of its entry. */
export interface VocQuoteRow {
  id: number;
  quote: string;
  category: string | null;
  competitor: string | null;
  sentiment: VocQuote['sentiment'];
  sourceAuthorId: string | null;
  capturedBy: string;
  sourcePermalink: string | null;
}

/** Entries of the previous period per stored category. */
export interface VocCategoryCount {
  category: string | null;
  count: number;
}

/** A stored category as the figures know it; anything unknown counts as uncategorised. */
export function vocCategory(value: string | null): VocCategory | null {
  return (VOC_CATEGORIES as readonly string[]).includes(value ?? '') ? (value as VocCategory) : null;
}

/** Category order: VOC_CATEGORIES, then uncategorised. */
const categoryRank = (c: VocCategory | null) =>
  c === null ? VOC_CATEGORIES.length : VOC_CATEGORIES.indexOf(c);

/** Code-point order, so ties fall the same way on every machine and locale. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Newest first; the same instant by entry id, higher first. */
const newestFirst = (a: VocEntryFacts, b: VocEntryFacts) =>
  b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id;

/**
 * What the figures need of a period's entries, counted: `vocAggregates` works it out from the entries
 * themselves, the SQL layer (queries/voc-report.ts) in the database, so a year of entries never
 * leaves it. Both must agree (test/db/voc-aggregates.test.ts).
 */
export interface VocAggregates {
  total: number;
  /** Entries per stored category (unknown ones are mapped to uncategorised by the figures). */
  byCategory: readonly VocCategoryCount[];
  /** Per competitor (trimmed, compared case-insensitively), as first written; most first, ties by key. */
  competitors: VocFigures['byCompetitor'];
  /** The VOC_TOP_TAGS most used tags, an entry counting once per tag; ties by tag. */
  tags: VocFigures['tags'];
  /** The newest entry of each category as the figures know it (any order). */
  newestByCategory: ReadonlyArray<{ category: VocCategory | null; id: number }>;
  /** The ids of the newest entries, newest first: at least 2 × VOC_TOP_QUOTES when there are that many. */
  newest: readonly number[];
}

/** Entries per category as the figures know them. */
function countByCategory(counts: readonly VocCategoryCount[]): Map<VocCategory | null, number> {
  const out = new Map<VocCategory | null, number>();
  for (const p of counts) {
    const c = vocCategory(p.category);
    out.set(c, (out.get(c) ?? 0) + p.count);
  }
  return out;
}

/** A period's aggregates from its entries (what the SQL layer computes in the database). */
export function vocAggregates(entries: readonly VocEntryFacts[]): VocAggregates {
  const raw = new Map<string | null, number>();
  for (const e of entries) raw.set(e.category, (raw.get(e.category) ?? 0) + 1);
  const newest = [...entries].sort(newestFirst);
  const newestByCategory = new Map<VocCategory | null, number>();
  for (const e of newest) {
    const c = vocCategory(e.category);
    if (!newestByCategory.has(c)) newestByCategory.set(c, e.id);
  }
  return {
    total: entries.length,
    byCategory: [...raw.entries()].map(([category, count]) => ({ category, count })),
    competitors: competitorCounts(entries),
    tags: topTags(entries),
    newestByCategory: [...newestByCategory.entries()].map(([category, id]) => ({ category, id })),
    newest: newest.slice(0, 2 * VOC_TOP_QUOTES).map((e) => e.id),
  };
}

/**
 * The figures of a period: `entries` are its entries, `previous` the period before's counts, and
 * `quotes` the rows of the entries `topQuoteIds(entries)` picks (read after picking, so a long
 * period's quote texts never leave the database).
 */
export function vocFigures(
  entries: readonly VocEntryFacts[],
  previous: readonly VocCategoryCount[],
  quotes: readonly VocQuoteRow[],
): VocFigures {
  return vocFiguresOf(vocAggregates(entries), previous, quotes);
}

/** The figures of a period from its aggregates; `quotes` are the rows of `pickQuoteIds(aggregates)`. */
export function vocFiguresOf(
  aggregates: VocAggregates,
  previous: readonly VocCategoryCount[],
  quotes: readonly VocQuoteRow[],
): VocFigures {
  const current = countByCategory(aggregates.byCategory);
  const before = countByCategory(previous);
  const byCategory = [...VOC_CATEGORIES, null].flatMap((category) => {
    const count = current.get(category) ?? 0;
    const previousCount = before.get(category) ?? 0;
    return count === 0 && previousCount === 0
      ? []
      : [{ category, count, previousCount, change: count - previousCount }];
  });
  return {
    total: aggregates.total,
    previousTotal: previous.reduce((sum, p) => sum + p.count, 0),
    byCategory,
    byCompetitor: [...aggregates.competitors],
    tags: [...aggregates.tags],
    quotes: pickQuoteIds(aggregates).flatMap((id) => {
      const row = quotes.find((q) => q.id === id);
      return row ? [toQuote(row)] : [];
    }),
  };
}

/** Entries naming a competitor, per competitor case-insensitively, shown as first written in the period. */
function competitorCounts(entries: readonly VocEntryFacts[]): VocFigures['byCompetitor'] {
  const groups = new Map<string, { competitor: string; count: number }>();
  for (const e of [...entries].sort((a, b) => -newestFirst(a, b))) {
    const name = e.competitor?.trim();
    if (!name) continue;
    const key = name.toLowerCase();
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { competitor: name, count: 1 });
  }
  return [...groups.entries()]
    .sort(([ka, a], [kb, b]) => b.count - a.count || byText(ka, kb))
    .map(([, g]) => g);
}

/** The most used tags; an entry counts once per tag. */
function topTags(entries: readonly VocEntryFacts[]): VocFigures['tags'] {
  const counts = new Map<string, number>();
  for (const e of entries) {
    for (const tag of new Set(e.tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort(([a, na], [b, nb]) => nb - na || byText(a, b))
    .slice(0, VOC_TOP_TAGS)
    .map(([tag, count]) => ({ tag, count }));
}

/**
 * The newest entry of each category, categories from the most to the fewest entries (ties in
 * VOC_CATEGORIES order, uncategorised last); then the newest entries not yet picked, up to five.
 */
export function topQuoteIds(entries: readonly VocEntryFacts[]): number[] {
  return pickQuoteIds(vocAggregates(entries));
}

/** `topQuoteIds` from a period's aggregates. */
export function pickQuoteIds(aggregates: VocAggregates): number[] {
  const counts = countByCategory(aggregates.byCategory);
  const newestOf = new Map(aggregates.newestByCategory.map((n) => [n.category, n.id]));
  const categories = [...counts.keys()].sort(
    (a, b) => counts.get(b)! - counts.get(a)! || categoryRank(a) - categoryRank(b),
  );
  const picked: number[] = [];
  for (const category of categories.slice(0, VOC_TOP_QUOTES)) picked.push(newestOf.get(category)!);
  for (const id of aggregates.newest) {
    if (picked.length >= VOC_TOP_QUOTES) break;
    if (!picked.includes(id)) picked.push(id);
  }
  return picked;
}

function toQuote(e: VocQuoteRow): VocQuote {
  return {
    id: e.id,
    quote: e.quote,
    category: vocCategory(e.category),
    sentiment: e.sentiment,
    competitor: e.competitor,
    authorId: e.sourceAuthorId ?? e.capturedBy,
    capturedBy: e.capturedBy,
    permalink: e.sourcePermalink,
  };
}
