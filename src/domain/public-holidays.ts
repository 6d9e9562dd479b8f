/**
 * A country's public holidays from `date-holidays`, as whole dates on the country's own calendar.
 * Pure (the library computes from rules; nothing is read from outside) and memoised, since the
 * library spends tens of milliseconds per year on lunar dates.
 */
import { createRequire } from 'node:module';
import type HolidaysClass from 'date-holidays';
import type { HolidaysTypes } from 'date-holidays';
import type { Holiday } from '../config/workspace/types.js';

type Holidays = HolidaysClass;

// Loaded on first use: its data costs ~0.2 s to load, which a workspace without holidays_country
// (and every test that parses a config) should not pay.
let library: typeof HolidaysClass | undefined;
function holidaysLibrary(): typeof HolidaysClass {
  library ??= createRequire(import.meta.url)('date-holidays') as typeof HolidaysClass;
  return library;
}

/** The years Baton adds: config normalisation must not read the clock, so the window is fixed. */
export const PUBLIC_HOLIDAY_YEARS = { first: 2024, last: 2032 } as const;

type Language = 'en' | 'ko';

/**
 * Corrections through the library's own rule language, per country, where its data and the law
 * disagree. Korea (관공서의 공휴일에 관한 규정 제2조, 제3조):
 * - 설날 is the day before, the day and the day after 음력 1월 1일. The library's
 *   `korean 01-0-01 P3D` starts on the day itself, so it misses 섣달 그믐 and adds 1월 3일.
 *   Its per-year 설날 substitute rules are anchored on the right days and stay.
 * - 임기만료 선거일 (제2조 10호, 공직선거법 제34조) are public holidays the library lacks:
 *   국회의원 선거 on the first Wednesday from 50 days before the term ends (29 May), every four
 *   years; 지방선거 on the first Wednesday from 30 days before it ends (30 June), every four years.
 */
const CORRECTIONS: Record<
  string,
  ReadonlyArray<[rule: string, fix: false | HolidaysTypes.HolidayOptions]>
> = {
  KR: [
    ['korean 01-0-01 P3D', false],
    ['day before korean 01-0-01 P3D', { type: 'public', name: { ko: '설날', en: 'Korean New Year' } }],
    [
      'wednesday after 04-10 every 4 years since 2024',
      { type: 'public', name: { ko: '국회의원 선거일', en: 'National Assembly election day' } },
    ],
    [
      'wednesday after 05-31 every 4 years since 2022',
      { type: 'public', name: { ko: '전국동시지방선거일', en: 'Local elections day' } },
    ],
  ],
};

const DAY_MS = 86_400_000;

/** Whether the library knows this country (ISO 3166-1 alpha-2, e.g. KR). */
export function isKnownCountry(country: string): boolean {
  const Holidays = holidaysLibrary();
  return Object.hasOwn(new Holidays().getCountries() ?? {}, country);
}

/** The region codes the library knows for a country (e.g. US states), empty when none. */
export function knownRegions(country: string): string[] {
  const Holidays = holidaysLibrary();
  return Object.keys(new Holidays().getStates(country) ?? {});
}

function calendarFor(country: string, region: string | null, language: Language): Holidays {
  const Holidays = holidaysLibrary();
  const options = { languages: [language] };
  const hd = region ? new Holidays(country, region, options) : new Holidays(country, options);
  for (const [rule, fix] of CORRECTIONS[country] ?? []) {
    // `false` switches a rule off; the library takes it though its types do not say so.
    if (!hd.setHoliday(rule, fix as HolidaysTypes.HolidayOptions))
      throw new Error(`date-holidays refused the ${country} correction "${rule}"`);
  }
  return hd;
}

/** One year's public holidays, every day of a multi-day holiday listed, in date order, one per date. */
function yearHolidays(hd: Holidays, year: number): Holiday[] {
  const byDate = new Map<string, Holiday>();
  for (const h of hd.getHolidays(year)) {
    if (h.type !== 'public') continue;
    // `date` is the first day on the country's wall clock; a span lasts whole days.
    const first = Date.parse(`${h.date.slice(0, 10)}T00:00:00Z`);
    const days = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / DAY_MS));
    for (let i = 0; i < days; i++) {
      const date = new Date(first + i * DAY_MS).toISOString().slice(0, 10);
      if (!byDate.has(date)) byDate.set(date, { date, name: h.name });
    }
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

const cache = new Map<string, Holiday[]>();

/** The public holidays of `country` (and `region`) for the given years, named in `language`. */
export function publicHolidays(
  country: string,
  region: string | null,
  language: Language,
  years: { first: number; last: number } = PUBLIC_HOLIDAY_YEARS,
): Holiday[] {
  const key = [country, region ?? '', language, years.first, years.last].join('|');
  const known = cache.get(key);
  if (known) return known.map((h) => ({ ...h }));
  const hd = calendarFor(country, region, language);
  const list: Holiday[] = [];
  for (let year = years.first; year <= years.last; year++) list.push(...yearHolidays(hd, year));
  cache.set(key, list);
  return list.map((h) => ({ ...h }));
}
