import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, type TestApp } from '../harness/test-app.js';
import { command } from './support/routing.js';

const ROSTER_ADMIN = 'U0MGR0001'; // roles [manager, admin] in TEAM_YAML
const SELLER = 'U0SDR0001';
const WORKSPACE_ADMIN = 'U0WSADM02'; // an admin of the Slack workspace, on no roster

function texts(blocks: unknown): string {
  return JSON.stringify(blocks ?? []);
}

async function openHome(t: TestApp, userId: string): Promise<string> {
  const before = t.slack.callsTo('views.publish').length;
  await t.driver.event({ type: 'app_home_opened', user: userId, tab: 'home' });
  await vi.waitFor(() => expect(t.slack.callsTo('views.publish').length).toBeGreaterThan(before));
  return texts(t.slack.homeView(userId)?.blocks);
}

async function clickSetup(t: TestApp, userId: string, item: string) {
  const click = await t.driver.blockActions({
    userId,
    view: t.slack.homeView(userId)!,
    actions: [{ action_id: 'setup_open', block_id: `setup_${item}`, value: item }],
  });
  return (await t.slack.waitForCall('views.open', { trigger_id: click.triggerId! })).args.view as {
    callback_id?: string;
    submit?: unknown;
    blocks: unknown[];
  };
}

describe('who administers, with the config file managing most settings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(); // TEAM_YAML as baton.yaml: locale, channels and roster are the file's
    t.slack.addUser({ id: WORKSPACE_ADMIN, name: 'it-admin', isAdmin: true, tz: 'UTC' });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('gives a roster admin "Settings" below their Home, with what the file manages read-only', async () => {
    const home = await openHome(t, ROSTER_ADMIN);
    expect(home).toContain('"text":"Settings"');
    expect(home).toContain('*Channels* · :lock: Managed in baton.yaml');
    expect(home).toContain('*People* · :lock: Managed in baton.yaml');
    expect(home).toContain('*Calendar and language* · :lock: Managed in baton.yaml');
    expect(home).toContain('*Follow-up SLA* · :white_circle: At its defaults');
    const modal = await clickSetup(t, ROSTER_ADMIN, 'channels');
    expect(modal.callback_id).toBe('setup_channels');
    expect(modal.submit).toBeUndefined();
    expect(texts(modal.blocks)).toContain(':lock: Managed in baton.yaml: change it in the file.');
  });

  it('refuses a roster command on a roster the file manages', async () => {
    expect(await command(t, ROSTER_ADMIN, 'roster set <@U0SDR0001|sora> weight 3')).toBe(
      'Nothing was changed: `roster` is managed in baton.yaml; change it in the file.',
    );
  });

  it('gives a workspace admin from Slack the same, though not on the roster', async () => {
    const home = await openHome(t, WORKSPACE_ADMIN);
    expect(home).toContain('"text":"Settings"');
    expect(home).not.toContain('You are not on the Baton roster yet');
    const info = t.slack.callsTo('users.info').filter((c) => c.args.user === WORKSPACE_ADMIN);
    expect(info.length).toBeGreaterThan(0);
  });

  it('shows a seller no settings, and refuses a forged click', async () => {
    const home = await openHome(t, SELLER);
    expect(home).not.toContain('setup_open');
    const modal = await clickSetup(t, SELLER, 'sla');
    expect(modal.callback_id).toBeUndefined();
    expect(texts(modal.blocks)).toContain('Only Baton’s admins can change this setting.');
    // A submission from someone who may not change it is refused under its first field.
    await openHome(t, WORKSPACE_ADMIN);
    const sla = await clickSetup(t, WORKSPACE_ADMIN, 'sla');
    const versions = (await t.baton.context.services.config.history(t.slack.teamId, 50)).length;
    const forged = await t.driver.viewSubmission({
      userId: SELLER,
      viewId: (t.slack.views().find((v) => v.callback_id === 'setup_sla') as { id: string }).id,
      values: { sla_minutes: { value: { type: 'number_input', value: '5' } } },
    });
    expect(sla.callback_id).toBe('setup_sla');
    expect(forged.json).toEqual({
      response_action: 'errors',
      errors: { sla_minutes: 'Only Baton’s admins can change this setting.' },
    });
    expect((await t.baton.context.services.config.history(t.slack.teamId, 50)).length).toBe(versions);
  });
});

describe('BATON_ADMINS', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { BATON_ADMINS: SELLER } });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('is the whole list: the roster admin is only a manager, the listed seller is an admin, and Slack is not asked', async () => {
    // Still a manager on the roster: their own team's people, nothing else.
    const manager = await openHome(t, ROSTER_ADMIN);
    expect(manager).not.toContain('"block_id":"setup_channels"');
    expect(manager).toContain('"block_id":"setup_people"');
    expect(manager).toContain('As a manager you can change the people on your own team.');
    expect(await openHome(t, SELLER)).toContain('"text":"Settings"');
    expect(
      t.slack.callsTo('users.info').filter((c) => [SELLER, ROSTER_ADMIN].includes(String(c.args.user))),
    ).toEqual([]);
  });
});
