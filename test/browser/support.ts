/**
 * One sandbox and one Chromium for a browser test file: the real sandbox (emulator + the bundled
 * sandbox Baton on PGlite, demo workspace) with the page built into a temporary folder, driven by
 * playwright-core through Debian's chromium (no browser download).
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { type Sandbox, type SandboxOptions, startSandbox } from '../../src/sandbox/sandbox.js';
import { bundleSandbox } from '../harness/sandbox-bundle.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface BrowserSandbox {
  sandbox: Sandbox;
  browser: Browser;
  /** A fresh browser context (its own storage) on the page, acting as `as`. */
  open(as: string, query?: Record<string, string>): Promise<{ context: BrowserContext; page: Page }>;
  /** Saves docs/screenshots/<name>.png when SCREENSHOTS=1 (the README's pictures). */
  shot(page: Page, name: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startBrowserSandbox(workspace: SandboxOptions['workspace']): Promise<BrowserSandbox> {
  const dir = await mkdtemp(join(tmpdir(), 'baton-browser-'));
  const bundle = await bundleSandbox();
  // The bundle lives outside dist/: tell it where the migrations are.
  process.env.BATON_MIGRATIONS_DIR = join(process.cwd(), 'drizzle');
  const webDir = join(dir, 'web');
  // @ts-expect-error: a plain .mjs build script without types
  const { buildSandboxWeb } = (await import('../../scripts/build-sandbox-web.mjs')) as {
    buildSandboxWeb(options: { outDir: string; force: boolean }): Promise<boolean>;
  };
  await buildSandboxWeb({ outDir: webDir, force: true });
  const sandbox = await startSandbox({
    dir: join(dir, 'sandbox'),
    batonMain: join(bundle.dir, 'baton-entry.js'),
    port: 0,
    webDir,
    workspace,
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const shots = join(process.cwd(), 'docs/screenshots');
  return {
    sandbox,
    browser,
    open: async (as, query = {}) => {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      const params = new URLSearchParams({ as, ...query });
      await page.goto(`${sandbox.url}sandbox/?${params}`);
      return { context, page };
    },
    shot: async (page, name) => {
      if (process.env.SCREENSHOTS !== '1') return;
      await mkdir(shots, { recursive: true });
      await page.screenshot({ path: join(shots, `${name}.png`) });
    },
    stop: async () => {
      await browser.close();
      await sandbox.stop();
      await rm(dir, { recursive: true, force: true });
      await bundle.remove();
    },
  };
}
