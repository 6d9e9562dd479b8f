import { sql } from 'drizzle-orm';
import { type Baton, startBaton } from '../../src/app.js';
import type { ConfigSource } from '../../src/config/config-source.js';
import { parseEnv } from '../../src/config/env.js';
import { parseWorkspaceDocument } from '../../src/config/workspace.js';
import type { Database } from '../../src/db/client.js';
import { createLogger, type Level } from '../../src/observability/logger.js';
import { openTestDatabase } from './database.js';
import { FakeClock } from './fake-clock.js';
import { FakeSlack, type FakeUser } from './fake-slack.js';
import { postSigned, type SendLeadOptions, sendLead, WEBHOOK_SECRET } from './lead-webhook.js';
import { SlackDriver } from './slack-driver.js';

export const SIGNING_SECRET = '0f1e2d3c4b5a69788796a5b4c3d2e1f0'; // Slack's shape: 32 hex characters
/** A bot token in Slack's shape (the start-up check refuses anything else). */
export const BOT_TOKEN = 'xoxb-1000000001-2000000002-TestAppBotToken0000001';
export const TEAM_ID = 'T0BATON';

/** A small team: two sellers, a marketer and a manager who is also the admin. */
export const TEAM_YAML = `
locale: en
channels:
  leads:
    smb: C0LEADS
    enterprise: C0ENTLEADS
roster:
  - user: U0SDR0001
    name: Sora
    roles: [sdr]
    manager: U0MGR0001
  - user: U0AE00001
    name: Minjun
    roles: [ae]
    segments: [enterprise]
    manager: U0MGR0001
  - user: U0MKT0001
    roles: [marketer]
  - user: U0MGR0001
    roles: [manager, admin]
`;

export const TEAM_USERS: FakeUser[] = [
  { id: 'U0SDR0001', name: 'sora', tz: 'Asia/Seoul' },
  { id: 'U0AE00001', name: 'minjun', tz: 'Asia/Seoul' },
  { id: 'U0MKT0001', name: 'jiwoo', tz: 'Asia/Seoul' },
  { id: 'U0MGR0001', name: 'hana', tz: 'Asia/Seoul' },
  { id: 'U0STRANGER', name: 'visitor', tz: 'America/New_York' },
];

export interface TestAppOptions {
  /** The config file's text; null starts with no file (the database's version, or unconfigured). */
  configYaml?: string | null;
  /** Reuse a database (to restart the app over the same data); otherwise a fresh one is opened. */
  database?: Database;
  clock?: FakeClock;
  slack?: FakeSlack;
  env?: Record<string, string>;
  logLevel?: Level;
  /** Where the app reads each workspace's configuration; by default the versioned store. */
  configs?: ConfigSource;
}

export interface TestApp {
  baton: Baton;
  slack: FakeSlack;
  driver: SlackDriver;
  database: Database;
  clock: FakeClock;
  baseUrl: string;
  logs: Record<string, unknown>[];
  /** POSTs a lead to /api/leads, signed with the app's own (fake) clock. */
  sendLead(body: unknown, options?: SendLeadOptions): ReturnType<typeof sendLead>;
  /** POSTs exact bytes to a webhook path (`/api/leads/7/stage`), signed with the app's clock. */
  postSigned(path: string, raw: string | Buffer, options?: SendLeadOptions): ReturnType<typeof postSigned>;
  /** Delivers every queued Slack write, moving the clock past each channel's one-per-second pacing. */
  flushOutbox(): Promise<number>;
  /**
   * Changes the config file while the app runs (without `configs` in the options): applied as a
   * new stored version, as the file watch does, so the next request, job or delivery reads it.
   * Throws on invalid YAML.
   */
  setConfig(yaml: string): Promise<void>;
  /** Stops the app; closes the database and fake Slack only if this harness opened them. */
  stop(): Promise<void>;
}

/**
 * Starts the real Baton (HTTP receiver with signature checks, WebClient over HTTP) against a
 * fake Slack and a clean database, and returns a driver that talks to it as Slack does.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const clock = options.clock ?? new FakeClock();
  // Message timestamps follow the same clock as Baton, as they would in production.
  const slack =
    options.slack ?? (await FakeSlack.start({ teamId: TEAM_ID, users: TEAM_USERS, now: () => clock.now() }));
  const database = options.database ?? (await openTestDatabase());
  const logs: Record<string, unknown>[] = [];
  const env = parseEnv({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    PORT: '0',
    LOG_LEVEL: options.logLevel ?? 'info',
    LEAD_WEBHOOK_SECRET: WEBHOOK_SECRET,
    ...options.env,
  });
  const baton = await startBaton({
    env,
    // The production path: the file applied as a version of the versioned store (not watched here).
    file:
      options.configYaml === null
        ? null
        : {
            path: 'baton.yaml',
            document: parseWorkspaceDocument(options.configYaml ?? TEAM_YAML, 'baton.yaml'),
          },
    ...(options.configs ? { configs: options.configs } : {}),
    clock,
    database,
    logger: createLogger(env.LOG_LEVEL, {}, (line) => logs.push(JSON.parse(line))),
    slackRetries: 0,
    jobTick: null,
  });
  const baseUrl = `http://127.0.0.1:${baton.port}`;
  const driver = new SlackDriver({ baseUrl, signingSecret: SIGNING_SECRET, teamId: slack.teamId, slack });
  return {
    baton,
    slack,
    driver,
    database,
    clock,
    baseUrl,
    logs,
    sendLead: (body, o = {}) => sendLead(baseUrl, body, { now: () => clock.now(), ...o }),
    postSigned: (path, raw, o = {}) => postSigned(baseUrl, path, raw, { now: () => clock.now(), ...o }),
    async setConfig(yaml) {
      if (options.configs) throw new Error('setConfig changes the stored config; this app was given its own');
      const document = parseWorkspaceDocument(yaml, 'baton.yaml');
      const result = await baton.context.services.config.applyFile(slack.teamId, 'baton.yaml', document);
      if (!result.ok && result.reason !== 'unchanged')
        throw new Error(`config not applied: ${JSON.stringify(result)}`);
    },
    async flushOutbox() {
      let sent = 0;
      for (let round = 0; round < 200; round++) {
        sent += await baton.outbox.deliverDue();
        const [{ n } = { n: 0 }] = await database.rows<{ n: number }>(
          sql`select count(*)::int as n from outbox where status = 'pending'`,
        );
        if (n === 0) return sent;
        clock.advance(1_000);
      }
      throw new Error('outbox still has pending writes after 200 s of fake time');
    },
    async stop() {
      await baton.stop();
      if (!options.database) await database.close();
      if (!options.slack) await slack.stop();
    },
  };
}
