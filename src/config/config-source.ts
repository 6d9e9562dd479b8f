import type { WorkspaceConfig } from './workspace-schema.js';

/** Where code reads a workspace's configuration: always the current version. */
export interface ConfigSource {
  for(teamId: string): WorkspaceConfig;
}

/** One fixed configuration for every workspace (tests, tools). */
export function fixedConfig(config: WorkspaceConfig): ConfigSource {
  return { for: () => config };
}
