/**
 * What `npm run build` leaves for `node dist/main.js` (the Dockerfile's CMD, `npm start`): Baton's
 * own code as a few bundled chunks (scripts/bundle-main.mjs), not tsc's ~440 modules, which cost an
 * idle process about 9 MB of V8 heap (issue 16). Built here into a folder laid out like the
 * repository (dist/ beside drizzle/), then started with no path overrides: the migrations and
 * the prepared data directory are found where the compiled code looks for them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleMain } from '../../scripts/bundle-main.mjs';
import { type BatonProcess, freePort, launchBaton, waitForReady } from '../harness/baton-process.js';
import { FakeSlack } from '../harness/fake-slack.js';
import { BOT_TOKEN, SIGNING_SECRET, TEAM_ID, TEAM_USERS, TEAM_YAML } from '../harness/test-app.js';

describe('the production build of dist/main.js', { timeout: 60_000 }, () => {
  let root: string;
  let slack: FakeSlack;
  let run: BatonProcess | undefined;

  beforeAll(async () => {
    // Inside node_modules, so the bundle's packages resolve as they do from the repository's dist/.
    root = await mkdtemp(join(process.cwd(), 'node_modules', '.baton-production-'));
    await mkdir(join(root, 'dist'));
    await symlink(join(process.cwd(), 'drizzle'), join(root, 'drizzle'), 'dir');
    await symlink(process.env.BATON_PGLITE_TEMPLATE!, join(root, 'dist/pglite-template'), 'dir');
    await bundleMain(join(root, 'dist'));
    slack = await FakeSlack.start({ teamId: TEAM_ID, users: TEAM_USERS });
  });
  afterAll(async () => {
    if (run && run.child.exitCode === null) run.child.kill('SIGTERM');
    await run?.exited;
    await slack?.stop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('is a loader of a few bundled chunks, one folder below dist/ like the compiled dist/db', () => {
    expect(readFileSync(join(root, 'dist/main.js'), 'utf8')).toContain("import './bundle/main.js';");
    const chunks = readdirSync(join(root, 'dist/bundle')).filter((f) => f.endsWith('.js'));
    expect(chunks).toContain('main.js');
    // esbuild's splitting: one chunk per lazily imported part, a few dozen at most.
    expect(chunks.length).toBeLessThan(40);
    expect(
      readdirSync(join(root, 'dist/bundle'), { withFileTypes: true }).filter((e) => e.isDirectory()),
    ).toEqual([]);
  });

  it('is ASCII only, so V8 keeps each chunk one byte a character', () => {
    for (const chunk of readdirSync(join(root, 'dist/bundle')).filter((f) => f.endsWith('.js'))) {
      const text = readFileSync(join(root, 'dist/bundle', chunk), 'utf8');
      expect(/[\u0080-\uffff]/.exec(text)?.[0], chunk).toBeUndefined();
    }
  });

  it('starts with the default paths: migrations from drizzle/, a new data directory from the template', async () => {
    const port = await freePort();
    const dir = join(root, 'run');
    await mkdir(dir);
    await writeFile(join(dir, 'baton.yaml'), TEAM_YAML);
    run = launchBaton(
      {
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        PORT: String(port),
        BATON_CONFIG: 'baton.yaml',
        BATON_DATA_DIR: join(dir, 'data'),
      },
      dir,
      // Only what production sets: no BATON_MIGRATIONS_DIR, no BATON_PGLITE_TEMPLATE.
      { main: join(root, 'dist/main.js'), defaultPaths: true },
    );
    await waitForReady(run, port);
    const up = run.logs().find((line) => line.msg === 'Baton is up');
    expect(up?.data_dir_start).toEqual({ kind: 'template', template: join(root, 'dist/pglite-template') });
  });
});
