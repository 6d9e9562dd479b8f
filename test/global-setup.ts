import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { bundleMain } from '../scripts/bundle-main.mjs';
import { openDatabase } from '../src/db/client.js';
import { PGLITE_EXTENSIONS } from '../src/db/pglite-settings.js';
import { buildPgliteTemplate } from '../src/db/pglite-template.js';

/**
 * Once per run: bundles the entry point for the process tests the way production's is (plain
 * node, like `npm start`, so start-up is measured without a TypeScript loader), and migrates one embedded database and
 * saves it, so each test file loads a copy instead of booting afresh. It also makes the prepared
 * data directory `npm run build` makes (dist/pglite-template) for the processes the tests start,
 * so their new data directories begin the way a built Baton's do.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'baton-test-'));
  // Inside the repository, so the bundle's external packages resolve from node_modules.
  const mainDir = await mkdtemp(join(process.cwd(), 'node_modules', '.baton-test-main-'));
  // Built as `npm run build` builds what `node dist/main.js` runs (scripts/bundle-main.mjs).
  await bundleMain(mainDir);
  process.env.BATON_TEST_MAIN = join(mainDir, 'main.js');
  const template = join(dir, 'pglite-template');
  await buildPgliteTemplate(template, join(process.cwd(), 'drizzle'));
  process.env.BATON_PGLITE_TEMPLATE = template;

  if (!process.env.TEST_DATABASE_URL) {
    const pglite = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
    const database = await openDatabase({ pglite });
    await database.migrate();
    const dump = await pglite.dumpDataDir('gzip');
    await database.close();
    const file = join(dir, 'migrated.tar.gz');
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
    process.env.BATON_TEST_SNAPSHOT = file;
  }
  return async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(mainDir, { recursive: true, force: true });
  };
}
