import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ConfigService } from '../../src/admin/config-service.js';
import { ConfigStore } from '../../src/admin/config-store.js';
import { parseWorkspaceConfig } from '../../src/config/workspace.js';
import type { Database } from '../../src/db/client.js';
import { createLogger } from '../../src/observability/logger.js';
import { openTestDatabase } from '../harness/database.js';
import { FakeClock } from '../harness/fake-clock.js';

const EXAMPLE = readFileSync(new URL('../../baton.example.yaml', import.meta.url), 'utf8');
const logger = createLogger('error', {}, () => {});
const SLACK = { actorId: 'U0ADMIN01', via: 'slack' } as const;
const seller = (user: string, extra: Record<string, unknown> = {}) => ({ user, roles: ['sdr'], ...extra });

let database: Database;
const clock = new FakeClock(new Date('2026-12-07T09:00:00Z'));

function processOn(db: Database) {
  const store = new ConfigStore(db, logger);
  return { store, service: new ConfigService(db, store, clock) };
}

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe('a workspace with no version', () => {
  it('is unconfigured: an empty document, no managed keys, no channels', () => {
    const { store, service } = processOn(database);
    expect(service.document('T0NEW')).toEqual({});
    expect(service.managedKeys('T0NEW')).toEqual([]);
    expect(store.for('T0NEW').channels.leads).toEqual({});
  });
});

describe('changes', () => {
  const team = 'T0CHANGES';
  let store: ConfigStore;
  let service: ConfigService;
  beforeAll(() => {
    ({ store, service } = processOn(database));
  });

  it('records each change as a version with who, through what and what changed', async () => {
    const first = await service.change(team, SLACK, (doc) => {
      doc.channels = { leads: 'C0LEADS' };
      doc.roster = [seller('U0AAA')];
    });
    expect(first).toEqual({
      ok: true,
      version: 1,
      changes: [
        { path: 'channels.leads', before: null, after: 'C0LEADS' },
        { path: 'roster[U0AAA]', before: null, after: seller('U0AAA') },
      ],
    });
    const second = await service.change(team, { ...SLACK, source: '/baton roster set' }, (doc) => {
      (doc.roster as Record<string, unknown>[])[0]!.weight = 2;
    });
    expect(second).toEqual({
      ok: true,
      version: 2,
      changes: [{ path: 'roster[U0AAA].weight', before: null, after: 2 }],
    });
    expect(store.for(team).roster[0]!.weight).toBe(2);
    const history = await service.history(team);
    expect(history.map((v) => [v.version, v.actorId, v.via, v.source])).toEqual([
      [2, 'U0ADMIN01', 'slack', '/baton roster set'],
      [1, 'U0ADMIN01', 'slack', null],
    ]);
    expect(history[0]!.createdAt).toEqual(clock.now());
  });

  it('keeps the members table and workspaces.settings in step, in the same transaction', async () => {
    const [member] = await database.rows<{ weight: number; on_roster: boolean }>(
      sql`select weight, on_roster from members where team_id = ${team} and user_id = 'U0AAA'`,
    );
    expect(member).toEqual({ weight: 2, on_roster: true });
    const [ws] = await database.rows<{ config_version: number; settings: { channels: { leads: unknown } } }>(
      sql`select config_version, settings from workspaces where team_id = ${team}`,
    );
    expect(ws!.config_version).toBe(2);
    expect(ws!.settings.channels.leads).toEqual({ smb: 'C0LEADS', enterprise: 'C0LEADS' });
  });

  it("refuses an invalid edit with the file schema's messages and key paths, storing nothing", async () => {
    const result = await service.change(team, SLACK, (doc) => {
      (doc.roster as Record<string, unknown>[]).push({ user: 'bob' });
      doc.sla = { first_touch_minutes: 0 };
    });
    expect(result).toEqual({
      ok: false,
      reason: 'invalid',
      problems: [
        { path: ['roster', 1, 'user'], message: '"bob" is not a Slack user id (like U0123ABCD)' },
        { path: ['sla', 'first_touch_minutes'], message: 'must be at least 5' },
      ],
    });
    expect((await service.history(team)).length).toBe(2);
  });

  it('says when an edit changes nothing', async () => {
    expect(await service.change(team, SLACK, () => {})).toEqual({ ok: false, reason: 'unchanged' });
  });

  it('refuses a team_id of another workspace', async () => {
    const result = await service.change(team, SLACK, (doc) => ({ ...doc, team_id: 'T0OTHER' }));
    expect(result).toMatchObject({ ok: false, reason: 'invalid', problems: [{ path: ['team_id'] }] });
  });

  it('removing a member keeps the row, off the roster', async () => {
    await service.change(team, SLACK, (doc) => {
      doc.roster = [seller('U0BBB')];
    });
    const rows = await database.rows<{ user_id: string; on_roster: boolean }>(
      sql`select user_id, on_roster from members where team_id = ${team} order by user_id`,
    );
    expect(rows).toEqual([
      { user_id: 'U0AAA', on_roster: false },
      { user_id: 'U0BBB', on_roster: true },
    ]);
  });
});

describe('restore', () => {
  const team = 'T0RESTORE';
  let service: ConfigService;
  beforeAll(() => {
    ({ service } = processOn(database));
  });

  it('makes an earlier version current again as a new version', async () => {
    await service.change(team, SLACK, () => ({ channels: { leads: 'C0LEADS' }, roster: [seller('U0AAA')] }));
    await service.change(team, SLACK, (doc) => ({ ...doc, sla: { first_touch_minutes: 30 } }));
    const restored = await service.restore(team, 1, 'U0ADMIN01');
    expect(restored).toEqual({
      ok: true,
      version: 3,
      changes: [{ path: 'sla.first_touch_minutes', before: 30, after: null }],
    });
    const [latest] = await service.history(team, 1);
    expect(latest).toMatchObject({ version: 3, via: 'restore', source: 'version 1', actorId: 'U0ADMIN01' });
  });

  it('names a version that does not exist', async () => {
    expect(await service.restore(team, 99, 'U0ADMIN01')).toEqual({
      ok: false,
      reason: 'invalid',
      problems: [{ path: [], message: 'there is no version 99' }],
    });
  });
});

describe('the config file', () => {
  const team = 'T0FILE';
  let service: ConfigService;
  beforeAll(() => {
    ({ service } = processOn(database));
  });
  const fileDoc = { channels: { leads: 'C0LEADS' }, roster: [seller('U0AAA')] };

  it('manages its top-level keys; Slack may change the others, not those', async () => {
    expect(await service.applyFile(team, 'baton.yaml', fileDoc)).toMatchObject({ ok: true, version: 1 });
    expect(service.managedKeys(team)).toEqual(['channels', 'roster']);
    const refused = await service.change(team, SLACK, (doc) => {
      (doc.roster as unknown[]).push(seller('U0BBB'));
      doc.locale = 'ko';
    });
    expect(refused).toEqual({ ok: false, reason: 'managed_by_file', keys: ['roster'] });
    expect(await service.change(team, SLACK, (doc) => ({ ...doc, locale: 'ko' }))).toMatchObject({
      ok: true,
    });
  });

  it('applied again unchanged makes no version, and keeps what Slack set', async () => {
    expect(await service.applyFile(team, 'baton.yaml', fileDoc)).toEqual({ ok: false, reason: 'unchanged' });
    const edited = { ...fileDoc, roster: [seller('U0AAA', { weight: 3 })] };
    expect(await service.applyFile(team, 'baton.yaml', edited)).toEqual({
      ok: true,
      version: 3,
      changes: [{ path: 'roster[U0AAA].weight', before: null, after: 3 }],
    });
    expect(service.document(team).locale).toBe('ko');
  });
});

describe('two processes on one database', () => {
  const team = 'T0TWO';

  it('a change made through one is picked up by the other on its next poll', async () => {
    const a = processOn(database);
    const b = processOn(database);
    await b.store.load();
    const seen: string[] = [];
    b.store.onChange((teamId) => {
      seen.push(teamId);
    });
    await a.service.change(team, SLACK, () => ({
      channels: { leads: 'C0LEADS' },
      roster: [seller('U0AAA')],
    }));
    expect(b.store.for(team).channels.leads).toEqual({});
    expect(await b.store.refresh()).toEqual([team]);
    expect(seen).toEqual([team]);
    expect(b.store.for(team).channels.leads).toEqual({ smb: 'C0LEADS', enterprise: 'C0LEADS' });
    expect(await b.store.refresh()).toEqual([]);
  });

  it("concurrent writers each land: the loser recomputes its edit on the winner's version", async () => {
    const a = processOn(database);
    const b = processOn(database);
    const [ra, rb] = await Promise.all([
      a.service.change(team, SLACK, (doc) => ({ ...doc, locale: 'ko' })),
      b.service.change(team, SLACK, (doc) => ({ ...doc, sla: { first_touch_minutes: 45 } })),
    ]);
    expect([ra, rb].map((r) => (r.ok ? r.version : r.reason)).sort()).toEqual([2, 3]);
    const c = processOn(database);
    await c.store.load();
    expect(c.service.document(team)).toMatchObject({ locale: 'ko', sla: { first_touch_minutes: 45 } });
  });
});

describe('export', () => {
  const team = 'T0EXPORT';
  let service: ConfigService;
  beforeAll(() => {
    ({ service } = processOn(database));
  });

  it('round-trips exactly: the exported YAML parses back to the same document and config', async () => {
    const doc = parse(EXAMPLE) as Record<string, unknown>;
    delete doc.team_id;
    expect(await service.change(team, SLACK, () => doc)).toMatchObject({ ok: true });
    const yaml = service.exportYaml(team);
    expect(parse(yaml)).toEqual(service.document(team));
    expect(parseWorkspaceConfig(yaml, 'exported.yaml')).toEqual(
      parseWorkspaceConfig(EXAMPLE, 'example.yaml'),
    );
  });
});

describe('a stored version this Baton cannot read', () => {
  it('is logged and the workspace keeps the version it runs on', async () => {
    const team = 'T0BADROW';
    const lines: Record<string, unknown>[] = [];
    const store = new ConfigStore(
      database,
      createLogger('info', {}, (line) => lines.push(JSON.parse(line))),
    );
    const service = new ConfigService(database, store, clock);
    await store.load();
    await service.change(team, SLACK, () => ({ channels: { leads: 'C0LEADS' }, roster: [seller('U0AAA')] }));
    // As a Baton with other rules might have written it.
    await database.rows(sql`
      insert into config_versions (team_id, version, via, document, managed, changes)
      values (${team}, 2, 'api', '{"segments": []}'::jsonb, '[]'::jsonb, '[]'::jsonb)`);
    await database.rows(sql`update workspaces set config_version = 2 where team_id = ${team}`);
    expect(await store.refresh()).toEqual([]);
    expect(store.state(team).version).toBe(1);
    expect(
      lines.find((l) => l.msg === 'stored config version does not validate; keeping the current one'),
    ).toMatchObject({
      team_id: team,
      version: 2,
      problems: ['segments: needs at least 1 item'],
    });
  });
});
