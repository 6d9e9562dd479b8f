import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyWebhook } from '../../src/http/webhook-auth.js';
import { startTestApp, type TestApp } from '../harness/test-app.js';
import { documentedSchemas } from '../unit/crm/webhook-schemas.js';
import { claimCard, HANDOFF_YAML, newCard } from './support/lead-cards.js';
import { WebhookReceiver } from './support/webhook-receiver.js';

const SECRET = 'whsec-test-0123456789';
process.env.BATON_TEST_HOOK_SECRET = SECRET;

let t: TestApp;
let hook: WebhookReceiver;
const check = documentedSchemas();

const webhooksYaml = (url: string, events = "'*'") => `webhooks:
  - name: crm
    url: ${url}/hook
    events: ${events}
    secret_env: BATON_TEST_HOOK_SECRET
`;

beforeAll(async () => {
  hook = await WebhookReceiver.start();
  t = await startTestApp({ configYaml: `${HANDOFF_YAML}${webhooksYaml(hook.url)}` });
});
afterAll(async () => {
  await t?.stop();
  await hook?.stop();
});
beforeEach(() => hook.reset());

/** Relays what is queued and sends what is due, until both are empty. */
async function deliver(): Promise<void> {
  await t.baton.relay.run();
  await t.baton.webhooks.deliverDue();
}

const forLead = (leadId: number) =>
  hook.received.filter((r) => (r.json.lead as { id: number } | null)?.id === leadId);

describe('a lead’s life reaches the endpoint', () => {
  it('intake, claim, first touch and a stage move arrive in order, signed', async () => {
    const { leadId, cardTs } = await newCard(t, 'dana@acme.example');
    await claimCard(t, 'U0SDR0001', leadId, cardTs);
    const touch = await t.postSigned(
      `/api/leads/${leadId}/activities`,
      JSON.stringify({ type: 'call', actor: 'U0SDR0001' }),
    );
    expect(touch.status).toBeLessThan(300);
    const move = await t.postSigned(
      `/api/leads/${leadId}/stage`,
      JSON.stringify({ stage: 'Opportunity', amount: 1200, currency: 'USD' }),
    );
    expect(move.status).toBeLessThan(300);
    await deliver();

    const got = forLead(leadId);
    expect(got.map((r) => r.json.type)).toEqual([
      'lead.created',
      'lead.assigned',
      'lead.first_touch',
      'lead.stage_changed',
    ]);
    for (const r of got) {
      expect(verifyWebhook(r.headers, Buffer.from(r.body), SECRET, t.clock.now())).toEqual({
        ok: true,
        via: 'signature',
      });
      expect(r.headers['x-baton-event']).toBe(r.json.type);
      expect(r.json.schema).toBe(`baton.${r.json.type}/1`);
      expect(check(r.json)).toEqual([]); // what was sent matches docs/webhooks/<type>.v1.schema.json
    }
    expect(new Set(got.map((r) => r.headers['x-baton-delivery'])).size).toBe(got.length);
    expect(got[1]!.json.data).toMatchObject({ how: 'claim', from: null, to: 'U0SDR0001' });
    expect(got[2]!.json.data).toMatchObject({ kind: 'call', via: 'api', met_sla: true });
    expect(got.at(-1)!.json.data).toMatchObject({
      from: 'SQL',
      to: 'Opportunity',
      via: 'api',
      amount: 1200,
      currency: 'USD',
    });
    expect(got[0]!.json.lead).toMatchObject({ id: leadId, email: 'dana@acme.example', company: 'Acme' });
  });
});

const endpointRow = async () =>
  (
    await t.database.rows<{ paused_at: Date | null; failures: number }>(
      sql`select paused_at, failures from webhook_endpoints where name = 'crm'`,
    )
  )[0];

describe('when the endpoint fails', () => {
  it('500, then 429 (Retry-After), then OK: delivered once per key, the lead’s next event waits its turn', async () => {
    await deliver();
    hook.reset();
    hook.failNext({ status: 500 });
    hook.failNext({ status: 429, headers: { 'retry-after': '120' } });
    const { leadId, cardTs } = await newCard(t, 'eve@acme.example');
    await claimCard(t, 'U0SDR0001', leadId, cardTs);
    await deliver();
    // The created event failed; the assignment behind it is not sent before it.
    expect(forLead(leadId).map((r) => [r.json.type, r.status])).toEqual([['lead.created', 500]]);

    t.clock.advance(15_000); // past the first backoff (10 s ± 20 %)
    await deliver();
    expect(forLead(leadId).map((r) => [r.json.type, r.status])).toEqual([
      ['lead.created', 500],
      ['lead.created', 429],
    ]);
    t.clock.advance(60_000); // Retry-After asked for 120 s
    await deliver();
    expect(forLead(leadId)).toHaveLength(2);

    t.clock.advance(61_000);
    await deliver();
    const got = forLead(leadId);
    expect(got.map((r) => [r.json.type, r.status])).toEqual([
      ['lead.created', 500],
      ['lead.created', 429],
      ['lead.created', 200],
      ['lead.assigned', 200],
    ]);
    // Every try of a delivery carries the same key and the same bytes; each delivered key arrives once.
    expect(new Set(got.slice(0, 3).map((r) => r.headers['x-baton-delivery'])).size).toBe(1);
    expect(new Set(got.slice(0, 3).map((r) => r.body)).size).toBe(1);
    expect(got.slice(0, 3).map((r) => r.headers['x-baton-attempt'])).toEqual(['1', '2', '3']);
    const keys = hook.delivered().map((r) => r.headers['x-baton-delivery']);
    expect(new Set(keys).size).toBe(keys.length);
    expect((await endpointRow())?.failures).toBe(0);
  });

  it('pauses an endpoint that keeps failing, tells the admin, and resumes from Slack', async () => {
    await deliver();
    hook.reset();
    hook.failNext({ status: 503 }, 50);
    const { leadId } = await newCard(t, 'fay@acme.example');
    await deliver();
    for (let i = 0; i < 12 && !(await endpointRow())?.paused_at; i++) {
      t.clock.advance(90 * 60_000);
      await deliver();
    }
    const paused = await endpointRow();
    expect(paused?.paused_at).not.toBeNull();
    const tries = forLead(leadId).length;
    // Paused: nothing more is tried, however long we wait.
    t.clock.advance(3 * 3_600_000);
    await deliver();
    expect(forLead(leadId)).toHaveLength(tries);

    await t.flushOutbox();
    const dm = t.slack.messages('U0MGR0001').map((m) => m.text ?? '');
    expect(
      dm.some((text) => text.includes('paused the webhook endpoint *crm*') && text.includes('http_503')),
    ).toBe(true);

    // A seller is refused; the admin sees the endpoint paused, with Resume.
    const refused = await t.driver.command('/baton', 'webhooks', { userId: 'U0SDR0001' });
    expect((await t.slack.waitForResponse(refused.responseUrl)).body.text).toBe(
      'Only Baton admins can see and change webhooks.',
    );
    const listed = await t.driver.command('/baton', 'webhooks', { userId: 'U0MGR0001' });
    const list = (await t.slack.waitForResponse(listed.responseUrl)).body;
    const shown = JSON.stringify(list.blocks);
    expect(shown).toContain('*Paused*');
    expect(shown).toContain('webhook_resume');
    expect(shown).not.toContain('/hook'); // the URL's path (a catch hook's token) is never shown

    hook.reset(); // the receiving side is fixed
    await t.driver.blockActions({
      userId: 'U0MGR0001',
      actions: [{ action_id: 'webhook_test', block_id: 'webhook:crm', value: 'crm' }],
    });
    await expect
      .poll(async () => {
        await t.baton.webhooks.deliverDue();
        return hook.delivered().length;
      })
      .toBe(1);
    expect(hook.received[0]!.json).toMatchObject({
      type: 'webhook.test',
      schema: 'baton.webhook.test/1',
      lead: null,
    });
    expect((await endpointRow())?.paused_at).not.toBeNull(); // a test does not resume it

    await t.driver.blockActions({
      userId: 'U0MGR0001',
      actions: [{ action_id: 'webhook_resume', block_id: 'webhook:crm', value: 'crm' }],
    });
    await expect
      .poll(async () => {
        await deliver();
        return forLead(leadId).length;
      })
      .toBe(1);
    expect(forLead(leadId)[0]!.json.type).toBe('lead.created');
    expect(await endpointRow()).toMatchObject({ paused_at: null, failures: 0 });
  });
});
