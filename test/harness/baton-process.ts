import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** The compiled entry point test/global-setup.ts builds: plain node, the way `npm start` runs it. */
const MAIN = () => process.env.BATON_TEST_MAIN!;

export interface BatonProcess {
  child: ChildProcess;
  pid: number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
  stdout(): string;
  stderr(): string;
  /** The JSON log lines written so far. */
  logs(): Record<string, unknown>[];
}

/**
 * Runs Baton as its own process with only `env` (plus PATH/HOME) in `cwd`; `main` another entry
 * point (the sandbox's launcher) with its command-line `args`; `defaultPaths` leaves the migrations
 * and the prepared data directory to where the entry point finds them itself, as in production.
 */
export function launchBaton(
  env: Record<string, string>,
  cwd: string,
  options: { main?: string; args?: string[]; defaultPaths?: boolean } = {},
): BatonProcess {
  const started = Date.now();
  const child = spawn(process.execPath, [options.main ?? MAIN(), ...(options.args ?? [])], {
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      ...(options.defaultPaths
        ? {}
        : {
            // The bundle lives in a temporary directory; migrations stay in the repository.
            BATON_MIGRATIONS_DIR: join(process.cwd(), 'drizzle'),
            // …and the prepared data directory test/global-setup.ts made, as dist/ holds after a build.
            ...(process.env.BATON_PGLITE_TEMPLATE
              ? { BATON_PGLITE_TEMPLATE: process.env.BATON_PGLITE_TEMPLATE }
              : {}),
          }),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => {
    stdout += d;
  });
  child.stderr!.on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, ms: Date.now() - started })),
  );
  return {
    child,
    pid: child.pid!,
    exited,
    stdout: () => stdout,
    stderr: () => stderr,
    logs: () =>
      stdout
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

/** Resolves once GET /readyz answers 200; fails at once if the process exits first. */
export async function waitForReady(run: BatonProcess, port: number, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (run.child.exitCode !== null) {
      throw new Error(`exited early with ${run.child.exitCode}: ${run.stderr()}`);
    }
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not ready after ${timeoutMs} ms`);
}

/** A port nothing listens on now (the OS picks it), so parallel test files do not collide. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
