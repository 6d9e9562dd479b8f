import type { WorkspaceConfig } from '../config/workspace-schema.js';
import type { Database } from '../db/client.js';

/** VOC capture: every path into one entry per source message, and the reverse flow to each category's channel. */
export class VocService {
  constructor(
    readonly database: Database,
    readonly config: WorkspaceConfig,
  ) {}
}

/** The reverse-flow post of an entry in its category's channel (args: { entryId }). */
export const VOC_ROUTE_PURPOSE = 'voc_route';
