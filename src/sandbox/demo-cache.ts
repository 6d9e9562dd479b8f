/**
 * The demo's seeded data directory, kept after a demo is seeded so the next demo start (after an
 * empty run, a reset from the page, another language and back) copies it instead of replaying
 * months of history through Baton's services (4 s on a quiet machine, 8–12 s on a loaded one).
 *
 * One per language in `<cacheDir>/<lang>/` (`key.json` and `data/`), used only when its key matches:
 * the seed's code (the caller's identity for it, e.g. the sandbox bundle's build stamp), PGlite's
 * version, the migrations, and the week the history is for (it ends before the week holding `now`,
 * on the team's clock). Anything else, and the demo is seeded again and the cache replaced.
 */
import { existsSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultMigrationsFolder } from '../db/client.js';
import { LOCK_DIR_NAME } from '../db/data-dir-lock.js';
import { copyTree, migrationTags, pgliteVersion } from '../db/pglite-template.js';
import { isoWeekKey } from '../domain/retro-calendar.js';
import { type SandboxLang, TEAM_ZONE } from './demo-workspace.js';

export interface DemoCache {
  /** Where the seeded directories are kept. */
  dir: string;
  /** The seed code's identity: a different one never reuses a directory seeded by another. */
  code: string;
}

export interface DemoCacheKey {
  code: string;
  lang: SandboxLang;
  week: string;
  pglite: string;
  migrations: string[];
}

export async function demoCacheKey(options: {
  code: string;
  lang: SandboxLang;
  now: Date;
  migrationsFolder?: string;
}): Promise<DemoCacheKey> {
  return {
    code: options.code,
    lang: options.lang,
    week: isoWeekKey(options.now, TEAM_ZONE[options.lang]),
    pglite: pgliteVersion(),
    migrations: await migrationTags(options.migrationsFolder ?? defaultMigrationsFolder()),
  };
}

const KEY = 'key.json';

/** Copies the cached directory for `key` to `dataDir` (which must not exist); false when there is none. */
export async function restoreDemo(cacheDir: string, key: DemoCacheKey, dataDir: string): Promise<boolean> {
  const slot = join(cacheDir, key.lang);
  const stored = await readFile(join(slot, KEY), 'utf8').catch(() => null);
  if (stored !== JSON.stringify(key)) return false;
  // Copied beside and renamed: a copy cut short is never taken for a seeded database.
  const staging = `${dataDir}.restoring`;
  await rm(staging, { recursive: true, force: true });
  copyTree(join(slot, 'data'), staging);
  await rename(staging, dataDir);
  return true;
}

/** Keeps a copy of the closed, freshly seeded `dataDir` under `key`, replacing the language's last one. */
export async function storeDemo(cacheDir: string, key: DemoCacheKey, dataDir: string): Promise<void> {
  const slot = join(cacheDir, key.lang);
  const staging = `${slot}.staging`;
  await rm(staging, { recursive: true, force: true });
  // The seed's released lock stays behind: the restored directory's opener takes its own.
  copyTree(dataDir, join(staging, 'data'), (name) => name !== LOCK_DIR_NAME);
  await writeFile(join(staging, KEY), JSON.stringify(key));
  await rm(slot, { recursive: true, force: true });
  await rename(staging, slot);
}

/**
 * Makes the demo's data directory at `dataDir` (absent): from the cache when it holds this week's
 * seed, else seeded (and cached when a cache is given). Says which, for the start-up line.
 */
export async function prepareDemoData(options: {
  dataDir: string;
  lang: SandboxLang;
  now: Date;
  cache?: DemoCache;
}): Promise<'cached' | 'seeded'> {
  const { dataDir, lang, now, cache } = options;
  const key = cache ? await demoCacheKey({ code: cache.code, lang, now }) : null;
  if (cache && key && (await restoreDemo(cache.dir, key, dataDir))) return 'cached';
  // Loaded only for a seed: it opens the embedded database in this process, before Baton does.
  const { seedDemo } = await import('./demo-seed.js');
  await seedDemo({ dataDir, lang, now });
  if (cache && key && existsSync(dataDir)) await storeDemo(cache.dir, key, dataDir);
  return 'seeded';
}
