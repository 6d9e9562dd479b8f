/**
 * At start, a config without `calendar.time_zone` or `locale` takes them from the workspace: the
 * Slack profile (users.info) of the first admin on the roster, else of the first member. Never
 * silently UTC and English: the log says where each value came from, or warns with the fallback.
 */
import {
  batonLocale,
  FALLBACK_LOCALE,
  FALLBACK_TIME_ZONE,
  type FoundDefaults,
  withWorkspaceDefaults,
} from '../config/workspace/workspace-defaults.js';
import type { WorkspaceConfig } from '../config/workspace-schema.js';
import type { Logger } from '../observability/logger.js';

/** The one Web API call this needs, so a test or another client can stand in. */
export interface ProfileReader {
  users: {
    info(args: {
      user: string;
      include_locale: boolean;
    }): Promise<{ user?: { tz?: string; locale?: string } }>;
  };
}

function profileOwner(config: WorkspaceConfig): string | null {
  return (config.roster.find((m) => m.roles.includes('admin')) ?? config.roster[0])?.user ?? null;
}

/**
 * What the workspace's Slack profile offers for the time zone and locale `config` leaves unset, logged
 * with where each value came from; apply it with `withWorkspaceDefaults` (a live store applies it to
 * every later version too).
 */
export async function findWorkspaceDefaults(
  config: WorkspaceConfig,
  slack: ProfileReader,
  logger: Logger,
): Promise<FoundDefaults> {
  const { unset } = config;
  if (!unset.timeZone && !unset.locale) {
    logger.info('time zone and locale from the config', {
      timeZone: config.calendar.timeZone,
      locale: config.locale,
    });
    return { timeZone: null, locale: null };
  }
  const missing = [unset.timeZone && 'calendar.time_zone', unset.locale && 'locale']
    .filter(Boolean)
    .join(' and ');
  const user = profileOwner(config);
  let profile: { tz?: string; locale?: string } | undefined;
  let problem: string | null = user ? null : 'the roster is empty';
  if (user) {
    try {
      profile = (await slack.users.info({ user, include_locale: true })).user;
    } catch (error) {
      const data = (error as { data?: { error?: string } }).data;
      problem = `users.info for ${user} failed (${data?.error ?? (error as Error).message})`;
    }
  }
  const found = { timeZone: profile?.tz ?? null, locale: batonLocale(profile?.locale) };
  const resolved = withWorkspaceDefaults(config, found);
  const from = (key: 'timeZone' | 'locale') =>
    !unset[key] ? 'config' : resolved.unset[key] ? 'fallback' : `slack:${user}`;
  const fields = {
    timeZone: resolved.calendar.timeZone,
    timeZoneFrom: from('timeZone'),
    locale: resolved.locale,
    localeFrom: from('locale'),
  };
  if (resolved.unset.timeZone || resolved.unset.locale) {
    const why =
      problem ??
      `${user}'s Slack profile has ${resolved.unset.timeZone ? `no usable time zone (${profile?.tz ?? 'none'})` : ''}` +
        `${resolved.unset.timeZone && resolved.unset.locale ? ' and ' : ''}` +
        `${resolved.unset.locale ? `no locale Baton speaks (${profile?.locale ?? 'none'}; Baton speaks en, ko)` : ''}`;
    logger.warn(
      `the config has no ${missing} and ${why}: using ` +
        [
          resolved.unset.timeZone && `time zone ${FALLBACK_TIME_ZONE}`,
          resolved.unset.locale && `locale ${FALLBACK_LOCALE}`,
        ]
          .filter(Boolean)
          .join(' and ') +
        '. Set calendar.time_zone and locale in the config to choose.',
      fields,
    );
  } else {
    logger.info(`the config has no ${missing}: taken from ${user}'s Slack profile`, fields);
  }
  return found;
}
