/**
 * `npm start`'s prestart: compiles src/ into dist/ only when an input changed since the last
 * build, so a start with nothing changed reaches Baton in about a second instead of recompiling
 * everything (8–13 s on an idle machine). Plain Node, no dependencies: it runs before any build.
 *
 * The stamp is a hash of every input's path, size, mtime and content: an edit, a new or deleted
 * file, or a file merely touched or restored with an old mtime all rebuild. A rebuild empties
 * dist/ first (no output of a deleted source survives), emits nothing on a type error, and writes
 * the stamp only after tsc succeeded, from the hash taken before it ran: a file changed during
 * the build rebuilds next time. Like `npm run build`, it then bundles what dist/main.js runs
 * (scripts/bundle-main.mjs) and makes dist/pglite-template (scripts/build-pglite-template.mjs)
 * from drizzle/, so the migrations are an input too.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { files } from './source-files.mjs';

const root = process.cwd();
const INPUTS = [
  'src',
  'drizzle',
  'scripts',
  'tsconfig.json',
  'tsconfig.build.json',
  'package.json',
  'package-lock.json',
];
const OUT = join(root, 'dist');
const STAMP = join(OUT, '.build-stamp');

const hash = createHash('sha256');
for (const input of INPUTS) {
  for (const [file, info] of files(join(root, input))) {
    hash.update(`${relative(root, file)}\0${info.size}\0${info.mtimeMs}\0`);
    hash.update(readFileSync(file));
    hash.update('\0');
  }
}
const digest = hash.digest('hex');
const built = existsSync(join(OUT, 'main.js')) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === digest;
if (built) process.exit(0);

process.stderr.write('baton: sources changed since the last build; compiling (tsc)…\n');
rmSync(OUT, { recursive: true, force: true });
const tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--noEmitOnError'], {
  cwd: root,
  stdio: 'inherit',
});
if (result.status !== 0) process.exit(result.status ?? 1);
// The build's next steps (as in `npm run build`): dist/main.js as a bundle, then the migrated
// embedded data directory.
for (const step of ['scripts/bundle-main.mjs', 'scripts/build-pglite-template.mjs']) {
  if (!existsSync(join(root, step))) continue;
  const made = spawnSync(process.execPath, [join(root, step)], { cwd: root, stdio: 'inherit' });
  if (made.status !== 0) process.exit(made.status ?? 1);
}
writeFileSync(STAMP, digest);
