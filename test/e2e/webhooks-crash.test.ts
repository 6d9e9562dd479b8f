/**
 * kill -9 after a lead's events were committed and queued for a webhook but before the endpoint
 * took them: the restarted process (compiled, as `npm start` runs it) delivers them, once each and
 * in order. Embedded database by default; a shared PostgreSQL database when TEST_DATABASE_URL is set.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook } from '../../src/http/webhook-auth.js';
import { type BatonProcess, freePort, launchBaton, waitForReady } from '../harness/baton-process.js';
import { FakeSlack } from '../harness/fake-slack.js';
import { demoLead, sendLead, WEBHOOK_SECRET } from '../harness/lead-webhook.js';
import { openSharedPostgres, type SharedPostgres } from '../harness/postgres-database.js';
import { BOT_TOKEN, SIGNING_SECRET, TEAM_ID, TEAM_USERS } from '../harness/test-app.js';
import { WebhookReceiver } from './support/webhook-receiver.js';

const SECRET = 'whsec-crash-0123456789';

describe('a kill -9 between commit and delivery', () => {
  let slack: FakeSlack;
  let hook: WebhookReceiver;
  let pg: SharedPostgres | undefined;
  let dir: string;
  const runs: BatonProcess[] = [];

  beforeAll(async () => {
    slack = await FakeSlack.start({ teamId: TEAM_ID, users: TEAM_USERS });
    hook = await WebhookReceiver.start();
    dir = await mkdtemp(join(tmpdir(), 'baton-webhook-crash-'));
    await writeFile(
      join(dir, 'baton.yaml'),
      `channels:
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
    if (process.env.TEST_DATABASE_URL) pg = await openSharedPostgres(process.env.TEST_DATABASE_URL);
  });
  afterAll(async () => {
    for (const run of runs) if (run.child.exitCode === null) run.child.kill('SIGKILL');
    await Promise.all(runs.map((run) => run.exited));
    await slack?.stop();
    await hook?.stop();
    await pg?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('delivers the queued event after the restart, once', async () => {
    const port = await freePort();
    const env = {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      LEAD_WEBHOOK_SECRET: WEBHOOK_SECRET,
      CRM_WEBHOOK_SECRET: SECRET,
      BATON_CONFIG: 'baton.yaml',
      PORT: String(port),
      LOG_LEVEL: 'info',
      ...(pg ? { DATABASE_URL: pg.url } : { BATON_DATA_DIR: join(dir, 'data') }),
    };
    const first = launchBaton(env, dir);
    runs.push(first);
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

    const second = launchBaton(env, dir);
    runs.push(second);
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
