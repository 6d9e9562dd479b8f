/**
 * One sandbox: the Slack emulator on 127.0.0.1 and the real Baton talking to it, with a signed-request
 * driver ready for the page (next slice) to act as any emulator user. Baton starts unconfigured and
 * is set up from the admin's App Home, as in a new Slack workspace.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type BatonChild, startBatonChild } from './baton-child.js';
import { generateCredentials } from './credentials.js';
import { demoWorkspace } from './demo-workspace.js';
import { freePort } from './free-port.js';
import { PageApi } from './page-api.js';
import { FakeSlack } from './slack-emulator/index.js';
import { SlackDriver } from './slack-emulator/slack-driver.js';

export interface SandboxOptions {
  /** The sandbox's directory (`.baton-sandbox/`): Baton's data, its log and `session.json`. */
  dir: string;
  /** Baton's compiled entry point. */
  batonMain: string;
  /** The emulator's port; 0 picks a free one. */
  port: number;
  /** Baton's port; default a free one. */
  batonPort?: number;
  /** The built page (default dist/sandbox/web beside the compiled sandbox). */
  webDir?: string;
}

export interface Sandbox {
  /** Where the emulator answers (its read-only state view is at `/`). */
  url: string;
  slack: FakeSlack;
  baton: BatonChild;
  /** Sends Baton signed requests as the emulator's users. */
  driver: SlackDriver;
  /** The page and its API (`/sandbox/…`) on the emulator's port. */
  page: PageApi;
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

export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const credentials = generateCredentials();
  await mkdir(options.dir, { recursive: true });
  const slack = await FakeSlack.start(demoWorkspace(credentials.botToken, options.port));
  let baton: BatonChild | undefined;
  try {
    baton = startBatonChild({
      main: options.batonMain,
      dir: options.dir,
      port: options.batonPort ?? (await freePort()),
      env: {
        SLACK_BOT_TOKEN: credentials.botToken,
        SLACK_SIGNING_SECRET: credentials.signingSecret,
        SLACK_API_URL: slack.apiUrl,
        LEAD_WEBHOOK_SECRET: credentials.leadWebhookSecret,
      },
    });
    await baton.ready();
  } catch (error) {
    await baton?.stop();
    await slack.stop();
    throw error;
  }
  const session: SandboxSession = {
    url: `${slack.baseUrl}/`,
    batonUrl: baton.url,
    signingSecret: credentials.signingSecret,
    leadWebhookSecret: credentials.leadWebhookSecret,
    pid: process.pid,
    batonPid: baton.child.pid ?? 0,
  };
  // Owner-only: it holds this run's signing secret.
  await writeFile(join(options.dir, 'session.json'), `${JSON.stringify(session, null, 2)}\n`, {
    mode: 0o600,
  });
  const driver = new SlackDriver({ baseUrl: baton.url, signingSecret: credentials.signingSecret, slack });
  const page = new PageApi({ slack, driver, ...(options.webDir ? { webDir: options.webDir } : {}) });
  slack.addRoute(page.route);
  const running = baton;
  return {
    url: session.url,
    slack,
    baton: running,
    driver,
    page,
    stop: async () => {
      await running.stop();
      await slack.stop();
    },
  };
}
