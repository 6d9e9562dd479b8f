import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { VocCategory } from '../../config/workspace/constants.js';
import type { VocCategoryCount, VocEntryFacts } from '../../domain/voc-figures.js';
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

/** The entries of a period, newest first: what the figures and the top quotes read. */
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
      quote: vocEntries.quote,
      category: vocEntries.category,
      competitor: vocEntries.competitor,
      tags: vocEntries.tags,
      sentiment: vocEntries.sentiment,
      sourceAuthorId: vocEntries.sourceAuthorId,
      capturedBy: vocEntries.capturedBy,
      sourcePermalink: vocEntries.sourcePermalink,
      createdAt: vocEntries.createdAt,
    })
    .from(vocEntries)
    .where(capturedIn(teamId, start, end, category))
    .orderBy(desc(vocEntries.createdAt), desc(vocEntries.id));
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
