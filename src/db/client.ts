import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { acquireDataDirLock, type DataDirLock, onDiskPath } from './data-dir-lock.js';
import * as schema from './schema.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** What a transaction callback receives; queries take either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Queryable = Db | Tx;

/** One handle over PostgreSQL (postgres.js) or embedded PGlite; callers never see which. */
export interface Database {
  readonly db: Db;
  readonly kind: 'postgres' | 'pglite';
  /** Raw SQL returning rows, the same shape on both drivers. */
  rows<T extends Record<string, unknown>>(query: SQL, on?: Queryable): Promise<T[]>;
  migrate(): Promise<void>;
  /** True when every committed migration has been applied. */
  isMigrated(): Promise<boolean>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres:// URL; when absent the embedded database is used. */
  url?: string;
  /** PGlite data directory; `memory://` for a throw-away database. An on-disk one is locked while open. */
  dataDir?: string;
  /** The lock on `dataDir` when the caller took it already (main does, before the app loads). */
  lock?: DataDirLock;
  /** An already-open PGlite instance (tests load snapshots this way). */
  pglite?: PGlite;
  /** Overrides where migrations are read from (for bundled builds). */
  migrationsFolder?: string;
  maxConnections?: number;
}

// src/db → ../../drizzle, and the same from dist/db after a build.
const DEFAULT_MIGRATIONS = resolve(dirname(fileURLToPath(import.meta.url)), '../../drizzle');
// Any constant works; it only has to be the same in every Baton process.
const MIGRATION_LOCK = 4_242_017;

function journalLength(folder: string): number {
  const journal = JSON.parse(readFileSync(resolve(folder, 'meta/_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

function normalizeRows<T>(result: unknown): T[] {
  // PGlite returns { rows }, postgres.js returns the rows array itself.
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  const migrationsFolder = options.migrationsFolder ?? process.env.BATON_MIGRATIONS_DIR ?? DEFAULT_MIGRATIONS;
  const expected = journalLength(migrationsFolder);
  const appliedCount = async (db: Db) => {
    const found = normalizeRows<{ exists: boolean }>(
      await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as exists`),
    );
    if (!found[0]?.exists) return 0;
    const counted = normalizeRows<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`),
    );
    return counted[0]?.n ?? 0;
  };

  if (options.url) {
    const client = postgres(options.url, {
      max: options.maxConnections ?? 10,
      onnotice: () => {},
      connection: { application_name: 'baton' },
      // A query waits for this before reconnecting a closed connection. The default grows with
      // every failed attempt in the pool, up to 20 s: after an outage under load, requests hung
      // that long and the server's return went unnoticed. Attempts are made only when a query
      // needs a connection, so a short constant pause fails fast (503) and recovers at once.
      backoff: () => 0.01, // seconds
    });
    const db = drizzlePostgres({ client, schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      rows: async (query, on = db) => normalizeRows(await on.execute(query)),
      async migrate() {
        // Several Baton processes may start at once: only one migrates, the others wait for it.
        const lock = await client.reserve();
        try {
          await lock`select pg_advisory_lock(${MIGRATION_LOCK})`;
          await migratePostgres(db as never, { migrationsFolder });
        } finally {
          await lock`select pg_advisory_unlock(${MIGRATION_LOCK})`;
          lock.release();
        }
      },
      isMigrated: async () => (await appliedCount(db)) >= expected,
      close: () => client.end({ timeout: 5 }),
    };
  }

  const dataDir = options.dataDir ?? 'memory://';
  // Taken before PGlite opens the directory: a second process must never get that far.
  const onDisk = options.pglite ? null : onDiskPath(dataDir);
  const lock = onDisk ? (options.lock ?? (await acquireDataDirLock(onDisk))) : null;
  if (lock && lock.dir !== resolve(onDisk!))
    throw new Error(`the lock given is on ${lock.dir}, not ${onDisk}`);
  let pglite: PGlite;
  try {
    pglite = options.pglite ?? (await PGlite.create(dataDir));
  } catch (error) {
    await lock?.release();
    throw error;
  }
  const db = drizzlePglite({ client: pglite, schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    rows: async (query, on = db) => normalizeRows(await on.execute(query)),
    migrate: () => migratePglite(db as never, { migrationsFolder }),
    isMigrated: async () => (await appliedCount(db)) >= expected,
    async close() {
      try {
        await pglite.close();
      } finally {
        await lock?.release();
      }
    },
  };
}
