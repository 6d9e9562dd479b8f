import type { WorkspaceConfig } from '../config/workspace-schema.js';
import type { Database } from '../db/client.js';

/** `/voc report`: VOC counts, competitors, tags and top quotes for a period (docs/retro.md). */
export class VocReportService {
  constructor(
    readonly database: Database,
    readonly config: WorkspaceConfig,
  ) {}
}
