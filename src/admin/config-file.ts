/**
 * The config file, live: applied as a version at start and again whenever it changes on disk or
 * on SIGHUP. A bad file on change is logged, one line per problem, and the current version stays.
 */
import { existsSync, type FSWatcher, watch } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { ConfigFileError, loadWorkspaceDocument, problemLine } from '../config/workspace.js';
import type { Logger } from '../observability/logger.js';
import type { ConfigChangeResult, ConfigService } from './config-service.js';

const DEBOUNCE_MS = 300;

/**
 * Which file configures Baton: BATON_CONFIG when set (it must exist), else ./baton.yaml when
 * present, else none (Baton starts on the database's current version, or unconfigured).
 */
export function configFilePath(explicit: string | undefined, cwd = process.cwd()): string | null {
  if (explicit) return explicit;
  const fallback = resolve(cwd, 'baton.yaml');
  return existsSync(fallback) ? './baton.yaml' : null;
}

export class ConfigFileWatcher {
  #watcher: FSWatcher | null = null;
  #timer: NodeJS.Timeout | null = null;
  #applying: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly path: string,
    private readonly teamId: string,
    private readonly service: ConfigService,
    private readonly logger: Logger,
    private readonly debounceMs = DEBOUNCE_MS,
  ) {}

  /**
   * Watches the file's directory, not the file: editors that save by writing a new file and
   * renaming it over the old one replace the inode a file watch would follow.
   */
  start(): void {
    const name = basename(this.path);
    this.#watcher = watch(dirname(resolve(this.path)), (_event, changed) => {
      if (changed !== null && changed !== name) return;
      if (this.#timer) clearTimeout(this.#timer);
      this.#timer = setTimeout(() => {
        this.#timer = null;
        void this.reload('file changed');
      }, this.debounceMs);
      this.#timer.unref();
    });
    this.#watcher.on('error', (error) => this.logger.error('config file watch failed', { error }));
    this.#watcher.unref();
  }

  /** Reads and applies the file now (SIGHUP, or a change on disk); one apply at a time. */
  reload(reason: string): Promise<ConfigChangeResult | null> {
    const next = this.#applying.then(() => this.#apply(reason));
    this.#applying = next.catch(() => {});
    return next;
  }

  stop(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#watcher?.close();
    this.#watcher = null;
  }

  async #apply(reason: string): Promise<ConfigChangeResult | null> {
    let document: Record<string, unknown>;
    try {
      document = loadWorkspaceDocument(this.path);
    } catch (error) {
      if (!(error instanceof ConfigFileError)) throw error;
      this.#refused(reason, error.problems);
      return null;
    }
    try {
      const result = await this.service.applyFile(this.teamId, this.path, document);
      if (result.ok) {
        this.logger.info('config file applied', {
          file: this.path,
          reason,
          version: result.version,
          changes: result.changes.map((c) => c.path),
        });
      } else if (result.reason === 'invalid') {
        this.#refused(
          reason,
          result.problems.map((p) => `${this.path}: ${problemLine(p)}`),
        );
      }
      return result;
    } catch (error) {
      this.logger.error('config file could not be applied; the current version stays', {
        file: this.path,
        error,
      });
      return null;
    }
  }

  #refused(reason: string, problems: readonly string[]): void {
    this.logger.error('config file not applied; the current version stays', {
      file: this.path,
      reason,
      problems: problems.length,
    });
    for (const problem of problems) this.logger.error('config file problem', { problem });
  }
}
