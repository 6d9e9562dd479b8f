/**
 * Makes the demo's data directory before its Baton starts: the demo team's configuration as a
 * version an admin made in Slack, then a few months of history written by Baton's own services
 * on a clock that walks forward through it (src/sandbox/demo-history.ts).
 */
import { openLiveConfig } from '../admin/config-startup.js';
import { problemLine } from '../config/workspace.js';
import { openDatabase } from '../db/client.js';
import { createLogger } from '../observability/logger.js';
import { type DemoHistorySummary, seedDemoHistory } from './demo-history.js';
import { demoConfigDocument, SANDBOX_ADMIN, SANDBOX_TEAM, type SandboxLang } from './demo-workspace.js';

export async function seedDemo(options: {
  dataDir: string;
  lang: SandboxLang;
  /** Baton's "now" when it starts: the history ends before it. */
  now: Date;
}): Promise<DemoHistorySummary> {
  const database = await openDatabase({ dataDir: options.dataDir });
  try {
    await database.migrate();
    let at = options.now;
    const clock = { now: () => at };
    const logger = createLogger('error', { service: 'baton-sandbox-seed' }, (line) =>
      process.stderr.write(`${line}\n`),
    );
    const live = await openLiveConfig({
      database,
      clock,
      logger,
      identity: { teamId: SANDBOX_TEAM, teamName: 'Baton Sandbox', botUserId: 'U0BATONBOT' },
      file: null,
    });
    try {
      const document = demoConfigDocument(options.lang);
      const applied = await live.service.change(
        SANDBOX_TEAM,
        { actorId: SANDBOX_ADMIN, via: 'slack', source: 'sandbox demo' },
        () => document,
      );
      if (!applied.ok) {
        const why =
          applied.reason === 'invalid' ? applied.problems.map(problemLine).join('; ') : applied.reason;
        throw new Error(`the demo configuration was refused: ${why}`);
      }
      return await seedDemoHistory({
        database,
        configs: live.store,
        end: options.now,
        setClock: (next) => {
          at = next;
        },
      });
    } finally {
      await live.stop();
    }
  } finally {
    await database.close();
  }
}
