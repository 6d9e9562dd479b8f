import type { WorkspaceConfig } from '../config/workspace-schema.js';
import type { Database } from '../db/client.js';

/** A person's own Baton settings (`/baton settings`): retro DMs on or off. */
export class SettingsService {
  constructor(
    readonly database: Database,
    readonly config: WorkspaceConfig,
  ) {}
}
