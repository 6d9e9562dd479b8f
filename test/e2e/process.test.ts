import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, launchBaton as launch, waitForReady } from '../harness/baton-process.js';
import { FakeSlack } from '../harness/fake-slack.js';
import { SlackDriver } from '../harness/slack-driver.js';
import { SIGNING_SECRET, TEAM_ID, TEAM_USERS } from '../harness/test-app.js';

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
    const lines = run.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^baton: Invalid environment: SLACK_BOT_TOKEN is not set.*SLACK_SIGNING_SECRET is not set/,
    );
    expect(lines[0]).toContain('`npm run sandbox` tries Baton without Slack');
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
    expect(run.stderr()).toContain('bad.yaml: roster[0].user');
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
      const port = await freePort();
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
      await waitForReady(run, port);
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
      const logs = run.logs();
      expect(logs.map((l) => l.msg)).toEqual(
        expect.arrayContaining(['Baton is up', 'shutting down', 'Baton stopped']),
      );
      expect(run.stdout()).not.toContain('xoxb-1000000001-2000000002-ProcessTest000000001');
    } finally {
      await slack.stop();
    }
  }, 60_000);
});
