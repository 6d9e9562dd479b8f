import { and, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { VocCategory } from '../../config/workspace/constants.js';
import { VOC_CATEGORIES } from '../../config/workspace/constants.js';
import {
  VOC_TOP_QUOTES,
  VOC_TOP_TAGS,
  type VocAggregates,
  type VocCategoryCount,
  type VocEntryFacts,
  type VocQuoteRow,
} from '../../domain/voc-figures.js';
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

/** How many entries a period has per category (the comparison only needs the counts); see vocRolledUpCounts. */
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

/** Bound as text and cast: postgres.js rejects raw Date parameters inside `sql` templates. */
export const ts = (d: Date): SQL => sql`${d.toISOString()}::timestamptz`;

/** What JavaScript's String.prototype.trim() removes at the ends, as far as competitor names go. */
/** The categories the figures name, as an SQL list; entries of any other category count as unnamed. */
export const KNOWN_CATEGORIES = sql.join(
  VOC_CATEGORIES.map((c) => sql`${c}`),
  sql`, `,
);

export const TRIMMED = sql.raw(`E' \\t\\n\\r\\f\\x0b\\u00a0\\ufeff\\u2028\\u2029\\u3000'`);

/**
 * The figures' aggregates of a period (domain/voc-figures.ts, VocAggregates), counted in the
 * database in one statement: only a few dozen values come back whatever the number of entries.
 * Orders ties by code point (collate "C"), as the figures do. Hash aggregates rather than sorts of
 * the whole period (tags per entry deduplicated first; the newest per category by its latest instant).
 * Reports read the daily rollups instead (queries/voc-rollups.ts): this is what they must equal.
 */
export async function vocPeriodAggregates(
  q: Queryable,
  teamId: string,
  start: Date,
  end: Date,
  category: VocCategory | null,
): Promise<VocAggregates> {
  const known = KNOWN_CATEGORIES;
  const result = await q.execute(sql`
    with e as materialized (
      select id, category, competitor, tags, created_at,
             case when category in (${known}) then category end as known
      from voc_entries
      where team_id = ${teamId} and created_at >= ${ts(start)} and created_at < ${ts(end)}
        ${category ? sql`and category = ${category}` : sql``}
    ),
    named as (
      select id, created_at, btrim(competitor, ${TRIMMED}) as name from e where competitor is not null
    )
    select
      (select count(*) from e)::int as total,
      (select coalesce(json_agg(json_build_object('category', category, 'count', n)), '[]')
         from (select category, count(*)::int as n from e group by category) c) as by_category,
      (select coalesce(json_agg(json_build_object('competitor', first, 'count', n) order by n desc, key collate "C"), '[]')
         from (select lower(name) as key, (array_agg(name order by created_at, id))[1] as first, count(*)::int as n
               from named where name <> '' group by lower(name)) c) as competitors,
      (select coalesce(json_agg(json_build_object('tag', tag, 'count', n) order by n desc, tag collate "C"), '[]')
         from (select tag, count(*)::int as n from e cross join lateral (select distinct unnest(e.tags)) as t(tag)
               group by tag order by n desc, tag collate "C" limit ${VOC_TOP_TAGS}) t) as tags,
      (select coalesce(json_agg(json_build_object('category', known, 'id', id)), '[]')
         from (select m.known, max(e.id) as id
               from (select known, max(created_at) as at from e group by known) m
               join e on e.known is not distinct from m.known and e.created_at = m.at
               group by m.known) n) as newest_by_category,
      (select coalesce(json_agg(id order by created_at desc, id desc), '[]')
         from (select id, created_at from e order by created_at desc, id desc limit ${2 * VOC_TOP_QUOTES}) n) as newest
  `);
  const [row] = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<{
    total: number;
    by_category: VocCategoryCount[];
    competitors: VocAggregates['competitors'];
    tags: VocAggregates['tags'];
    newest_by_category: VocAggregates['newestByCategory'];
    newest: Array<number | string>;
  }>;
  return {
    total: Number(row!.total),
    byCategory: row!.by_category,
    competitors: row!.competitors,
    tags: row!.tags,
    newestByCategory: row!.newest_by_category.map((n) => ({ category: n.category, id: Number(n.id) })),
    newest: row!.newest.map(Number),
  };
}
