import { describe, expect, it } from 'vitest';
import { isKnownCountry, knownRegions, publicHolidays } from '../../../src/domain/public-holidays.js';

/**
 * Korea's public holidays per year, typed by hand from 관공서의 공휴일에 관한 규정 (대통령령):
 * 제2조 lists the days (설날·추석 = 전날, 당일, 다음날; 임기만료 선거일 included), 제3조 the
 * substitutes (설날·추석 on a Sunday or on another holiday; 3·1절, 어린이날, 광복절, 개천절, 한글날,
 * 석가탄신일, 기독탄신일 — and 제헌절 since 2026 — on a Saturday, a Sunday or another holiday; the
 * next non-holiday weekday). Lunar dates are on Korean time, as 한국천문연구원 (KASI) sets them:
 * 2027 설날 is 2월 7일 in Korea (the new moon falls at 00:56 KST, 23:56 the day before in China)
 * and 2028 설날 1월 27일 (new moon 00:12 KST). Derived by hand from those rules and new-moon
 * times, not copied from the library's output; re-check against KASI's 월력요항 when it publishes
 * a year (2028's is not out yet).
 * One-off 임시공휴일 set by cabinet decision (e.g. 2025-01-27) are not rules: teams add them to
 * calendar.holidays themselves.
 */
const OFFICIAL: Record<number, string[]> = {
  2025: [
    '01-01',
    '01-28',
    '01-29',
    '01-30', // 설날 1/29 (수)
    '03-01',
    '03-03', // 3·1절 on a Saturday
    '05-05',
    '05-06', // 어린이날 and 석가탄신일 on the same Monday: one substitute
    '06-06',
    '08-15',
    '10-03',
    '10-05',
    '10-06',
    '10-07',
    '10-08', // 추석 10/6, 전날 a Sunday: substitute 10/8
    '10-09',
    '12-25',
  ],
  2026: [
    '01-01',
    '02-16',
    '02-17',
    '02-18', // 설날 2/17 (화)
    '03-01',
    '03-02', // 3·1절 on a Sunday
    '05-05',
    '05-24',
    '05-25', // 석가탄신일 on a Sunday
    '06-03', // 전국동시지방선거
    '06-06', // 현충일 on a Saturday: no substitute
    '07-17', // 제헌절, a public holiday again from 2026
    '08-15',
    '08-17', // 광복절 on a Saturday
    '09-24',
    '09-25',
    '09-26', // 추석 9/25 (금); a Saturday overlap has no substitute
    '10-03',
    '10-05', // 개천절 on a Saturday
    '10-09',
    '12-25',
  ],
  2027: [
    '01-01',
    '02-06',
    '02-07',
    '02-08',
    '02-09', // 설날 2/7 is a Sunday: substitute 2/9
    '03-01',
    '05-05',
    '05-13',
    '06-06',
    '07-17',
    '07-19', // 제헌절 on a Saturday
    '08-15',
    '08-16', // 광복절 on a Sunday
    '09-14',
    '09-15',
    '09-16', // 추석 9/15 (수)
    '10-03',
    '10-04', // 개천절 on a Sunday
    '10-09',
    '10-11', // 한글날 on a Saturday
    '12-25',
    '12-27', // 기독탄신일 on a Saturday
  ],
  2028: [
    '01-01',
    '01-26',
    '01-27',
    '01-28', // 설날 1/27 (목)
    '03-01',
    '04-12', // 국회의원 선거
    '05-02',
    '05-05',
    '06-06',
    '07-17',
    '08-15',
    '10-02',
    '10-03',
    '10-04',
    '10-05', // 추석 10/3 falls on 개천절: one substitute, 10/5
    '10-09',
    '12-25',
  ],
};

describe('Korean public holidays', () => {
  it.each(Object.keys(OFFICIAL).map(Number))('%i matches the official calendar', (year) => {
    const dates = publicHolidays('KR', null, 'ko', { first: year, last: year }).map((h) => h.date);
    expect(dates).toEqual(OFFICIAL[year]!.map((md) => `${year}-${md}`));
  });

  it('names every day of 설날 and 추석 and marks substitutes, in the team locale', () => {
    const ko = publicHolidays('KR', null, 'ko', { first: 2027, last: 2027 });
    const name = (date: string) => ko.find((h) => h.date === date)?.name;
    expect(['2027-02-06', '2027-02-07', '2027-02-08'].map(name)).toEqual(['설날', '설날', '설날']);
    expect(name('2027-02-09')).toBe('설날 (대체공휴일)');
    expect(name('2027-09-16')).toBe('추석');
    const en = publicHolidays('KR', null, 'en', { first: 2027, last: 2027 });
    expect(en.find((h) => h.date === '2027-02-06')?.name).toBe('Korean New Year');
  });

  it('covers the default window, one entry per date', () => {
    const all = publicHolidays('KR', null, 'ko').map((h) => h.date);
    expect(all[0]).toBe('2024-01-01');
    expect(all.at(-1)).toBe('2032-12-27'); // 12-25 is a Saturday
    expect(new Set(all).size).toBe(all.length);
  });

  it('knows countries and their regions', () => {
    expect(isKnownCountry('KR')).toBe(true);
    expect(isKnownCountry('XX')).toBe(false);
    expect(knownRegions('US')).toContain('CA');
    expect(knownRegions('KR')).toEqual([]);
  });
});
