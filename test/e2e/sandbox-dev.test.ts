/**
 * `npm run sandbox -- --dev` as a process: Baton is rebuilt from source and restarted when a
 * watched file is saved, on the same data, clock and emulator; a save that does not compile leaves
 * the sandbox up, saying why, and the next save recovers. The test's own entry point (in a temporary
 * folder, watched through BATON_SANDBOX_WATCH) imports the real sandbox entry and a module of its
 * own, so it breaks and mends Baton without touching the repository's sources.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../src/sandbox/demo-workspace.js';
import type { BatonStatus, PageState } from '../../src/sandbox/page/types.js';
import type { SandboxSession } from '../../src/sandbox/sandbox.js';
import { bundleSandbox } from '../harness/sandbox-bundle.js';

const ADMIN = 'U0SBADMIN';
// Restarts on a loaded 2-core machine: a rebuild, Baton's graceful stop and a fresh start.
const RESTART = { timeout: 90_000, interval: 100 };

let dir: string;
let watched: string;
let bundle: Awaited<ReturnType<typeof bundleSandbox>>;
let launcher: ChildProcess;
let output = '';
let exited: Promise<number | null>;
let url: string;

const sandboxDir = () => join(dir, 'sandbox');
const session = async () =>
  JSON.parse(await readFile(join(sandboxDir(), 'session.json'), 'utf8')) as SandboxSession;
const state = async () =>
  (await (await fetch(`${url}sandbox/api/state?as=${ADMIN}`)).json()) as PageState & { baton: BatonStatus };
const post = async (path: string, body: unknown) => {
  const res = await fetch(`${url}sandbox/api/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
/** `/baton help` in #leads, as the admin: Baton's own HTTP status. */
const command = async () =>
  (
    await post('act', {
      as: ADMIN,
      kind: 'command',
      command: '/baton',
      text: 'help',
      channel: CHANNELS.leads,
    })
  ).body.status;
const baton = async (generation: number, wanted: BatonStatus['state']) =>
  vi.waitFor(async () => {
    const now = (await state()).baton;
    expect(now).toMatchObject({ generation, state: wanted, dev: true });
    return now;
  }, RESTART);
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baton-sandbox-dev-'));
  watched = join(dir, 'src');
  await mkdir(watched);
  await writeFile(join(watched, 'extra.ts'), 'export const mark: number = 1;\n');
  const realEntry = join(process.cwd(), 'src/sandbox/baton-entry.ts');
  await writeFile(join(watched, 'entry.ts'), `import ${JSON.stringify(realEntry)};\nimport './extra.ts';\n`);
  bundle = await bundleSandbox();
  launcher = spawn(process.execPath, [join(bundle.dir, 'main.js'), '--dev'], {
    cwd: dir,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      BATON_SANDBOX_DIR: sandboxDir(),
      SANDBOX_PORT: '0',
      BATON_SANDBOX_MAIN: join(watched, 'entry.ts'),
      BATON_SANDBOX_WATCH: watched,
      ...(process.env.BATON_PGLITE_TEMPLATE
        ? { BATON_PGLITE_TEMPLATE: process.env.BATON_PGLITE_TEMPLATE }
        : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  launcher.stdout!.on('data', (d) => {
    output += d;
  });
  launcher.stderr!.on('data', (d) => {
    output += d;
  });
  exited = new Promise((resolve) => launcher.on('exit', (code) => resolve(code)));
  await vi.waitFor(() => expect(output).toMatch(/ready in/), { timeout: 90_000, interval: 100 });
  url = output.match(/(http:\/\/127\.0\.0\.1:\d+\/)/)![1]!;
}, 120_000);
afterAll(async () => {
  if (launcher?.exitCode === null) launcher.kill('SIGKILL');
  await bundle?.remove();
  await rm(dir, { recursive: true, force: true });
});

describe('npm run sandbox -- --dev', () => {
  it('restarts Baton on a save, keeping Slack, the data and the clock', async () => {
    expect(output).toContain('--dev: Baton restarts when a file under src/ is saved');
    expect((await state()).baton).toEqual({ generation: 1, state: 'ready', dev: true });
    expect(await command()).toBe(200);
    const said = await post('act', { as: ADMIN, kind: 'message', channel: CHANNELS.leads, text: 'kept' });
    expect(said.status).toBe(200);
    const hour = await post('scenarios/clock', { advance: '1h' });
    expect(hour.body.offsetMs).toBe(3_600_000);
    const first = await session();

    await writeFile(join(watched, 'extra.ts'), 'export const mark: number = 2;\n');
    await baton(2, 'ready');
    expect((await state()).baton.cause).toBe('src/extra.ts');
    expect(output).toMatch(/src\/extra\.ts changed: restarting Baton…\n.*Baton restarted in \d+\.\d s\n/);
    const second = await session();
    expect(second.batonPid).not.toBe(first.batonPid);
    expect(alive(first.batonPid)).toBe(false);
    expect(second.batonUrl).toBe(first.batonUrl);

    // Slack kept its messages; Baton answers again, on its clock as it was (1 h + 15 min ahead).
    const leads = (await state()).channels.find((c) => c.id === CHANNELS.leads)!;
    expect(leads.messages.map((m) => m.text)).toContain('kept');
    expect(await command()).toBe(200);
    const later = await post('scenarios/clock', { advance: '15m' });
    expect(later.body.offsetMs).toBe(3_600_000 + 15 * 60_000);
  }, 180_000);

  it('says why a save does not compile, stays up, and recovers on the next save', async () => {
    await writeFile(join(watched, 'extra.ts'), 'export const mark: number = ;\n');
    const failed = await baton(3, 'failed');
    expect(failed.error).toContain('extra.ts');
    expect(output).toMatch(/Baton is not running; it starts again on the next save:\n[\s\S]*extra\.ts/);
    expect(launcher.exitCode).toBeNull();
    // The page still shows Slack; what needs Baton says it is unavailable.
    const lead = await post('scenarios/lead', { canned: 'smb-demo' });
    expect(lead.status).toBe(503);
    const typed = await post('act', {
      as: ADMIN,
      kind: 'command',
      command: '/baton',
      channel: CHANNELS.leads,
    });
    expect(typed).toEqual({
      status: 503,
      body: { ok: false, error: 'unavailable', message: 'Baton is not answering' },
    });

    await writeFile(join(watched, 'extra.ts'), 'export const mark: number = 3;\n');
    await baton(4, 'ready');
    expect(await command()).toBe(200);

    launcher.kill('SIGTERM');
    expect(await exited).toBe(0);
    // Its build folder goes with it.
    expect(existsSync(join(process.cwd(), 'dist', `sandbox-dev-${launcher.pid}`))).toBe(false);
  }, 180_000);
});
