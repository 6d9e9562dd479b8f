/**
 * kill -9 while a card's post is in flight, then restart: the compiled process (as `npm start`
 * runs it) must not post that card twice, and must not hold the channel for the post's 2-minute
 * claim: a new card in the same channel goes out within 10 s of the restart. Embedded database by
 * default; a shared PostgreSQL database when TEST_DATABASE_URL is set.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BatonProcess, freePort, launchBaton, waitForReady } from '../harness/baton-process.js';
import { FakeSlack, type RecordedCall } from '../harness/fake-slack.js';
import { demoLead, sendLead, WEBHOOK_SECRET } from '../harness/lead-webhook.js';
import { openSharedPostgres, type SharedPostgres } from '../harness/postgres-database.js';
import { BOT_TOKEN, SIGNING_SECRET, TEAM_ID, TEAM_USERS } from '../harness/test-app.js';

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
  let slack: FakeSlack;
  let pg: SharedPostgres | undefined;
  let dir: string;
  const runs: BatonProcess[] = [];

  beforeAll(async () => {
    slack = await FakeSlack.start({ teamId: TEAM_ID, users: TEAM_USERS });
    dir = await mkdtemp(join(tmpdir(), 'baton-crash-'));
    await writeFile(join(dir, 'baton.yaml'), CONFIG);
    if (process.env.TEST_DATABASE_URL) pg = await openSharedPostgres(process.env.TEST_DATABASE_URL);
  });
  afterAll(async () => {
    for (const run of runs) if (run.child.exitCode === null) run.child.kill('SIGKILL');
    await Promise.all(runs.map((run) => run.exited));
    await slack?.stop();
    await pg?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('posts the in-flight card once and the next card in its channel within 10 s of the restart', async () => {
    const port = await freePort();
    const env = {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      LEAD_WEBHOOK_SECRET: WEBHOOK_SECRET,
      BATON_CONFIG: 'baton.yaml',
      PORT: String(port),
      LOG_LEVEL: 'info',
      ...(pg ? { DATABASE_URL: pg.url } : { BATON_DATA_DIR: join(dir, 'data') }),
    };
    const lead = (n: number) => demoLead('crash', n);

    const first = launchBaton(env, dir);
    runs.push(first);
    await waitForReady(first, port);
    // Slack takes the card at once but its answer never reaches Baton: the post is in flight.
    slack.failNext('chat.postMessage', { delayMs: 120_000 });
    const a = await sendLead(`http://127.0.0.1:${port}`, lead(1));
    expect(a.status).toBe(202);
    await slack.waitForCall('chat.postMessage', isCard(a.json.lead_id), { timeoutMs: 15_000 });
    first.child.kill('SIGKILL');
    await first.exited;

    const restartedAt = Date.now();
    const second = launchBaton(env, dir);
    runs.push(second);
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
