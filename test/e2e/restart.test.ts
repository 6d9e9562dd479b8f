import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { listRoster } from '../../src/db/queries/members.js';
import { findWorkspace } from '../../src/db/queries/workspaces.js';
import { openTestDatabase } from '../harness/database.js';
import { FakeSlack } from '../harness/fake-slack.js';
import { startTestApp, TEAM_ID, TEAM_USERS, TEAM_YAML } from '../harness/test-app.js';

let database: Database;
let slack: FakeSlack;

beforeAll(async () => {
  database = await openTestDatabase();
  slack = await FakeSlack.start({ teamId: TEAM_ID, users: TEAM_USERS });
});
afterAll(async () => {
  await database?.close();
  await slack?.stop();
});

const KOREAN_SMALLER_TEAM = `
locale: ko
calendar:
  time_zone: Asia/Seoul
channels:
  leads: C0LEADS
roster:
  - user: U0SDR0001
    roles: [sdr, ae]
  - user: U0AE00001
    roles: [ae]
  - user: U0NEW0001
    roles: [cs, admin]
`;

describe('the config file is applied at every start', () => {
  it('keeps what people set in Slack across a restart with a changed file', async () => {
    const first = await startTestApp({ database, slack });
    const ooo = await first.driver.command('/baton', 'ooo', { userId: 'U0SDR0001' });
    await slack.waitForResponse(ooo.responseUrl);
    await first.stop();

    const second = await startTestApp({ database, slack, configYaml: KOREAN_SMALLER_TEAM });
    try {
      const workspace = await findWorkspace(database.db, TEAM_ID);
      expect(workspace).toMatchObject({
        teamId: TEAM_ID,
        locale: 'ko',
        timeZone: 'Asia/Seoul',
        botUserId: 'U0BATONBOT',
      });

      const roster = await listRoster(database.db, TEAM_ID);
      expect(roster.map((m) => [m.userId, m.roles, m.outOfOffice])).toEqual([
        ['U0AE00001', ['ae'], false],
        ['U0NEW0001', ['cs', 'admin'], false],
        ['U0SDR0001', ['sdr', 'ae'], true],
      ]);

      // People dropped from the file stay in the database (history keeps their names) but are off the roster.
      const dropped = await database.rows<{ user_id: string; on_roster: boolean }>(
        sql`select user_id, on_roster from members where user_id in ('U0MKT0001', 'U0MGR0001') order by user_id`,
      );
      expect(dropped).toEqual([
        { user_id: 'U0MGR0001', on_roster: false },
        { user_id: 'U0MKT0001', on_roster: false },
      ]);

      // The workspace now speaks Korean.
      const help = await second.driver.command('/baton', 'help', { userId: 'U0SDR0001' });
      expect(JSON.parse(help.body).text).toBe('Baton — 리드 전달, 팔로업 SLA, 주간 그로스 회고');
      const back = await second.driver.command('/baton', 'back', { userId: 'U0SDR0001' });
      expect((await slack.waitForResponse(back.responseUrl)).body.text).toBe(
        '돌아오신 걸 환영합니다! 이제 새 리드를 다시 받습니다.',
      );
      const removed = await second.driver.command('/baton', 'ooo', { userId: 'U0MGR0001' });
      expect((await slack.waitForResponse(removed.responseUrl)).body.text).toContain('로스터에 없어서');
    } finally {
      await second.stop();
    }
  });

  it('refuses to start when the file names another workspace', async () => {
    await expect(
      startTestApp({ database, slack, configYaml: `team_id: T0OTHER\n${TEAM_YAML}` }),
    ).rejects.toThrow(
      'team_id in the config file is T0OTHER, but SLACK_BOT_TOKEN belongs to workspace T0BATON',
    );
  });

  it('refuses to start with a clear message when Slack rejects the token', async () => {
    slack.failNext('auth.test', { error: 'invalid_auth' });
    await expect(startTestApp({ database, slack })).rejects.toThrow(
      'Slack rejected SLACK_BOT_TOKEN (invalid_auth): check the token, or reinstall the app to the workspace',
    );
  });
});
