import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import pkg from '../../../package.json' with { type: 'json' };

const SRC = resolve('src');

/** Relative and bare specifiers of every static, re-export and dynamic import in a file. */
function specifiers(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  const found = [
    ...code.matchAll(/\b(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]/g),
    ...code.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g),
    ...code.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm),
  ];
  return found.map((m) => m[1]!);
}

const toSource = (from: string, spec: string) => resolve(dirname(from), spec).replace(/\.js$/, '.ts');

/** Every src/ file reachable from `entry` through relative imports. */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const spec of specifiers(file)) if (spec.startsWith('.')) queue.push(toSource(file, spec));
  }
  return seen;
}

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (path.endsWith('.ts')) yield path;
  }
}

describe('the sandbox stays out of production Baton', () => {
  it('src/main.ts reaches no file under src/sandbox/', () => {
    const files = [...reachable(join(SRC, 'main.ts'))].map((f) => relative(SRC, f));
    expect(files).toContain('app.ts'); // the walk follows main's dynamic imports
    expect(files).toContain('slack/listeners/index.ts');
    expect(files.filter((f) => f.startsWith('sandbox/'))).toEqual([]);
  });

  it('the sandbox’s Baton runs the production start-up (src/run.ts), as src/main.ts does', () => {
    expect([...reachable(join(SRC, 'main.ts'))].map((f) => relative(SRC, f))).toContain('run.ts');
    expect([...reachable(join(SRC, 'sandbox/baton-entry.ts'))].map((f) => relative(SRC, f))).toContain(
      'run.ts',
    );
  });

  it('the walk would notice a sandbox import', () => {
    const files = [...reachable(join(SRC, 'sandbox/main.ts'))].map((f) => relative(SRC, f));
    expect(files).toContain('sandbox/slack-emulator/fake-slack.ts');
  });

  it('src/ imports only runtime dependencies and Node built-ins (no vitest or other dev tools)', () => {
    const runtime = new Set(Object.keys(pkg.dependencies));
    // `--dev` rebuilds Baton from a checkout with esbuild, loaded at first use with an "npm ci" hint
    // when missing; nothing else in src/ may reach a dev tool.
    const devOnly = new Set(['sandbox/dev-build.ts: esbuild']);
    const bad: string[] = [];
    for (const file of sourceFiles(SRC)) {
      // The sandbox page runs in the browser: esbuild bundles its libraries into the page at build time.
      if (relative(SRC, file).startsWith('sandbox/web/')) continue;
      for (const spec of specifiers(file)) {
        if (spec.startsWith('.') || spec.startsWith('node:')) continue;
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
        const use = `${relative(SRC, file)}: ${spec}`;
        if (!runtime.has(name) && !devOnly.has(use)) bad.push(use);
      }
    }
    expect(bad).toEqual([]);
  });
});
