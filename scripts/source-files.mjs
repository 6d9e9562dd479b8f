/**
 * Every file below a path, in a stable order, with its stat: what the build scripts hash to decide
 * whether a build is stale (scripts/build-if-stale.mjs, scripts/sandbox.mjs). Plain Node.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function* files(path) {
  const info = statSync(path, { throwIfNoEntry: false });
  if (!info) return;
  if (!info.isDirectory()) {
    yield [path, info];
    return;
  }
  for (const name of readdirSync(path).sort()) yield* files(join(path, name));
}
