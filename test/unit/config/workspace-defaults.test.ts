import { describe, expect, it } from 'vitest';
import { batonLocale, withWorkspaceDefaults } from '../../../src/config/workspace/workspace-defaults.js';
import { parseWorkspaceConfig } from '../../../src/config/workspace.js';

const FILE = `
channels: { leads: C0123LEADS }
calendar: { holidays_country: KR }
stages:
  working: [Lead, { key: MQL, label: { en: Marketing qualified, ko: 마케팅 검증 리드 } }, SQL, Opportunity]
roster:
  - { user: U0AAAAAAA, roles: [sdr] }
  - { user: U0BBBBBBB, roles: [ae], time_zone: Europe/Berlin }
`;

describe('batonLocale', () => {
  it.each([
    ['ko-KR', 'ko'],
    ['en-US', 'en'],
    ['en_GB', 'en'],
    ['ja-JP', null],
    [undefined, null],
  ])('%s → %s', (slack, locale) => expect(batonLocale(slack)).toBe(locale));
});

describe('withWorkspaceDefaults', () => {
  const config = parseWorkspaceConfig(FILE, 'baton.yaml');

  it('fills what the file left out, and only that', () => {
    const filled = withWorkspaceDefaults(config, { timeZone: 'Asia/Seoul', locale: 'ko' });
    expect(filled.calendar.timeZone).toBe('Asia/Seoul');
    expect(filled.locale).toBe('ko');
    expect(filled.roster.map((m) => m.timeZone)).toEqual(['Asia/Seoul', 'Europe/Berlin']);
    expect(filled.unset).toEqual({ timeZone: false, locale: false, memberTimeZones: [] });
    // Labels and holiday names follow the language found.
    expect(filled.stages.working[1]!.label).toBe('마케팅 검증 리드');
    expect(filled.calendar.holidays.find((h) => h.date === '2026-02-17')?.name).toBe('설날');
    expect(config.calendar.holidays.find((h) => h.date === '2026-02-17')?.name).toBe('Korean New Year');
  });

  it('keeps what the file set', () => {
    const set = parseWorkspaceConfig(
      `locale: en\n${FILE.replace('{ holidays_country: KR }', '{ time_zone: UTC }')}`,
      'x',
    );
    expect(withWorkspaceDefaults(set, { timeZone: 'Asia/Seoul', locale: 'ko' })).toBe(set);
  });

  it('ignores a time zone the runtime does not know', () => {
    const filled = withWorkspaceDefaults(config, { timeZone: 'Mars/Olympus', locale: null });
    expect(filled).toBe(config);
    expect(filled.unset.timeZone).toBe(true);
  });
});
