import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook } from '../../src/http/webhook-auth.js';
import { freePort, waitForReady } from '../harness/baton-process.js';
import { crashWorld } from '../harness/crash-world.js';
import { demoLead, sendLead } from '../harness/lead-webhook.js';
import { WebhookReceiver } from './support/webhook-receiver.js';

const SECRET = 'whsec-crash-0123456789';

describe('a kill -9 between commit and delivery', () => {
  let hook: WebhookReceiver;
  beforeAll(async () => {
    hook = await WebhookReceiver.start();
  });
  afterAll(async () => {
    await hook?.stop();
  });
  const world = crashWorld(
    'webhook-crash',
    () => `channels:
  leads: C0LEADS
roster:
  - user: U0SDR0001
    roles: [sdr]
webhooks:
  - name: crm
    url: ${hook.url}/in
    events: '*'
    secret_env: CRM_WEBHOOK_SECRET
`,
  );

  it('delivers the queued event after the restart, once', async () => {
    const port = await freePort();
    const env = world.env(port, { CRM_WEBHOOK_SECRET: SECRET });
    const first = world.launch(env);
    await waitForReady(first, port);
    // The endpoint is down for the first try: the delivery is committed and waits for its retry.
    hook.failNext({ status: 503 });
    const a = await sendLead(`http://127.0.0.1:${port}`, demoLead('hookcrash', 1));
    expect(a.status).toBe(202);
    await expect.poll(() => hook.received.length, { timeout: 15_000 }).toBe(1);
    // Killed once the failed try is recorded (a kill while a POST is in flight waits out its claim).
    await expect
      .poll(async () => (await fetch(`http://127.0.0.1:${port}/metrics`)).text(), { timeout: 10_000 })
      .toMatch(/^baton_webhook_deliveries_total\{endpoint="crm",outcome="retry"\} 1$/m);
    first.child.kill('SIGKILL');
    await first.exited;

    const second = world.launch(env);
    await waitForReady(second, port);
    // The retry is due ~10 s after the first try; the restarted sender picks it up.
    await expect.poll(() => hook.delivered().length, { timeout: 30_000, interval: 200 }).toBe(1);
    const [failed, delivered] = hook.received;
    expect(delivered!.json).toMatchObject({ type: 'lead.created', lead: { id: a.json.lead_id } });
    expect(delivered!.headers['x-baton-delivery']).toBe(failed!.headers['x-baton-delivery']);
    expect(delivered!.body).toBe(failed!.body);
    expect(verifyWebhook(delivered!.headers, Buffer.from(delivered!.body), SECRET, new Date()).ok).toBe(true);
    // Nothing more arrives: the delivery is recorded as delivered.
    await new Promise((r) => setTimeout(r, 1500));
    expect(hook.received).toHaveLength(2);
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toMatch(/^baton_webhook_deliveries_total\{endpoint="crm",outcome="delivered"\} 1$/m);
  }, 120_000);
});
