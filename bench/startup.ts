/**
 * Start-up and request figures for the built app (`npm run build` first; `npm run bench` does it).
 * For each database mode it starts `node dist/main.js` against the fake Slack, measures the time
 * until /readyz answers 200, the idle RSS, and the round trip of signed `/baton help` and
 * `/baton roster` requests; then SIGTERM and the time to exit.
 *
 *   npm run bench                       embedded PGlite (fresh and reused data dir)
 *   BENCH_DATABASE_URL=postgres://… npm run bench   also PostgreSQL, in a sibling database
 *                                                   (<name>_startup; bench/scratch-database.ts)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeSlack } from '../test/harness/fake-slack.js';
import { SlackDriver } from '../test/harness/slack-driver.js';
import { SIGNING_SECRET, TEAM_ID, TEAM_USERS, TEAM_YAML } from '../test/harness/test-app.js';
import { scratchDatabaseUrl } from './scratch-database.js';

const REQUESTS = 300;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
const rssMb = (pid: number) => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/);
  return line ? Math.round(Number(line[1]) / 1024) : Number.NaN;
};

async function waitReady(url: string, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}`);
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function timeRequests(driver: SlackDriver, slack: FakeSlack, text: string) {
  const ms: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const started = performance.now();
    const res = await driver.command('/baton', text, { userId: 'U0SDR0001' });
    // help answers in the ack; other subcommands answer through response_url.
    if (text !== 'help') await slack.waitForResponse(res.responseUrl);
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  return `p50 ${percentile(ms, 0.5).toFixed(1)} ms, p95 ${percentile(ms, 0.95).toFixed(1)} ms`;
}

async function run(label: string, env: Record<string, string>, dir: string, slack: FakeSlack): Promise<void> {
  const port = 40_000 + Math.floor(Math.random() * 10_000);
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/main.js'], {
    env: {
      PATH: process.env.PATH ?? '',
      SLACK_BOT_TOKEN: 'xoxb-1000000001-2000000002-BenchBotToken0000001',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
      BATON_CONFIG: join(dir, 'baton.yaml'),
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitReady(`http://127.0.0.1:${port}/readyz`, child);
  const ready = performance.now() - started;
  const idle = rssMb(child.pid!);
  const driver = new SlackDriver({
    baseUrl: `http://127.0.0.1:${port}`,
    signingSecret: SIGNING_SECRET,
    teamId: TEAM_ID,
    slack,
  });
  const help = await timeRequests(driver, slack, 'help');
  const roster = await timeRequests(driver, slack, 'roster');
  const busy = rssMb(child.pid!);
  const stopAt = performance.now();
  const exited = new Promise<number | null>((r) => child.on('exit', r));
  child.kill('SIGTERM');
  const code = await exited;
  console.log(
    `${label.padEnd(26)} ready ${ready.toFixed(0).padStart(5)} ms | RSS idle ${idle} MB, after ${2 * REQUESTS} requests ${busy} MB | ` +
      `/baton help ${help} | /baton roster ${roster} | SIGTERM→exit ${(performance.now() - stopAt).toFixed(0)} ms (code ${code})`,
  );
}

const dir = await mkdtemp(join(tmpdir(), 'baton-bench-'));
const slack = await FakeSlack.start({ teamId: TEAM_ID, users: TEAM_USERS });
try {
  await writeFile(join(dir, 'baton.yaml'), TEAM_YAML);
  console.log(`node ${process.version}, ${REQUESTS} sequential requests per command`);
  await run('PGlite, new data dir', { BATON_DATA_DIR: join(dir, 'data') }, dir, slack);
  await run('PGlite, existing data dir', { BATON_DATA_DIR: join(dir, 'data') }, dir, slack);
  // A sibling database, not BENCH_DATABASE_URL itself: Baton writes its workspace and config there.
  if (process.env.BENCH_DATABASE_URL)
    await run(
      'PostgreSQL',
      { DATABASE_URL: await scratchDatabaseUrl(process.env.BENCH_DATABASE_URL, 'startup') },
      dir,
      slack,
    );
} finally {
  await slack.stop();
  await rm(dir, { recursive: true, force: true });
}
