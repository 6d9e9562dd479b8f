import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type SQL, sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { Preparation } from './pglite-template.js';
import type * as schema from './schema.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** What a transaction callback receives; queries take either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Queryable = Db | Tx;

/** A fixed SQL text with `$1`… placeholders and its parameters. */
/** Sees each statement sent, with its parameters when it has any (tests read budgets and plans from it). */
export type QueryObserver = (text: string, params?: readonly unknown[]) => void;

export interface Statement {
  text: string;
  params: unknown[];
}

/** One handle over PostgreSQL (postgres.js) or embedded PGlite; callers never see which. */
export interface Database {
  readonly db: Db;
  readonly kind: 'postgres' | 'pglite';
  /** How an on-disk embedded data directory was readied (new from the template, existing, initdb). */
  readonly preparation?: Preparation;
  /** Raw SQL returning rows, the same shape on both drivers. */
  rows<T extends Record<string, unknown>>(query: SQL, on?: Queryable): Promise<T[]>;
  migrate(): Promise<void>;
  /** True when every committed migration has been applied. */
  isMigrated(): Promise<boolean>;
  close(): Promise<void>;
}

export function journalLength(folder: string): number {
  const journal = JSON.parse(readFileSync(resolve(folder, 'meta/_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

export function normalizeRows<T>(result: unknown): T[] {
  // PGlite returns { rows }, postgres.js returns the rows array itself.
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** How many migrations the database has applied (0 before the first). */
export async function appliedCount(db: Db): Promise<number> {
  const found = normalizeRows<{ exists: boolean }>(
    await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as exists`),
  );
  if (!found[0]?.exists) return 0;
  const counted = normalizeRows<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`),
  );
  return counted[0]?.n ?? 0;
}
