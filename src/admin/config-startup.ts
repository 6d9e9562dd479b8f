/**
 * Start-up of the versioned configuration: load every workspace's current version, apply the config
 * file (if there is one) as a version when it differs, then follow changes live.
 */
import { problemLine } from '../config/workspace.js';
import type { Database } from '../db/client.js';
import { ensureWorkspace } from '../db/queries/config-versions.js';
import type { Clock } from '../domain/clock.js';
import { StartupError } from '../errors.js';
import type { Logger } from '../observability/logger.js';
import { type SlackIdentity, workspaceSettings } from '../services/workspace-setup.js';
import { ConfigFileWatcher } from './config-file.js';
import { ConfigService } from './config-service.js';
import type { ConfigDocument } from './config-store.js';
import { ConfigStore, UNCONFIGURED } from './config-store.js';

/** The config file as read at start (already validated on its own by main or the caller). */
export interface ConfigFileInput {
  path: string;
  document: ConfigDocument;
  /** Watch the file for changes (processes do; in-process tests apply by hand). */
  watch?: boolean;
}

export interface LiveConfig {
  store: ConfigStore;
  service: ConfigService;
  /** Null without a config file. */
  file: ConfigFileWatcher | null;
  /** Starts polling and watching (after the app is up). */
  start(): void;
  stop(): Promise<void>;
}

export async function openLiveConfig(options: {
  database: Database;
  clock: Clock;
  logger: Logger;
  identity: SlackIdentity;
  file: ConfigFileInput | null;
  pollMs?: number | undefined;
}): Promise<LiveConfig> {
  const { database, clock, logger, identity, file } = options;
  const teamId = identity.teamId;
  const store = new ConfigStore(database, logger, options.pollMs);
  const service = new ConfigService(database, store, clock);
  // The workspace row exists from the first start, configured or not (its version starts null).
  await ensureWorkspace(
    database.db,
    { teamId, teamName: identity.teamName ?? null, botUserId: identity.botUserId ?? null },
    workspaceSettings(UNCONFIGURED, clock.now()),
  );
  await store.load();
  if (file) {
    const named = file.document.team_id;
    if (typeof named === 'string' && named !== teamId) {
      throw new StartupError(
        `team_id in the config file is ${named}, but SLACK_BOT_TOKEN belongs to workspace ${teamId}`,
      );
    }
    const applied = await service.applyFile(teamId, file.path, file.document);
    if (!applied.ok && applied.reason === 'invalid') {
      // Valid alone, but not with what Slack set for the keys the file does not write.
      throw new StartupError(applied.problems.map((p) => `${file.path}: ${problemLine(p)}`).join('\n'));
    }
    if (applied.ok) {
      logger.info('config file applied', {
        file: file.path,
        version: applied.version,
        changes: applied.changes.length,
      });
    }
  }
  const watcher = file ? new ConfigFileWatcher(file.path, teamId, service, logger) : null;
  return {
    store,
    service,
    file: watcher,
    start() {
      store.start();
      if (file?.watch) watcher?.start();
    },
    async stop() {
      watcher?.stop();
      await store.stop();
    },
  };
}
