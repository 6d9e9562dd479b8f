import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import {
  appliedCount,
  type Database,
  type Db,
  journalLength,
  normalizeRows,
  type QueryObserver,
} from './database.js';
import * as schema from './schema.js';

// Any constant works; it only has to be the same in every Baton process.
const MIGRATION_LOCK = 4_242_017;

/** Baton on a PostgreSQL server through postgres.js. */
export function openPostgres(
  url: string,
  migrationsFolder: string,
  maxConnections = 10,
  onQuery?: QueryObserver,
): Database {
  const expected = journalLength(migrationsFolder);
  const client = postgres(url, {
    max: maxConnections,
    onnotice: () => {},
    connection: { application_name: 'baton' },
    // A query waits for this before reconnecting a closed connection. The default grows with
    // every failed attempt in the pool, up to 20 s: after an outage under load, requests hung
    // that long and the server's return went unnoticed. Attempts are made only when a query
    // needs a connection, so a short constant pause fails fast (503) and recovers at once.
    backoff: () => 0.01, // seconds
    ...(onQuery
      ? { debug: (_connection: number, text: string, params: unknown[]) => onQuery(text, params) }
      : {}),
  });
  const db = drizzle({ client, schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    rows: async (query, on = db) => normalizeRows(await on.execute(query)),
    async migrate() {
      // Several Baton processes may start at once: only one migrates, the others wait for it.
      const lock = await client.reserve();
      try {
        await lock`select pg_advisory_lock(${MIGRATION_LOCK})`;
        await migrate(db as never, { migrationsFolder });
      } finally {
        await lock`select pg_advisory_unlock(${MIGRATION_LOCK})`;
        lock.release();
      }
    },
    isMigrated: async () => (await appliedCount(db)) >= expected,
    close: () => client.end({ timeout: 5 }),
  };
}
