import type { WorkspaceConfig } from './config/workspace-schema.js';
import type { Database } from './db/client.js';
import type { Clock } from './domain/clock.js';
import type { Logger } from './observability/logger.js';
import type { BatonMetrics } from './observability/metrics.js';
import type { RosterService } from './services/roster.js';

/** What listeners, routes and jobs share; built once in app.ts. */
export interface AppContext {
  config: WorkspaceConfig;
  database: Database;
  clock: Clock;
  logger: Logger;
  metrics: BatonMetrics;
  services: {
    roster: RosterService;
  };
}
