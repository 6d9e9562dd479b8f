/**
 * Start-up time and idle memory of the built app against its baseline, in one run
 * (`npm run bench:footprint` builds first):
 *
 *   bare Bolt app (bench/bare-bolt.mjs)      idle RSS: the baseline
 *   Baton, PGlite, new data directory        time to ready, idle RSS
 *   Baton, PGlite, existing data directory   time to ready, idle RSS
 *   Baton, PostgreSQL                        time to ready, idle RSS
 *
 * Every process is plain `node` (no loader), talks to the fake Slack, and is measured the same
 * way: ready = spawn until GET /readyz answers 200; idle RSS = VmRSS from /proc/<pid>/status after
 * IDLE_MS of idling once ready; CPU = user + system time the process used until ready, which the
 * machine's other load barely moves (wall time on a busy shared machine can be several times what
 * it is on an idle one; read it with the load average printed). PostgreSQL: BENCH_DATABASE_URL's
 * server, else the local one on 127.0.0.1:5432 (user postgres), in a database made for the run and
 * dropped after it.
 * ROUNDS (default 1) repeats the whole set; the machine is shared, so run it more than once.
 * BENCH_BEFORE=<another checkout, built> measures its dist/main.js too, in the same rounds, so a
 * change is compared with what it changes under the same load (e.g. `git archive main`, link
 * node_modules, `npm run build`; before the bundled build, `npx tsc -p tsconfig.build.json` was it).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { FakeSlack } from '../test/harness/fake-slack.js';
import { SIGNING_SECRET, TEAM_ID, TEAM_USERS, TEAM_YAML } from '../test/harness/test-app.js';

const IDLE_MS = Number(process.env.IDLE_MS ?? 5_000);
const ROUNDS = Number(process.env.ROUNDS ?? 1);
const LOCAL_PG = 'postgres://postgres@127.0.0.1:5432/postgres';

/** A port nothing listens on now (the OS picks it). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const rssMb = (pid: number) => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/);
  return line ? Number(line[1]) / 1024 : Number.NaN;
};
/** CPU time (user + system, all threads) the process has used: a figure the other load on the machine barely moves. */
const cpuMs = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in ticks of 1/100 s
};
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

async function waitReady(url: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}: ${stderr()}`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`not ready after 120 s: ${stderr()}`);
}

interface Figure {
  readyMs: number;
  /** CPU time used until ready. */
  cpuMs: number;
  rssMb: number;
}

async function measure(
  script: string,
  env: Record<string, string>,
  slack: FakeSlack,
  cwd = process.cwd(),
): Promise<Figure> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [script], {
    env: {
      PATH: process.env.PATH ?? '',
      SLACK_BOT_TOKEN: 'xoxb-1000000001-2000000002-BenchBotToken0000001',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
    cwd,
  });
  let stderr = '';
  child.stderr!.on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise((r) => child.on('exit', r));
  try {
    await waitReady(`http://127.0.0.1:${port}/readyz`, child, () => stderr);
    const readyMs = performance.now() - started;
    const cpu = cpuMs(child.pid!);
    await new Promise((r) => setTimeout(r, IDLE_MS));
    return { readyMs, cpuMs: cpu, rssMb: rssMb(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

/**
 * A new database of the run's own, on BENCH_DATABASE_URL's server (else the local one), or null when
 * none answers. Never BENCH_DATABASE_URL itself: Baton writes its workspace and config there, next
 * to the report benches' seed.
 */
async function postgresDatabase(): Promise<{ url: string; drop(): Promise<void> } | null> {
  const server = process.env.BENCH_DATABASE_URL ?? LOCAL_PG;
  const admin = postgres(server, { max: 1, onnotice: () => {}, connect_timeout: 3 });
  const name = `baton_footprint_${process.pid}`;
  try {
    await admin.unsafe(`create database ${name}`);
  } catch {
    await admin.end();
    return null;
  }
  return {
    url: Object.assign(new URL(server), { pathname: `/${name}` }).toString(),
    async drop() {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

const fmt = (f: Figure | null, base: number) => {
  if (!f) return 'skipped';
  const ready = `ready ${f.readyMs.toFixed(0).padStart(5)} ms (CPU ${f.cpuMs.toFixed(0).padStart(5)} ms), `;
  return `${ready}idle RSS ${f.rssMb.toFixed(0).padStart(4)} MB (${(f.rssMb / base).toFixed(2)}x the baseline)`;
};

const dir = await mkdtemp(join(tmpdir(), 'baton-footprint-'));
const slack = await FakeSlack.start({ teamId: TEAM_ID, users: TEAM_USERS });
const pg = await postgresDatabase();
try {
  await writeFile(join(dir, 'baton.yaml'), TEAM_YAML);
  const baton = { BATON_CONFIG: join(dir, 'baton.yaml') };
  console.log(`node ${process.version}; idle ${IDLE_MS} ms before reading RSS; load average ${load()}`);
  const builds = [{ label: 'this checkout', cwd: process.cwd() }];
  if (process.env.BENCH_BEFORE)
    builds.unshift({ label: `before (${process.env.BENCH_BEFORE})`, cwd: process.env.BENCH_BEFORE });
  for (let round = 1; round <= ROUNDS; round++) {
    const bare = await measure(join(process.cwd(), 'bench/bare-bolt.mjs'), {}, slack);
    const base = bare.rssMb;
    console.log(`round ${round} of ${ROUNDS} (load average ${load()})`);
    console.log(
      `  bare Bolt app (baseline)      ready ${bare.readyMs.toFixed(0).padStart(5)} ms (CPU ${bare.cpuMs.toFixed(0).padStart(5)} ms), idle RSS ${base.toFixed(0).padStart(4)} MB`,
    );
    for (const build of builds) {
      const main = join(build.cwd, 'dist/main.js');
      const dataDir = join(dir, `data-${round}-${builds.indexOf(build)}`);
      const fresh = await measure(main, { ...baton, BATON_DATA_DIR: dataDir }, slack, build.cwd);
      const existing = await measure(main, { ...baton, BATON_DATA_DIR: dataDir }, slack, build.cwd);
      const onPostgres = pg
        ? await measure(main, { ...baton, DATABASE_URL: pg.url }, slack, build.cwd)
        : null;
      console.log(`  Baton, ${build.label}:`);
      console.log(`    PGlite, new data dir        ${fmt(fresh, base)}`);
      console.log(`    PGlite, existing data dir   ${fmt(existing, base)}`);
      console.log(
        `    PostgreSQL                  ${pg ? fmt(onPostgres, base) : 'skipped: no PostgreSQL (set BENCH_DATABASE_URL)'}`,
      );
    }
    console.log(`  (load average after the round: ${load()})`);
  }
  console.log(
    'targets: PGlite idle < 300 MB and ready < 2000 ms on both; PostgreSQL idle < 1.30x the baseline',
  );
} finally {
  await pg?.drop();
  await slack.stop();
  await rm(dir, { recursive: true, force: true });
}
