/** The top-level schema of baton.yaml: the sections plus the checks across them. */
import {
  acrossSections,
  checkHubspotStages,
  checkLabelReferences,
  checkLeadChannels,
  checkQualificationReferences,
  checkRosterReferences,
  checkRoutingReferences,
  checkStageReferences,
} from './cross-checks.js';
import { fileShape } from './file-shape.js';

/** The whole file, validated but not yet normalized (workspace.ts turns it into a WorkspaceConfig). */
export const workspaceFileSchema = fileShape
  .superRefine(...acrossSections(['segments', 'channels'], checkLeadChannels))
  .superRefine(...acrossSections(['segments', 'roster', 'calendar'], checkRosterReferences))
  .superRefine(...acrossSections(['segments', 'routing', 'sla'], checkRoutingReferences))
  .superRefine(...acrossSections(['stages', 'routing', 'cadence', 'funnel'], checkStageReferences))
  .superRefine(...acrossSections(['segments', 'stages', 'qualification'], checkQualificationReferences))
  .superRefine(...acrossSections(['segments', 'stages', 'labels'], checkLabelReferences))
  .superRefine(...acrossSections(['stages', 'hubspot'], checkHubspotStages));
