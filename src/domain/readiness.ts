import type { WorkspaceConfig } from '../config/workspace-schema.js';
import { isSeller } from './roles.js';

/** Something a workspace still needs before leads can flow. */
export type MissingSetting = { kind: 'leads_channel'; segment: string } | { kind: 'seller' };

/**
 * What is still required: a leads channel for every segment and at least one seller. An empty
 * list means Baton can take leads; everything else has a working default.
 */
export function readiness(config: WorkspaceConfig): MissingSetting[] {
  const missing: MissingSetting[] = config.segments
    .filter((segment) => !config.channels.leads[segment])
    .map((segment) => ({ kind: 'leads_channel', segment }));
  if (!config.roster.some((m) => isSeller(m.roles))) missing.push({ kind: 'seller' });
  return missing;
}

/** Stable words for an API answer: `leads_channel:smb`, `seller`. */
export function missingKey(item: MissingSetting): string {
  return item.kind === 'leads_channel' ? `leads_channel:${item.segment}` : item.kind;
}
