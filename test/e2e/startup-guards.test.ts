import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { type BatonProcess, freePort, launchBaton, waitForReady } from '../harness/baton-process.js';
import { FakeSlack } from '../harness/fake-slack.js';
import { sendLead, WEBHOOK_SECRET } from '../harness/lead-webhook.js';
import { SIGNING_SECRET, TEAM_ID, TEAM_USERS, TEAM_YAML } from '../harness/test-app.js';

// The compiled process (test/global-setup.ts), as `npm start` runs it: each guard here acts
// before or while Baton starts, so only a real process shows it.
const BOT_TOKEN = 'xoxb-1000000001-2000000002-StartupGuard0000001';

let slack: FakeSlack;
let dir: string;
const runs: BatonProcess[] = [];
const launch = (env: Record<string, string>, cwd = dir) => {
  const run = launchBaton(env, cwd);
  runs.push(run);
  return run;
};

beforeAll(async () => {
  slack = await FakeSlack.start({ teamId: TEAM_ID, users: TEAM_USERS, token: BOT_TOKEN });
  dir = await mkdtemp(join(tmpdir(), 'baton-startup-'));
  await writeFile(join(dir, 'baton.yaml'), `${TEAM_YAML}calendar:\n  time_zone: Asia/Seoul\n`);
});
afterAll(async () => {
  for (const run of runs) if (run.child.exitCode === null) run.child.kill('SIGKILL');
  await Promise.all(runs.map((run) => run.exited));
  await slack?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const baseEnv = (port: number, extra: Record<string, string> = {}) => ({
  SLACK_BOT_TOKEN: BOT_TOKEN,
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_API_URL: slack.apiUrl,
  LEAD_WEBHOOK_SECRET: WEBHOOK_SECRET,
  PORT: String(port),
  ...extra,
});

const lead = (i: number) => ({
  external_id: `lock-${i}`,
  source: 'website',
  name: `Lead ${i}`,
  email: `buyer${i}@company${i}.example`,
  company: `Company ${i}`,
});

describe('one process per embedded data directory', () => {
  it('refuses a second process within 2 s while the first serves, and after kill -9 a new one has every accepted lead', async () => {
    const dataDir = join(dir, 'data'); // given relative: 'data' in the process's working directory
    const port = await freePort();
    const first = launch(baseEnv(port, { BATON_DATA_DIR: 'data' }));
    await waitForReady(first, port);
    const up = first.logs().find((l) => l.msg === 'Baton is up');
    expect(up).toMatchObject({
      database: 'pglite',
      data_dir: dataDir,
      locale: 'en',
      time_zone: 'Asia/Seoul',
    });

    const accepted: string[] = [];
    const send = async (p: number, i: number) => {
      const res = await sendLead(`http://127.0.0.1:${p}`, lead(i));
      expect(res.status).toBe(202);
      accepted.push(String(res.json.lead_id));
    };
    for (let i = 0; i < 10; i++) await send(port, i);

    const second = launch(baseEnv(await freePort(), { BATON_DATA_DIR: dataDir }));
    const refused = await second.exited;
    expect(refused.code).toBe(1);
    expect(refused.ms).toBeLessThan(2_000);
    const lines = second.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^baton: the data directory ${dataDir} is in use by another Baton process \\(PID ${first.pid} on `,
      ),
    );
    // The first process never noticed.
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    await send(port, 10);

    first.child.kill('SIGKILL');
    await first.exited;
    const thirdPort = await freePort();
    const third = launch(baseEnv(thirdPort, { BATON_DATA_DIR: dataDir }));
    await waitForReady(third, thirdPort);
    await send(thirdPort, 11);
    third.child.kill('SIGTERM');
    expect((await third.exited).code).toBe(0);

    // The directory is free again (released on a clean stop) and holds every lead answered 202.
    const database = await openDatabase({ dataDir });
    try {
      const rows = await database.rows<{ id: string }>(sql`select id::text as id from leads`);
      expect(rows.map((r) => r.id).sort()).toEqual([...accepted].sort());
    } finally {
      await database.close();
    }
  }, 120_000);
});

describe('fail fast at start', () => {
  /** Exactly one line on stderr, exit 1, and how long it took. */
  async function refusal(run: BatonProcess) {
    const { code, ms } = await run.exited;
    expect(code).toBe(1);
    const lines = run.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    return { line: lines[0]!, ms };
  }
  // No data directory to open: in memory, so each run is only about Slack.
  const memoryEnv = async (apiUrl: string) =>
    baseEnv(await freePort(), { SLACK_API_URL: apiUrl, BATON_DATA_DIR: 'memory://' });

  it('refuses the .env.example placeholders at once, saying where to get the real values', async () => {
    const cwd = join(dir, 'fresh-checkout');
    await mkdir(cwd);
    await copyFile('.env.example', join(cwd, '.env'));
    await copyFile(join(dir, 'baton.yaml'), join(cwd, 'baton.yaml'));
    const { line, ms } = await refusal(launch({}, cwd));
    expect(ms).toBeLessThan(2_000);
    expect(line).toContain(
      'SLACK_BOT_TOKEN is still a placeholder: copy the Bot User OAuth Token (xoxb-…) from https://api.slack.com/apps',
    );
    expect(line).toContain('SLACK_SIGNING_SECRET is still a placeholder: copy the Signing Secret from');
  });

  it('gives up on a refused connection with the reason', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as { port: number }).port;
    await new Promise((r) => closed.close(r));
    const { line, ms } = await refusal(launch(await memoryEnv(`http://127.0.0.1:${port}/api/`)));
    expect(line).toBe(
      `baton: could not reach Slack at http://127.0.0.1:${port}/api/: connection refused by 127.0.0.1:${port} (ECONNREFUSED): check SLACK_API_URL, a proxy or a firewall`,
    );
    expect(ms).toBeLessThan(8_000);
  });

  it('gives up on a name that does not resolve with the reason', async () => {
    const { line, ms } = await refusal(launch(await memoryEnv('http://nonexistent.invalid/api/')));
    expect(line).toMatch(
      /^baton: could not reach Slack at http:\/\/nonexistent\.invalid\/api\/: DNS lookup of nonexistent\.invalid failed \((ENOTFOUND|EAI_AGAIN)\)/,
    );
    expect(ms).toBeLessThan(14_000);
  });

  it("gives up on Slack's invalid_auth at once, naming the code", async () => {
    const wrong = 'xoxb-1000000001-2000000002-RevokedToken00000001';
    const { line, ms } = await refusal(
      launch({ ...(await memoryEnv(slack.apiUrl)), SLACK_BOT_TOKEN: wrong }),
    );
    expect(line).toMatch(/^baton: Slack rejected SLACK_BOT_TOKEN \(invalid_auth\): check the token/);
    expect(ms).toBeLessThan(8_000);
  });

  it('gives up on a server that accepts and never answers, well within 15 s', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as { port: number }).port;
    try {
      const { line, ms } = await refusal(launch(await memoryEnv(`http://127.0.0.1:${port}/api/`)));
      expect(line).toBe(
        `baton: could not reach Slack at http://127.0.0.1:${port}/api/: no answer within 10 s (timeout): check the network, a proxy or SLACK_API_URL`,
      );
      expect(sockets.length).toBeGreaterThan(0); // it did connect
      expect(ms).toBeLessThan(14_000);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((r) => silent.close(r));
    }
  }, 30_000);
});
