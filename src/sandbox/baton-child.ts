/**
 * The real, compiled Baton as a child process, configured only through its environment: the
 * sandbox's credentials, the emulator's API URL and its own data directory. It runs in that
 * directory with nothing inherited but PATH/HOME, so the user's .env, baton.yaml, DATABASE_URL or
 * Slack tokens never reach it. Its JSON log goes to a file so the terminal keeps one line.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ClockStep } from './clock-jumps.js';
import { type AdvanceReply, OFFSET_ENV } from './clock-protocol.js';

export interface BatonChildOptions {
  /** The compiled entry point (dist/main.js). */
  main: string;
  /** The sandbox's own directory; Baton's data lives in `data/`, its log in `baton.log`. */
  dir: string;
  port: number;
  env: Record<string, string>;
  /** Where Baton's clock starts ahead of real time (the sandbox entry reads it; dist/main.js ignores it). */
  offsetMs?: number;
}

export type ClockReply = Extract<AdvanceReply, { type: 'clock' }>;

export interface BatonChild {
  child: ChildProcess;
  url: string;
  logFile: string;
  /** Resolves with the exit code when the process ends. */
  exited: Promise<number | null>;
  /** Resolves once GET /readyz answers 200; rejects if Baton exits first or takes too long. */
  ready(timeoutMs?: number): Promise<void>;
  /** SIGTERM, then waits for Baton's own graceful stop (it exits by itself within 9 s). */
  stop(): Promise<number | null>;
  /** Asks the sandbox entry to move its clock by `step` and run what fell due; resolves with the new offset. */
  advance(step: ClockStep, timeoutMs?: number): Promise<ClockReply>;
}

const POLL_MS = 50;

function pick(source: NodeJS.ProcessEnv, names: string[]): Record<string, string> {
  return Object.fromEntries(names.flatMap((name) => (source[name] ? [[name, source[name]]] : [])));
}

export function startBatonChild(options: BatonChildOptions): BatonChild {
  const logFile = join(options.dir, 'baton.log');
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, [options.main], {
    cwd: options.dir,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      BATON_DATA_DIR: join(options.dir, 'data'),
      PORT: String(options.port),
      // Where a build keeps migrations and the prepared data directory, when not beside main.js.
      ...pick(process.env, ['BATON_MIGRATIONS_DIR', 'BATON_PGLITE_TEMPLATE']),
      ...options.env,
      [OFFSET_ENV]: String(options.offsetMs ?? 0),
    },
    // The IPC channel carries the sandbox's clock moves (src/sandbox/clock-protocol.ts).
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      log.end();
      resolve(code);
    }),
  );
  const url = `http://127.0.0.1:${options.port}`;

  const ready = async (timeoutMs = 60_000) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) {
        const tail = await readFile(logFile, 'utf8').catch(() => '');
        throw new Error(`Baton exited with ${child.exitCode} before it was ready:\n${tail.slice(-2000)}`);
      }
      const ok = await fetch(`${url}/readyz`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) return;
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    throw new Error(`Baton was not ready after ${timeoutMs} ms (log: ${logFile})`);
  };

  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    return exited;
  };

  let nextId = 1;
  const advance = (step: ClockStep, timeoutMs = 30_000) =>
    new Promise<ClockReply>((resolve, reject) => {
      const id = nextId++;
      const done = (error?: Error, result?: ClockReply) => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        if (error) reject(error);
        else resolve(result!);
      };
      const onMessage = (message: AdvanceReply) => {
        if (message?.id !== id) return;
        if (message.type === 'error') done(new Error(message.message));
        else done(undefined, message);
      };
      const onExit = () => done(new Error('Baton exited before it moved its clock'));
      const timer = setTimeout(
        () => done(new Error(`Baton did not move its clock within ${timeoutMs} ms`)),
        timeoutMs,
      );
      child.on('message', onMessage);
      child.on('exit', onExit);
      if (!child.connected) return done(new Error('Baton is not running'));
      child.send({ id, type: 'advance', step });
    });

  return { child, url, logFile, exited, ready, stop, advance };
}
