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

/** Entries per category as the figures know them. */
function countByCategory(entries: readonly VocEntryFacts[]): Map<VocCategory | null, number> {
  const counts = new Map<VocCategory | null, number>();
  for (const e of entries) {
    const c = vocCategory(e.category);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return counts;
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
  const current = countByCategory(entries);
  const before = new Map<VocCategory | null, number>();
  for (const p of previous) {
    const c = vocCategory(p.category);
    before.set(c, (before.get(c) ?? 0) + p.count);
  }
  const byCategory = [...VOC_CATEGORIES, null].flatMap((category) => {
    const count = current.get(category) ?? 0;
    const previousCount = before.get(category) ?? 0;
    return count === 0 && previousCount === 0
      ? []
      : [{ category, count, previousCount, change: count - previousCount }];
  });
  return {
    total: entries.length,
    previousTotal: previous.reduce((sum, p) => sum + p.count, 0),
    byCategory,
    byCompetitor: competitorCounts(entries),
    tags: topTags(entries),
    quotes: topQuoteIds(entries).flatMap((id) => {
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
  const counts = countByCategory(entries);
  const newest = [...entries].sort(newestFirst);
  const categories = [...counts.keys()].sort(
    (a, b) => counts.get(b)! - counts.get(a)! || categoryRank(a) - categoryRank(b),
  );
  const picked: VocEntryFacts[] = [];
  for (const category of categories.slice(0, VOC_TOP_QUOTES)) {
    picked.push(newest.find((e) => vocCategory(e.category) === category)!);
  }
  for (const e of newest) {
    if (picked.length >= VOC_TOP_QUOTES) break;
    if (!picked.includes(e)) picked.push(e);
  }
  return picked.map((e) => e.id);
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
