import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startTestApp, TEAM_ID, type TestApp } from '../harness/test-app.js';
import { command, MONDAY_10, ownerOf, seller, sendLead } from './support/routing.js';

const [A, B, C] = ['U0RCA0001', 'U0RCB0001', 'U0RCC0001'];
const ADMIN = 'U0MGR0001'; // manager and admin on the roster
const LEAD_MANAGER = 'U0LDM0001'; // a manager, not an admin
const OUTSIDER = 'U0OUT0001';

const CONFIG = `
locale: en
segments: [smb]
channels:
  leads: C0LEADS
routing:
  segments:
    smb:
      mode: round_robin
roster:
${seller(A)}
${seller(B)}
  - user: ${ADMIN}
    roles: [manager, admin]
  - user: ${LEAD_MANAGER}
    roles: [manager]
`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ configYaml: null });
  for (const id of [A, B, LEAD_MANAGER, OUTSIDER]) t.slack.addUser({ id, name: id.toLowerCase(), tz: 'UTC' });
  // London is on UTC in November, so C works the same hours as everyone; the zone shows it came from Slack.
  t.slack.addUser({ id: C, name: 'chris', realName: 'Chris Cho', tz: 'Europe/London' });
  // The document as Slack-made versions hold it (not managed by a file).
  const seeded = await t.baton.context.services.config.change(TEAM_ID, { actorId: null, via: 'api' }, () =>
    parse(CONFIG),
  );
  expect(seeded).toMatchObject({ ok: true, version: 1 });
  t.clock.set(MONDAY_10);
});
afterAll(async () => {
  await t?.stop();
});

async function route(n: number): Promise<string[]> {
  const owners: string[] = [];
  for (let i = 0; i < n; i++) {
    owners.push((await ownerOf(t, await sendLead(t)))!);
    t.clock.advanceMinutes(1);
  }
  return owners;
}

const passes = () =>
  t.database.rows<{ user_id: string; pass: number; assigned: number }>(
    sql`select user_id, pass, assigned from routing_state where segment = 'smb' order by user_id`,
  );

/** `/baton roster <text>` by `userId`; the ephemeral answer's text. */
const roster = (userId: string, text: string) => command(t, userId, `roster ${text}`);

const mentionOf = (id: string, name = 'x') => `<@${id}|${name}>`;

describe('/baton roster add | remove | set', () => {
  it('keeps round-robin fairness across an add and a remove: no catch-up flood, no reset', async () => {
    // A and B, weight 1: ties go to the seller never assigned or assigned longest ago, then the lower id.
    expect(await route(4)).toEqual([A, B, A, B]);

    expect(await roster(ADMIN, `add ${mentionOf(C, 'chris')} sdr smb`)).toBe(
      `:white_check_mark: Added <@${C}> to the roster (version 2).`,
    );
    const [member] = await t.database.rows<{ time_zone: string; name: string | null; roles: string[] }>(
      sql`select time_zone, name, roles from members where user_id = ${C}`,
    );
    expect(member).toEqual({ time_zone: 'Europe/London', name: 'Chris Cho', roles: ['sdr'] });

    // C joins at the rotation's virtual time (pass 2, like A and B), not at 0: a fair third, no flood.
    // All at 2 → C (never assigned), A, B; all at 3 → C, A, B (assigned longest ago first).
    expect(await route(6)).toEqual([C, A, B, C, A, B]);
    expect(await passes()).toEqual([
      { user_id: A, pass: 4, assigned: 4 },
      { user_id: B, pass: 4, assigned: 4 },
      { user_id: C, pass: 4, assigned: 2 },
    ]);

    expect(await roster(ADMIN, `remove ${mentionOf(A)}`)).toBe(
      `:white_check_mark: Took <@${A}> off the roster (version 3). They keep their leads and history.`,
    );
    // B and C carry on from pass 4 (nobody reset); C was assigned before B, so C first.
    expect(await route(4)).toEqual([C, B, C, B]);
    expect(await passes()).toEqual([
      // A left: no more leads, but lifted with the rotation so a return would not flood them either.
      { user_id: A, pass: 5, assigned: 4 },
      { user_id: B, pass: 6, assigned: 6 },
      { user_id: C, pass: 6, assigned: 4 },
    ]);
  });

  it('sets weight, cap, segments, manager and time zone; clears with none', async () => {
    expect(
      await roster(ADMIN, `set ${mentionOf(B)} weight 2 cap 15 manager ${mentionOf(ADMIN)} tz Asia/Seoul`),
    ).toBe(`:white_check_mark: Updated <@${B}> (version 4).`);
    const row = async () =>
      (
        await t.database.rows<{
          weight: number;
          max_open_leads: number | null;
          manager_id: string | null;
          time_zone: string;
        }>(sql`select weight, max_open_leads, manager_id, time_zone from members where user_id = ${B}`)
      )[0];
    expect(await row()).toEqual({
      weight: 2,
      max_open_leads: 15,
      manager_id: ADMIN,
      time_zone: 'Asia/Seoul',
    });
    expect(await roster(ADMIN, `set ${mentionOf(B)} cap none tz none`)).toBe(
      `:white_check_mark: Updated <@${B}> (version 5).`,
    );
    // Without its own zone a member follows the calendar's (UTC by default).
    expect(await row()).toEqual({ weight: 2, max_open_leads: null, manager_id: ADMIN, time_zone: 'UTC' });
  });

  it("refuses what the schema refuses, with the schema's message, and changes nothing", async () => {
    const history = async () => (await t.baton.context.services.config.history(TEAM_ID, 50)).length;
    const before = await history();
    expect(await roster(ADMIN, `remove ${mentionOf(B)} ${mentionOf(C)}`)).toBe(
      'Nothing was changed:\n• `roster`: no member has a seller role (sdr or ae); every lead is routed to a seller, so give at least one member roles: [sdr] or [ae]',
    );
    // Segments are known by name, so an unknown one is named before the schema sees it.
    expect(await roster(ADMIN, `set ${mentionOf(C)} segments enterprise`)).toContain(
      'I don’t know `enterprise`. Roles:',
    );
    expect(await roster(ADMIN, `set ${mentionOf(C)} manager ${mentionOf(OUTSIDER)}`)).toBe(
      `Nothing was changed:\n• \`roster[3].manager\`: (<@${C}>) "${OUTSIDER}" is not on the roster`,
    );
    expect(await roster(ADMIN, `set ${mentionOf(C)} weight 500`)).toContain('`roster[3].weight`');
    expect(await roster(ADMIN, `set ${mentionOf(C)} tz Mars/Olympus`)).toContain('`roster[3].time_zone`');
    expect(await roster(ADMIN, `set ${mentionOf(B)} weight 2`)).toBe(
      'Nothing to change: it is already like that.',
    );
    expect(await history()).toBe(before);
  });

  it('answers bad words, plain @names and unknown people specifically', async () => {
    expect(await roster(ADMIN, 'add @chris sdr')).toBe(
      '`@chris` is not a mention Baton can read: pick the person from Slack’s @ list so it turns into a link.',
    );
    expect(await roster(ADMIN, `add ${mentionOf(OUTSIDER)} sdr mid-market`)).toBe(
      'I don’t know `mid-market`. Roles: `marketer`, `sdr`, `ae`, `cs`, `manager`, `admin`. Segments: `smb`. Settings: `weight`, `cap`, `segments`, `roles`, `manager`, `tz`.',
    );
    expect(await roster(ADMIN, `add ${mentionOf(C)}`)).toBe(
      `<@${C}> already on the roster: use \`/baton roster set\` to change them.`,
    );
    expect(await roster(ADMIN, `remove ${mentionOf(OUTSIDER)}`)).toBe(
      `<@${OUTSIDER}> not on the roster: add them with \`/baton roster add\` first.`,
    );
    expect(await roster(ADMIN, 'help')).toContain('*Change the roster*');
  });

  it('lets a manager change only their own team, and nobody else change anything', async () => {
    expect(await roster(C, `add ${mentionOf(OUTSIDER)} sdr`)).toBe(
      'Only Baton’s admins (and managers, for their own team) can change the roster and settings.',
    );
    // Added by a manager: their team (manager = them) unless they name another.
    expect(await roster(LEAD_MANAGER, `add ${mentionOf(OUTSIDER)} ae`)).toMatch(/^:white_check_mark: Added/);
    const [row] = await t.database.rows<{ manager_id: string }>(
      sql`select manager_id from members where user_id = ${OUTSIDER}`,
    );
    expect(row).toEqual({ manager_id: LEAD_MANAGER });
    expect(await roster(LEAD_MANAGER, `set ${mentionOf(OUTSIDER)} weight 3`)).toMatch(
      /^:white_check_mark: Updated/,
    );
    expect(await roster(LEAD_MANAGER, `set ${mentionOf(B)} weight 3`)).toBe(
      `As a manager you can change only your own team (people whose manager is you): <@${B}> is outside it.`,
    );
    expect(await roster(LEAD_MANAGER, `set ${mentionOf(OUTSIDER)} roles ae admin`)).toBe(
      `Only an admin can give the manager or admin role (<@${OUTSIDER}>).`,
    );
  });

  it('lists the roster with how to change it for /baton roster alone', async () => {
    const res = await t.driver.command('/baton', 'roster', { userId: A });
    const reply = await t.slack.waitForResponse(res.responseUrl);
    expect(reply.body.text).toMatch(/^Roster — \d+ people$/);
    expect(JSON.stringify(reply.body.blocks)).toContain('/baton roster add @a @b sdr smb enterprise');
  });
});
