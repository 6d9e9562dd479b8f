import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client.js';
import { queryText } from '../../src/db/queries/raw.js';

/** A statement as a QueryObserver saw it. */
export interface SeenStatement {
  text: string;
  params: readonly unknown[];
}

/** A value as an SQL literal, for EXECUTE of a prepared statement. */
const literal = (v: unknown): string => {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const text = v instanceof Date ? v.toISOString() : String(v);
  return `'${text.replaceAll("'", "''")}'`;
};

/**
 * The generic plan PostgreSQL (or PGlite) would use for `statement`, as text: what a prepared
 * statement runs once its custom plans stop paying, so an index the plan names is used whatever the
 * parameters are.
 */
export async function genericPlan(database: Database, statement: SeenStatement): Promise<string> {
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`set local plan_cache_mode = force_generic_plan`);
    await tx.execute(sql.raw(`prepare plan_probe as ${statement.text}`));
    const args = statement.params.length ? `(${statement.params.map(literal).join(', ')})` : '';
    const plan = await database.rows<{ 'QUERY PLAN': string }>(
      sql.raw(`explain execute plan_probe${args}`),
      tx,
    );
    await tx.execute(sql`deallocate plan_probe`);
    return plan.map((r) => r['QUERY PLAN']).join('\n');
  });
}

/**
 * The plan for `statement` with its parameters' values known (a custom plan, as PostgreSQL makes
 * for a prepared statement whose best plan depends on them, e.g. how rare a searched word is).
 * `noSeqScan`: as if the table were large (a test's few thousand rows fit a seq scan better), so the
 * plan shows whether an index can serve the statement at all.
 */
export async function customPlan(
  database: Database,
  statement: SeenStatement,
  opts: { noSeqScan?: boolean } = {},
): Promise<string> {
  return database.db.transaction(async (tx) => {
    if (opts.noSeqScan) await tx.execute(sql`set local enable_seqscan = off`);
    const plan = await queryText<{ 'QUERY PLAN': string }>(tx, `explain ${statement.text}`, [
      ...statement.params,
    ]);
    return plan.map((r) => r['QUERY PLAN']).join('\n');
  });
}

/** Records what `run` sends into `into` (set it as the database's onQuery target), and returns both. */
export async function recordStatements<T>(
  recorder: { statements: SeenStatement[] | null },
  run: () => Promise<T>,
): Promise<{ result: T; statements: SeenStatement[] }> {
  recorder.statements = [];
  try {
    const result = await run();
    return { result, statements: recorder.statements };
  } finally {
    recorder.statements = null;
  }
}
