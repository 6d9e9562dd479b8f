import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import type { DataDirLock } from './data-dir-lock.js';
import type { Database, QueryObserver } from './database.js';

export type { Database, Db, Queryable, Statement, Tx } from './database.js';

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
  /**
   * The prepared data directory a new embedded one starts from (see pglite-template.ts); null:
   * initdb. Defaults to BATON_PGLITE_TEMPLATE, else what `npm run build` makes in dist/.
   */
  template?: string | null;
  maxConnections?: number;
  /** Sees each statement sent to the database, begin and commit included (round-trip tests, benches). */
  onQuery?: QueryObserver;
}

export type { QueryObserver } from './database.js';

const here = dirname(fileURLToPath(import.meta.url));
// src/db → ../../drizzle, and the same from dist/db after a build.
const DEFAULT_MIGRATIONS = resolve(here, '../../drizzle');
// dist/db → dist/pglite-template, made by `npm run build` (scripts/build-pglite-template.mjs).
const DEFAULT_TEMPLATE = resolve(here, '../pglite-template');

/** Where migrations are read from when the caller gives no folder. */
export const defaultMigrationsFolder = () => process.env.BATON_MIGRATIONS_DIR ?? DEFAULT_MIGRATIONS;

/**
 * Opens PostgreSQL or the embedded PGlite. Each driver is loaded only when chosen: a process on
 * PostgreSQL never loads PGlite's engine code, nor one on PGlite postgres.js.
 */
export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  const migrationsFolder = options.migrationsFolder ?? defaultMigrationsFolder();
  if (options.url) {
    const { openPostgres } = await import('./postgres-client.js');
    return openPostgres(options.url, migrationsFolder, options.maxConnections, options.onQuery);
  }
  const { openPglite } = await import('./pglite-client.js');
  return openPglite({
    dataDir: options.dataDir ?? 'memory://',
    ...(options.lock ? { lock: options.lock } : {}),
    ...(options.pglite ? { pglite: options.pglite } : {}),
    migrationsFolder,
    ...(options.onQuery ? { onQuery: options.onQuery } : {}),
    template:
      options.template !== undefined
        ? options.template
        : (process.env.BATON_PGLITE_TEMPLATE ?? DEFAULT_TEMPLATE),
  });
}
