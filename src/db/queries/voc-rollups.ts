import { type SQL, sql } from 'drizzle-orm';
import type { VocCategory } from '../../config/workspace/constants.js';
import {
  VOC_TOP_QUOTES,
  VOC_TOP_TAGS,
  type VocAggregates,
  type VocCategoryCount,
} from '../../domain/voc-figures.js';
import type { Queryable } from '../client.js';
import { rowsOf } from './raw.js';
import { KNOWN_CATEGORIES, TRIMMED, ts } from './voc-report.js';

const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * How a period [start, end) splits over the rollups (voc_rollup*, UTC days and months): whole months
 * [fromMonth, toMonth) and the whole days around them, [fromDay, fromMonth) and [toMonth, toDay), are
 * read there; the part-days [start, lo) and [hi, end) from voc_entries. Without a whole month the
 * days run from fromDay to toDay (fromMonth = toMonth = toDay); without a whole day, all of the
 * period is read from entries (lo = hi = end).
 */
export function rollupSpan(start: Date, end: Date) {
  const lo = new Date(Math.ceil(start.getTime() / DAY) * DAY);
  const hi = new Date(Math.floor(end.getTime() / DAY) * DAY);
  if (lo >= hi) {
    const day = isoDay(end);
    return { lo: end, hi: end, fromDay: day, toDay: day, fromMonth: day, toMonth: day };
  }
  const firstMonth =
    lo.getUTCDate() === 1 ? lo : new Date(Date.UTC(lo.getUTCFullYear(), lo.getUTCMonth() + 1, 1));
  const lastMonth = new Date(Date.UTC(hi.getUTCFullYear(), hi.getUTCMonth(), 1));
  const months = firstMonth < lastMonth;
  return {
    lo,
    hi,
    fromDay: isoDay(lo),
    toDay: isoDay(hi),
    fromMonth: isoDay(months ? firstMonth : hi),
    toMonth: isoDay(months ? lastMonth : hi),
  };
}

/** The entries of the part-days at the period's ends (the whole days come from the rollups). */
const edgeEntries = (teamId: string, start: Date, end: Date, category: VocCategory | null) => {
  const { lo, hi } = rollupSpan(start, end);
  return sql`
    select id, category, competitor, tags, created_at from voc_entries
    where team_id = ${teamId}
      and ((created_at >= ${ts(start)} and created_at < ${ts(lo)}) or (created_at >= ${ts(hi)} and created_at < ${ts(end)}))
      ${category ? sql`and category = ${category}` : sql``}`;
};

/** Rows of one rollup table over the period's whole months and the whole days around them. */
const rolledUp = (
  table: string,
  teamId: string,
  start: Date,
  end: Date,
  category: VocCategory | null,
): SQL => {
  const { fromDay, toDay, fromMonth, toMonth } = rollupSpan(start, end);
  return sql`
    select * from ${sql.identifier(table)}
    where team_id = ${teamId}
      and ((grain = 'day' and day >= ${fromDay}::date and day < ${fromMonth}::date)
        or (grain = 'day' and day >= ${toMonth}::date and day < ${toDay}::date)
        or (grain = 'month' and day >= ${fromMonth}::date and day < ${toMonth}::date))
      ${category ? sql`and category = ${category}` : sql``}`;
};

/**
 * vocPeriodAggregates (queries/voc-report.ts) from the rollups: the same aggregates, read from
 * a few rows per month and day instead of every entry of the period (test/db/voc-rollups.test.ts holds
 * them equal). Only the newest entries are read from voc_entries, backwards along its time index.
 */
export async function vocRolledUpAggregates(
  q: Queryable,
  teamId: string,
  start: Date,
  end: Date,
  category: VocCategory | null,
): Promise<VocAggregates> {
  const known = KNOWN_CATEGORIES;
  const result = await q.execute(sql`
    with e as materialized (${edgeEntries(teamId, start, end, category)}),
    d as (${rolledUp('voc_rollups', teamId, start, end, category)}),
    cats as (
      select category, sum(n)::int as n
      from (select category, entries as n from d union all select category, 1 from e) x
      group by category
    ),
    named as (
      select key, entries, first_name, first_at, first_id
      from (${rolledUp('voc_rollup_competitors', teamId, start, end, category)}) c
      union all
      select lower(name), 1, name, created_at, id
      from (select id, created_at, btrim(competitor, ${TRIMMED}) as name from e where competitor is not null) n
      where name <> ''
    ),
    tagged as (
      select tag, entries from (${rolledUp('voc_rollup_tags', teamId, start, end, category)}) t
      union all
      select tag, 1 from e cross join lateral (select distinct unnest(e.tags)) as t(tag)
    ),
    newest as (
      select case when category in (${known}) then category end as known, newest_at as at, newest_id as id from d
      union all
      select case when category in (${known}) then category end, created_at, id from e
    )
    select
      (select coalesce(sum(n), 0) from cats)::int as total,
      (select coalesce(json_agg(json_build_object('category', category, 'count', n)), '[]') from cats) as by_category,
      (select coalesce(json_agg(json_build_object('competitor', first, 'count', n) order by n desc, key collate "C"), '[]')
         from (select key, (array_agg(first_name order by first_at, first_id))[1] as first, sum(entries)::int as n
               from named group by key) c) as competitors,
      (select coalesce(json_agg(json_build_object('tag', tag, 'count', n) order by n desc, tag collate "C"), '[]')
         from (select tag, sum(entries)::int as n from tagged
               group by tag order by n desc, tag collate "C" limit ${VOC_TOP_TAGS}) t) as tags,
      (select coalesce(json_agg(json_build_object('category', known, 'id', id)), '[]')
         from (select known, (array_agg(id order by at desc, id desc))[1] as id from newest group by known) n) as newest_by_category,
      (select coalesce(json_agg(id order by created_at desc, id desc), '[]')
         from (select id, created_at from voc_entries
               where team_id = ${teamId} and created_at >= ${ts(start)} and created_at < ${ts(end)}
                 ${category ? sql`and category = ${category}` : sql``}
               order by created_at desc, id desc limit ${2 * VOC_TOP_QUOTES}) n) as newest
  `);
  const [row] = rowsOf<{
    total: number;
    by_category: VocCategoryCount[];
    competitors: VocAggregates['competitors'];
    tags: VocAggregates['tags'];
    newest_by_category: VocAggregates['newestByCategory'];
    newest: Array<number | string>;
  }>(result);
  return {
    total: Number(row!.total),
    byCategory: row!.by_category,
    competitors: row!.competitors,
    tags: row!.tags,
    newestByCategory: row!.newest_by_category.map((n) => ({ category: n.category, id: Number(n.id) })),
    newest: row!.newest.map(Number),
  };
}

/** vocCountsByCategory (queries/voc-report.ts) from the rollups. */
export async function vocRolledUpCounts(
  q: Queryable,
  teamId: string,
  start: Date,
  end: Date,
  category: VocCategory | null,
): Promise<VocCategoryCount[]> {
  const result = await q.execute(sql`
    select category, sum(n)::int as count
    from (select category, entries as n from (${rolledUp('voc_rollups', teamId, start, end, category)}) d
          union all
          select category, 1 from (${edgeEntries(teamId, start, end, category)}) e) x
    group by category
  `);
  return rowsOf<VocCategoryCount>(result).map((r) => ({ category: r.category, count: Number(r.count) }));
}
