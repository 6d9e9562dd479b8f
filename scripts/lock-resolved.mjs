/**
 * Gives every registry package in package-lock.json its `resolved` tarball URL (npm's own form,
 * `<registry>/<name>/-/<basename>-<version>.tgz`). Without it `npm ci` cannot go straight to the
 * tarball: it first fetches each package's metadata document (279 of them, some megabytes of
 * JSON) to find the URL. Measured: `npm ci` 10.5 s of CPU without, 4.0 s with (loaded machine).
 * .npmrc keeps npm from dropping the URLs again; run this after merging lockfiles that lack them.
 *
 *   node scripts/lock-resolved.mjs      (idempotent; prints how many it added)
 */
import { readFileSync, writeFileSync } from 'node:fs';

const REGISTRY = 'https://registry.npmjs.org';
const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));

/** The URL npm would write for a registry package at `path` (node_modules/…/<name>). */
function tarballUrl(path, entry) {
  const name = entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
  return `${REGISTRY}/${name}/-/${name.split('/').pop()}-${entry.version}.tgz`;
}

let added = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  if (!path || entry.link || entry.resolved || !entry.version || !entry.integrity) continue;
  // Where npm puts it: right after the version.
  const ordered = {};
  for (const [k, v] of Object.entries(entry)) {
    ordered[k] = v;
    if (k === 'version') ordered.resolved = tarballUrl(path, entry);
  }
  lock.packages[path] = ordered;
  added++;
}
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
process.stdout.write(`package-lock.json: added ${added} resolved URLs\n`);
