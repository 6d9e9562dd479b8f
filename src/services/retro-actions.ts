import type { WorkspaceConfig } from '../config/workspace-schema.js';
import type { Database } from '../db/client.js';

/** Retro action items: added from the parent or a reply, answered from the owner's DM, carried over. */
export class ActionItemService {
  constructor(
    readonly database: Database,
    readonly config: WorkspaceConfig,
  ) {}
}
