import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationTags } from '../../../src/db/pglite-template.js';
import { demoCacheKey, restoreDemo, storeDemo } from '../../../src/sandbox/demo-cache.js';

const MIGRATIONS = resolve('drizzle');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baton-demo-cache-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// Monday 7 December 2026, 10:00 in Seoul; still Sunday 20:00 in New York.
const MONDAY_SEOUL = new Date('2026-12-07T01:00:00Z');
const key = (code: string, lang: 'en' | 'ko', now: Date) =>
  demoCacheKey({ code, lang, now, migrationsFolder: MIGRATIONS });

describe('the demo cache key', () => {
  it('is the week on the team’s clock, with the code, PGlite and the migrations', async () => {
    const ko = await key('v1', 'ko', MONDAY_SEOUL);
    expect(ko).toMatchObject({ code: 'v1', lang: 'ko', week: '2026-W50' });
    expect(ko.migrations).toEqual(await migrationTags(MIGRATIONS));
    // The same instant is the end of the week before in New York.
    expect((await key('v1', 'en', MONDAY_SEOUL)).week).toBe('2026-W49');
    // Friday evening in Seoul is the same week; the next Monday is not.
    expect(await key('v1', 'ko', new Date('2026-12-11T10:00:00Z'))).toEqual(ko);
    expect((await key('v1', 'ko', new Date('2026-12-13T15:00:00Z'))).week).toBe('2026-W51');
  });
});

describe('a cached demo', () => {
  it('is copied for the same key, without the seed’s lock; another code or week seeds again', async () => {
    const seeded = join(dir, 'seeded');
    await mkdir(join(seeded, 'base/1'), { recursive: true });
    await mkdir(join(seeded, 'baton-lock'));
    await writeFile(join(seeded, 'PG_VERSION'), '17\n');
    await writeFile(join(seeded, 'base/1/1259'), 'pages');
    await writeFile(join(seeded, 'baton-lock/1.json'), '{"released":true}');
    const cache = join(dir, 'cache');
    const v1 = await key('v1', 'ko', MONDAY_SEOUL);
    await storeDemo(cache, v1, seeded);

    const restored = join(dir, 'restored');
    expect(await restoreDemo(cache, v1, restored)).toBe(true);
    expect(await readFile(join(restored, 'base/1/1259'), 'utf8')).toBe('pages');
    expect(await readFile(join(restored, 'PG_VERSION'), 'utf8')).toBe('17\n');
    expect(existsSync(join(restored, 'baton-lock'))).toBe(false);

    const elsewhere = join(dir, 'not-restored');
    expect(await restoreDemo(cache, await key('v2', 'ko', MONDAY_SEOUL), elsewhere)).toBe(false);
    expect(await restoreDemo(cache, await key('v1', 'ko', new Date('2026-12-14T01:00:00Z')), elsewhere)).toBe(
      false,
    );
    expect(await restoreDemo(cache, await key('v1', 'en', MONDAY_SEOUL), elsewhere)).toBe(false);
    expect(existsSync(elsewhere)).toBe(false);

    // A newer seed replaces the language's entry: the old key no longer matches.
    const v2 = await key('v2', 'ko', MONDAY_SEOUL);
    await storeDemo(cache, v2, seeded);
    expect(await restoreDemo(cache, v1, elsewhere)).toBe(false);
    expect(await restoreDemo(cache, v2, elsewhere)).toBe(true);
  });
});
