import { describe, expect, it } from 'vitest';
import { editRoster, mentionedUser, parseRosterCommand } from '../../../src/domain/roster-command.js';

const SEGMENTS = ['smb', 'enterprise'];
const parse = (text: string) => parseRosterCommand(text, SEGMENTS);

describe('mentionedUser', () => {
  it('reads Slack mentions with and without the name part, and bare ids', () => {
    expect(mentionedUser('<@U0SDR0001|sora>')).toBe('U0SDR0001');
    expect(mentionedUser('<@W0ENT0001>')).toBe('W0ENT0001');
    expect(mentionedUser('U0AE00001')).toBe('U0AE00001');
    expect(mentionedUser('@sora')).toBeNull();
    expect(mentionedUser('<#C0LEADS|leads>')).toBeNull();
    expect(mentionedUser('<!channel>')).toBeNull();
  });
});

describe('parseRosterCommand', () => {
  it('explains itself with no words or help', () => {
    expect(parse('')).toEqual({ ok: true, command: { kind: 'help' } });
    expect(parse('help')).toEqual({ ok: true, command: { kind: 'help' } });
  });

  it('adds several people with roles and segments by name, weight and cap as words', () => {
    expect(parse('add <@U0AAA|ann lee> <@U0BBB|bo> SDR smb enterprise weight 2 cap 15')).toEqual({
      ok: true,
      command: {
        kind: 'add',
        users: ['U0AAA', 'U0BBB'],
        fields: { roles: ['sdr'], segments: ['smb', 'enterprise'], weight: 2, cap: 15 },
      },
    });
  });

  it('takes a manager mention and a time zone on add, and no fields at all', () => {
    expect(parse('add <@U0AAA|a> ae tz Asia/Seoul manager <@U0MGR|m>')).toEqual({
      ok: true,
      command: {
        kind: 'add',
        users: ['U0AAA'],
        fields: { roles: ['ae'], timeZone: 'Asia/Seoul', manager: 'U0MGR' },
      },
    });
    expect(parse('add <@U0AAA|a>')).toEqual({
      ok: true,
      command: { kind: 'add', users: ['U0AAA'], fields: {} },
    });
  });

  it('removes people, once each', () => {
    expect(parse('remove <@U0AAA|a> <@U0BBB> <@U0AAA|a>')).toEqual({
      ok: true,
      command: { kind: 'remove', users: ['U0AAA', 'U0BBB'] },
    });
  });

  it('sets lists after their keyword and clears with none', () => {
    expect(
      parse('set <@U0AAA|a> segments enterprise smb roles sdr ae weight 3 cap none manager none tz none'),
    ).toEqual({
      ok: true,
      command: {
        kind: 'set',
        users: ['U0AAA'],
        fields: {
          segments: ['enterprise', 'smb'],
          roles: ['sdr', 'ae'],
          weight: 3,
          cap: null,
          manager: null,
          timeZone: null,
        },
      },
    });
  });

  it('names what it cannot read', () => {
    expect(parse('promote <@U0AAA>')).toEqual({ ok: false, error: 'unknown_action', word: 'promote' });
    expect(parse('add sdr')).toEqual({ ok: false, error: 'no_users' });
    expect(parse('add @sora sdr')).toEqual({ ok: false, error: 'plain_mention', word: '@sora' });
    expect(parse('add <@U0AAA> sdr mid-market')).toEqual({
      ok: false,
      error: 'unknown_word',
      word: 'mid-market',
    });
    expect(parse('add <@U0AAA> weight two')).toEqual({
      ok: false,
      error: 'bad_number',
      keyword: 'weight',
      value: 'two',
    });
    expect(parse('set <@U0AAA> cap')).toEqual({ ok: false, error: 'missing_value', keyword: 'cap' });
    expect(parse('set <@U0AAA> segments weight 2')).toEqual({
      ok: false,
      error: 'missing_value',
      keyword: 'segments',
    });
    expect(parse('set <@U0AAA>')).toEqual({ ok: false, error: 'nothing_to_set' });
    expect(parse('set <@U0AAA> sdr')).toEqual({ ok: false, error: 'unknown_word', word: 'sdr' });
    expect(parse('set <@U0AAA> weight 2 weight 3')).toEqual({ ok: false, error: 'twice', keyword: 'weight' });
    expect(parse('remove <@U0AAA> please')).toEqual({ ok: false, error: 'unknown_word', word: 'please' });
  });
});

describe('editRoster', () => {
  const doc = {
    segments: SEGMENTS,
    roster: [
      { user: 'U0AAA', roles: ['sdr'], weight: 2, max_open_leads: 10 },
      { user: 'U0MGR', roles: ['manager'] },
    ],
  };

  it('adds people with their Slack time zone and name unless a zone is given', () => {
    const profiles = new Map([
      ['U0BBB', { tz: 'Asia/Seoul', name: 'Bo Kim' }],
      ['U0CCC', { tz: 'Europe/Berlin' }],
    ]);
    const result = editRoster(
      doc,
      { kind: 'add', users: ['U0BBB', 'U0CCC'], fields: { roles: ['ae'], segments: ['enterprise'] } },
      profiles,
    );
    expect(result).toEqual({
      ok: true,
      roster: [
        ...doc.roster,
        { user: 'U0BBB', name: 'Bo Kim', time_zone: 'Asia/Seoul', roles: ['ae'], segments: ['enterprise'] },
        { user: 'U0CCC', time_zone: 'Europe/Berlin', roles: ['ae'], segments: ['enterprise'] },
      ],
    });
    const given = editRoster(doc, { kind: 'add', users: ['U0CCC'], fields: { timeZone: 'UTC' } }, profiles);
    expect(given.ok && given.roster[2]).toEqual({ user: 'U0CCC', time_zone: 'UTC' });
  });

  it('sets and clears fields, leaving the document itself alone', () => {
    const result = editRoster(doc, {
      kind: 'set',
      users: ['U0AAA'],
      fields: { weight: 1, cap: null, manager: 'U0MGR' },
    });
    expect(result.ok && result.roster[0]).toEqual({
      user: 'U0AAA',
      roles: ['sdr'],
      weight: 1,
      manager: 'U0MGR',
    });
    expect(doc.roster[0]).toEqual({ user: 'U0AAA', roles: ['sdr'], weight: 2, max_open_leads: 10 });
  });

  it('removes people and refuses names that are (not) on the roster', () => {
    expect(editRoster(doc, { kind: 'remove', users: ['U0MGR'] })).toEqual({
      ok: true,
      roster: [doc.roster[0]],
    });
    expect(editRoster(doc, { kind: 'add', users: ['U0AAA', 'U0NEW'], fields: {} })).toEqual({
      ok: false,
      reason: 'already_on_roster',
      users: ['U0AAA'],
    });
    expect(editRoster(doc, { kind: 'set', users: ['U0NEW'], fields: { weight: 2 } })).toEqual({
      ok: false,
      reason: 'not_on_roster',
      users: ['U0NEW'],
    });
    expect(editRoster({}, { kind: 'add', users: ['U0NEW'], fields: {} })).toEqual({
      ok: true,
      roster: [{ user: 'U0NEW' }],
    });
  });
});
