import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyWebhook } from '../../src/http/webhook-auth.js';
import { startTestApp, type TestApp } from '../harness/test-app.js';
import { claimCard, HANDOFF_YAML, newCard } from './support/lead-cards.js';
import { WebhookReceiver } from './support/webhook-receiver.js';

const SECRET = 'whsec-test-0123456789';
process.env.BATON_TEST_HOOK_SECRET = SECRET;

let t: TestApp;
let hook: WebhookReceiver;

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
