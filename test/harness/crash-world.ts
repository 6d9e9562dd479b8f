/**
 * What a kill -9 test needs around the compiled Baton: the fake Slack, a directory holding its
 * baton.yaml, its database (PGlite in that directory, or the shared PostgreSQL when TEST_DATABASE_URL
 * is set), and every process it launched, killed and awaited at the end. Call it inside a describe
 * block; it registers its own beforeAll/afterAll (after any the file registered before it).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { type BatonProcess, launchBaton } from './baton-process.js';
import { FakeSlack } from './fake-slack.js';
import { WEBHOOK_SECRET } from './lead-webhook.js';
import { openSharedPostgres, type SharedPostgres } from './postgres-database.js';
import { BOT_TOKEN, SIGNING_SECRET, TEAM_ID, TEAM_USERS } from './test-app.js';

export interface CrashWorld {
  readonly slack: FakeSlack;
  readonly dir: string;
  /** The shared PostgreSQL, or undefined on the embedded database (its data lives in `dir/data`). */
  readonly pg: SharedPostgres | undefined;
  /** The environment `npm start` would get, on `port`, plus `extra`. */
  env(port: number, extra?: Record<string, string>): Record<string, string>;
  /** Starts the compiled Baton in `dir`; it is killed at the end if still running. */
  launch(env: Record<string, string>): BatonProcess;
}

/** `config` is baton.yaml's text, or a function giving it once the file's own beforeAll ran. */
export function crashWorld(name: string, config: string | (() => string)): CrashWorld {
  let slack: FakeSlack | undefined;
  let dir: string | undefined;
  let pg: SharedPostgres | undefined;
  const runs: BatonProcess[] = [];

  beforeAll(async () => {
    slack = await FakeSlack.start({ teamId: TEAM_ID, users: TEAM_USERS });
    dir = await mkdtemp(join(tmpdir(), `baton-${name}-`));
    await writeFile(join(dir, 'baton.yaml'), typeof config === 'string' ? config : config());
    if (process.env.TEST_DATABASE_URL) pg = await openSharedPostgres(process.env.TEST_DATABASE_URL);
  });
  afterAll(async () => {
    for (const run of runs) if (run.child.exitCode === null) run.child.kill('SIGKILL');
    await Promise.all(runs.map((run) => run.exited));
    await slack?.stop();
    await pg?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`crashWorld: ${what} is used before beforeAll ran`);
    return value;
  };
  return {
    get slack() {
      return ready(slack, 'slack');
    },
    get dir() {
      return ready(dir, 'dir');
    },
    get pg() {
      return pg;
    },
    env(port, extra = {}) {
      return {
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: ready(slack, 'slack').apiUrl,
        LEAD_WEBHOOK_SECRET: WEBHOOK_SECRET,
        BATON_CONFIG: 'baton.yaml',
        PORT: String(port),
        LOG_LEVEL: 'info',
        ...(pg ? { DATABASE_URL: pg.url } : { BATON_DATA_DIR: join(ready(dir, 'dir'), 'data') }),
        ...extra,
      };
    },
    launch(env) {
      const run = launchBaton(env, ready(dir, 'dir'));
      runs.push(run);
      return run;
    },
  };
}
