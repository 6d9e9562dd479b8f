/**
 * A prepared embedded data directory: made once by the build (`npm run build`, `npm start`'s
 * prestart) with every migration applied, and copied into a new data directory at its first
 * start. Without it that first start runs initdb in a second PGlite instance (about 10 s and
 * 800 MB RSS on this project's machines) before the migrations.
 *
 * The template records the PGlite version and the migrations it holds. It is used only when
 * made by the same PGlite and its migrations are a prefix of the running code's; the caller
 * migrates afterwards as on every start, so a migration newer than the template still runs.
 */

import { constants, copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { access, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import {
  applyPgliteV8Flags,
  PGLITE_EXTENSIONS,
  pgliteInitdbParams,
  pgliteStartParams,
} from './pglite-settings.js';

const STAMP = 'baton-template.json';
/** Copied last: PGlite (and `prepareDataDir`) take a directory without it for a new one. */
const PG_VERSION = 'PG_VERSION';

interface TemplateStamp {
  pglite: string;
  migrations: string[];
}

/** What `prepareDataDir` did, for the start-up log. */
export type Preparation =
  | { kind: 'existing' }
  | { kind: 'template'; template: string }
  | { kind: 'initdb'; reason: string };

export function pgliteVersion(): string {
  const require = createRequire(import.meta.url);
  const entry = require.resolve('@electric-sql/pglite');
  // …/node_modules/@electric-sql/pglite/dist/index.cjs → its package.json
  const pkg = require(join(dirname(entry), '..', 'package.json')) as { version: string };
  return pkg.version;
}

export async function migrationTags(migrationsFolder: string): Promise<string[]> {
  const journal = JSON.parse(await readFile(join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  return journal.entries.map((e) => e.tag);
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/** Makes the template in `templateDir` (replacing one there): a fresh database, migrated. */
export async function buildPgliteTemplate(templateDir: string, migrationsFolder: string): Promise<void> {
  const staging = `${templateDir}.staging`;
  await rm(staging, { recursive: true, force: true });
  // initdb is short-lived too: making a template took 5.0 s of CPU with TurboFan, 2.7–3.8 s without.
  applyPgliteV8Flags();
  const pglite = await PGlite.create(staging, {
    startParams: pgliteStartParams(),
    initDbStartParams: pgliteInitdbParams(),
    extensions: PGLITE_EXTENSIONS,
  });
  try {
    await migrate(drizzle({ client: pglite }), { migrationsFolder });
  } finally {
    await pglite.close();
  }
  const stamp: TemplateStamp = { pglite: pgliteVersion(), migrations: await migrationTags(migrationsFolder) };
  await writeFile(join(staging, STAMP), `${JSON.stringify(stamp, null, 2)}\n`);
  await rm(templateDir, { recursive: true, force: true });
  await rename(staging, templateDir);
}

/**
 * Copies a file or a directory tree, overwriting. Synchronous on purpose: about 1,100 files,
 * 40 MB, before anything else runs; fs.cp took ten times as long as this (1.6 s under load).
 * A clone (copy-on-write) where the filesystem has them. `keep` filters the top level's names.
 */
export function copyTree(from: string, to: string, keep: (name: string) => boolean = () => true): void {
  const entries = (() => {
    try {
      return readdirSync(from, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
      throw error;
    }
  })();
  if (!entries) {
    copyFileSync(from, to, constants.COPYFILE_FICLONE);
    return;
  }
  mkdirSync(to, { recursive: true });
  for (const entry of entries) if (keep(entry.name)) copyTree(join(from, entry.name), join(to, entry.name));
}

/** Why `templateDir` cannot seed a database for this code, or null when it can. */
async function unusable(templateDir: string, migrationsFolder: string): Promise<string | null> {
  let stamp: TemplateStamp;
  try {
    stamp = JSON.parse(await readFile(join(templateDir, STAMP), 'utf8')) as TemplateStamp;
  } catch {
    return `no template at ${templateDir} (npm run build makes it)`;
  }
  if (!(await exists(join(templateDir, PG_VERSION)))) return `the template at ${templateDir} is incomplete`;
  const version = pgliteVersion();
  if (stamp.pglite !== version) return `the template was made by PGlite ${stamp.pglite}, this is ${version}`;
  const current = await migrationTags(migrationsFolder);
  const prefix =
    stamp.migrations.length <= current.length && stamp.migrations.every((t, i) => t === current[i]);
  return prefix ? null : 'the template holds migrations this code does not have';
}

/**
 * Readies the on-disk `dataDir` before PGlite opens it: a directory that holds a database is left
 * as it is; a new one (no PG_VERSION) gets a copy of the template when the template fits, else it
 * is left for PGlite's initdb. PG_VERSION is copied last, so a copy cut short is copied again.
 * The caller holds the directory's lock.
 */
export async function prepareDataDir(
  dataDir: string,
  templateDir: string | null,
  migrationsFolder: string,
): Promise<Preparation> {
  if (await exists(join(dataDir, PG_VERSION))) return { kind: 'existing' };
  if (!templateDir) return { kind: 'initdb', reason: 'no template configured' };
  const reason = await unusable(templateDir, migrationsFolder);
  if (reason) return { kind: 'initdb', reason };
  for (const name of await readdir(templateDir)) {
    if (name === STAMP || name === PG_VERSION) continue;
    copyTree(join(templateDir, name), join(dataDir, name));
  }
  copyFileSync(join(templateDir, PG_VERSION), join(dataDir, PG_VERSION));
  return { kind: 'template', template: templateDir };
}
