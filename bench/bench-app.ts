/**
 * The app the intake benches measure: the real Baton in this process (real HTTP, real signature
 * checks, real WebClient) against the fake Slack, on the database the bench opened.
 */
import { startBaton } from '../src/app.js';
import { parseEnv } from '../src/config/env.js';
import { parseWorkspaceConfig } from '../src/config/workspace.js';
import type { Database } from '../src/db/client.js';
import { systemClock } from '../src/domain/clock.js';
import { createLogger, type Logger } from '../src/observability/logger.js';
import { FakeSlack } from '../test/harness/fake-slack.js';
import { WEBHOOK_SECRET } from '../test/harness/lead-webhook.js';
import { BOT_TOKEN, SIGNING_SECRET, TEAM_ID, TEAM_USERS, TEAM_YAML } from '../test/harness/test-app.js';

export interface BenchApp {
  baton: Awaited<ReturnType<typeof startBaton>>;
  slack: FakeSlack;
  baseUrl: string;
  stop(): Promise<void>;
}

export async function startBenchApp(
  database: Database,
  options: { logger?: Logger; jobTick?: number | null; yaml?: string } = {},
): Promise<BenchApp> {
  const slack = await FakeSlack.start({ teamId: TEAM_ID, users: TEAM_USERS });
  const baton = await startBaton({
    env: parseEnv({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      LEAD_WEBHOOK_SECRET: WEBHOOK_SECRET,
      PORT: '0',
      LOG_LEVEL: 'error',
    }),
    config: parseWorkspaceConfig(options.yaml ?? TEAM_YAML, 'bench.yaml'),
    clock: systemClock,
    database,
    logger: options.logger ?? createLogger('error'),
    slackRetries: 0,
    ...(options.jobTick !== undefined ? { jobTick: options.jobTick } : {}),
  });
  return {
    baton,
    slack,
    baseUrl: `http://127.0.0.1:${baton.port}`,
    async stop() {
      await baton.stop();
      await slack.stop();
    },
  };
}
