import type { ServerResponse } from 'node:http';
import type { WorkspaceConfig } from '../config/workspace-schema.js';
import { missingKey, readiness } from '../domain/readiness.js';
import { sendJson } from './routes.js';

/**
 * A lead with no channel to post to or nobody to route to would only wait: answers 409 saying what
 * is missing (and returns true), or false when Baton is set up.
 */
export function refuseNotSetUp(res: ServerResponse, config: WorkspaceConfig): boolean {
  const missing = readiness(config);
  if (missing.length === 0) return false;
  sendJson(res, 409, {
    error: 'not_set_up',
    missing: missing.map(missingKey),
    message: "Baton is not set up yet: an admin opens Baton's Home in Slack and follows the checklist.",
  });
  return true;
}
