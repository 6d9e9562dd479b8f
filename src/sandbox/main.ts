/**
 * `npm run sandbox`: Baton without Slack. Starts the Slack emulator on 127.0.0.1 and the compiled
 * Baton against it (with --dev, Baton from src/, restarted on each save), prints one line with the
 * URL and the time to ready, and stops both on Ctrl-C or SIGTERM. Baton's own entry point
 * (src/main.ts) never imports this folder.
 */

import { readFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SANDBOX_LANGS, type SandboxLang, type SandboxWorkspace } from './demo-workspace.js';
import { type DevBuild, devBuild } from './dev-build.js';
import type { BatonStatus } from './page/types.js';
import { type SandboxDev, startSandbox } from './sandbox.js';

const DEFAULT_PORT = 4400;

export const HELP = `Usage: npm run sandbox [-- options]

Starts Baton with a Slack emulator on 127.0.0.1 (no Slack workspace needed) and prints its URL.

Options:
  --lang en|ko   the English team (New York) or the Korean team (Seoul)
  --demo         Baton set up, with a few months of history (/funnel, the chart and the retro show it)
  --empty        Baton not set up: the admin's Home shows the set-up checklist (the default)
  --dev          Baton is rebuilt from src/ and restarted on each save, keeping its data, clock and Slack
                 (also: npm run sandbox:dev)
  --help         this text

Without --lang, --demo or --empty the sandbox starts as it was last time; a different choice starts over.
Environment: SANDBOX_PORT (default ${DEFAULT_PORT}), BATON_SANDBOX_DIR (default .baton-sandbox).
`;

function fail(message: string): never {
  process.stderr.write(`baton sandbox: ${message}\n`);
  process.exit(1);
}

const failed = (error: unknown): never => fail(error instanceof Error ? error.message : String(error));

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
  dev: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function flags(): { workspace: Partial<SandboxWorkspace>; dev: boolean } {
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
  const workspace = {
    ...(values.lang ? { lang: values.lang as SandboxLang } : {}),
    ...(values.demo ? { mode: 'demo' as const } : values.empty ? { mode: 'empty' as const } : {}),
  };
  return { workspace, dev: values.dev === true };
}

/** dist/sandbox/main.js → the repository, whose src/ `--dev` runs and watches. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** One line per restart; a failed start prints Baton's last words and waits for the next save. */
function reportStatus(): (status: BatonStatus) => void {
  let since = performance.now();
  return (status) => {
    const say = (line: string) => process.stderr.write(`baton sandbox: ${line}\n`);
    if (status.state === 'starting') {
      since = performance.now();
      if (status.cause) say(`${status.cause} changed: restarting Baton…`);
    } else if (status.state === 'ready' && status.generation > 1) {
      say(`Baton restarted in ${((performance.now() - since) / 1000).toFixed(1)} s`);
    } else if (status.state === 'failed') {
      say(`Baton is not running; it starts again on the next save:\n${status.error ?? ''}`);
    }
  };
}

function devOptions(build: DevBuild): SandboxDev {
  const src = join(ROOT, 'src');
  // BATON_SANDBOX_WATCH: more folders to watch (the tests' own entry point lives outside src/).
  const extra = (process.env.BATON_SANDBOX_WATCH ?? '').split(delimiter).filter(Boolean);
  return {
    watch: [src, ...extra.map((path) => resolve(path))],
    ignore: [join(src, 'sandbox/web')],
    ...build,
    report: reportStatus(),
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
  const { workspace, dev } = flags();
  // dist/sandbox/main.js → dist/sandbox/baton-entry.js, or its source with --dev; a test may point at its own.
  const entry = dev
    ? join(ROOT, 'src/sandbox/baton-entry.ts')
    : fileURLToPath(new URL('./baton-entry.js', import.meta.url));
  const sandbox = await startSandbox({
    dir: resolve(process.env.BATON_SANDBOX_DIR || '.baton-sandbox'),
    batonMain: process.env.BATON_SANDBOX_MAIN || entry,
    port: port(process.env.SANDBOX_PORT),
    workspace,
    ...(dev
      ? { dev: devOptions(await devBuild(process.env.BATON_SANDBOX_MAIN || entry, ROOT).catch(failed)) }
      : {}),
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
  if (dev) process.stderr.write('baton sandbox: --dev: Baton restarts when a file under src/ is saved\n');

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
