import { describe, expect, it } from 'vitest';
import { freePort, waitForReady } from '../harness/baton-process.js';
import { crashWorld } from '../harness/crash-world.js';
import type { RecordedCall } from '../harness/fake-slack.js';
import { demoLead, sendLead } from '../harness/lead-webhook.js';

const LEADS = 'C0LEADS';
const CONFIG = `
channels:
  leads: ${LEADS}
roster:
  - user: U0SDR0001
    roles: [sdr]
  - user: U0AE00001
    roles: [ae]
`;

const leadOf = (call: RecordedCall) =>
  (call.args.metadata as { event_payload?: { lead_id?: number } } | undefined)?.event_payload?.lead_id;
const isCard = (leadId: unknown) => (call: RecordedCall) =>
  call.args.channel === LEADS &&
  leadOf(call) === leadId &&
  (call.args.metadata as { event_payload?: { purpose?: string } })?.event_payload?.purpose === 'lead_card';

describe('a kill -9 with a card in flight', () => {
  const world = crashWorld('crash', CONFIG);

  it('posts the in-flight card once and the next card in its channel within 10 s of the restart', async () => {
    const port = await freePort();
    const env = world.env(port);
    const { slack } = world;
    const lead = (n: number) => demoLead('crash', n);

    const first = world.launch(env);
    await waitForReady(first, port);
    // Slack takes the card at once but its answer never reaches Baton: the post is in flight.
    slack.failNext('chat.postMessage', { delayMs: 120_000 });
    const a = await sendLead(`http://127.0.0.1:${port}`, lead(1));
    expect(a.status).toBe(202);
    await slack.waitForCall('chat.postMessage', isCard(a.json.lead_id), { timeoutMs: 15_000 });
    first.child.kill('SIGKILL');
    await first.exited;

    const restartedAt = Date.now();
    const second = world.launch(env);
    await waitForReady(second, port);
    // Measured from ready: start-up itself (the embedded database after a kill -9 on a busy
    // machine) is not the queue's doing.
    const readyAt = Date.now();
    const b = await sendLead(`http://127.0.0.1:${port}`, lead(2));
    expect(b.status).toBe(202);
    await slack.waitForCall('chat.postMessage', isCard(b.json.lead_id), { timeoutMs: 15_000 });
    const seconds = (Date.now() - readyAt) / 1000;
    const readyS = (readyAt - restartedAt) / 1000;
    console.log(
      `crash recovery: ready ${readyS.toFixed(1)} s after the restart; the next card in the channel posted ${seconds.toFixed(1)} s after ready`,
    );
    expect(seconds).toBeLessThan(10);

    // The in-flight card was found in Slack by its metadata and recorded, not posted again.
    const cards = slack.messages(LEADS).filter((m) => m.metadata?.event_payload.purpose === 'lead_card');
    expect(cards.map((m) => m.metadata?.event_payload.lead_id)).toEqual([a.json.lead_id, b.json.lead_id]);
    expect(slack.calls.filter(isCard(a.json.lead_id))).toHaveLength(1);
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toMatch(/^baton_outbox_claims_freed_total 1$/m);
    expect(metrics).toMatch(/^baton_outbox_reconciled_total 1$/m);
  }, 120_000);
});
