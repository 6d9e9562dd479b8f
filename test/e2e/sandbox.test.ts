/**
 * `npm run sandbox`'s launcher as a process (bundled from src/sandbox/main.ts, the way the process
 * tests bundle src/main.ts), and proof that production Baton serves none of the emulator's paths.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { messages } from '../../src/i18n/index.js';
import type { SandboxSession } from '../../src/sandbox/sandbox.js';
import type { EmulatorSnapshot } from '../../src/sandbox/slack-emulator/snapshot.js';
import { freePort, launchBaton, waitForReady } from '../harness/baton-process.js';
import { FakeSlack } from '../harness/fake-slack.js';
import { bundleSandbox } from '../harness/sandbox-bundle.js';
import { SlackDriver } from '../harness/slack-driver.js';
import { SIGNING_SECRET, TEAM_ID, TEAM_USERS } from '../harness/test-app.js';

let dir: string;
let bundle: Awaited<ReturnType<typeof bundleSandbox>>;
let bundleDir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baton-sandbox-'));
  bundle = await bundleSandbox();
  bundleDir = bundle.dir;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await bundle.remove();
});

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('production Baton (with Slack credentials)', () => {
  it('answers 404 on every path the emulator serves', async () => {
    const slack = await FakeSlack.start({ teamId: TEAM_ID, users: TEAM_USERS });
    const port = await freePort();
    const run = launchBaton(
      {
        SLACK_BOT_TOKEN: 'xoxb-1000000001-2000000002-NoEmulatorRoutes0001',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        PORT: String(port),
        BATON_DATA_DIR: join(dir, 'production'),
      },
      dir,
    );
    try {
      await waitForReady(run, port);
      const paths = [
        '/',
        '/api/chat.postMessage',
        '/api/auth.test',
        '/response/abc',
        '/upload/F0A',
        '/files/F0A',
        // The sandbox's scenario controls.
        '/sandbox/api/scenarios',
        '/sandbox/api/scenarios/lead',
        '/sandbox/api/scenarios/clock',
        '/sandbox/api/scenarios/reset',
      ];
      const answers: string[] = [];
      for (const path of paths) {
        for (const method of ['GET', 'POST']) {
          const res = await fetch(`http://127.0.0.1:${port}${path}`, {
            method,
            body: method === 'POST' ? '{}' : undefined,
          });
          answers.push(`${method} ${path} ${res.status}`);
        }
      }
      expect(answers).toEqual(paths.flatMap((p) => [`GET ${p} 404`, `POST ${p} 404`]));
    } finally {
      run.child.kill('SIGTERM');
      await run.exited;
      await slack.stop();
    }
  });
});

describe('the sandbox launcher refuses bad input', () => {
  it('names SANDBOX_PORT when it is not a port, and starts nothing', async () => {
    const run = spawn(process.execPath, [join(bundleDir, 'main.js')], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', SANDBOX_PORT: 'eighty', BATON_SANDBOX_DIR: join(dir, 'refused') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    run.stderr!.on('data', (d) => {
      stderr += d;
    });
    const code = await new Promise((resolve) => run.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toBe('baton sandbox: SANDBOX_PORT must be a port number 0–65535, got eighty\n');
  });

  const run = async (args: string[]) => {
    const launched = launchBaton({ BATON_SANDBOX_DIR: join(dir, 'refused') }, dir, {
      main: join(bundleDir, 'main.js'),
      args,
    });
    const { code } = await launched.exited;
    return { code, stdout: launched.stdout(), stderr: launched.stderr() };
  };

  it('names a bad flag, and starts nothing', async () => {
    expect(await run(['--lang', 'fr'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'baton sandbox: --lang must be en or ko, got fr\n',
    });
    expect(await run(['--demo', '--empty'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'baton sandbox: give one of --demo and --empty, not both\n',
    });
    const unknown = await run(['--colour']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^baton sandbox: Unknown option '--colour'.*\(see --help\)\n$/);
  });

  it('prints its options with --help', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--lang en|ko');
    expect(stdout).toContain('--demo');
    expect(stdout).toContain('--empty');
  });
});

describe('the sandbox launcher', () => {
  let launcher: ChildProcess;
  let stdout = '';
  let exited: Promise<number | null>;
  const sandboxDir = () => join(dir, 'sandbox');

  beforeAll(() => {
    launcher = spawn(process.execPath, [join(bundleDir, 'main.js')], {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        BATON_SANDBOX_DIR: sandboxDir(),
        SANDBOX_PORT: '0',
        BATON_MIGRATIONS_DIR: join(process.cwd(), 'drizzle'),
        ...(process.env.BATON_PGLITE_TEMPLATE
          ? { BATON_PGLITE_TEMPLATE: process.env.BATON_PGLITE_TEMPLATE }
          : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    launcher.stdout!.on('data', (d) => {
      stdout += d;
    });
    launcher.stderr!.on('data', (d) => {
      stdout += d;
    });
    exited = new Promise((resolve) => launcher.on('exit', (code) => resolve(code)));
  });
  afterAll(() => {
    if (launcher.exitCode === null) launcher.kill('SIGKILL');
  });

  it('starts, shows the admin the set-up checklist on Home, and stops both processes on SIGTERM', async () => {
    await vi.waitFor(() => expect(stdout).toMatch(/ready/), { timeout: 60_000, interval: 50 });
    const line = stdout.trim();
    expect(line).toMatch(
      /^Baton sandbox ready in \d+\.\d s: http:\/\/127\.0\.0\.1:\d+\/ \(Ctrl-C stops it\)$/,
    );
    const url = line.match(/(http:\/\/127\.0\.0\.1:\d+\/)/)![1]!;

    const session = JSON.parse(await readFile(join(sandboxDir(), 'session.json'), 'utf8')) as SandboxSession;
    expect(session.url).toBe(url);
    expect(alive(session.batonPid)).toBe(true);
    const before = (await (await fetch(url)).json()) as EmulatorSnapshot;
    expect(before.team.id).toBe('T0SANDBOX');
    expect(before.users.filter((u) => u.isAdmin).map((u) => u.id)).toEqual(['U0SBADMIN']);
    expect(before.channels.map((c) => c.name)).toEqual([
      'leads',
      'leads-enterprise',
      'lead-escalations',
      'growth-retro',
      'voc',
    ]);

    // The admin opens Baton's Home, as Slack tells Baton with a signed event.
    const driver = new SlackDriver({
      baseUrl: session.batonUrl,
      signingSecret: session.signingSecret,
      teamId: 'T0SANDBOX',
    });
    const res = await driver.event({ type: 'app_home_opened', user: 'U0SBADMIN', tab: 'home' });
    expect(res.status).toBe(200);
    const en = messages('en');
    const home = await vi.waitFor(
      async () => {
        const state = (await (await fetch(url)).json()) as EmulatorSnapshot;
        const view = state.homeViews.U0SBADMIN;
        expect(view).toBeDefined();
        return JSON.stringify(view);
      },
      { timeout: 10_000, interval: 50 },
    );
    expect(home).toContain(en.admin.home.setupTitle);
    expect(home).toContain(`*People* · ${en.admin.home.states.required}`);

    launcher.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(alive(session.batonPid)).toBe(false);
    await expect(fetch(url)).rejects.toThrow();
    // Its waits allow for a loaded machine (a first start copies the database template).
  }, 90_000);
});
