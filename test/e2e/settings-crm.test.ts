import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseWorkspaceDocument } from '../../src/config/workspace.js';
import { verifyWebhook } from '../../src/http/webhook-auth.js';
import { messages } from '../../src/i18n/index.js';
import type { StateValuesInput } from '../harness/slack-driver.js';
import { startTestApp, type TestApp } from '../harness/test-app.js';
import { claimCard, HANDOFF_YAML, newCard, openedView } from './support/lead-cards.js';
import { WebhookReceiver } from './support/webhook-receiver.js';

const ADMIN = 'U0MGR0001'; // roles [manager, admin]
const SELLER = 'U0SDR0001';
const en = messages('en');

let t: TestApp;
let hook: WebhookReceiver;

/**
 * Settings → "Webhooks and CRM", driven through Slack as an admin does it: an endpoint added from
 * Home is a config version signed with a secret Baton generated (shown once, stored outside the
 * config); a lead's events reach a local receiver signed with it; removing it stops deliveries.
 */
beforeAll(async () => {
  hook = await WebhookReceiver.start();
  t = await startTestApp({ configYaml: null });
  // No file: the team is a stored version, so the webhooks are Slack's to change.
  const seed = parseWorkspaceDocument(HANDOFF_YAML, 'seed.yaml') as Record<string, unknown>;
  await t.baton.context.services.config.change(t.slack.teamId, { actorId: null, via: 'api' }, (doc) => {
    Object.assign(doc, seed);
  });
});
afterAll(async () => {
  await t?.stop();
  await hook?.stop();
});
beforeEach(() => hook.reset());

const config = () => t.baton.context.configs.for(t.slack.teamId);

async function home(user: string) {
  const before = t.slack.callsTo('views.publish').length;
  await t.driver.event({ type: 'app_home_opened', user, tab: 'home' });
  await vi.waitFor(() => expect(t.slack.callsTo('views.publish').length).toBeGreaterThan(before));
  return t.slack.homeView(user)!;
}

async function clickAdd(user: string) {
  const view = await home(ADMIN);
  const click = await t.driver.blockActions({
    userId: user,
    view,
    actions: [{ action_id: 'crm_webhook_add', block_id: 'crm_actions', value: 'add' }],
  });
  return openedView(t, click.triggerId);
}

async function menu(user: string, choice: string, name: string) {
  const view = await home(ADMIN);
  const click = await t.driver.blockActions({
    userId: user,
    view,
    actions: [
      {
        action_id: 'crm_webhook_menu',
        block_id: `crm_endpoint_${name}`,
        selected_option: { value: `${choice}:${name}` },
      },
    ],
  });
  return openedView(t, click.triggerId);
}

const values = (name: string | null, url: string): StateValuesInput => ({
  ...(name ? { crm_name: { value: { type: 'plain_text_input', value: name } } } : {}),
  crm_url: { value: { type: 'url_text_input', value: url } },
  crm_events: { value: { type: 'multi_static_select', selected_options: [] } },
  crm_enabled: { value: { type: 'checkboxes', selected_options: [{ value: 'on' }] } },
});

async function deliver(): Promise<void> {
  await t.baton.relay.run();
  await t.baton.webhooks.deliverDue();
}

const secretIn = (view: { blocks?: unknown[] }) => {
  const match = JSON.stringify(view.blocks).match(/whsec_[A-Za-z0-9_-]{43}/);
  return match?.[0] ?? null;
};

describe('Settings → Webhooks and CRM', () => {
  let secret = '';

  it('shows the section to admins only, with HubSpot not connected', async () => {
    const adminHome = JSON.stringify((await home(ADMIN)).blocks);
    expect(adminHome).toContain(en.crmSettings.title);
    expect(adminHome).toContain(en.crmSettings.none);
    expect(adminHome).toContain(JSON.stringify(en.crmSettings.hubspotOff).slice(1, -1));
    const sellerHome = JSON.stringify((await home(SELLER)).blocks);
    expect(sellerHome).not.toContain(en.crmSettings.title);
  });

  it('refuses a non-admin, both opening the modal and submitting it', async () => {
    const notice = await clickAdd(SELLER);
    expect(JSON.stringify(notice.blocks)).toContain(en.admin.refusals.notAnAdmin);
    const modal = await clickAdd(ADMIN);
    const res = await t.driver.viewSubmission({
      userId: SELLER,
      viewId: modal.id,
      values: values('zap', `${hook.url}/hook`),
    });
    expect(res.json).toEqual({
      response_action: 'errors',
      errors: { crm_name: en.admin.refusals.notAnAdmin },
    });
    expect(config().webhooks).toEqual([]);
  });

  it('says what is wrong with a bad URL under the URL field, and stores nothing', async () => {
    const modal = await clickAdd(ADMIN);
    expect(modal.callback_id).toBe('crm_webhook');
    const res = await t.driver.viewSubmission({
      userId: ADMIN,
      viewId: modal.id,
      values: values('zap', 'http://crm.example/in'),
    });
    expect(res.json).toEqual({
      response_action: 'errors',
      errors: { crm_url: 'must use https (plain http is allowed only for localhost)' },
    });
    const bad = await t.driver.viewSubmission({
      userId: ADMIN,
      viewId: modal.id,
      values: values('Not A Slug', `${hook.url}/hook`),
    });
    expect(bad.json).toMatchObject({ response_action: 'errors', errors: { crm_name: expect.any(String) } });
    expect(config().webhooks).toEqual([]);
    expect(await t.database.rows(sql`select name from webhook_secrets`)).toEqual([]);
  });

  it('adds an endpoint: a new version, the secret shown once and kept out of the config', async () => {
    const versionsBefore = (await t.baton.context.services.config.history(t.slack.teamId, 50)).length;
    const modal = await clickAdd(ADMIN);
    const res = await t.driver.viewSubmission({
      userId: ADMIN,
      viewId: modal.id,
      values: values('zap', `${hook.url}/hook`),
    });
    expect(res.json).toMatchObject({ response_action: 'update' });
    const shown = (res.json as { view: { blocks: unknown[] } }).view;
    secret = secretIn(shown) ?? '';
    expect(secret).toMatch(/^whsec_/);
    expect(JSON.stringify(shown.blocks)).toContain('X-Baton-Signature');

    expect(config().webhooks).toEqual([
      { name: 'zap', url: `${hook.url}/hook`, events: '*', secretEnv: null, enabled: true },
    ]);
    const history = await t.baton.context.services.config.history(t.slack.teamId, 50);
    expect(history.length).toBe(versionsBefore + 1);
    expect(history[0]).toMatchObject({ actorId: ADMIN, via: 'slack', source: 'home:webhooks' });
    // Never in any version, the export or Home.
    const versions = await t.database.rows<{ document: unknown }>(sql`select document from config_versions`);
    expect(JSON.stringify(versions)).not.toContain(secret);
    expect(t.baton.context.services.config.exportYaml(t.slack.teamId)).toContain('secret: stored');
    expect(t.baton.context.services.config.exportYaml(t.slack.teamId)).not.toContain(secret);
    const adminHome = JSON.stringify((await home(ADMIN)).blocks);
    expect(adminHome).toContain('*zap*');
    expect(adminHome).not.toContain(secret);
  });

  it("delivers a lead's events signed with the stored secret", async () => {
    const { leadId, cardTs } = await newCard(t, 'dana@acme.example');
    await claimCard(t, SELLER, leadId, cardTs);
    await deliver();
    const got = hook.received.filter((r) => (r.json.lead as { id: number } | null)?.id === leadId);
    expect(got.map((r) => r.json.type)).toEqual(['lead.created', 'lead.assigned']);
    for (const r of got)
      expect(verifyWebhook(r.headers, Buffer.from(r.body), secret, t.clock.now())).toEqual({
        ok: true,
        via: 'signature',
      });
  });

  it('rotates the secret: shown once, the next delivery is signed with the new one', async () => {
    const view = await menu(ADMIN, 'rotate', 'zap');
    const rotated = secretIn(view);
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
    const test = await menu(ADMIN, 'test', 'zap');
    expect(JSON.stringify(test.blocks)).toContain('A test delivery');
    await deliver();
    const sent = hook.received.find((r) => r.json.type === 'webhook.test');
    expect(verifyWebhook(sent!.headers, Buffer.from(sent!.body), rotated!, t.clock.now())).toEqual({
      ok: true,
      via: 'signature',
    });
    expect(verifyWebhook(sent!.headers, Buffer.from(sent!.body), secret, t.clock.now()).ok).toBe(false);
  });

  it('edits the events, then removes the endpoint: its secret goes and nothing more is sent', async () => {
    const modal = await menu(ADMIN, 'edit', 'zap');
    expect(modal.private_metadata).toBe('zap');
    const edited = await t.driver.viewSubmission({
      userId: ADMIN,
      viewId: modal.id,
      values: {
        ...values(null, `${hook.url}/hook2`),
        crm_events: { value: { type: 'multi_static_select', selected_options: [{ value: 'lead.created' }] } },
      },
    });
    expect(edited.json).toBeUndefined();
    expect(config().webhooks[0]).toMatchObject({
      url: `${hook.url}/hook2`,
      events: ['lead.created'],
      secretEnv: null,
    });

    const removed = await menu(ADMIN, 'remove', 'zap');
    expect(JSON.stringify(removed.blocks)).toContain('was removed');
    expect(config().webhooks).toEqual([]);
    expect(await t.database.rows(sql`select name from webhook_secrets`)).toEqual([]);
    hook.reset();
    await newCard(t, 'eve@acme.example');
    await deliver();
    expect(hook.received).toEqual([]);
  });
});
