import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { NODE_BUNDLE, SANDBOX_ENTRIES } from '../../scripts/bundle-node.mjs';

/** The sandbox's launcher (`main.js`) and Baton (`baton-entry.js`), bundled as `npm run sandbox` does. */
export async function bundleSandbox(): Promise<{ dir: string; remove(): Promise<void> }> {
  // Inside the repository, so the bundle's external packages resolve from node_modules.
  const dir = await mkdtemp(join(process.cwd(), 'node_modules', '.baton-test-sandbox-'));
  await build({ ...NODE_BUNDLE, entryPoints: SANDBOX_ENTRIES, outdir: dir });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
