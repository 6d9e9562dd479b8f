import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';

// The container cannot be built here (no Docker engine): these check what the image is made of.
const root = process.cwd();
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  engines: { node: string };
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
const ignore = readFileSync(join(root, '.dockerignore'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));
const major = (version: string) => Number(/(\d+)/.exec(version)?.[1]);

/** A .dockerignore pattern as Docker reads it: from the context root, `**` any depth, `*` within a name. */
function patternRegExp(pattern: string): RegExp {
  const body = pattern
    .replace(/^\/+/, '')
    .split(/(\*\*\/|\*\*|\*|\?)/)
    .map((part) => {
      if (part === '**/') return '(?:.*/)?';
      if (part === '**') return '.*';
      if (part === '*') return '[^/]*';
      if (part === '?') return '[^/]';
      return part.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${body}$`);
}

/** Whether the build context leaves `path` out: it, or a folder it is in, matches a pattern (no `!` rules here). */
function ignored(path: string): boolean {
  const parts = path.split('/');
  return ignore.some((pattern) => {
    const re = patternRegExp(pattern);
    return parts.some((_, i) => re.test(parts.slice(0, i + 1).join('/')));
  });
}

describe('Dockerfile', () => {
  it('runs the Node major the tests run on, which package.json engines allows', () => {
    const froms = [...dockerfile.matchAll(/^FROM\s+node:(\S+)/gim)].map((m) => m[1]!);
    expect(froms.length).toBe(2);
    const running = major(process.versions.node);
    for (const tag of froms) {
      expect(major(tag)).toBe(running);
      expect(tag).toMatch(/-slim$/);
    }
    expect(pkg.engines.node).toMatch(/^>=\d+(\.\d+)*$/);
    expect(major(pkg.engines.node)).toBe(running);
  });

  it('ships the migrations next to the compiled code, where dist/db/migrate-cli.js looks', () => {
    expect(dockerfile).toMatch(/^COPY drizzle \.\/drizzle$/m);
    expect(dockerfile).toMatch(/^COPY --from=build \/app\/dist \.\/dist$/m);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
  });
});

describe('.dockerignore', () => {
  it('keeps secrets, data, installed and built output and history out of the build context', () => {
    for (const path of [
      '.env',
      '.env.local',
      '.env.production',
      'deploy/.env',
      '.baton-data',
      '.baton-data/base/1/PG_VERSION',
      'tmp/.baton-data/PG_VERSION',
      '.baton-sandbox/session.json',
      '.baton-sandbox/data/PG_VERSION',
      'baton.data',
      'backups/team.data',
      'node_modules/zod/package.json',
      'dist/main.js',
      '.git/HEAD',
      'coverage/index.html',
      'baton.yaml',
    ])
      expect(ignored(path), path).toBe(true);
  });

  it('keeps what the Dockerfile copies', () => {
    const copies = [...dockerfile.matchAll(/^COPY\s+(?!--from)(.+)\s+\S+$/gm)];
    const copied = [...new Set(copies.flatMap((m) => m[1]!.split(/\s+/)))];
    expect(copied).toEqual([
      'package.json',
      'package-lock.json',
      'patches',
      'tsconfig.json',
      'tsconfig.build.json',
      'src',
      'drizzle',
      // The build makes the embedded database's template with scripts/build-pglite-template.mjs.
      'scripts',
    ]);
    for (const path of [
      ...copied,
      'src/main.ts',
      'scripts/build-pglite-template.mjs',
      'drizzle/meta/_journal.json',
      'patches/postgres+3.4.10.patch',
    ])
      expect(ignored(path), path).toBe(false);
  });
});

/** The bare package names `entry` reaches, the way the compiled code would import them. */
async function packagesReached(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outdir: 'out',
    logLevel: 'error',
  });
  const builtins = new Set(builtinModules);
  const names = new Set<string>();
  for (const input of Object.values(result.metafile.inputs))
    for (const imported of input.imports) {
      if (!imported.external || imported.path.startsWith('node:') || builtins.has(imported.path)) continue;
      const [first, second] = imported.path.split('/');
      names.add(first!.startsWith('@') ? `${first}/${second}` : first!);
    }
  return [...names].sort();
}

describe('production dependencies', () => {
  it('every package the compiled entry points import is a dependency, not a devDependency', async () => {
    for (const entry of ['src/main.ts', 'src/db/migrate-cli.ts']) {
      const reached = await packagesReached(entry);
      expect(reached.length, entry).toBeGreaterThan(0);
      for (const name of reached)
        expect(Object.keys(pkg.dependencies), `${entry} imports ${name}`).toContain(name);
    }
    expect(await packagesReached('src/main.ts')).toEqual(
      expect.arrayContaining(['@slack/bolt', 'prom-client']),
    );
  });
});

/** package.json dependencies and what they depend on, as installed in node_modules (npm ci --omit=dev). */
function productionClosure(): string[] {
  const seen = new Set<string>();
  const visit = (name: string, optional: boolean) => {
    if (seen.has(name)) return;
    const manifest = join(root, 'node_modules', name, 'package.json');
    if (!existsSync(manifest)) {
      if (optional) return; // an optional dependency for another platform
      throw new Error(`${name} is not installed`);
    }
    seen.add(name);
    const p = JSON.parse(readFileSync(manifest, 'utf8')) as {
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
      peerDependencies?: Record<string, string>;
    };
    for (const dep of Object.keys(p.dependencies ?? {})) visit(dep, false);
    for (const dep of Object.keys({ ...p.optionalDependencies, ...p.peerDependencies })) visit(dep, true);
  };
  for (const name of Object.keys(pkg.dependencies)) visit(name, false);
  return [...seen];
}

describe('migrations from the production layout', () => {
  let dir: string | undefined;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('node dist/db/migrate-cli.js migrates a fresh embedded database with only dist, drizzle and production packages', async () => {
    dir = await mkdtemp(join(tmpdir(), 'baton-image-'));
    // dist as `npm run build` lays it out (src/x.ts → dist/x.js), compiled without type checks.
    const sources = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(root, 'src', f));
    await build({
      entryPoints: sources,
      outdir: join(dir, 'dist'),
      outbase: join(root, 'src'),
      format: 'esm',
      platform: 'node',
      target: 'node20',
      logLevel: 'error',
    });
    await cp(join(root, 'drizzle'), join(dir, 'drizzle'), { recursive: true });
    await cp(join(root, 'package.json'), join(dir, 'package.json'));
    // node_modules holding only the production closure: a devDependency import would fail to resolve.
    for (const name of productionClosure()) {
      await mkdir(join(dir, 'node_modules', name, '..'), { recursive: true });
      await symlink(join(root, 'node_modules', name), join(dir, 'node_modules', name), 'dir');
    }
    expect(existsSync(join(dir, 'node_modules', 'tsx'))).toBe(false);
    expect(existsSync(join(dir, 'node_modules', 'drizzle-kit'))).toBe(false);

    const dataDir = join(dir, 'data');
    const run = spawn(process.execPath, ['dist/db/migrate-cli.js'], {
      cwd: dir,
      env: { PATH: process.env.PATH, BATON_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    run.stdout.on('data', (b: Buffer) => chunks.push(b));
    run.stderr.on('data', (b: Buffer) => chunks.push(b));
    const code = await new Promise<number | null>((resolve) => run.on('close', resolve));
    const out = Buffer.concat(chunks).toString();
    expect(out).toContain(`migrations applied (embedded database in ${dataDir})`);
    expect(code).toBe(0);

    const database = await openDatabase({ dataDir, migrationsFolder: join(dir, 'drizzle') });
    try {
      expect(await database.isMigrated()).toBe(true);
    } finally {
      await database.close();
    }
  }, 60_000);
});
