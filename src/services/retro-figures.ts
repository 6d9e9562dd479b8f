import type { WorkspaceConfig } from '../config/workspace-schema.js';
import type { Database, Queryable } from '../db/client.js';
import type { PlaybookSnapshot, RetroSnapshot } from '../domain/retro-report.js';

/** The figures a retro shows, computed when it opens (docs/retro.md). */
export type WeeklyFigures = Omit<RetroSnapshot, 'previousActions' | 'participants'>;

/** Computes the weekly retro's (a)–(d) and the monthly playbook review's figures. */
export class RetroFiguresService {
  constructor(
    readonly database: Database,
    readonly config: WorkspaceConfig,
  ) {}

  /** Figures of the retro of `weekKey` (which reviews the week before it), opened at `openedAt`. */
  async weekly(_teamId: string, _weekKey: string, _openedAt: Date, _q?: Queryable): Promise<WeeklyFigures> {
    throw new Error('RetroFiguresService.weekly is being built');
  }

  /** Figures of the playbook review of `monthKey` (which reviews the month before it), opened at `openedAt`. */
  async monthly(
    _teamId: string,
    _monthKey: string,
    _openedAt: Date,
    _q?: Queryable,
  ): Promise<PlaybookSnapshot> {
    throw new Error('RetroFiguresService.monthly is being built');
  }
}
