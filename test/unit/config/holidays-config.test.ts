import { describe, expect, it } from 'vitest';
import { ConfigFileError, parseWorkspaceConfig } from '../../../src/config/workspace.js';
import { addBusinessMinutes, firstTouchDueAt } from '../../../src/domain/business-time.js';

const BASE = `
locale: ko
channels: { leads: C0123LEADS }
roster: [{ user: U0AAAAAAA, roles: [sdr] }]
`;
const parse = (calendar: string) => parseWorkspaceConfig(`${BASE}calendar: ${calendar}\n`, 'baton.yaml');

function problems(calendar: string): readonly string[] {
  try {
    parse(calendar);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigFileError);
    return (error as ConfigFileError).problems;
  }
  throw new Error('expected the file to be rejected');
}

describe('calendar.holidays_country', () => {
  const seoul = parse(
    '{ time_zone: Asia/Seoul, holidays_country: kr, holidays: [2027-02-05, { date: 2027-02-08, name: 창립기념일 }] }',
  );

  it('adds the country’s public holidays to the team’s own days off', () => {
    const feb2027 = seoul.calendar.holidays.filter((h) => h.date.startsWith('2027-02'));
    expect(feb2027).toEqual([
      { date: '2027-02-05', name: null },
      { date: '2027-02-06', name: '설날', public: true },
      { date: '2027-02-07', name: '설날', public: true },
      // The team's own name wins on a date both lists have.
      { date: '2027-02-08', name: '창립기념일' },
      { date: '2027-02-09', name: '설날 (대체공휴일)', public: true },
    ]);
    expect(seoul.calendar.holidaysCountry).toBe('KR');
    expect(seoul.calendar.holidaysRegion).toBeNull();
  });

  it('adds nothing without a country', () => {
    expect(parse('{ time_zone: Asia/Seoul }').calendar.holidays).toEqual([]);
  });

  it('names a country or region the library does not know', () => {
    expect(problems('{ holidays_country: XX }')).toEqual([
      'baton.yaml: calendar.holidays_country: "XX" is not a country code the holiday library knows (e.g. KR, US, DE)',
    ]);
    expect(problems('{ holidays_country: KR, holidays_region: SEOUL }')).toEqual([
      'baton.yaml: calendar.holidays_region: the holiday library has no regions for KR; leave holidays_region out',
    ]);
    expect(problems('{ holidays_region: CA }')).toEqual([
      'baton.yaml: calendar.holidays_region: needs holidays_country as well',
    ]);
    expect(problems('{ holidays_country: US, holidays_region: ZZ }')[0]).toMatch(
      /^baton\.yaml: calendar\.holidays_region: "ZZ" is not a region of US \(one of: AL, AK, /,
    );
  });

  it('takes a region’s own holidays (US-MA Patriots’ Day)', () => {
    const ma = parse('{ time_zone: America/New_York, holidays_country: US, holidays_region: MA }');
    const us = parse('{ time_zone: America/New_York, holidays_country: US }');
    const patriots = '2026-04-20'; // third Monday of April
    expect(ma.calendar.holidays.some((h) => h.date === patriots)).toBe(true);
    expect(us.calendar.holidays.some((h) => h.date === patriots)).toBe(false);
  });

  it('moves a first touch past Seollal 2027: a lead the evening before is due after the holidays', () => {
    // Friday 2027-02-05 19:00 KST, after working hours; 설날 runs Sat 02-06 to Mon 02-08 with the
    // substitute on Tue 02-09. The next working hour starts Wednesday 02-10 09:00 KST, so a
    // 60-minute business SLA is due at 10:00 KST (01:00 UTC).
    const arrived = new Date('2027-02-05T10:00:00Z');
    const sla = { firstTouchMinutes: 60, clock: 'business' as const };
    const kr = parse('{ time_zone: Asia/Seoul, holidays_country: KR }');
    expect(firstTouchDueAt(arrived, sla, kr.calendar).toISOString()).toBe('2027-02-10T01:00:00.000Z');
    // Without the holidays the same lead would be due Monday 02-08 10:00 KST, in the middle of 설날.
    const plain = parse('{ time_zone: Asia/Seoul }');
    expect(firstTouchDueAt(arrived, sla, plain.calendar).toISOString()).toBe('2027-02-08T01:00:00.000Z');
    // 30 working minutes before the break run on past it: 17:30 Friday + 60 min = 09:30 Wednesday.
    expect(addBusinessMinutes(new Date('2027-02-05T08:30:00Z'), 60, kr.calendar).toISOString()).toBe(
      '2027-02-10T00:30:00.000Z',
    );
  });
});
