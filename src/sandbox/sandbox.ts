/**
 * One sandbox: the Slack emulator on 127.0.0.1 and the real Baton talking to it, with a signed-request
 * driver ready for the page to act as any emulator user, and the scenario controls (leads, time,
 * reset) on the emulator's port. Baton starts unconfigured and is set up from the admin's App Home,
 * as in a new Slack workspace, or (demo) configured with a few months of history.
 *
 * Files in the sandbox's directory: `data/` (Baton's embedded database), `baton.log`,
 * `session.json`, `clock.json` (how far Baton's clock runs ahead of real time) and `workspace.json`
 * (which team and mode the data belongs to).
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { signWebhook } from '../http/webhook-auth.js';
import { type BatonChild, startBatonChild } from './baton-child.js';
import type { ClockStep } from './clock-jumps.js';
import { generateCredentials } from './credentials.js';
import { demoUsers, demoWorkspace, type SandboxWorkspace } from './demo-workspace.js';
import { freePort } from './free-port.js';
import type { BatonStatus } from './page/types.js';
import { PageApi } from './page-api.js';
import { scenarioRoutes } from './scenarios-api.js';
import { FakeSlack } from './slack-emulator/index.js';
import { SlackDriver } from './slack-emulator/slack-driver.js';
import { type SourceWatch, watchSources } from './source-watch.js';

export interface SandboxOptions {
  /** The sandbox's directory (`.baton-sandbox/`). */
  dir: string;
  /** Baton's compiled sandbox entry (dist/sandbox/baton-entry.js). */
  batonMain: string;
  /** The emulator's port; 0 picks a free one. */
  port: number;
  /** Baton's port; default a free one. */
  batonPort?: number;
  /** The built page (default dist/sandbox/web beside the compiled sandbox). */
  webDir?: string;
  /**
   * The workspace to run. Left out, each part is what the directory last ran (else empty, English);
   * one that differs from the directory's starts over.
   */
  workspace?: Partial<SandboxWorkspace>;
  /** Runs Baton from source and restarts it on each save (`--dev`). */
  dev?: SandboxDev;
  /**
   * The demo seed's code identity (the bundle's build stamp): a demo start copies the data seeded
   * by the same code this week from `<dir>/demo-cache/` instead of seeding again. Left out, no cache.
   */
  demoCache?: string;
  /** Start-up notes (the demo seed's time), one line each. */
  log?: (line: string) => void;
}

/**
 * `--dev`: a save under `watch` restarts Baton on the same data, clock and emulator (Slack keeps its
 * messages when an app restarts). A start that fails (a syntax error) or a crash leaves the sandbox
 * up, reporting it; the next save tries again.
 */
export interface SandboxDev {
  /** Folders whose changes restart Baton. */
  watch: string[];
  /** Folders under those that do not (the page's own sources). */
  ignore?: string[];
  /**
   * Builds Baton from the sources before each start and returns the entry to run instead of
   * `batonMain`; throws, naming the file, when they do not compile.
   */
  build(): Promise<string>;
  /** After Baton's last stop: frees what `build` holds. */
  close?(): Promise<void>;
  /** Each change of Baton's status, for the terminal. */
  report?(status: BatonStatus): void;
}

export interface SandboxClock {
  /** How far Baton's (and the emulator's) clock runs ahead of real time. */
  readonly offsetMs: number;
  now(): Date;
}

export interface Sandbox {
  /** Where the emulator answers (its read-only state view is at `/`). */
  url: string;
  slack: FakeSlack;
  /** The Baton now running (a new process after each reset). */
  readonly baton: BatonChild;
  /** Sends Baton signed requests as the emulator's users. */
  driver: SlackDriver;
  /** The page and its API (`/sandbox/…`) on the emulator's port. */
  page: PageApi;
  readonly workspace: SandboxWorkspace;
  clock: SandboxClock;
  /** Moves Baton's clock forward and runs what fell due. */
  advance(step: ClockStep): Promise<{ now: string; offsetMs: number }>;
  /** Sends a lead through Baton's signed intake webhook; Baton's answer. */
  sendLead(body: unknown): Promise<{ status: number; body: unknown }>;
  /** Stops Baton, forgets the emulator's messages and Baton's data, and starts again. */
  reset(workspace: SandboxWorkspace): Promise<void>;
  /** Baton's generation and state (`--dev` keeps running through failed starts). */
  readonly batonStatus: BatonStatus;
  /** Resolves when Baton exits on its own (not through stop or reset); never with `--dev`. */
  crashed: Promise<{ code: number | null; logFile: string }>;
  stop(): Promise<void>;
}

/** What another process (a test, the page's dev server) needs to talk to this sandbox's Baton. */
export interface SandboxSession {
  url: string;
  batonUrl: string;
  signingSecret: string;
  leadWebhookSecret: string;
  pid: number;
  batonPid: number;
}

async function readJson<T>(path: string): Promise<Partial<T> | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as Partial<T>;
  } catch {
    return undefined;
  }
}

export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const { dir } = options;
  const files = {
    data: join(dir, 'data'),
    clock: join(dir, 'clock.json'),
    workspace: join(dir, 'workspace.json'),
    session: join(dir, 'session.json'),
  };
  await mkdir(dir, { recursive: true });
  const stored = await readJson<SandboxWorkspace>(files.workspace);
  let workspace: SandboxWorkspace = {
    mode: options.workspace?.mode ?? stored?.mode ?? 'empty',
    lang: options.workspace?.lang ?? stored?.lang ?? 'en',
  };
  const wipe = async () => {
    await rm(files.data, { recursive: true, force: true });
    await rm(files.clock, { force: true });
  };
  if (stored && (stored.mode !== workspace.mode || stored.lang !== workspace.lang)) await wipe();
  // An older sandbox's data without workspace.json: it was the empty English team.
  if (!stored && existsSync(files.data) && (workspace.mode !== 'empty' || workspace.lang !== 'en'))
    await wipe();
  await writeFile(files.workspace, `${JSON.stringify(workspace)}\n`);

  let offsetMs = (await readJson<{ offsetMs: number }>(files.clock))?.offsetMs ?? 0;
  if (!Number.isSafeInteger(offsetMs) || offsetMs < 0) offsetMs = 0;
  const clock: SandboxClock = {
    get offsetMs() {
      return offsetMs;
    },
    now: () => new Date(Date.now() + offsetMs),
  };

  const credentials = generateCredentials();
  const slack = await FakeSlack.start({
    ...demoWorkspace(credentials.botToken, options.port, workspace.lang),
    now: clock.now,
  });
  let batonPort: number;
  try {
    batonPort = options.batonPort ?? (await freePort());
  } catch (error) {
    await slack.stop();
    throw error;
  }

  let baton: BatonChild | undefined;
  let expectExit = false;
  let reportCrash: (crash: { code: number | null; logFile: string }) => void = () => {};
  const crashed = new Promise<{ code: number | null; logFile: string }>((resolve) => {
    reportCrash = resolve;
  });

  const { dev } = options;
  let status: BatonStatus = { generation: 0, state: 'starting', dev: dev !== undefined };
  let page: PageApi | undefined;
  const setStatus = (next: Omit<BatonStatus, 'dev'>) => {
    status = { ...next, dev: status.dev };
    page?.setBaton(status);
    dev?.report?.(status);
  };
  const tail = async (logFile: string) => (await readFile(logFile, 'utf8').catch(() => '')).slice(-2000);

  /** Starts Baton; `--dev` builds it first, so the Baton `before` stops serves during the build. */
  const launch = async (cause?: string, before?: () => Promise<void>) => {
    const generation = status.generation + 1;
    setStatus({ generation, state: 'starting', ...(cause ? { cause } : {}) });
    let main = options.batonMain;
    if (dev) {
      try {
        main = await dev.build();
      } catch (error) {
        await before?.();
        setStatus({
          generation,
          state: 'failed',
          error: error instanceof Error ? error.message : String(error),
        });
        return;
      }
    }
    await before?.();
    if (workspace.mode === 'demo' && !existsSync(files.data)) {
      const started = performance.now();
      // Loaded only for a demo (the seed opens the embedded database in this process, before Baton does).
      const { prepareDemoData } = await import('./demo-cache.js');
      const how = await prepareDemoData({
        dataDir: files.data,
        lang: workspace.lang,
        now: clock.now(),
        ...(options.demoCache ? { cache: { dir: join(dir, 'demo-cache'), code: options.demoCache } } : {}),
      });
      options.log?.(
        `${how === 'cached' ? 'copied the demo from its cache' : 'seeded the demo'} in ${Math.round(performance.now() - started)} ms`,
      );
    }
    const child = startBatonChild({
      main,
      dir,
      port: batonPort,
      offsetMs,
      env: {
        SLACK_BOT_TOKEN: credentials.botToken,
        SLACK_SIGNING_SECRET: credentials.signingSecret,
        SLACK_API_URL: slack.apiUrl,
        LEAD_WEBHOOK_SECRET: credentials.leadWebhookSecret,
      },
    });
    baton = child;
    expectExit = false;
    void child.exited.then(async (code) => {
      if (expectExit || baton !== child) return;
      // A failed start is reported by ready() below; a crash after it waits for the next save.
      if (!dev) reportCrash({ code, logFile: child.logFile });
      else if (status.generation === generation && status.state === 'ready')
        setStatus({
          generation,
          state: 'failed',
          error: `Baton exited with ${code}\n${await tail(child.logFile)}`,
        });
    });
    try {
      await child.ready();
    } catch (error) {
      if (!dev) throw error;
      expectExit = true;
      await child.stop();
      setStatus({
        generation,
        state: 'failed',
        error: error instanceof Error ? error.message : String(error),
      });
      return;
    }
    setStatus({ generation, state: 'ready', ...(cause ? { cause } : {}) });
    const session: SandboxSession = {
      url: `${slack.baseUrl}/`,
      batonUrl: child.url,
      signingSecret: credentials.signingSecret,
      leadWebhookSecret: credentials.leadWebhookSecret,
      pid: process.pid,
      batonPid: child.child.pid ?? 0,
    };
    // Owner-only: it holds this run's signing secret.
    await writeFile(files.session, `${JSON.stringify(session, null, 2)}\n`, { mode: 0o600 });
  };
  const stopBaton = async () => {
    expectExit = true;
    await baton?.stop();
  };

  try {
    await launch();
  } catch (error) {
    await stopBaton();
    await slack.stop();
    throw error;
  }

  // One control at a time: a reset must not start while a clock move or a lead is on its way.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => {});
    return run;
  };

  const driver = new SlackDriver({
    baseUrl: `http://127.0.0.1:${batonPort}`,
    signingSecret: credentials.signingSecret,
    slack,
  });
  page = new PageApi({ slack, driver, ...(options.webDir ? { webDir: options.webDir } : {}) });
  page.setBaton(status);
  slack.addRoute(page.route);

  // One restart waits at a time: saves during a restart start one more, after it.
  let restartQueued = false;
  const watcher: SourceWatch | undefined =
    dev &&
    watchSources(dev.watch, dev.ignore ?? [], (file) => {
      if (restartQueued) return;
      restartQueued = true;
      void serial(async () => {
        restartQueued = false;
        const near = relative(process.cwd(), file);
        await launch(near.startsWith('..') ? file : near, stopBaton);
      });
    });
  const sandbox: Sandbox = {
    url: `${slack.baseUrl}/`,
    slack,
    get baton() {
      return baton!;
    },
    driver,
    page,
    get workspace() {
      return { ...workspace };
    },
    clock,
    advance: (step) =>
      serial(async () => {
        const moved = await baton!.advance(step);
        offsetMs = moved.offsetMs;
        await writeFile(files.clock, `${JSON.stringify({ offsetMs })}\n`);
        return { now: moved.now, offsetMs };
      }),
    sendLead: (body) =>
      serial(async () => {
        const raw = JSON.stringify(body);
        // Signed with Baton's clock, which the window check reads.
        const timestamp = Math.floor(clock.now().getTime() / 1000);
        const res = await fetch(`${baton!.url}/api/leads`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-baton-timestamp': String(timestamp),
            'x-baton-signature': signWebhook(credentials.leadWebhookSecret, timestamp, raw),
          },
          body: raw,
        });
        const text = await res.text();
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {}
        return { status: res.status, body: parsed };
      }),
    reset: (next) =>
      serial(async () => {
        await stopBaton();
        slack.reset({ state: true });
        // Same ids in both teams: the new names, zones and locales replace the old ones.
        for (const user of demoUsers(next.lang)) slack.addUser(user);
        await wipe();
        offsetMs = 0;
        workspace = { ...next };
        await writeFile(files.workspace, `${JSON.stringify(workspace)}\n`);
        await launch();
        // Open modals belonged to the old Baton; pages waiting for updates reload.
        page.reset();
      }),
    get batonStatus() {
      return { ...status };
    },
    crashed,
    stop: async () => {
      watcher?.close();
      await queue;
      await stopBaton();
      await dev?.close?.();
      await slack.stop();
    },
  };
  for (const route of scenarioRoutes(sandbox)) slack.addRoute(route);
  return sandbox;
}
