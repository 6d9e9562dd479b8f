import { createHash } from 'node:crypto';
import type { WorkspaceConfig } from '../config/workspace-schema.js';
import type { Database } from '../db/client.js';
import { type RosterEntry, syncRoster } from '../db/queries/members.js';
import { upsertWorkspace } from '../db/queries/workspaces.js';
import { StartupError } from '../errors.js';

export interface SlackIdentity {
  teamId: string;
  teamName?: string;
  botUserId?: string;
}

/**
 * Applies the config file to the database in one transaction: the workspace settings and the
 * roster. Runtime state (out-of-office and the like) is not in the file and is left as it is.
 */
export async function applyWorkspaceConfig(
  database: Database,
  slack: SlackIdentity,
  config: WorkspaceConfig,
  now: Date,
): Promise<void> {
  if (config.teamId && config.teamId !== slack.teamId) {
    throw new StartupError(
      `team_id in the config file is ${config.teamId}, but SLACK_BOT_TOKEN belongs to workspace ${slack.teamId}`,
    );
  }
  const { roster, ...settings } = config;
  const configHash = createHash('sha256').update(JSON.stringify(config)).digest('hex');
  await database.db.transaction(async (tx) => {
    await upsertWorkspace(tx, {
      teamId: slack.teamId,
      teamName: slack.teamName ?? null,
      botUserId: slack.botUserId ?? null,
      locale: config.locale,
      timeZone: config.calendar.timeZone,
      settings,
      configHash,
      configAppliedAt: now,
    });
    await syncRoster(tx, slack.teamId, rosterEntries(roster), now);
  });
}

/** The members table's config-owned columns for a roster. */
export function rosterEntries(roster: WorkspaceConfig['roster']): RosterEntry[] {
  return roster.map((m) => ({
    userId: m.user,
    name: m.name ?? null,
    roles: [...m.roles],
    segments: [...m.segments],
    weight: m.weight,
    maxOpenLeads: m.maxOpenLeads ?? null,
    timeZone: m.timeZone,
    workingHours: m.workingHours,
    managerId: m.manager ?? null,
  }));
}

/** The workspaces row's copy of a config (roster excluded: that lives in `members`). */
export function workspaceSettings(config: WorkspaceConfig, now: Date) {
  const { roster: _roster, ...settings } = config;
  return {
    locale: config.locale,
    timeZone: config.calendar.timeZone,
    settings,
    configHash: createHash('sha256').update(JSON.stringify(config)).digest('hex'),
    configAppliedAt: now,
  };
}
