/** The calendar's holidays: the team's own days off plus, when configured, a country's public holidays. */
import { publicHolidays } from '../../domain/public-holidays.js';
import type { Locale } from '../../i18n/index.js';
import type { Holiday } from './types.js';

/**
 * Merges the public holidays of `country` into the team's own list, in date order. On a date in
 * both, the team's entry stays (it carries the team's own name). Public entries are marked so a
 * settings export writes `holidays_country` back rather than the dates.
 */
export function withPublicHolidays(
  team: readonly Holiday[],
  country: string | null,
  region: string | null,
  locale: Locale,
): Holiday[] {
  const own = team.filter((h) => !h.public).map((h) => ({ date: h.date, name: h.name }));
  const taken = new Set(own.map((h) => h.date));
  const extra = country
    ? publicHolidays(country, region, locale)
        .filter((h) => !taken.has(h.date))
        .map((h): Holiday => ({ date: h.date, name: h.name, public: true }))
    : [];
  return [...own, ...extra].sort((a, b) => a.date.localeCompare(b.date));
}
