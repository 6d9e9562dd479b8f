/**
 * `npm run sandbox`: bundles what the sandbox runs with esbuild when a source changed (about a
 * second, where tsc takes 24–69 s), makes the migrated embedded database template when it is
 * missing or older than the migrations (on a worker, while the page's assets build), then runs the sandbox launcher in this same process, so the
 * time it prints counts the build too. `npm start` keeps its own tsc build (scripts/build-if-stale.mjs).
 *
 * Output: dist/sandbox/{main,baton-entry,pglite-template}.js and their shared chunks (same folder
 * depth as tsc's output, so migrations resolve to drizzle/ and the template to dist/pglite-template).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { NODE_BUNDLE, SANDBOX_ENTRIES } from './bundle-node.mjs';
import { files } from './source-files.mjs';

const root = process.cwd();
const OUT = join(root, 'dist/sandbox');
const STAMP = join(OUT, '.sandbox-build-stamp');
const TEMPLATE = join(root, 'dist/pglite-template');
const MIGRATIONS = join(root, 'drizzle');
const INPUTS = ['src', 'package-lock.json', 'scripts/sandbox.mjs', 'scripts/bundle-node.mjs'];

/** Path, size and mtime of every input: a changed, added or removed source rebuilds. */
function digest() {
  const hash = createHash('sha256');
  for (const input of INPUTS)
    for (const [file, info] of files(join(root, input)))
      hash.update(`${relative(root, file)}\0${info.size}\0${info.mtimeMs}\0`);
  return hash.digest('hex');
}

const wanted = digest();
const fresh =
  existsSync(join(OUT, 'main.js')) &&
  existsSync(join(OUT, 'baton-entry.js')) &&
  existsSync(STAMP) &&
  readFileSync(STAMP, 'utf8') === wanted;
if (!fresh) {
  const started = performance.now();
  const { build } = await import('esbuild');
  await build({
    ...NODE_BUNDLE,
    entryPoints: { ...SANDBOX_ENTRIES, 'pglite-template': 'src/db/pglite-template.ts' },
    outdir: OUT,
  });
  writeFileSync(STAMP, wanted);
  process.stderr.write(`baton sandbox: bundled in ${Math.round(performance.now() - started)} ms\n`);
}

/** The template is current when made by this PGlite from exactly these migrations. */
function templateCurrent() {
  try {
    const stamp = JSON.parse(readFileSync(join(TEMPLATE, 'baton-template.json'), 'utf8'));
    const journal = JSON.parse(readFileSync(join(MIGRATIONS, 'meta/_journal.json'), 'utf8'));
    const require = createRequire(join(root, 'package.json'));
    const pglite = JSON.parse(
      readFileSync(join(require.resolve('@electric-sql/pglite'), '../../package.json'), 'utf8'),
    ).version;
    const tags = journal.entries.map((e) => e.tag);
    return stamp.pglite === pglite && JSON.stringify(stamp.migrations) === JSON.stringify(tags);
  } catch {
    return false;
  }
}
/**
 * Makes the template on a worker thread: initdb and the migrations are 2–3 s of single-threaded
 * WebAssembly, during which this thread builds the page's assets on the machine's other core.
 */
function buildTemplate() {
  const started = performance.now();
  const worker = new Worker(
    `const { workerData: d } = require('node:worker_threads');
     import(d.module).then((m) => m.buildPgliteTemplate(d.template, d.migrations));`,
    {
      eval: true,
      workerData: {
        module: pathToFileURL(join(OUT, 'pglite-template.js')).href,
        template: TEMPLATE,
        migrations: MIGRATIONS,
      },
    },
  );
  return new Promise((resolve, reject) => {
    worker.on('error', reject);
    worker.on('exit', (code) =>
      code === 0 ? resolve(performance.now() - started) : reject(new Error(`template worker exited ${code}`)),
    );
  });
}

// --help needs no database.
const help = process.argv.includes('--help') || process.argv.includes('-h');
const template = help || templateCurrent() ? null : buildTemplate();

// The page's assets (dist/sandbox/web), beside the bundle, rebuilt when their sources changed.
const { buildSandboxWeb } = await import(pathToFileURL(join(root, 'scripts/build-sandbox-web.mjs')).href);
await buildSandboxWeb();

if (template) {
  const ms = await template;
  process.stderr.write(
    `baton sandbox: made dist/pglite-template (migrated embedded database) in ${Math.round(ms)} ms\n`,
  );
}

await import(pathToFileURL(join(OUT, 'main.js')).href);
