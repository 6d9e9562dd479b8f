/**
 * `npm run sandbox -- --dev`: how long a save takes to reach a ready Baton (the watcher's quiet
 * period, the incremental rebuild, Baton's graceful stop and start), against the same restart of the
 * bundled entry `npm run sandbox` runs, not rebuilt (the baseline), alternating under the same load.
 *
 *   npm run bench:sandbox-dev            (ROUNDS=5 by default)
 */

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { devBuild } from '../src/sandbox/dev-build.js';
import { type Sandbox, startSandbox } from '../src/sandbox/sandbox.js';
import { bundleSandbox } from '../test/harness/sandbox-bundle.js';

const ROUNDS = Number(process.env.ROUNDS) || 5;
const root = process.cwd();
const dir = await mkdtemp(join(tmpdir(), 'baton-bench-sandbox-dev-'));
const bundle = await bundleSandbox();
process.env.BATON_MIGRATIONS_DIR ??= join(root, 'drizzle');
process.env.BATON_PGLITE_TEMPLATE ??= join(root, 'dist/pglite-template');

/** A --dev sandbox whose Baton is `main`, restarted by saves in its own watched folder. */
async function start(name: string, build: (watched: string) => Promise<() => Promise<string>>) {
  const watched = join(dir, name, 'src');
  await mkdir(watched, { recursive: true });
  const sandbox = await startSandbox({
    dir: join(dir, name, 'sandbox'),
    batonMain: '',
    port: 0,
    dev: { watch: [watched], build: await build(watched) },
  });
  return { sandbox, watched };
}

async function restartMs({ sandbox, watched }: { sandbox: Sandbox; watched: string }, round: number) {
  const generation = sandbox.batonStatus.generation + 1;
  const started = performance.now();
  await writeFile(join(watched, 'saved.ts'), `export const round = ${round};\n`);
  for (;;) {
    const status = sandbox.batonStatus;
    if (status.generation === generation && status.state === 'ready') return performance.now() - started;
    if (status.state === 'failed') throw new Error(status.error);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const builds: { close(): Promise<void> }[] = [];
const source = await start('source', async (watched) => {
  const entry = join(watched, 'entry.ts');
  await writeFile(entry, `import ${JSON.stringify(join(root, 'src/sandbox/baton-entry.ts'))};\n`);
  const dev = await devBuild(entry, root);
  builds.push(dev);
  return dev.build;
});
const bundled = await start('bundled', async () => async () => join(bundle.dir, 'baton-entry.js'));

const times = { source: [] as number[], bundled: [] as number[] };
const loads: number[] = [];
try {
  for (let round = 1; round <= ROUNDS; round++) {
    times.source.push(await restartMs(source, round));
    times.bundled.push(await restartMs(bundled, round));
    loads.push(loadavg()[0]!);
  }
} finally {
  await source.sandbox.stop();
  await bundled.sandbox.stop();
  for (const build of builds) await build.close();
  await bundle.remove();
  await rm(dir, { recursive: true, force: true });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
console.log(
  `save → Baton ready again, ${ROUNDS} rounds alternating, load average ${loads.map((l) => l.toFixed(1)).join(' ')}`,
);
console.log(
  `  --dev (rebuilt from src/):   median ${s(median(times.source))}  [${times.source.map(s).join(', ')}]`,
);
console.log(
  `  baseline (bundled entry):   median ${s(median(times.bundled))}  [${times.bundled.map(s).join(', ')}]`,
);
console.log(`  ratio --dev / baseline:     ${(median(times.source) / median(times.bundled)).toFixed(2)}`);
