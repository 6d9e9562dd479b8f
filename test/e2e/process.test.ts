import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack } from '../harness/fake-slack.js';
import { SlackDriver } from '../harness/slack-driver.js';
import { SIGNING_SECRET, TEAM_ID, TEAM_USERS } from '../harness/test-app.js';

const MAIN = process.env.BATON_TEST_MAIN!; // compiled by test/global-setup.ts

/** Runs the compiled entry point as its own process, the way `npm start` does. */
function launch(env: Record<string, string>, cwd: string) {
  const child = spawn(process.execPath, [MAIN], {
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      // The bundle lives in a temporary directory; migrations stay in the repository.
      BATON_MIGRATIONS_DIR: join(process.cwd(), 'drizzle'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise<{ code: number | null; ms: number }>((resolve) => {
    const started = Date.now();
    child.on('exit', (code) => resolve({ code, ms: Date.now() - started }));
  });
  return { child, exited, output: () => ({ stdout, stderr }) };
}

async function waitForReady(url: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited early with ${child.exitCode}`);
    const ok = await fetch(url).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not ready after ${timeoutMs} ms`);
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baton-process-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('start-up checks', () => {
  it('exits non-zero within 2 s naming the missing Slack variables', async () => {
    const run = launch({}, dir);
    const { code, ms } = await run.exited;
    expect(code).toBe(1);
    expect(ms).toBeLessThan(2_000);
    const lines = run.output().stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^baton: Invalid environment: SLACK_BOT_TOKEN is not set.*SLACK_SIGNING_SECRET is not set/,
    );
  });

  it('exits non-zero naming the config key that is wrong', async () => {
    await writeFile(join(dir, 'bad.yaml'), 'channels:\n  leads: C0LEADS\nroster:\n  - user: bob\n');
    const run = launch(
      {
        SLACK_BOT_TOKEN: 'xoxb-1000000001-2000000002-ConfigCheck000000001',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        BATON_CONFIG: 'bad.yaml',
      },
      dir,
    );
    const { code } = await run.exited;
    expect(code).toBe(1);
    expect(run.output().stderr).toContain('bad.yaml: roster[0].user');
  });
});

describe('a running process', () => {
  it('starts on the embedded database, answers Slack, and exits 0 within 10 s of SIGTERM', async () => {
    const slack = await FakeSlack.start({ teamId: TEAM_ID, users: TEAM_USERS });
    try {
      await writeFile(
        join(dir, 'baton.yaml'),
        'channels:\n  leads: C0LEADS\nroster:\n  - user: U0SDR0001\n    roles: [sdr]\n  - user: U0AE00001\n    roles: [ae]\n',
      );
      const port = 30_000 + Math.floor(Math.random() * 20_000);
      const run = launch(
        {
          SLACK_BOT_TOKEN: 'xoxb-1000000001-2000000002-ProcessTest000000001',
          SLACK_SIGNING_SECRET: SIGNING_SECRET,
          SLACK_API_URL: slack.apiUrl,
          PORT: String(port),
          BATON_DATA_DIR: join(dir, 'data'),
        },
        dir,
      );
      await waitForReady(`http://127.0.0.1:${port}/readyz`, run.child);
      const driver = new SlackDriver({
        baseUrl: `http://127.0.0.1:${port}`,
        signingSecret: SIGNING_SECRET,
        teamId: TEAM_ID,
        slack,
      });
      const res = await driver.command('/baton', 'help', { userId: 'U0SDR0001' });
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body).response_type).toBe('ephemeral');

      const killedAt = Date.now();
      run.child.kill('SIGTERM');
      const { code } = await run.exited;
      expect(code).toBe(0);
      expect(Date.now() - killedAt).toBeLessThan(10_000);
      const logs = run
        .output()
        .stdout.trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { msg: string });
      expect(logs.map((l) => l.msg)).toEqual(
        expect.arrayContaining(['Baton is up', 'shutting down', 'Baton stopped']),
      );
      expect(run.output().stdout).not.toContain('xoxb-1000000001-2000000002-ProcessTest000000001');
    } finally {
      await slack.stop();
    }
  }, 60_000);
});
