import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/client.js';
import { buildPgliteTemplate, migrationTags, prepareDataDir } from '../../../src/db/pglite-template.js';

// The prepared data directory test/global-setup.ts made with the same function `npm run build` uses.
const TEMPLATE = process.env.BATON_PGLITE_TEMPLATE!;
const MIGRATIONS = resolve('drizzle');
let dir: string;
let tags: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baton-template-'));
  tags = await migrationTags(MIGRATIONS);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const applied = async (database: Awaited<ReturnType<typeof openDatabase>>) =>
  (
    await database.rows<{ tag_count: number }>(
      sql`select count(*)::int as tag_count from drizzle.__drizzle_migrations`,
    )
  )[0]?.tag_count;

describe('a new embedded data directory', { timeout: 60_000 }, () => {
  it('is copied from the template with every migration applied before migrate runs', async () => {
    const dataDir = join(dir, 'fresh');
    const database = await openDatabase({ dataDir, template: TEMPLATE, migrationsFolder: MIGRATIONS });
    try {
      expect(database.preparation).toEqual({ kind: 'template', template: TEMPLATE });
      expect(await database.isMigrated()).toBe(true);
      expect(await applied(database)).toBe(tags.length);
      await database.migrate(); // a no-op: nothing is applied twice
      expect(await applied(database)).toBe(tags.length);
      // The schema is there: the leads table answers.
      expect(await database.rows(sql`select count(*)::int as n from leads`)).toEqual([{ n: 0 }]);
      // Sized for one team (pglite-settings.ts), not initdb's 128 MB of shared buffers.
      expect(await database.rows(sql`select current_setting('shared_buffers') as v`)).toEqual([
        { v: '16MB' },
      ]);
      // initdb ran sized so too (it is cheaper that way), and wrote the same into the configuration.
      const conf = await readFile(join(dataDir, 'postgresql.conf'), 'utf8');
      expect(conf).toMatch(/^shared_buffers = 16MB\b/m);
      expect(conf).toMatch(/^max_connections = 8\b/m);
    } finally {
      await database.close();
    }
    // Opened again, it is an existing database: nothing is copied over it.
    const again = await openDatabase({ dataDir, template: TEMPLATE, migrationsFolder: MIGRATIONS });
    try {
      expect(again.preparation).toEqual({ kind: 'existing' });
    } finally {
      await again.close();
    }
  });

  it('still gets a migration newer than its template, and a copy cut short is made again', async () => {
    // A template made before the last migration existed.
    const older = join(dir, 'older-migrations');
    await cp(MIGRATIONS, older, { recursive: true });
    const journalFile = join(older, 'meta/_journal.json');
    const journal = JSON.parse(await readFile(journalFile, 'utf8')) as { entries: unknown[] };
    journal.entries.pop();
    await writeFile(journalFile, JSON.stringify(journal));
    const template = join(dir, 'older-template');
    await buildPgliteTemplate(template, older);

    // A previous copy died half way: files are there, PG_VERSION (copied last) is not.
    const dataDir = join(dir, 'cut-short');
    await mkdir(join(dataDir, 'base'), { recursive: true });
    await writeFile(join(dataDir, 'base', 'half-written'), 'x');

    const database = await openDatabase({ dataDir, template, migrationsFolder: MIGRATIONS });
    try {
      expect(database.preparation?.kind).toBe('template');
      expect(await applied(database)).toBe(tags.length - 1);
      expect(await database.isMigrated()).toBe(false);
      await database.migrate();
      expect(await applied(database)).toBe(tags.length);
      expect(await database.isMigrated()).toBe(true);
    } finally {
      await database.close();
    }
  });

  it('is left to initdb when the template does not fit this code', async () => {
    const stampOf = async (t: string) => JSON.parse(await readFile(join(t, 'baton-template.json'), 'utf8'));
    const variant = async (name: string, change: (stamp: Record<string, unknown>) => void) => {
      const t = join(dir, name);
      await cp(TEMPLATE, t, { recursive: true });
      const stamp = await stampOf(t);
      change(stamp);
      await writeFile(join(t, 'baton-template.json'), JSON.stringify(stamp));
      return t;
    };
    const otherEngine = await variant('other-pglite', (s) => {
      s.pglite = '0.0.1';
    });
    const newerCode = await variant('newer-code', (s) => {
      s.migrations = [...tags, '9999_from_a_newer_baton'];
    });
    const cases = [
      [otherEngine, /made by PGlite 0\.0\.1/],
      [newerCode, /migrations this code does not have/],
      [join(dir, 'nowhere'), /no template at/],
    ] as const;
    for (const [template, reason] of cases) {
      const dataDir = join(dir, `new-${cases.findIndex((c) => c[0] === template)}`);
      await mkdir(dataDir);
      const prepared = await prepareDataDir(dataDir, template, MIGRATIONS);
      expect(prepared.kind).toBe('initdb');
      expect(prepared.kind === 'initdb' && prepared.reason).toMatch(reason);
      expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(false);
    }
    expect(await prepareDataDir(join(dir, 'new-0'), null, MIGRATIONS)).toEqual({
      kind: 'initdb',
      reason: 'no template configured',
    });
  });
});
