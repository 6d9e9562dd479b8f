import type { WorkspaceConfig } from '../config/workspace-schema.js';
import type { Database } from '../db/client.js';

/** The weekly retro: opening the thread, notes, nudges and the close (docs/retro.md). */
export class RetroService {
  constructor(
    readonly database: Database,
    readonly config: WorkspaceConfig,
  ) {}
}
