import type { WebClient } from '@slack/web-api';
import type { ProfileLookup } from '../admin/admins.js';
import type { Logger } from '../observability/logger.js';

/** `users.info` (with the locale) as the profile admins.ts reads; null when Slack cannot answer. */
export function slackProfiles(client: WebClient, logger: Logger): ProfileLookup {
  return async (userId) => {
    try {
      const { user } = await client.users.info({ user: userId, include_locale: true });
      if (!user) return null;
      return {
        tz: user.tz ?? null,
        locale: user.locale ?? null,
        name: user.real_name || user.profile?.real_name || null,
        isAdmin: Boolean(user.is_admin),
        isOwner: Boolean(user.is_owner || user.is_primary_owner),
      };
    } catch (error) {
      logger.warn('users.info failed', { error, user_id: userId });
      return null;
    }
  };
}
