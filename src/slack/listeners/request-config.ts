import type { WorkspaceConfig } from '../../config/workspace-schema.js';
import type { AppContext } from '../../context.js';

/** Where a payload names its workspace: events and commands say `team_id`, interactions `team.id`. */
interface TeamPayload {
  team_id?: string | undefined;
  team?: { id?: string | undefined } | null | undefined;
}

/** The workspace a Slack request came from: Bolt's context, else the payload, else the app's own. */
export function requestTeamId(
  ctx: AppContext,
  context: { teamId?: string | undefined },
  payload?: TeamPayload,
): string {
  return context.teamId ?? payload?.team_id ?? payload?.team?.id ?? ctx.teamId;
}

/** The request's workspace and its configuration, resolved once so one request sees one version. */
export function requestConfig(
  ctx: AppContext,
  context: { teamId?: string | undefined },
  payload?: TeamPayload,
): { teamId: string; config: WorkspaceConfig } {
  const teamId = requestTeamId(ctx, context, payload);
  return { teamId, config: ctx.configs.for(teamId) };
}
