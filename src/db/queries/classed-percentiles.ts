import { type SQL, sql } from 'drizzle-orm';
import { interpolate, locateRank, percentileRanks } from '../../domain/percentile.js';
import type { Queryable } from '../client.js';
import { rowsOf } from './raw.js';

/**
 * Exact percentiles from values kept in classes (the funnel's daily rollups, issue 16): the counts
 * per class find the class that holds each rank percentile_cont reads; only those classes' values
 * are read and sorted. Classes must be ordered as their values are (every value of class b is below
 * every value of class b + 1).
 */
export interface ClassedValues {
  /** Rows (grp, bucket, n): how many values each group has in each class; may repeat a class. */
  counts: SQL;
  /**
   * Rows (grp, bucket, d): the values of the (grp, bucket) pairs listed in `pairs` (a VALUES list;
   * one row that names the outer query's class, as classedPercentiles asks for one class at a time).
   */
  values: (pairs: SQL) => SQL;
}

/** Per group with values: how many, and percentile_cont at each of `percentiles`, in their order. */
export async function classedPercentiles(
  q: Queryable,
  source: ClassedValues,
  percentiles: readonly number[],
): Promise<Map<string, { n: number; values: number[] }>> {
  const counted = rowsOf<{ grp: string; bucket: number; n: number }>(
    await q.execute(sql`select grp, bucket, sum(n)::int as n from (${source.counts}) x group by grp, bucket`),
  );
  const classes = new Map<string, Map<number, number>>();
  for (const r of counted) {
    const of = classes.get(r.grp) ?? new Map<number, number>();
    of.set(Number(r.bucket), Number(r.n));
    classes.set(r.grp, of);
  }
  // Each percentile's two ranks, each as a class and a rank within it.
  const groups = [...classes.entries()].map(([grp, counts]) => {
    const n = [...counts.values()].reduce((sum, c) => sum + c, 0);
    return {
      grp,
      n,
      at: percentiles.map((p) => {
        const ranks = percentileRanks(n, p);
        return { ranks, lo: locateRank(counts, ranks.lo), hi: locateRank(counts, ranks.hi) };
      }),
    };
  });
  const wanted = groups.flatMap((g) => g.at.flatMap((a) => [a.lo, a.hi].map((r) => ({ grp: g.grp, ...r }))));
  const found = new Map<string, number>();
  if (wanted.length > 0) {
    const classes = [...new Map(wanted.map((w) => [`${w.grp}\u0000${w.bucket}`, w])).values()];
    const ranks = sql.join(
      wanted.map((w) => sql`(${w.grp}::text, ${w.bucket}::int, ${w.offset}::int)`),
      sql`, `,
    );
    // Each class's values sorted on their own, in a subquery run once per class (materialized: not
    // once per rank): a sort of a few thousand values in memory each, where sorting every class's
    // values by class first, then each class again, spilled to disk (a year's days in stage at
    // bench scale: 165,000 values).
    const rows = rowsOf<{ grp: string; bucket: number; k: number; d: number }>(
      await q.execute(sql`
        with sorted as materialized (
          select c.grp, c.bucket,
                 (select array_agg(v.d order by v.d) from (${source.values(sql`(c.grp, c.bucket)`)}) v) as a
          from (values ${sql.join(
            classes.map((w) => sql`(${w.grp}::text, ${w.bucket}::int)`),
            sql`, `,
          )}) as c(grp, bucket)
        )
        select w.grp, w.bucket, w.k, s.a[w.k + 1] as d
        from (values ${ranks}) as w(grp, bucket, k) join sorted s using (grp, bucket)`),
    );
    for (const r of rows) found.set(`${r.grp}\u0000${Number(r.bucket)}\u0000${Number(r.k)}`, Number(r.d));
  }
  const value = (grp: string, p: { bucket: number; offset: number }) => {
    const v = found.get(`${grp}\u0000${p.bucket}\u0000${p.offset}`);
    if (v === undefined)
      throw new Error(`classed percentiles: no value of ${grp} at class ${p.bucket} rank ${p.offset}`);
    return v;
  };
  return new Map(
    groups.map((g) => [
      g.grp,
      { n: g.n, values: g.at.map((a) => interpolate(value(g.grp, a.lo), value(g.grp, a.hi), a.ranks)) },
    ]),
  );
}
