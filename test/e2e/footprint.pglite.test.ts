/**
 * The compiled process (as `npm start` runs it) on a new embedded data directory: it starts from
 * the build's prepared directory rather than initdb, keeps V8's nursery small through start-up,
 * accepts a lead within 300 MB of RSS, loads no package an idle process does not use (the loaded
 * files are logged by test/harness/module-log.mjs), and maps the chart renderer's native library
 * only once a chart is drawn (read from /proc/<pid>/maps).
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BatonProcess, freePort, launchBaton, waitForReady } from '../harness/baton-process.js';
import { FakeSlack } from '../harness/fake-slack.js';
import { demoLead, sendLead, WEBHOOK_SECRET } from '../harness/lead-webhook.js';
import { SlackDriver } from '../harness/slack-driver.js';
import { BOT_TOKEN, SIGNING_SECRET, TEAM_ID, TEAM_USERS } from '../harness/test-app.js';
import { HANDOFF_YAML } from './support/lead-cards.js';

/** resvg's native addon (@resvg/resvg-js-linux-x64-gnu/…/resvgjs.*.node) once it is loaded. */
const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;
const rendererMapped = (pid: number) =>
  /resvgjs[^/\n]*\.node/.test(readFileSync(`/proc/${pid}/maps`, 'utf8'));
/**
 * Packages only some work needs, each a few MB of an idle process's RSS (issue 16): the chart
 * renderer and its font, the holiday calendars, the cron scheduler with its date library that
 * short wake-up ticks do not need, and OpenTelemetry, which prom-client reads only for exemplars
 * (patches/prom-client+*.patch).
 */
const NOT_WHEN_IDLE = [
  '@resvg/resvg-js',
  '@expo-google-fonts/nanum-gothic',
  'date-holidays',
  'node-schedule',
  'luxon',
  'cron-parser',
  '@opentelemetry/api',
];
/** zod's locales but English (patches/zod+*.patch): zod's index no longer loads all 50. */
const zodLocales = (log: string) =>
  readFileSync(log, 'utf8')
    .split('\n')
    .filter((url) => /\/node_modules\/zod\/.*\/locales\/(?!en\.js$)/.test(url));
const MODULE_LOG_HOOK = join(process.cwd(), 'test/harness/module-log.mjs');
/** The packages the process has loaded so far, from the files module-log.mjs listed. */
const loadedPackages = (log: string) =>
  new Set(
    readFileSync(log, 'utf8')
      .split('\n')
      .map((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1])
      .filter((name) => name !== undefined),
  );

describe('a process on a new embedded data directory', { timeout: 60_000 }, () => {
  let slack: FakeSlack;
  let dir: string;
  let run: BatonProcess;
  let port: number;

  beforeAll(async () => {
    slack = await FakeSlack.start({ teamId: TEAM_ID, users: TEAM_USERS });
    dir = await mkdtemp(join(tmpdir(), 'baton-footprint-'));
    await writeFile(join(dir, 'baton.yaml'), HANDOFF_YAML);
    port = await freePort();
    run = launchBaton(
      {
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        LEAD_WEBHOOK_SECRET: WEBHOOK_SECRET,
        PORT: String(port),
        BATON_CONFIG: 'baton.yaml',
        BATON_DATA_DIR: join(dir, 'data'),
      },
      dir,
    );
    await waitForReady(run, port);
  });
  afterAll(async () => {
    if (run && run.child.exitCode === null) run.child.kill('SIGTERM');
    await run?.exited;
    await slack?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('idles with the V8 nursery at its first size, not grown for start-up', async () => {
    // Start-up's survivors would double the new space to 2 x 16 MB of resident, empty semi-spaces
    // (run.ts). Read from the default metrics: 1 MB semi-spaces are about 2 MB in all; once ready the
    // nursery may grow for real work (8 MB was seen on a loaded CI machine), never to start-up's 32.
    const metrics = await fetch(`http://127.0.0.1:${port}/metrics`).then((r) => r.text());
    const newSpace = /nodejs_heap_space_size_total_bytes\{space="new"\} (\d+)/.exec(metrics)?.[1];
    expect(Number(newSpace) / 2 ** 20).toBeLessThan(32);
  });

  it('starts from the prepared data directory and accepts a lead', async () => {
    const up = run.logs().find((line) => line.msg === 'Baton is up');
    expect(up?.data_dir_start).toEqual({ kind: 'template', template: process.env.BATON_PGLITE_TEMPLATE });
    const res = await sendLead(`http://127.0.0.1:${port}`, demoLead('footprint', 1));
    expect(res.status).toBe(202);
    await slack.waitForCall(
      'chat.postMessage',
      (call) =>
        (call.args.metadata as { event_payload?: { lead_id?: number } } | undefined)?.event_payload
          ?.lead_id === res.json.lead_id,
      { timeoutMs: 15_000 },
    );
    // Issue 16's ceiling for the embedded database (about 190 MB measured; 375–850 MB before the
    // template, the one-team memory settings and Liftoff-only). RSS hardly depends on the machine's load.
    expect(rssMb(run.pid)).toBeLessThan(300);
  });

  it('loads the chart renderer only when a chart is drawn', async () => {
    expect(rendererMapped(run.pid)).toBe(false);
    const driver = new SlackDriver({
      baseUrl: `http://127.0.0.1:${port}`,
      signingSecret: SIGNING_SECRET,
      teamId: TEAM_ID,
      slack,
    });
    // A report alone draws nothing.
    const report = await driver.command('/funnel', 'this-week', {
      userId: 'U0MGR0001',
      channelId: 'C0GROWTH',
    });
    expect(report.status).toBe(200);
    await slack.waitForResponse(report.responseUrl);
    expect(rendererMapped(run.pid)).toBe(false);

    const chart = await driver.command('/funnel', 'this-week chart', {
      userId: 'U0MGR0001',
      channelId: 'C0GROWTH',
    });
    expect(chart.status).toBe(200);
    await slack.waitForCall('files.completeUploadExternal', undefined, { timeoutMs: 20_000 });
    expect(rendererMapped(run.pid)).toBe(true);
  });
});

// A process of its own: the module log's loader hooks grow the nursery the test above checks.
describe('an idle process', { timeout: 60_000 }, () => {
  let slack: FakeSlack;
  let dir: string;
  let run: BatonProcess;

  beforeAll(async () => {
    slack = await FakeSlack.start({ teamId: TEAM_ID, users: TEAM_USERS });
    dir = await mkdtemp(join(tmpdir(), 'baton-idle-modules-'));
    await writeFile(join(dir, 'baton.yaml'), HANDOFF_YAML);
    const port = await freePort();
    run = launchBaton(
      {
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        LEAD_WEBHOOK_SECRET: WEBHOOK_SECRET,
        PORT: String(port),
        BATON_CONFIG: 'baton.yaml',
        BATON_DATA_DIR: join(dir, 'data'),
        NODE_OPTIONS: `--import ${MODULE_LOG_HOOK}`,
        MODULE_LOG: join(dir, 'modules.log'),
      },
      dir,
    );
    await waitForReady(run, port);
  });
  afterAll(async () => {
    if (run && run.child.exitCode === null) run.child.kill('SIGTERM');
    await run?.exited;
    await slack?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('has not loaded the packages only some work needs', () => {
    const loaded = loadedPackages(join(dir, 'modules.log'));
    // The log works: packages start-up needs are in it.
    expect(loaded).toContain('@slack/bolt');
    expect(loaded).toContain('@electric-sql/pglite');
    expect(NOT_WHEN_IDLE.filter((name) => loaded.has(name))).toEqual([]);
    expect(loaded).toContain('zod');
    expect(zodLocales(join(dir, 'modules.log'))).toEqual([]);
  });

  it('compiles WebAssembly with the baseline compiler only, from the first module on', () => {
    // The first is fetch's HTTP parser (llhttp), at start-up's auth.test, before PGlite's engine:
    // its optimising recompile left 0–15 MB in V8's worker threads' malloc arenas (src/run.ts).
    const lines = readFileSync(join(dir, 'modules.log'), 'utf8').split('\n');
    const liftoffOnly = lines.indexOf('v8-flag --liftoff-only');
    const firstCompile = lines.findIndex((line) => line.startsWith('wasm-compile'));
    expect(firstCompile).toBeGreaterThan(-1);
    expect(liftoffOnly).toBeGreaterThan(-1);
    expect(liftoffOnly).toBeLessThan(firstCompile);
  });

  it('optimises JavaScript with TurboFan only once ready, not what start-up runs once', () => {
    // TurboFan's compiles on V8's worker threads left 0–5 MB in their malloc arenas (src/run.ts).
    const lines = readFileSync(join(dir, 'modules.log'), 'utf8').split('\n');
    const off = lines.indexOf('v8-flag --no-turbofan');
    const app = lines.findIndex((line) => /\/(app|app-[A-Z0-9]+)\.js$/.test(line));
    expect(off).toBeGreaterThan(-1);
    expect(app).toBeGreaterThan(off);
    expect(lines.indexOf('v8-flag --turbofan')).toBeGreaterThan(app);
  });
});
