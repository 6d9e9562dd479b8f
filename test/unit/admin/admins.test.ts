import { describe, expect, it } from 'vitest';
import { Admins, localeOf, type SlackProfile } from '../../../src/admin/admins.js';
import type { Database } from '../../../src/db/client.js';
import { FakeClock } from '../../harness/fake-clock.js';

const profile: SlackProfile = {
  tz: 'Asia/Seoul',
  locale: 'ko-KR',
  name: 'Hana',
  isAdmin: true,
  isOwner: false,
};

describe('Admins.profile', () => {
  it('asks Slack once per person for five minutes, and again after a failure', async () => {
    const clock = new FakeClock();
    const asked: string[] = [];
    let fail = false;
    const admins = new Admins(
      {} as Database,
      [],
      async (user) => {
        asked.push(user);
        return fail ? null : profile;
      },
      clock,
    );
    expect(await admins.profile('T0', 'U0A')).toEqual(profile);
    clock.advance(4 * 60_000);
    expect(await admins.profile('T0', 'U0A')).toEqual(profile);
    expect(asked).toEqual(['U0A']);
    clock.advance(60_000);
    fail = true;
    expect(await admins.profile('T0', 'U0A')).toBeNull();
    fail = false;
    expect(await admins.profile('T0', 'U0A')).toEqual(profile);
    expect(asked).toEqual(['U0A', 'U0A', 'U0A']);
  });
});

describe('localeOf', () => {
  it("maps Slack's locale to the ones Baton speaks", () => {
    expect(localeOf('ko-KR')).toBe('ko');
    expect(localeOf('en-GB')).toBe('en');
    expect(localeOf('ja-JP')).toBe('en');
    expect(localeOf(null)).toBe('en');
  });
});
