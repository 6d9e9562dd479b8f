import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { acquireDataDirLock, type DataDirLock, onDiskPath } from './data-dir-lock.js';
import {
  appliedCount,
  type Database,
  type Db,
  journalLength,
  normalizeRows,
  type QueryObserver,
} from './database.js';
import {
  applyPgliteV8Flags,
  PGLITE_EXTENSIONS,
  pgliteInitdbParams,
  pgliteStartParams,
} from './pglite-settings.js';
import { type Preparation, prepareDataDir } from './pglite-template.js';
import * as schema from './schema.js';

export interface PgliteOptions {
  /** PGlite data directory; `memory://` for a throw-away database. An on-disk one is locked while open. */
  dataDir: string;
  /** The lock on `dataDir` when the caller took it already (main does, before the app loads). */
  lock?: DataDirLock;
  /** An already-open PGlite instance (tests load snapshots this way). */
  pglite?: PGlite;
  migrationsFolder: string;
  /** The prepared data directory a new on-disk one is copied from; null: initdb. */
  template: string | null;
  /** Sees each statement, begin and commit included. */
  onQuery?: QueryObserver;
}

/** Baton on the embedded PGlite, sized for one team; a new on-disk directory starts from the template. */
export async function openPglite(options: PgliteOptions): Promise<Database> {
  const { dataDir, migrationsFolder } = options;
  const expected = journalLength(migrationsFolder);
  // Taken before PGlite opens the directory: a second process must never get that far.
  const onDisk = options.pglite ? null : onDiskPath(dataDir);
  const lock = onDisk ? (options.lock ?? (await acquireDataDirLock(onDisk))) : null;
  if (lock && lock.dir !== resolve(onDisk!))
    throw new Error(`the lock given is on ${lock.dir}, not ${onDisk}`);
  let pglite: PGlite;
  let preparation: Preparation | undefined;
  try {
    if (onDisk) preparation = await prepareDataDir(onDisk, options.template, migrationsFolder);
    if (!options.pglite) applyPgliteV8Flags();
    pglite =
      options.pglite ??
      (await PGlite.create(dataDir, {
        startParams: pgliteStartParams(),
        initDbStartParams: pgliteInitdbParams(),
        extensions: PGLITE_EXTENSIONS,
      }));
  } catch (error) {
    await lock?.release();
    throw error;
  }
  if (options.onQuery) observeStatements(pglite, options.onQuery);
  const db = drizzle({ client: pglite, schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    ...(preparation ? { preparation } : {}),
    rows: async (query, on = db) => normalizeRows(await on.execute(query)),
    migrate: () => migrate(db as never, { migrationsFolder }),
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

/**
 * Reports every statement drizzle sends through `pglite` (PGlite has no hook of its own). Its
 * transaction sends BEGIN and COMMIT internally, so those are reported here around the callback.
 */
function observeStatements(pglite: PGlite, onQuery: QueryObserver): void {
  const query = pglite.query.bind(pglite);
  const exec = pglite.exec.bind(pglite);
  const transaction = pglite.transaction.bind(pglite);
  const seen = <A extends unknown[], R>(run: (text: string, ...rest: A) => R) => {
    return (text: string, ...rest: A): R => {
      onQuery(text, Array.isArray(rest[0]) ? rest[0] : undefined);
      return run(text, ...rest);
    };
  };
  pglite.query = seen(query) as PGlite['query'];
  pglite.exec = seen(exec) as PGlite['exec'];
  pglite.transaction = ((callback: Parameters<PGlite['transaction']>[0]) =>
    transaction(async (tx) => {
      onQuery('BEGIN');
      tx.query = seen(tx.query.bind(tx)) as typeof tx.query;
      tx.exec = seen(tx.exec.bind(tx)) as typeof tx.exec;
      try {
        const result = await callback(tx);
        onQuery('COMMIT');
        return result;
      } catch (error) {
        onQuery('ROLLBACK');
        throw error;
      }
    })) as PGlite['transaction'];
}
