import type { ConfigSource } from '../../src/config/config-source.js';
import type { WorkspaceConfig } from '../../src/config/workspace-schema.js';

/**
 * A configuration source a test changes while the app runs, as a new stored version would be:
 * the next operation reads the new one, operations already under way keep what they resolved.
 */
export class SwappableConfig implements ConfigSource {
  #current: WorkspaceConfig;

  constructor(config: WorkspaceConfig) {
    this.#current = config;
  }

  for(_teamId: string): WorkspaceConfig {
    return this.#current;
  }

  set(config: WorkspaceConfig): void {
    this.#current = config;
  }
}
