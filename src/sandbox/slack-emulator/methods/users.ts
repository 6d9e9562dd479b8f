import { ApiError, missing } from '../api-error.js';
import type { SlackState } from '../state.js';
import type { SlackArgs, SlackObject } from '../types.js';
import { bool, str, tzInfo } from '../values.js';
import type { MethodTable } from './method.js';

function userJson(state: SlackState, id: string, includeLocale: boolean): SlackObject {
  const u = state.user(id);
  if (!u) throw new ApiError('user_not_found');
  const { teamId, botId, appId } = state.workspace;
  const now = state.now();
  const tz = tzInfo(u.tz, now);
  const [first = '', ...rest] = u.realName.split(' ');
  return {
    id: u.id,
    team_id: teamId,
    name: u.name,
    deleted: u.deleted,
    color: '9f69e7',
    real_name: u.realName,
    tz: u.tz,
    tz_label: tz.label,
    tz_offset: tz.offset,
    profile: {
      real_name: u.realName,
      real_name_normalized: u.realName,
      display_name: u.displayName,
      display_name_normalized: u.displayName,
      first_name: first,
      last_name: rest.join(' '),
      ...(u.email ? { email: u.email } : {}),
      ...(u.isBot ? { bot_id: botId, api_app_id: appId } : {}),
      image_48: `https://avatars.slack-edge.com/${u.id}_48.png`,
      team: teamId,
    },
    // Slack marks owners as admins too.
    is_admin: u.isAdmin || u.isOwner,
    is_owner: u.isOwner,
    is_primary_owner: u.isPrimaryOwner,
    is_restricted: false,
    is_ultra_restricted: false,
    is_bot: u.isBot,
    is_app_user: false,
    updated: Math.floor(now.getTime() / 1000),
    is_email_confirmed: Boolean(u.email),
    ...(includeLocale ? { locale: u.locale } : {}),
  };
}

function info(state: SlackState, args: SlackArgs): SlackObject {
  const id = str(args.user);
  if (!id) throw missing('user');
  return { user: userJson(state, id, bool(args.include_locale)) };
}

function lookupByEmail(state: SlackState, args: SlackArgs): SlackObject {
  const email = str(args.email)?.toLowerCase();
  if (!email) throw missing('email');
  const user = [...state.users.values()].find((u) => u.email?.toLowerCase() === email);
  if (!user) throw new ApiError('users_not_found');
  return { user: userJson(state, user.id, false) };
}

export const usersMethods: MethodTable = { 'users.info': info, 'users.lookupByEmail': lookupByEmail };
