/**
 * The workspaces' current configurations, kept in memory and followed live: every process polls the
 * version numbers (one cheap query every 2 s) and reloads the workspaces that moved; the process that
 * wrote a version takes it at once. Implements the `ConfigSource` services read from.
 */
import type { ConfigSource } from '../config/config-source.js';
import { type FoundDefaults, withWorkspaceDefaults } from '../config/workspace/workspace-defaults.js';
import { checkWorkspaceDocument, problemLine } from '../config/workspace.js';
import type { WorkspaceConfig } from '../config/workspace-schema.js';
import type { Database } from '../db/client.js';
import { currentVersions, findConfigVersion } from '../db/queries/config-versions.js';
import type { Logger } from '../observability/logger.js';
import { RepeatedFailureLog } from '../observability/repeated-failure.js';

/** The YAML-shaped document (snake_case keys, defaults not filled in). */
export type ConfigDocument = Record<string, unknown>;

export interface ConfigState {
  /** null = no version yet (unconfigured). */
  version: number | null;
  document: ConfigDocument;
  /** Top-level keys the config file manages. */
  managed: string[];
  config: WorkspaceConfig;
}

/** `previous` is what the workspace ran on before (the unconfigured config before its first version). */
export type ConfigChangeListener = (
  teamId: string,
  config: WorkspaceConfig,
  previous: WorkspaceConfig,
) => void | Promise<void>;

const POLL_MS = 2_000;

function unconfiguredConfig(): WorkspaceConfig {
  const checked = checkWorkspaceDocument({});
  if (!checked.ok)
    throw new Error(`the empty config document must be valid: ${checked.problems[0]?.message}`);
  return checked.config;
}

/** What a workspace with no version yet runs on: every default, no channels, nobody on the roster. */
export const UNCONFIGURED: WorkspaceConfig = unconfiguredConfig();

export class ConfigStore implements ConfigSource {
  readonly #states = new Map<string, ConfigState>();
  /** Time zone and locale found in Slack profiles at start, for versions that leave them unset. */
  readonly #defaults = new Map<string, FoundDefaults>();
  /** `for()`'s answers: each version with the workspace defaults applied, made once. */
  readonly #shaped = new Map<string, WorkspaceConfig>();
  readonly #listeners: ConfigChangeListener[] = [];
  readonly #pollFailures: RepeatedFailureLog;
  #timer: NodeJS.Timeout | null = null;
  #polling: Promise<string[]> | null = null;

  constructor(
    private readonly database: Database,
    private readonly logger: Logger,
    private readonly pollMs = POLL_MS,
  ) {
    this.#pollFailures = new RepeatedFailureLog(
      logger,
      'config poll failed; workspaces keep their current config',
      'config poll works again',
    );
  }

  /** The current configuration of a workspace (the unconfigured one before its first version). */
  for(teamId: string): WorkspaceConfig {
    const cached = this.#shaped.get(teamId);
    if (cached) return cached;
    const raw = this.#states.get(teamId)?.config ?? UNCONFIGURED;
    const found = this.#defaults.get(teamId);
    const shaped = found ? withWorkspaceDefaults(raw, found) : raw;
    this.#shaped.set(teamId, shaped);
    return shaped;
  }

  /** Applies the time zone and locale found in Slack to this and every later version that leaves them unset. */
  setWorkspaceDefaults(teamId: string, found: FoundDefaults): void {
    this.#defaults.set(teamId, found);
    this.#shaped.delete(teamId);
  }

  state(teamId: string): ConfigState {
    return this.#states.get(teamId) ?? { version: null, document: {}, managed: [], config: UNCONFIGURED };
  }

  /** Called after a change is applied (this process's or another's): re-check channels, re-book jobs. */
  onChange(listener: ConfigChangeListener): () => void {
    this.#listeners.push(listener);
    return () => {
      const at = this.#listeners.indexOf(listener);
      if (at >= 0) this.#listeners.splice(at, 1);
    };
  }

  /** Takes a version this process just wrote, so it is used at once rather than on the next poll. */
  async accept(teamId: string, state: ConfigState): Promise<void> {
    const previous = this.#states.get(teamId);
    const known = previous?.version ?? null;
    if (known !== null && state.version !== null && state.version <= known) return;
    const before = this.for(teamId);
    this.#states.set(teamId, state);
    this.#shaped.delete(teamId);
    await this.#notify(teamId, this.for(teamId), before);
  }

  /** Loads every workspace's current version (start-up). */
  async load(): Promise<void> {
    await this.refresh();
  }

  /** One poll: reloads the workspaces whose version moved; returns their team ids. */
  refresh(): Promise<string[]> {
    // One poll at a time: a slow database must not stack queries up.
    this.#polling ??= this.#refresh().finally(() => {
      this.#polling = null;
    });
    return this.#polling;
  }

  async #refresh(): Promise<string[]> {
    const changed: string[] = [];
    for (const { teamId, configVersion } of await currentVersions(this.database.db)) {
      const known = this.#states.get(teamId)?.version ?? null;
      if (configVersion === null || configVersion === known) continue;
      const row = await findConfigVersion(this.database.db, teamId, configVersion);
      if (!row) continue;
      const document = row.document as ConfigDocument;
      const checked = checkWorkspaceDocument(document);
      if (!checked.ok) {
        // Written by a newer or older Baton with other rules: keep what this process runs on.
        this.logger.error('stored config version does not validate; keeping the current one', {
          team_id: teamId,
          version: configVersion,
          problems: checked.problems.map(problemLine),
        });
        continue;
      }
      const state = {
        version: configVersion,
        document,
        managed: row.managed as string[],
        config: checked.config,
      };
      const previous = this.#states.get(teamId);
      if ((previous?.version ?? 0) >= configVersion) continue; // taken by accept() meanwhile
      const before = this.for(teamId);
      this.#states.set(teamId, state);
      this.#shaped.delete(teamId);
      changed.push(teamId);
      if (known !== null) {
        this.logger.info('config changed', { team_id: teamId, version: configVersion, via: row.via });
      }
      await this.#notify(teamId, this.for(teamId), before);
    }
    return changed;
  }

  /** Polls every 2 s until `stop()`; the timer never keeps the process alive. */
  start(): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => {
      this.refresh().then(
        () => this.#pollFailures.succeeded(),
        (error) => this.#pollFailures.failed(error),
      );
    }, this.pollMs);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.#polling?.catch(() => {});
  }

  async #notify(teamId: string, config: WorkspaceConfig, previous: WorkspaceConfig): Promise<void> {
    for (const listener of this.#listeners) {
      try {
        await listener(teamId, config, previous);
      } catch (error) {
        this.logger.error('config change follow-up failed', { team_id: teamId, error });
      }
    }
  }
}
