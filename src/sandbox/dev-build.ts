/**
 * `--dev` builds Baton's entry with esbuild's incremental rebuild before each start (a fraction of a
 * second; loading src/ file by file through tsx made each restart about twice as slow), into a
 * folder of its own two levels under the repository, where the bundle finds node_modules, drizzle/
 * and dist/pglite-template as dist/sandbox's does. A build error names the file, line and column.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Message } from 'esbuild';
import { NODE_BUNDLE } from '../../scripts/bundle-node.mjs';

export interface DevBuild {
  /** Rebuilds and returns the entry to run; throws with esbuild's errors when it does not build. */
  build(): Promise<string>;
  /** Frees the build and removes its folder. */
  close(): Promise<void>;
}

export async function devBuild(entry: string, root: string): Promise<DevBuild> {
  // A dev dependency, loaded only for --dev.
  const esbuild = await import('esbuild').catch(() => {
    throw new Error('--dev builds Baton with esbuild, a dev dependency: run npm ci first');
  });
  // One folder per process: a test's sandbox and yours never share a build.
  const outdir = join(root, 'dist', `sandbox-dev-${process.pid}`);
  const context = await esbuild.context({
    ...NODE_BUNDLE,
    entryPoints: { 'baton-entry': entry },
    outdir,
    logLevel: 'silent',
  });
  return {
    build: async () => {
      try {
        await context.rebuild();
      } catch (error) {
        const errors = (error as { errors?: Message[] }).errors ?? [];
        if (errors.length === 0) throw error;
        const text = await esbuild.formatMessages(errors, { kind: 'error', color: false });
        throw new Error(`Baton does not build:\n${text.join('')}`);
      }
      return join(outdir, 'baton-entry.js');
    },
    close: async () => {
      await context.dispose();
      await rm(outdir, { recursive: true, force: true });
    },
  };
}
