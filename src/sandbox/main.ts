/**
 * `npm run sandbox`: Baton without Slack. Starts the Slack emulator on 127.0.0.1 and the compiled
 * Baton against it, prints one line with the URL and the time to ready, and stops both on Ctrl-C or
 * SIGTERM. Baton's own entry point (src/main.ts) never imports this folder.
 */

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SANDBOX_LANGS, type SandboxLang, type SandboxWorkspace } from './demo-workspace.js';
import { startSandbox } from './sandbox.js';

const DEFAULT_PORT = 4400;

export const HELP = `Usage: npm run sandbox [-- options]

Starts Baton with a Slack emulator on 127.0.0.1 (no Slack workspace needed) and prints its URL.

Options:
  --lang en|ko   the English team (New York) or the Korean team (Seoul)
  --demo         Baton set up, with a few months of history (/funnel, the chart and the retro show it)
  --empty        Baton not set up: the admin's Home shows the set-up checklist (the default)
  --help         this text

Without --lang, --demo or --empty the sandbox starts as it was last time; a different choice starts over.
Environment: SANDBOX_PORT (default ${DEFAULT_PORT}), BATON_SANDBOX_DIR (default .baton-sandbox).
`;

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

const FLAGS = {
  lang: { type: 'string' },
  demo: { type: 'boolean' },
  empty: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function workspaceFlags(): Partial<SandboxWorkspace> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof FLAGS; strict: true }>>;
  try {
    parsed = parseArgs({ args: process.argv.slice(2), options: FLAGS, strict: true });
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)} (see --help)`);
  }
  const { values } = parsed;
  if (values.help) {
    process.stdout.write(HELP);
    process.exit(0);
  }
  if (values.demo && values.empty) fail('give one of --demo and --empty, not both');
  if (values.lang !== undefined && !(SANDBOX_LANGS as readonly string[]).includes(values.lang))
    fail(`--lang must be en or ko, got ${values.lang}`);
  return {
    ...(values.lang ? { lang: values.lang as SandboxLang } : {}),
    ...(values.demo ? { mode: 'demo' as const } : values.empty ? { mode: 'empty' as const } : {}),
  };
}

/** scripts/sandbox.mjs's stamp of the sources bundled here: the demo seed's cache is kept per stamp. */
function buildStamp(): { demoCache?: string } {
  try {
    return { demoCache: readFileSync(new URL('./.sandbox-build-stamp', import.meta.url), 'utf8') };
  } catch {
    return {};
  }
}

async function main(): Promise<void> {
  const workspace = workspaceFlags();
  const sandbox = await startSandbox({
    dir: resolve(process.env.BATON_SANDBOX_DIR || '.baton-sandbox'),
    // dist/sandbox/main.js → dist/sandbox/baton-entry.js; a test may point at its own bundle.
    batonMain: process.env.BATON_SANDBOX_MAIN || fileURLToPath(new URL('./baton-entry.js', import.meta.url)),
    port: port(process.env.SANDBOX_PORT),
    workspace,
    ...buildStamp(),
    log: (line) => process.stderr.write(`baton sandbox: ${line}\n`),
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
  // Baton dying on its own (not stopped for a reset) ends the sandbox too, with the reason.
  void sandbox.crashed.then(async ({ code, logFile }) => {
    if (stopping) return;
    stopping = true;
    await sandbox.slack.stop();
    fail(`Baton exited with ${code}; see ${logFile}`);
  });
}

void main();
