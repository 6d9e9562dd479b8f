/**
 * Baton's start-up as a function: src/main.ts calls it with nothing, so production runs exactly this
 * code; the sandbox's entry (src/sandbox/baton-entry.ts) passes a clock it can move forward. Only the
 * environment check is imported up front so a misconfigured process says what is wrong and exits
 * within moments, before the heavy modules load.
 */
import { setFlagsFromString } from 'node:v8';
import { EnvError, loadEnv } from './config/env.js';
import type { Clock } from './domain/clock.js';

const SHUTDOWN_LIMIT_MS = 9_000;

export interface RunOptions {
  /** Baton's "now"; the system clock when absent. */
  clock?: Clock;
}

/** What a caller of `runBaton` may reach once Baton is up. */
export type RunningBaton = Awaited<ReturnType<typeof import('./app.js').startBaton>>;

function fail(message: string): never {
  process.stderr.write(`baton: ${message}\n`);
  process.exit(1);
}

/**
 * V8's nursery (new space) doubles each time much of it survives a scavenge, and start-up is almost
 * all survivors: module code and the objects it keeps. Growing for them leaves two 16 MB semi-spaces
 * resident for good, about 15 MB of an idle process's RSS (issue 16). So the nursery keeps its
 * first size until Baton is ready and may grow again as work needs it from then on.
 */
const NURSERY_GROWTH = { starting: 1, ready: 2 } as const;

/**
 * What runs hot during start-up runs once (zod reading the config, drizzle building the start-up
 * queries), yet TurboFan optimises it on V8's worker threads, whose malloc arenas keep what those
 * compiles freed: 0–5 MB of an idle process's RSS, a different amount each start (issue 16). So
 * start-up runs on the interpreter and the baseline compiler, and TurboFan optimises from ready on,
 * for the work that repeats.
 */
const OPTIMISING = { starting: '--no-turbofan', ready: '--turbofan' } as const;

/**
 * Every Slack API call goes through Node's fetch, which parses HTTP with llhttp, a WebAssembly
 * module compiled at the first call (auth.test, at start-up). V8 then recompiles its busy functions
 * with TurboFan on its worker threads, and those threads' malloc arenas keep what the compile
 * freed: 0–15 MB of an idle process's RSS, a different amount each start (issue 16). Liftoff's
 * code parses Baton's few Slack responses fast enough; PGlite's engine runs on it too
 * (db/pglite-settings.ts). Set before any WebAssembly is compiled: it applies to later compiles.
 */
const WASM_BASELINE_ONLY = '--liftoff-only';

async function start(options: RunOptions): Promise<RunningBaton> {
  setFlagsFromString(WASM_BASELINE_ONLY);
  setFlagsFromString(`--semi-space-growth-factor=${NURSERY_GROWTH.starting}`);
  setFlagsFromString(OPTIMISING.starting);
  try {
    return await startBatonProcess(options);
  } finally {
    setFlagsFromString(`--semi-space-growth-factor=${NURSERY_GROWTH.ready}`);
    setFlagsFromString(OPTIMISING.ready);
  }
}

async function startBatonProcess(options: RunOptions): Promise<RunningBaton> {
  let env: ReturnType<typeof loadEnv>;
  try {
    env = loadEnv();
  } catch (error) {
    if (error instanceof EnvError) fail(error.message);
    throw error;
  }
  const [{ ConfigFileError, loadWorkspaceDocument }, { configFilePath }] = await Promise.all([
    import('./config/workspace.js'),
    import('./admin/config-file.js'),
  ]);
  // BATON_CONFIG when set, else ./baton.yaml when present, else none: Baton runs on the database's
  // current version, or starts unconfigured and is set up from Slack.
  const path = configFilePath(process.env.BATON_CONFIG || undefined);
  let file: { path: string; document: Record<string, unknown>; watch: boolean } | null = null;
  try {
    if (path) file = { path, document: loadWorkspaceDocument(path), watch: true };
  } catch (error) {
    if (error instanceof ConfigFileError) fail(error.message);
    throw error;
  }

  // The embedded data directory is locked before the app loads, so a second process is refused at once.
  const [{ acquireDataDirLock, onDiskPath }, { StartupError }] = await Promise.all([
    import('./db/data-dir-lock.js'),
    import('./errors.js'),
  ]);
  const lockPath = env.DATABASE_URL ? null : onDiskPath(env.BATON_DATA_DIR);
  let dataDirLock: Awaited<ReturnType<typeof acquireDataDirLock>> | undefined;
  try {
    dataDirLock = lockPath ? await acquireDataDirLock(lockPath) : undefined;
  } catch (error) {
    if (error instanceof StartupError) fail(error.message);
    throw error;
  }

  const { startBaton } = await import('./app.js');
  let baton: RunningBaton;
  try {
    baton = await startBaton({ env, file, dataDirLock, clock: options.clock });
  } catch (error) {
    await dataDirLock?.release().catch(() => {});
    if (error instanceof StartupError) fail(error.message);
    throw error;
  }

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    baton.context.logger.info('shutting down', { signal });
    // A hung dependency must not keep the process past its orchestrator's grace period.
    setTimeout(() => {
      baton.context.logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS).unref();
    baton.stop().then(
      () => process.exit(0),
      (error) => {
        baton.context.logger.error('shutdown failed', { error });
        process.exit(1);
      },
    );
  };
  // SIGHUP applies the config file again, as a new version when it changed (no restart).
  process.on('SIGHUP', () => {
    baton.context.logger.info('SIGHUP: applying the config file again, if there is one');
    void baton.reloadConfigFile();
  });
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  return baton;
}

/** Starts Baton from the environment and stops it on SIGTERM/SIGINT; exits with one line when it cannot start. */
export function runBaton(options: RunOptions = {}): Promise<RunningBaton> {
  return start(options).catch((error) =>
    fail(`could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  );
}
