import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  link?: boolean;
}

// scripts/lock-resolved.mjs: without a tarball URL per package, `npm ci` fetches every package's
// metadata from the registry first (npm ci: 10.5 s of user CPU without them, 4.0 s with).
describe('package-lock.json', () => {
  it('names the tarball of every registry package, as npm writes it', async () => {
    const lock = JSON.parse(await readFile('package-lock.json', 'utf8')) as {
      packages: Record<string, LockEntry>;
    };
    const registry = Object.entries(lock.packages).filter(([path, e]) => path && !e.link && e.integrity);
    expect(registry.length).toBeGreaterThan(200);
    const missing = registry.filter(([, e]) => !e.resolved).map(([path]) => path);
    expect(missing).toEqual([]);
    for (const [path, e] of registry) {
      const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
      expect(e.resolved, path).toBe(
        `https://registry.npmjs.org/${name}/-/${name.split('/').pop()}-${e.version}.tgz`,
      );
    }
    expect(lock.packages['node_modules/@slack/bolt']?.resolved).toBe(
      'https://registry.npmjs.org/@slack/bolt/-/bolt-5.1.0.tgz',
    );
  });
});
