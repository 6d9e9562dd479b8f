/**
 * The build's step after tsc: what production runs (`node dist/main.js`, the Dockerfile's CMD,
 * `npm start`) becomes Baton's own code bundled with esbuild, the way the tests and the sandbox
 * already run it (scripts/bundle-node.mjs): packages stay in node_modules, dynamic imports stay
 * lazy. Issue 16: tsc's ~380 separate modules cost an idle process about 9 MB of V8 heap more than
 * a few bundled chunks (a module record each, their comments, and the two-byte source of every
 * file with one non-ASCII character; esbuild drops comments and writes ASCII).
 *
 * Output: dist/bundle/main.js and its chunks, one folder below dist/ like tsc's dist/db, so the
 * paths src/db/client.ts derives from its own location still reach drizzle/ and
 * dist/pglite-template; dist/main.js is replaced by a one-line loader of the bundle. tsc's other
 * output stays for the other entry points (dist/db/migrate-cli.js). Run from the repository root.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { NODE_BUNDLE } from './bundle-node.mjs';

const root = process.cwd();
export const BUNDLE_DIR = 'bundle';

/**
 * Every character past ASCII as a \u escape. What esbuild leaves unescaped sits in regular
 * expressions (where `\u2013` matches what `–` did, with or without the u flag) and in template
 * literals (whose cooked value is the same; the tagged ones Baton uses, drizzle's and postgres.js's
 * `sql`, read the cooked strings). One such character makes V8 keep a whole chunk two bytes wide.
 */
export function asciiOnly(text) {
  // After a backslash the escape would read differently (`\–` would become `\\u2013`).
  if (/\\[\u0080-\uffff]/.test(text)) throw new Error('a non-ASCII character after a backslash');
  return text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Bundles src/main.ts into `<dist>/bundle/` and points `<dist>/main.js` at it. */
export async function bundleMain(dist = join(root, 'dist')) {
  const out = join(dist, BUNDLE_DIR);
  rmSync(out, { recursive: true, force: true });
  const result = await build({
    ...NODE_BUNDLE,
    entryPoints: [join(root, 'src/main.ts')],
    outdir: out,
    sourcemap: true,
    // No comments, and an ASCII-only source V8 stores one byte a character: about 1.5 MB less
    // heap than esbuild's readable output. Stack traces keep every function's name; their
    // positions map back to src/ through the .map files (node --enable-source-maps).
    minifyWhitespace: true,
    write: false,
  });
  for (const file of result.outputFiles) {
    mkdirSync(dirname(file.path), { recursive: true });
    writeFileSync(file.path, file.path.endsWith('.js') ? asciiOnly(file.text) : file.contents);
  }
  writeFileSync(
    join(dist, 'main.js'),
    `// Baton's entry point, bundled by scripts/bundle-main.mjs (the compiled modules beside it are not loaded).\nimport './${BUNDLE_DIR}/main.js';\n`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = performance.now();
  await bundleMain();
  process.stderr.write(`baton: bundled dist/main.js in ${Math.round(performance.now() - started)} ms\n`);
}
