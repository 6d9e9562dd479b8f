/**
 * `npm run sandbox`: Baton without Slack. Starts the Slack emulator on 127.0.0.1 and the compiled
 * Baton against it, prints one line with the URL and the time to ready, and stops both on Ctrl-C or
 * SIGTERM. Baton's own entry point (src/main.ts) never imports this folder.
 */

import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { startSandbox } from './sandbox.js';

const DEFAULT_PORT = 4400;

function fail(message: string): never {
  process.stderr.write(`baton sandbox: ${message}\n`);
  process.exit(1);
}

function port(value: string | undefined): number {
  if (!value?.trim()) return DEFAULT_PORT;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    fail(`SANDBOX_PORT must be a port number 0–65535, got ${value}`);
  return n;
}

async function main(): Promise<void> {
  const sandbox = await startSandbox({
    dir: resolve(process.env.BATON_SANDBOX_DIR || '.baton-sandbox'),
    // dist/sandbox/main.js → dist/main.js; a test may point at its own bundle.
    batonMain: process.env.BATON_SANDBOX_MAIN || fileURLToPath(new URL('../main.js', import.meta.url)),
    port: port(process.env.SANDBOX_PORT),
  }).catch((error: unknown) => {
    const why = error instanceof Error ? error.message : String(error);
    const busy = /EADDRINUSE/.test(why) ? ' (set SANDBOX_PORT to another port)' : '';
    return fail(`could not start: ${why}${busy}`);
  });
  // From this process's start: with `npm run sandbox` that includes the build check.
  const seconds = (performance.now() / 1000).toFixed(1);
  process.stdout.write(`Baton sandbox ready in ${seconds} s: ${sandbox.url} (Ctrl-C stops it)\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    sandbox.stop().then(
      () => process.exit(0),
      (error: unknown) => fail(`${signal}: could not stop cleanly: ${String(error)}`),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  // Baton dying on its own ends the sandbox too, with the reason.
  void sandbox.baton.exited.then(async (code) => {
    if (stopping) return;
    stopping = true;
    await sandbox.slack.stop();
    fail(`Baton exited with ${code}; see ${sandbox.baton.logFile}`);
  });
}

void main();
