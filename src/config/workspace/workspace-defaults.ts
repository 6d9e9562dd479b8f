/**
 * Fills what the config left out — `calendar.time_zone`, `locale` and the time zones of members
 * without their own — from what start-up found in the workspace's Slack profiles. Pure.
 */
import { LOCALES, type Locale } from '../../i18n/index.js';
import { withPublicHolidays } from './calendar-holidays.js';
import { workingStageLabel } from './normalize-labels.js';
import { isIanaTimeZone } from './time-zone.js';
import type { WorkspaceConfig } from './types.js';

export const FALLBACK_TIME_ZONE = 'UTC';
export const FALLBACK_LOCALE: Locale = 'en';

/** A Slack profile's `locale` ("ko-KR") as a Baton locale, or null when Baton has no such catalog. */
export function batonLocale(slackLocale: string | undefined): Locale | null {
  const language = slackLocale?.split(/[-_]/)[0]?.toLowerCase();
  return (LOCALES as readonly string[]).includes(language ?? '') ? (language as Locale) : null;
}

export interface FoundDefaults {
  timeZone: string | null;
  locale: Locale | null;
}

/** `config` with its unset time zone and locale taken from `found`; set values are never changed. */
export function withWorkspaceDefaults(config: WorkspaceConfig, found: FoundDefaults): WorkspaceConfig {
  const timeZone =
    config.unset.timeZone && found.timeZone && isIanaTimeZone(found.timeZone) ? found.timeZone : null;
  const locale = config.unset.locale && found.locale ? found.locale : null;
  if (!timeZone && !locale) return config;
  const inherits = new Set(config.unset.memberTimeZones);
  const nextLocale = locale ?? config.locale;
  const { calendar } = config;
  return {
    ...config,
    locale: nextLocale,
    calendar: {
      ...calendar,
      timeZone: timeZone ?? calendar.timeZone,
      // Public holiday names follow the team's language.
      holidays: withPublicHolidays(
        calendar.holidays,
        calendar.holidaysCountry,
        calendar.holidaysRegion,
        nextLocale,
      ),
    },
    stages: {
      ...config.stages,
      working: config.stages.working.map((s) =>
        config.labels.stages[s.key]
          ? { ...s, label: workingStageLabel(config.labels, s.key, nextLocale) }
          : s,
      ),
    },
    roster: config.roster.map((m) => (timeZone && inherits.has(m.user) ? { ...m, timeZone } : m)),
    unset: {
      timeZone: config.unset.timeZone && !timeZone,
      locale: config.unset.locale && !locale,
      memberTimeZones: timeZone ? [] : config.unset.memberTimeZones,
    },
  };
}
