/**
 * Builds the sandbox page (src/sandbox/web) into dist/sandbox/web with esbuild: one JS bundle (Preact
 * and the parsers included, nothing fetched at run time), its CSS and index.html. Skips the work when
 * the output is newer than every source; `--force` builds anyway. Exported for the browser tests.
 */
import { copyFile, mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const sources = [
  join(root, 'src/sandbox/web'),
  join(root, 'src/sandbox/page/types.ts'),
  join(root, 'src/i18n/sections/sandbox-page.ts'),
];

async function newest(path) {
  const info = await stat(path);
  if (!info.isDirectory()) return info.mtimeMs;
  const names = await readdir(path);
  const times = await Promise.all(names.map((n) => newest(join(path, n))));
  return Math.max(info.mtimeMs, ...times);
}

/** Builds into `outDir` (default dist/sandbox/web) unless it is up to date. Returns whether it built. */
export async function buildSandboxWeb({ outDir = join(root, 'dist/sandbox/web'), force = false } = {}) {
  if (!force) {
    const built = await stat(join(outDir, 'app.js')).then(
      (s) => s.mtimeMs,
      () => 0,
    );
    const changed = Math.max(...(await Promise.all(sources.map(newest))));
    if (built > changed) return false;
  }
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: [join(root, 'src/sandbox/web/main.tsx')],
    outfile: join(outDir, 'app.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: true,
    sourcemap: true,
    legalComments: 'linked',
    logLevel: 'error',
  });
  await copyFile(join(root, 'src/sandbox/web/app.css'), join(outDir, 'app.css'));
  await copyFile(join(root, 'src/sandbox/web/index.html'), join(outDir, 'index.html'));
  const nanum = join(root, 'node_modules/@expo-google-fonts/nanum-gothic');
  await copyFile(join(nanum, '400Regular/NanumGothic_400Regular.ttf'), join(outDir, 'nanum-gothic-400.ttf'));
  await copyFile(join(nanum, '700Bold/NanumGothic_700Bold.ttf'), join(outDir, 'nanum-gothic-700.ttf'));
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildSandboxWeb({ force: process.argv.includes('--force') });
}
