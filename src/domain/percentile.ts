/**
 * percentile_cont as PostgreSQL computes it, over values kept in sorted classes (issue 16: medians
 * from rollups). The positions and the interpolation repeat PostgreSQL's own float8 arithmetic
 * (percentile_cont_final_common, float8_lerp), so a figure read from a rollup is the same number,
 * to the last bit, as percentile_cont over the raw rows.
 */

/** The 0-based ranks percentile_cont reads among `n` sorted values, and the weight of the upper one. */
export function percentileRanks(
  n: number,
  percentile: number,
): { lo: number; hi: number; proportion: number } {
  const position = percentile * (n - 1);
  const lo = Math.floor(position);
  const hi = Math.ceil(position);
  return { lo, hi, proportion: position - lo };
}

/** The value between the two ranks' values (the lower one alone when the ranks coincide). */
export function interpolate(
  lo: number,
  hi: number,
  ranks: { lo: number; hi: number; proportion: number },
): number {
  return ranks.hi > ranks.lo ? lo + (hi - lo) * ranks.proportion : lo;
}

/**
 * Where 0-based `rank` falls among classes counted in ascending order: the class and the rank
 * within it. `counts` maps class → count; classes are ordered by number.
 */
export function locateRank(
  counts: ReadonlyMap<number, number>,
  rank: number,
): { bucket: number; offset: number } {
  let before = 0;
  for (const bucket of [...counts.keys()].sort((a, b) => a - b)) {
    const n = counts.get(bucket)!;
    if (rank < before + n) return { bucket, offset: rank - before };
    before += n;
  }
  throw new Error(`rank ${rank} is past the ${before} values counted`);
}
