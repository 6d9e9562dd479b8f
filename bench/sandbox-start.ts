/**
 * Issue 14's done-when, measured: from a fresh clone, `npm ci && npm run sandbox` until the page and
 * its API answer. Clones this repository (what is committed on the current branch) into a temporary
 * directory, runs `npm ci --no-audit --no-fund`, then `npm run sandbox` and times each phase from the
 * sandbox's own log lines; then the starts that follow (the same sandbox again, a Korean demo, the
 * demo again after an empty run, which reuses the cached seed).
 *
 * Baselines from the same run: `npm ci` of a project holding only @slack/bolt (the least a Bolt app
 * installs) and `node -e 0`. The npm cache is the machine's (warm, as for anyone who installed once).
 *
 *   npm run bench:sandbox            (BENCH_KEEP=1 keeps the clone and prints where it is)
 *   BENCH_REF=<commit> BENCH_FIRST_ONLY=1 npm run bench:sandbox   that commit, first start only
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLine } from './stats.js';

const repo = execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim();
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

interface Timed {
  wallMs: number;
  /** User + system CPU of the command and its children: steadier than wall time on a busy machine. */
  cpuMs: number;
}

/** Runs a command to its end under bash, whose `times` reports its children's CPU. */
function timed(cmd: string, args: string[], cwd: string): Promise<Timed> {
  const started = performance.now();
  const line = [cmd, ...args].map((a) => `'${a}'`).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', `${line} >/dev/null 2>&1; s=$?; times >&2; exit $s`], {
      cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d;
    });
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`${line} exited ${code}:\n${err.slice(-2000)}`));
      // `times`: the shell's user and system time, then its children's ("0m1.234s 0m0.567s").
      const children = err.trim().split('\n').at(-1) ?? '';
      const cpuMs = [...children.matchAll(/(\d+)m([\d.]+)s/g)]
        .map((m) => (Number(m[1]) * 60 + Number(m[2])) * 1000)
        .reduce((a, b) => a + b, 0);
      resolve({ wallMs: performance.now() - started, cpuMs });
    });
  });
}

async function answers(url: string, accept: string, check: (body: string) => boolean): Promise<boolean> {
  try {
    const res = await fetch(url, { headers: { accept } });
    return res.ok && check(await res.text());
  } catch {
    return false;
  }
}

interface Start {
  /** Spawn to "ready" line, and to the page plus its API answering. */
  readyMs: number;
  servedMs: number;
  /** The sandbox's own lines: bundled, template, demo seed. */
  notes: string[];
}

/** `npm run sandbox -- …args` in `cwd` until the page and the page API answer; then stops it. */
async function sandboxStart(cwd: string, args: string[]): Promise<Start> {
  const started = performance.now();
  const child: ChildProcess = spawn('npm', ['run', 'sandbox', '--', ...args], {
    cwd,
    env: { ...process.env, SANDBOX_PORT: '0', BATON_SANDBOX_DIR: join(cwd, '.baton-sandbox') },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so the whole npm → node tree stops together.
    detached: true,
  });
  let out = '';
  const notes: string[] = [];
  child.stderr?.on('data', (d: Buffer) => {
    for (const l of String(d).split('\n')) if (l.startsWith('baton sandbox:')) notes.push(l.slice(15));
    out += d;
  });
  const url = await new Promise<{ url: string; at: number }>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d;
      const m = out.match(/ready in [\d.]+ s: (http:\/\/\S+\/)/);
      if (m) resolve({ url: m[1]!, at: performance.now() });
    });
    child.on('exit', (code) => reject(new Error(`sandbox exited ${code}:\n${out.slice(-3000)}`)));
  });
  for (;;) {
    const [page, api] = await Promise.all([
      answers(url.url, 'text/html', (b) => b.includes('<html')),
      answers(`${url.url}sandbox/api/state?as=U0SBADMIN`, 'application/json', (b) => b.startsWith('{')),
    ]);
    if (page && api) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const servedMs = performance.now() - started;
  const exited = new Promise((r) => child.on('exit', r));
  process.kill(-child.pid!, 'SIGTERM');
  await exited;
  return { readyMs: url.at - started, servedMs, notes };
}

async function boltBaseline(dir: string): Promise<Timed> {
  await writeFile(join(dir, 'package.json'), '{"name":"bare","private":true}\n');
  // The lock first (not timed), then `npm ci` from it, as for Baton.
  await timed('npm', ['install', '--package-lock-only', '--no-audit', '--no-fund', '@slack/bolt@5.1.0'], dir);
  return timed('npm', ['ci', '--no-audit', '--no-fund'], dir);
}

const cpu = (t: Timed) => `${s(t.wallMs)} (CPU ${s(t.cpuMs)})`;

/** The starts after the first: the same sandbox again, a Korean demo, that demo again after an empty run. */
async function laterStarts(clone: string): Promise<void> {
  const again = await sandboxStart(clone, []);
  console.log(`npm run sandbox (again, same data)      ${s(again.servedMs)}`);
  const demo = await sandboxStart(clone, ['--demo', '--lang', 'ko']);
  console.log(`npm run sandbox -- --demo --lang ko     ${s(demo.servedMs)}`);
  for (const note of demo.notes) console.log(`    ${note}`);
  await sandboxStart(clone, ['--empty']);
  const demo2 = await sandboxStart(clone, ['--demo', '--lang', 'ko']);
  console.log(`the same demo after an empty run        ${s(demo2.servedMs)}`);
  for (const note of demo2.notes) console.log(`    ${note}`);
}

const work = await mkdtemp(join(tmpdir(), 'baton-sandbox-start-'));
try {
  const clone = join(work, 'baton');
  execFileSync('git', ['clone', '--quiet', repo, clone]);
  // Another commit (the one before a change, for a before/after on the same machine and load).
  if (process.env.BENCH_REF)
    execFileSync('git', ['checkout', '--quiet', process.env.BENCH_REF], { cwd: clone });
  const head = execFileSync('git', ['log', '-1', '--format=%h %s'], { cwd: clone, encoding: 'utf8' }).trim();
  console.log(`sandbox start from a fresh clone of ${repo} at ${head.slice(0, 70)}`);
  console.log(`before: ${loadLine()}`);

  const node = await timed(process.execPath, ['-e', '0'], work);
  const bare = join(work, 'bare');
  execFileSync('mkdir', [bare]);
  const bolt = await boltBaseline(bare);
  const ci = await timed('npm', ['ci', '--no-audit', '--no-fund'], clone);
  const first = await sandboxStart(clone, []);
  const total = ci.wallMs + first.servedMs;
  console.log(`npm ci --no-audit --no-fund             ${cpu(ci)}`);
  console.log(
    `npm run sandbox (first start)           ${s(first.servedMs)} (ready line ${s(first.readyMs)})`,
  );
  for (const note of first.notes) console.log(`    ${note}`);
  console.log(`total, fresh clone to a working page    ${s(total)}`);
  console.log(`baselines: npm ci of only @slack/bolt ${cpu(bolt)}, node -e 0 ${Math.round(node.wallMs)} ms`);
  console.log(
    `ratios: npm ci / bolt-only npm ci ${(ci.wallMs / bolt.wallMs).toFixed(2)} (CPU ${(ci.cpuMs / bolt.cpuMs).toFixed(2)}), total / bolt-only npm ci ${(total / bolt.wallMs).toFixed(2)}`,
  );

  if (!process.env.BENCH_FIRST_ONLY) await laterStarts(clone);
  console.log(`after: ${loadLine()}`);
  if (process.env.BENCH_KEEP) console.log(`clone kept at ${clone}`);
} finally {
  if (!process.env.BENCH_KEEP) await rm(work, { recursive: true, force: true });
}
