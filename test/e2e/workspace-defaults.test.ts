import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../harness/fake-clock.js';
import { FakeSlack } from '../harness/fake-slack.js';
import { startTestApp, TEAM_ID, type TestApp } from '../harness/test-app.js';

// No calendar.time_zone and no locale: Baton must not silently run on UTC in English.
const NO_ZONE_YAML = `
channels:
  leads: C0LEADS
roster:
  - user: U0SDR0001
    roles: [sdr]
  - user: U0AE00001
    roles: [ae]
    time_zone: Europe/Berlin
  - user: U0MGR0001
    roles: [manager, admin]
`;

const USERS = [
  { id: 'U0SDR0001', name: 'sora', tz: 'America/New_York', locale: 'en-US' },
  { id: 'U0AE00001', name: 'minjun', tz: 'Asia/Seoul', locale: 'ko-KR' },
  { id: 'U0MGR0001', name: 'hana', tz: 'Asia/Seoul', locale: 'ko-KR' },
];

let t: TestApp | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

async function start(users: typeof USERS, configYaml = NO_ZONE_YAML) {
  const clock = new FakeClock();
  const slack = await FakeSlack.start({ teamId: TEAM_ID, users, now: () => clock.now() });
  t = await startTestApp({ configYaml, slack, clock, workspaceDefaultsFromSlack: true });
  // startTestApp closes only what it opened: stop the fake Slack with the app.
  const stop = t.stop.bind(t);
  t.stop = async () => {
    await stop();
    await slack.stop();
  };
  return t;
}

describe('time zone and locale left out of the config', () => {
  it('come from the first admin’s Slack profile, and the log says so', async () => {
    const app = await start(USERS);
    const config = app.baton.context.configs.for(TEAM_ID);
    expect(config.calendar.timeZone).toBe('Asia/Seoul');
    expect(config.locale).toBe('ko');
    // A member with no time zone of their own follows the calendar; one with their own keeps it.
    expect(config.roster.map((m) => [m.user, m.timeZone])).toEqual([
      ['U0SDR0001', 'Asia/Seoul'],
      ['U0AE00001', 'Europe/Berlin'],
      ['U0MGR0001', 'Asia/Seoul'],
    ]);
    expect(app.slack.callsTo('users.info')[0]?.args).toMatchObject({ user: 'U0MGR0001' });
    const line = app.logs.find((l) =>
      String(l.msg).startsWith('the config has no calendar.time_zone and locale'),
    );
    expect(line).toMatchObject({
      level: 'info',
      msg: "the config has no calendar.time_zone and locale: taken from U0MGR0001's Slack profile",
      timeZone: 'Asia/Seoul',
      timeZoneFrom: 'slack:U0MGR0001',
      locale: 'ko',
      localeFrom: 'slack:U0MGR0001',
    });

    // Baton answers in Korean without being told.
    const help = await app.driver.command('/baton', 'help', { userId: 'U0SDR0001' });
    expect(JSON.parse(help.body).text).toBe('Baton — 리드 전달, 팔로업 SLA, 주간 그로스 회고');
  });

  it('keep what the config sets', async () => {
    const app = await start(USERS, `locale: en\ncalendar: { time_zone: Europe/London }\n${NO_ZONE_YAML}`);
    expect(app.baton.context.configs.for(TEAM_ID).calendar.timeZone).toBe('Europe/London');
    expect(app.baton.context.configs.for(TEAM_ID).locale).toBe('en');
    expect(app.slack.callsTo('users.info')).toEqual([]);
    expect(app.logs.find((l) => l.msg === 'time zone and locale from the config')).toMatchObject({
      timeZone: 'Europe/London',
      locale: 'en',
    });
  });

  it('fall back to UTC and English with a warning that names them when the profile cannot be read', async () => {
    // The admin is not in this workspace's Slack: users.info answers user_not_found.
    const app = await start(USERS.filter((u) => u.id !== 'U0MGR0001'));
    expect(app.baton.context.configs.for(TEAM_ID).calendar.timeZone).toBe('UTC');
    expect(app.baton.context.configs.for(TEAM_ID).locale).toBe('en');
    const warning = app.logs.find((l) => l.level === 'warn' && String(l.msg).includes('calendar.time_zone'));
    expect(warning?.msg).toBe(
      'the config has no calendar.time_zone and locale and users.info for U0MGR0001 failed (user_not_found): ' +
        'using time zone UTC and locale en. Set calendar.time_zone and locale in the config to choose.',
    );
  });

  it('take what Slack offers and warn about the rest (a locale Baton does not speak)', async () => {
    const app = await start(USERS.map((u) => ({ ...u, tz: 'Asia/Tokyo', locale: 'ja-JP' })));
    expect(app.baton.context.configs.for(TEAM_ID).calendar.timeZone).toBe('Asia/Tokyo');
    expect(app.baton.context.configs.for(TEAM_ID).locale).toBe('en');
    const warning = app.logs.find((l) => l.level === 'warn' && String(l.msg).includes('locale'));
    expect(warning?.msg).toBe(
      "the config has no calendar.time_zone and locale and U0MGR0001's Slack profile has no locale Baton speaks " +
        '(ja-JP; Baton speaks en, ko): using locale en. Set calendar.time_zone and locale in the config to choose.',
    );
  });
});
