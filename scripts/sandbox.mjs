/**
 * `npm run sandbox`: builds if a source changed (as `npm start` does), then runs the sandbox
 * launcher in this same process, so the time it prints counts the build check too.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = process.cwd();
const built = spawnSync(process.execPath, [join(root, 'scripts/build-if-stale.mjs')], {
  cwd: root,
  stdio: 'inherit',
});
if (built.status !== 0) process.exit(built.status ?? 1);
// The page (dist/sandbox/web), rebuilt when its sources changed.
const { buildSandboxWeb } = await import(pathToFileURL(join(root, 'scripts/build-sandbox-web.mjs')).href);
await buildSandboxWeb();
await import(pathToFileURL(join(root, 'dist/sandbox/main.js')).href);
