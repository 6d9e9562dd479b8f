import { setFlagsFromString } from 'node:v8';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/**
 * PostgreSQL settings for the embedded database, sized for one team. PGlite keeps initdb's
 * defaults (shared_buffers 128 MB, 100 connections): the buffer pool lives in the WebAssembly
 * memory, is touched at start and so counts in the process's RSS whether used or not. One team's
 * working set is a few MB, and the files stay in the kernel's page cache behind the pool.
 * Measured on an existing data directory (PGlite alone): 311 MB RSS with the defaults, 166 MB
 * with shared_buffers 16 MB.
 */
export const PGLITE_SETTINGS: Readonly<Record<string, string>> = {
  shared_buffers: '16MB',
  // Single-user mode serves one backend; shared memory is still sized per allowed connection.
  max_connections: '8',
  wal_buffers: '1MB',
  // Only index builds and VACUUM use it; the default (64 MB) is for servers.
  maintenance_work_mem: '16MB',
};

/**
 * The PostgreSQL extensions Baton's migrations create, as PGlite bundles them: pg_trgm indexes lead
 * search by company and name (drizzle/0032). PGlite installs an extension's files only when it is
 * given here, so every PGlite that opens Baton's database (app, template, tests) passes these.
 */
export const PGLITE_EXTENSIONS = { pg_trgm } as const;

/** PGlite's own start parameters plus ours (`-c name=value`), for `PGlite.create`'s `startParams`. */
export function pgliteStartParams(settings: Readonly<Record<string, string>> = PGLITE_SETTINGS): string[] {
  return [...PGlite.defaultStartParams, ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
}

/**
 * initdb's arguments for a new data directory: our settings too, so initdb's own server runs
 * sized for one team (its postgresql.conf then holds the values every start passes anyway), and no
 * fsync (PGlite's initdb writes to memory; the directory is written out afterwards). Measured: initdb
 * 2.1 s of CPU with its defaults, 1.6 s with these.
 */
export function pgliteInitdbParams(settings: Readonly<Record<string, string>> = PGLITE_SETTINGS): string[] {
  return ['--no-sync', ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
}

/**
 * PGlite's engine is 9 MB of WebAssembly. By default V8 compiles it with its baseline compiler
 * (Liftoff) and then recompiles the busy functions with TurboFan on background threads: on this
 * project's machines that second compile cost about 0.75 s of CPU in the first hundred queries and
 * about 50 MB of RSS that stays (PGlite alone: ~125 MB with Liftoff only, ~175 MB without), while one
 * team's queries are small enough that the faster code never pays that back. Set before the engine
 * is compiled (it applies to WebAssembly compiled afterwards), and only in a process that opens PGlite.
 */
export const PGLITE_V8_FLAGS = ['--liftoff-only'] as const;

let flagsSet = false;
export function applyPgliteV8Flags(): void {
  if (flagsSet) return;
  flagsSet = true;
  for (const flag of PGLITE_V8_FLAGS) setFlagsFromString(flag);
}
