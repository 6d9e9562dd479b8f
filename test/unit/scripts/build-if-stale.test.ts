import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat, symlink, unlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';

// npm start's prestart, run on a two-file project with the repository's TypeScript.
const SCRIPT = resolve('scripts/build-if-stale.mjs');
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'baton-build-'));
  await mkdir(join(root, 'src'));
  await symlink(resolve('node_modules'), join(root, 'node_modules'), 'dir');
  await writeFile(join(root, 'package.json'), '{ "type": "module" }\n');
  await writeFile(join(root, 'package-lock.json'), '{}\n');
  await writeFile(
    join(root, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { module: 'NodeNext', target: 'ES2022', strict: true, types: [], skipLibCheck: true },
    }),
  );
  await writeFile(
    join(root, 'tsconfig.build.json'),
    JSON.stringify({
      extends: './tsconfig.json',
      compilerOptions: { rootDir: 'src', outDir: 'dist' },
      include: ['src'],
    }),
  );
  await source('main.ts', "console.log('v1');\n");
  await source('extra.ts', 'export const extra = 1;\n');
});
afterAll(() => rm(root, { recursive: true, force: true }));

async function source(name: string, text: string): Promise<void> {
  await writeFile(join(root, 'src', name), text);
}

/** Runs the prestart step; `compiled` says whether it ran tsc. */
function prestart() {
  const run = spawnSync(process.execPath, [SCRIPT], { cwd: root, encoding: 'utf8' });
  return { status: run.status, compiled: run.stderr.includes('compiling'), output: run.stdout + run.stderr };
}
const runMain = () =>
  spawnSync(process.execPath, ['dist/main.js'], { cwd: root, encoding: 'utf8' }).stdout.trim();

it('compiles only when an input changed, and never leaves stale output to run', async () => {
  expect(prestart()).toMatchObject({ status: 0, compiled: true });
  expect(runMain()).toBe('v1');

  // Nothing changed: no compile, the output is untouched.
  const before = (await stat(join(root, 'dist/main.js'))).mtimeMs;
  expect(prestart()).toMatchObject({ status: 0, compiled: false });
  expect((await stat(join(root, 'dist/main.js'))).mtimeMs).toBe(before);

  // Touched: rebuilt.
  const later = new Date(Date.now() + 5_000);
  await utimes(join(root, 'src/main.ts'), later, later);
  expect(prestart()).toMatchObject({ status: 0, compiled: true });

  // Edited, then its old mtime put back (as a restore or `cp -p` does): the content still counts.
  const { mtime } = await stat(join(root, 'src/main.ts'));
  await source('main.ts', "console.log('v2');\n");
  await utimes(join(root, 'src/main.ts'), mtime, mtime);
  expect(prestart()).toMatchObject({ status: 0, compiled: true });
  expect(runMain()).toBe('v2');

  // A deleted source leaves no output behind.
  await unlink(join(root, 'src/extra.ts'));
  expect(prestart()).toMatchObject({ status: 0, compiled: true });
  expect(existsSync(join(root, 'dist/extra.js'))).toBe(false);

  // A failed compile exits non-zero and leaves nothing that `node dist/main.js` could run.
  await source('main.ts', "const n: number = 'not a number';\nconsole.log(n);\n");
  const failed = prestart();
  expect(failed.status).not.toBe(0);
  expect(failed.output).toContain('TS2322');
  expect(existsSync(join(root, 'dist/main.js'))).toBe(false);
  await source('main.ts', "console.log('v3');\n");
  expect(prestart()).toMatchObject({ status: 0, compiled: true });
  expect(runMain()).toBe('v3');
}, 120_000);
