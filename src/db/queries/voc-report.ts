import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { VocCategory } from '../../config/workspace/constants.js';
import type { VocCategoryCount, VocEntryFacts, VocQuoteRow } from '../../domain/voc-figures.js';
import type { Queryable } from '../client.js';
import { vocEntries } from '../schema.js';

/** VOC captured (created_at) in [start, end), of one category when given. */
const capturedIn = (teamId: string, start: Date, end: Date, category: VocCategory | null) =>
  and(
    eq(vocEntries.teamId, teamId),
    gte(vocEntries.createdAt, start),
    lt(vocEntries.createdAt, end),
    category ? eq(vocEntries.category, category) : undefined,
  );

/** The entries of a period, as far as the counts read them (no order: the figures sort what they need). */
export async function vocEntriesIn(
  q: Queryable,
  teamId: string,
  start: Date,
  end: Date,
  category: VocCategory | null,
): Promise<VocEntryFacts[]> {
  return q
    .select({
      id: vocEntries.id,
      category: vocEntries.category,
      competitor: vocEntries.competitor,
      tags: vocEntries.tags,
      createdAt: vocEntries.createdAt,
    })
    .from(vocEntries)
    .where(capturedIn(teamId, start, end, category));
}

/** The entries shown as top quotes. */
export async function vocQuoteRows(
  q: Queryable,
  teamId: string,
  ids: readonly number[],
): Promise<VocQuoteRow[]> {
  if (ids.length === 0) return [];
  return q
    .select({
      id: vocEntries.id,
      quote: vocEntries.quote,
      category: vocEntries.category,
      competitor: vocEntries.competitor,
      sentiment: vocEntries.sentiment,
      sourceAuthorId: vocEntries.sourceAuthorId,
      capturedBy: vocEntries.capturedBy,
      sourcePermalink: vocEntries.sourcePermalink,
    })
    .from(vocEntries)
    .where(and(eq(vocEntries.teamId, teamId), inArray(vocEntries.id, [...ids])));
}

/** How many entries a period has per category (the comparison only needs the counts). */
export async function vocCountsByCategory(
  q: Queryable,
  teamId: string,
  start: Date,
  end: Date,
  category: VocCategory | null,
): Promise<VocCategoryCount[]> {
  return q
    .select({ category: vocEntries.category, count: sql<number>`count(*)::int`.mapWith(Number) })
    .from(vocEntries)
    .where(capturedIn(teamId, start, end, category))
    .groupBy(vocEntries.category);
}
