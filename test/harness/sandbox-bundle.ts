/**
 * The sandbox's Baton (src/sandbox/baton-entry.ts) bundled for a test, as `npm run sandbox` bundles
 * it: inside the repository, so the bundle's external packages resolve from node_modules. The bundle
 * lives outside dist/, so BATON_MIGRATIONS_DIR tells it where the migrations are.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';

export async function bundleSandboxBaton(): Promise<{ entry: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(process.cwd(), 'node_modules', '.baton-test-sandbox-entry-'));
  await build({
    entryPoints: ['src/sandbox/baton-entry.ts'],
    outdir: dir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  process.env.BATON_MIGRATIONS_DIR = join(process.cwd(), 'drizzle');
  return { entry: join(dir, 'baton-entry.js'), remove: () => rm(dir, { recursive: true, force: true }) };
}
