import type { SlackState } from '../state.js';
import type { SlackObject } from '../types.js';
import type { MethodTable } from './method.js';

function authTest({ workspace }: SlackState): SlackObject {
  return {
    url: `https://${workspace.teamDomain}.slack.com/`,
    team: workspace.teamName,
    user: workspace.botName,
    team_id: workspace.teamId,
    user_id: workspace.botUserId,
    bot_id: workspace.botId,
    is_enterprise_install: false,
  };
}

export const authMethods: MethodTable = { 'auth.test': authTest };
