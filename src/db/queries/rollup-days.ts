/**
 * The window of whole UTC days a daily rollup (funnel_daily_moves, funnel_daily_stays,
 * funnel_daily_speed) counts next, shared by the three so they lock and advance alike.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../client.js';
import { rowsOf } from './raw.js';

export const DAY_MS = 86_400_000;
export const floorDay = (d: Date) => new Date(Math.floor(d.getTime() / DAY_MS) * DAY_MS);
export const dayKey = (d: Date) => d.toISOString().slice(0, 10);

export interface RollupDaysInput {
  /** The table the rollup counts: locked SHARE so no row commits unseen into a day marked complete. */
  lock: 'leads' | 'stage_changes';
  /** Where the rollup stands, read once the lock is held. */
  rolledUntil: () => Promise<Date | null>;
  /** `select <the team's earliest counted time> as at …`: where a rollup that never ran starts. */
  first: SQL;
  until: Date;
  maxDays: number;
}

/**
 * Takes the lock (writers wait the few milliseconds a day takes; it gives up after `lock_timeout`),
 * then answers the next days to count: from where the rollup stands (or the day of the team's first
 * row) up to `until` floored to a UTC midnight, at most `maxDays` of them — or, when there is nothing
 * to count, where the rollup stands.
 */
export async function nextRollupDays(
  tx: Tx,
  o: RollupDaysInput,
): Promise<{ from: Date; to: Date; target: Date } | { stands: Date | null }> {
  const target = floorDay(o.until);
  await tx.execute(sql`set local lock_timeout = '5s'`);
  await tx.execute(sql.raw(`lock table ${o.lock} in share mode`));
  let from = await o.rolledUntil();
  if (!from) {
    const [first] = rowsOf<{ at: string | Date | null }>(await tx.execute(o.first));
    if (!first?.at) return { stands: null };
    from = floorDay(new Date(first.at));
  }
  if (from >= target) return { stands: from };
  return { from, to: new Date(Math.min(target.getTime(), from.getTime() + o.maxDays * DAY_MS)), target };
}
