/**
 * Changes to a workspace's configuration, each a new version: validated by the file's own schema,
 * refused for keys the config file manages, applied compare-and-set on the version it was computed
 * from, and recorded with who, when, through what and what changed.
 */
import { stringify } from 'yaml';
import { type ConfigProblem, checkWorkspaceDocument } from '../config/workspace.js';
import type { Database } from '../db/client.js';
import {
  advanceConfigVersion,
  findConfigVersion,
  findCurrentConfigVersion,
  insertConfigVersion,
  listConfigVersions,
} from '../db/queries/config-versions.js';
import { syncRoster } from '../db/queries/members.js';
import type { Clock } from '../domain/clock.js';
import { diffDocuments, type SettingChange, touchedKeys } from '../domain/config-diff.js';
import { rosterEntries, workspaceSettings } from '../services/workspace-setup.js';
import type { ConfigDocument, ConfigStore } from './config-store.js';

export type { ConfigProblem } from '../config/workspace.js';
export type { SettingChange } from '../domain/config-diff.js';
export type { ConfigDocument } from './config-store.js';

export type ConfigVia = 'file' | 'slack' | 'api' | 'restore';

export type ConfigChangeResult =
  | { ok: true; version: number; changes: SettingChange[] }
  | { ok: false; reason: 'invalid'; problems: ConfigProblem[] }
  | { ok: false; reason: 'managed_by_file'; keys: string[] }
  | { ok: false; reason: 'unchanged' };

export interface ConfigActor {
  actorId: string | null;
  via: ConfigVia;
  /** The file path, or the command that made the change. */
  source?: string;
}

export interface ConfigVersionSummary {
  version: number;
  createdAt: Date;
  actorId: string | null;
  via: ConfigVia;
  source: string | null;
  changes: SettingChange[];
}

/** Two writers at once: the loser recomputes its edit on the winner's version, this many times. */
const ATTEMPTS = 3;

class VersionConflict extends Error {}

const copy = <T>(value: T): T => structuredClone(value);

/** What a write is computed from: the current version as stored (not this process's cache). */
interface Base {
  version: number | null;
  document: ConfigDocument;
  managed: string[];
}

export class ConfigService {
  constructor(
    private readonly database: Database,
    private readonly store: ConfigStore,
    private readonly clock: Clock,
  ) {}

  /** The current document (a deep copy: edit it freely). */
  document(teamId: string): ConfigDocument {
    return copy(this.store.state(teamId).document);
  }

  /** The current version number; null before the first. */
  version(teamId: string): number | null {
    return this.store.state(teamId).version;
  }

  managedKeys(teamId: string): string[] {
    return [...this.store.state(teamId).managed];
  }

  /**
   * Applies `edit` to the current document as a new version. `edit` may change the document it is
   * given or return a new one; it can run more than once when another writer wins the race.
   */
  change(
    teamId: string,
    by: ConfigActor,
    // biome-ignore lint/suspicious/noConfusingVoidType: an edit may mutate the draft and return nothing
    edit: (doc: ConfigDocument) => ConfigDocument | void,
  ): Promise<ConfigChangeResult> {
    return this.#write(teamId, by, (base) => {
      const draft = copy(base.document);
      const next = edit(draft) ?? draft;
      return { document: next, managed: base.managed };
    });
  }

  /**
   * Applies the config file's document: its top-level keys replace the current ones and become the
   * managed keys. A key the file stopped writing goes back to its default; keys the file never
   * wrote keep what Slack set.
   */
  applyFile(teamId: string, path: string, fileDocument: ConfigDocument): Promise<ConfigChangeResult> {
    return this.#write(teamId, { actorId: null, via: 'file', source: path }, (base) => {
      const document = copy(base.document);
      for (const key of base.managed) delete document[key];
      return { document: { ...document, ...copy(fileDocument) }, managed: Object.keys(fileDocument) };
    });
  }

  /** Newest first. */
  async history(teamId: string, limit = 10): Promise<ConfigVersionSummary[]> {
    const rows = await listConfigVersions(this.database.db, teamId, limit);
    return rows.map((row) => ({
      version: row.version,
      createdAt: row.createdAt,
      actorId: row.actorId,
      via: row.via as ConfigVia,
      source: row.source,
      changes: row.changes as SettingChange[],
    }));
  }

  /** Makes an earlier version current again, as a new version; keys the file manages stay the file's. */
  async restore(teamId: string, version: number, actorId: string): Promise<ConfigChangeResult> {
    const old = await findConfigVersion(this.database.db, teamId, version);
    if (!old) {
      return {
        ok: false,
        reason: 'invalid',
        problems: [{ path: [], message: `there is no version ${version}` }],
      };
    }
    const restored = old.document as ConfigDocument;
    return this.#write(teamId, { actorId, via: 'restore', source: `version ${version}` }, (base) => {
      const document = copy(restored);
      for (const key of base.managed) {
        if (key in base.document) document[key] = copy(base.document[key]);
        else delete document[key];
      }
      return { document, managed: base.managed };
    });
  }

  /** The current document as YAML that, given back as BATON_CONFIG, reproduces it exactly. */
  exportYaml(teamId: string): string {
    const { version, document } = this.store.state(teamId);
    const header = `# Baton configuration of workspace ${teamId}, version ${version ?? 'none'}.\n`;
    return header + stringify(document, { lineWidth: 0 });
  }

  async #write(
    teamId: string,
    by: ConfigActor,
    compute: (base: Base) => { document: ConfigDocument; managed: string[] },
  ): Promise<ConfigChangeResult> {
    for (let attempt = 1; ; attempt += 1) {
      const base = await this.#base(teamId);
      const { document, managed } = compute(base);
      const changes = diffDocuments(base.document, document);
      const managedChanged = JSON.stringify(managed) !== JSON.stringify(base.managed);
      if (changes.length === 0 && !managedChanged) return { ok: false, reason: 'unchanged' };
      if (by.via !== 'file') {
        const refused = touchedKeys(changes).filter((key) => base.managed.includes(key));
        if (refused.length > 0) return { ok: false, reason: 'managed_by_file', keys: refused };
      }
      const checked = checkWorkspaceDocument(document);
      if (!checked.ok) return { ok: false, reason: 'invalid', problems: checked.problems };
      const config = checked.config;
      if (config.teamId !== null && config.teamId !== teamId) {
        return {
          ok: false,
          reason: 'invalid',
          problems: [{ path: ['team_id'], message: `is ${config.teamId}, but this workspace is ${teamId}` }],
        };
      }
      const version = (base.version ?? 0) + 1;
      const now = this.clock.now();
      try {
        await this.database.db.transaction(async (tx) => {
          const moved = await advanceConfigVersion(
            tx,
            teamId,
            base.version,
            version,
            workspaceSettings(config, now),
          );
          if (!moved) throw new VersionConflict();
          await insertConfigVersion(tx, {
            teamId,
            version,
            createdAt: now,
            actorId: by.actorId,
            via: by.via,
            source: by.source ?? null,
            document,
            managed,
            changes,
          });
          await syncRoster(tx, teamId, rosterEntries(config.roster), now);
        });
      } catch (error) {
        if (error instanceof VersionConflict && attempt < ATTEMPTS) continue;
        throw error;
      }
      await this.store.accept(teamId, { version, document, managed, config });
      return { ok: true, version, changes };
    }
  }

  async #base(teamId: string): Promise<Base> {
    const row = await findCurrentConfigVersion(this.database.db, teamId);
    if (!row) return { version: null, document: {}, managed: [] };
    return {
      version: row.version,
      document: row.document as ConfigDocument,
      managed: row.managed as string[],
    };
  }
}
