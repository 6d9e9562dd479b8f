/**
 * The config file, live, in the compiled process (as `npm start` runs it): an edit on disk is
 * applied without a restart, and so is SIGHUP after an edit the directory watch cannot see; the
 * export, given back as BATON_CONFIG to a new process, reproduces the configuration.
 */
import { mkdir, mkdtemp, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { type BatonProcess, freePort, launchBaton, waitForReady } from '../harness/baton-process.js';
import { FakeSlack } from '../harness/fake-slack.js';
import { WEBHOOK_SECRET } from '../harness/lead-webhook.js';
import { SlackDriver } from '../harness/slack-driver.js';
import { BOT_TOKEN, SIGNING_SECRET, TEAM_ID, TEAM_USERS } from '../harness/test-app.js';

const configIn = (locale: string, minutes: number) => `
locale: ${locale}
channels:
  leads: C0LEADS
roster:
  - user: U0SDR0001
    roles: [sdr]
  - user: U0MGR0001
    roles: [manager, admin]
sla:
  first_touch_minutes: ${minutes}
`;

describe('the config file, live', () => {
  let slack: FakeSlack;
  let dir: string;
  let run: BatonProcess | undefined;
  let second: BatonProcess | undefined;
  let driver: SlackDriver;

  /** The title of `/baton config history`: English or Korean, whichever the process uses now. */
  async function historyTitle(): Promise<string> {
    const res = await driver.command('/baton', 'config history', { userId: 'U0MGR0001' });
    const reply = await slack.waitForResponse(res.responseUrl, { timeoutMs: 10_000 });
    return String(reply.body.text);
  }

  beforeAll(async () => {
    slack = await FakeSlack.start({ teamId: TEAM_ID, users: TEAM_USERS });
    dir = await mkdtemp(join(tmpdir(), 'baton-config-live-'));
    // baton.yaml is a link into real/, as Kubernetes mounts a ConfigMap: replacing the link is seen
    // by the directory watch; editing real/ in place is not, and needs SIGHUP.
    await mkdir(join(dir, 'real'));
    await writeFile(join(dir, 'real', 'v1.yaml'), configIn('en', 60));
    await symlink(join(dir, 'real', 'v1.yaml'), join(dir, 'baton.yaml'));
  });
  afterAll(async () => {
    for (const p of [run, second]) if (p && p.child.exitCode === null) p.child.kill('SIGKILL');
    await Promise.all([run?.exited, second?.exited]);
    await slack?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const envFor = (port: number, dataDir: string) => ({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    LEAD_WEBHOOK_SECRET: WEBHOOK_SECRET,
    BATON_CONFIG: 'baton.yaml',
    BATON_DATA_DIR: dataDir,
    PORT: String(port),
    LOG_LEVEL: 'info',
  });

  /** `/baton config export` by the admin; returns the YAML file's text as shared in the DM. */
  async function exportFrom(through: SlackDriver): Promise<string> {
    const before = new Set(slack.files().map((f) => f.id));
    const res = await through.command('/baton', 'config export', { userId: 'U0MGR0001' });
    const reply = await slack.waitForResponse(res.responseUrl, { timeoutMs: 15_000 });
    expect(String(reply.body.text)).toMatch(
      /^Sent version \d+ of the configuration to your DM with Baton\.$/,
    );
    const file = slack.files().find((f) => f.completed && !before.has(f.id));
    return file!.bytes!.toString('utf8');
  }

  it('applies an edit on disk within seconds, and SIGHUP, without a restart', async () => {
    const port = await freePort();
    run = launchBaton(envFor(port, join(dir, 'data')), dir);
    await waitForReady(run, port);
    driver = new SlackDriver({ baseUrl: `http://127.0.0.1:${port}`, signingSecret: SIGNING_SECRET, slack });
    expect(await historyTitle()).toBe('Configuration history');

    // An editor-style replace: a new file, renamed over the old name.
    const editedAt = Date.now();
    await writeFile(join(dir, 'real', 'v2.yaml'), configIn('ko', 60));
    await symlink(join(dir, 'real', 'v2.yaml'), join(dir, 'baton.yaml.tmp'));
    await rename(join(dir, 'baton.yaml.tmp'), join(dir, 'baton.yaml'));
    await vi.waitFor(async () => expect(await historyTitle()).toBe('설정 변경 기록'), {
      timeout: 10_000,
      interval: 200,
    });
    console.log(`config file edit applied by the running process in ${Date.now() - editedAt} ms`);

    // Edited where the watch does not look: only SIGHUP brings it in.
    await writeFile(join(dir, 'real', 'v2.yaml'), configIn('en', 45));
    run.child.kill('SIGHUP');
    await vi.waitFor(async () => expect(await historyTitle()).toBe('Configuration history'), {
      timeout: 10_000,
      interval: 200,
    });
    const applied = run.logs().filter((l) => l.msg === 'config file applied');
    expect(applied.map((l) => [l.version, l.reason ?? 'start'])).toEqual([
      [1, 'start'],
      [2, 'file changed'],
      [3, 'SIGHUP'],
    ]);
    expect((applied[2]!.changes as string[]).sort()).toEqual(['locale', 'sla.first_touch_minutes']);

    // A bad edit is logged with its problem and the current version stays.
    await writeFile(join(dir, 'real', 'v2.yaml'), configIn('en', 0));
    run.child.kill('SIGHUP');
    await vi.waitFor(() =>
      expect(run!.logs().find((l) => l.msg === 'config file problem')).toMatchObject({
        problem: 'baton.yaml: sla.first_touch_minutes: must be at least 5',
      }),
    );
    expect(run.child.exitCode).toBeNull();
    expect(await historyTitle()).toBe('Configuration history');
  }, 120_000);

  it('exports YAML that, given back as BATON_CONFIG to a new Baton, reproduces the configuration', async () => {
    const exported = await exportFrom(driver);
    // A second process, its own empty database, the export as its file.
    await writeFile(join(dir, 'exported.yaml'), exported);
    const port = await freePort();
    second = launchBaton({ ...envFor(port, join(dir, 'data2')), BATON_CONFIG: 'exported.yaml' }, dir);
    await waitForReady(second, port);
    const again = await exportFrom(
      new SlackDriver({ baseUrl: `http://127.0.0.1:${port}`, signingSecret: SIGNING_SECRET, slack }),
    );
    expect(parse(again)).toEqual(parse(exported));
    expect(parse(exported)).toMatchObject({ locale: 'en', sla: { first_touch_minutes: 45 } });
  }, 120_000);
});
