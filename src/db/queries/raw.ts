import type { Queryable } from '../client.js';

/** The driver under a drizzle handle: postgres.js (`unsafe`) or PGlite (`query`). */
type DriverClient =
  | { unsafe(text: string, params: unknown[], options: { prepare: boolean }): Promise<unknown[]> }
  | { query(text: string, params: unknown[]): Promise<{ rows: unknown[] }> };

/**
 * Runs a fixed SQL text (`$1`, `$2`… placeholders) on the driver under `q`, inside its transaction
 * when `q` is one. For hot statements only: on postgres.js the text is a named prepared statement
 * (parsed and planned once per connection), and nothing is built or mapped by drizzle per call —
 * on intake that building cost more than the database's own work. Rows come back as the driver
 * parses them: cast in SQL (`id::text`, `::float8`) whatever must read the same on both drivers.
 */
export async function queryText<T>(q: Queryable, text: string, params: unknown[]): Promise<T[]> {
  // drizzle keeps the driver's client (or its transaction) on the session; it has no public getter.
  const client = (q as unknown as { session: { client: DriverClient } }).session.client;
  if ('unsafe' in client) return (await client.unsafe(text, params, { prepare: true })) as T[];
  return (await client.query(text, params)).rows as T[];
}

/** The rows of `execute`: PGlite returns { rows }, postgres.js the rows array itself. */
export const rowsOf = <T>(result: unknown): T[] =>
  (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
