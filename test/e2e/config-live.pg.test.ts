/**
 * Two Baton processes (the compiled entry) on one PostgreSQL database: a configuration change made
 * through process A's Slack is used by process B's next lead card within 5 s, with no restart.
 * Neither process has a config file: both run on the database's current version.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigService } from '../../src/admin/config-service.js';
import { ConfigStore } from '../../src/admin/config-store.js';
import { systemClock } from '../../src/domain/clock.js';
import { createLogger } from '../../src/observability/logger.js';
import { type BatonProcess, freePort, launchBaton, waitForReady } from '../harness/baton-process.js';
import { FakeSlack, type RecordedCall } from '../harness/fake-slack.js';
import { demoLead, sendLead, WEBHOOK_SECRET } from '../harness/lead-webhook.js';
import { openSharedPostgres, type SharedPostgres } from '../harness/postgres-database.js';
import { SlackDriver } from '../harness/slack-driver.js';
import { BOT_TOKEN, SIGNING_SECRET, TEAM_ID, TEAM_USERS } from '../harness/test-app.js';

const ADMIN_URL = process.env.TEST_DATABASE_URL;
if (!ADMIN_URL) throw new Error('config-live.pg.test.ts needs TEST_DATABASE_URL (a PostgreSQL server)');
const [OLD, NEW] = ['C0OLDLEADS', 'C0NEWLEADS'];
const ADMIN = 'U0MGR0001';
const [SDR, AE] = ['U0SDR0001', 'U0AE00001'];

const teamWith = (leads: string) => ({
  channels: { leads },
  roster: [
    { user: 'U0SDR0001', roles: ['sdr'] },
    { user: ADMIN, roles: ['manager', 'admin'] },
  ],
});

type Running = BatonProcess & { port: number };

const cardOf = (leadId: unknown) => (call: RecordedCall) =>
  (call.args.metadata as { event_payload?: { lead_id?: unknown; purpose?: string } } | undefined)
    ?.event_payload?.lead_id === leadId &&
  (call.args.metadata as { event_payload?: { purpose?: string } }).event_payload?.purpose === 'lead_card';

describe('two processes on one PostgreSQL', () => {
  let pg: SharedPostgres;
  let slack: FakeSlack;
  let dir: string;
  const runs: Running[] = [];

  beforeAll(async () => {
    pg = await openSharedPostgres(ADMIN_URL!);
    // Version 1 posts cards to NEW, version 2 (current) to OLD: restoring 1 through A moves them.
    const logger = createLogger('error', {}, () => {});
    const seed = new ConfigService(pg.database, new ConfigStore(pg.database, logger), systemClock);
    const by = { actorId: ADMIN, via: 'api' } as const;
    expect(await seed.change(TEAM_ID, by, () => teamWith(NEW))).toMatchObject({ ok: true, version: 1 });
    expect(await seed.change(TEAM_ID, by, () => teamWith(OLD))).toMatchObject({ ok: true, version: 2 });
    slack = await FakeSlack.start({ teamId: TEAM_ID, users: TEAM_USERS });
    dir = await mkdtemp(join(tmpdir(), 'baton-config-live-pg-'));
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      const run = launchBaton(
        {
          SLACK_BOT_TOKEN: BOT_TOKEN,
          SLACK_SIGNING_SECRET: SIGNING_SECRET,
          SLACK_API_URL: slack.apiUrl,
          LEAD_WEBHOOK_SECRET: WEBHOOK_SECRET,
          DATABASE_URL: pg.url,
          LOG_LEVEL: 'warn',
          PORT: String(port),
        },
        dir,
      );
      runs.push(Object.assign(run, { port }));
    }
    await Promise.all(runs.map((run) => waitForReady(run, run.port)));
  }, 120_000);

  afterAll(async () => {
    for (const run of runs) if (run.child.exitCode === null) run.child.kill('SIGKILL');
    await Promise.all(runs.map((run) => run.exited));
    await slack?.stop();
    await pg?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Sends a lead to B and returns the channel its card went to. */
  async function cardChannelFromB(n: number): Promise<string> {
    const b = runs[1]!;
    const res = await sendLead(`http://127.0.0.1:${b.port}`, demoLead('live', n));
    expect(res.status).toBe(202);
    const call = await slack.waitForCall('chat.postMessage', cardOf(res.json.lead_id), { timeoutMs: 15_000 });
    return String(call.args.channel);
  }

  it("uses a change made through A's Slack in B's next card within 5 s", async () => {
    expect(await cardChannelFromB(1)).toBe(OLD);

    const [a] = runs;
    const driver = new SlackDriver({
      baseUrl: `http://127.0.0.1:${a!.port}`,
      signingSecret: SIGNING_SECRET,
      slack,
    });
    const res = await driver.command('/baton', 'config restore 1', { userId: ADMIN });
    const reply = await slack.waitForResponse(res.responseUrl, { timeoutMs: 15_000 });
    const changedAt = Date.now();
    expect(reply.body.text).toBe(
      'Restored version 1 as version 3 (1 setting changed). Every Baton process uses it within seconds.',
    );

    // Each lead to B is one routing decision; count how long until B's cards follow version 3.
    let n = 2;
    let channel = await cardChannelFromB(n);
    while (channel !== NEW && Date.now() - changedAt < 10_000) channel = await cardChannelFromB(++n);
    const delay = Date.now() - changedAt;
    console.log(
      `config change through process A used by process B's card after ${delay} ms (${n - 1} leads)`,
    );
    expect(channel).toBe(NEW);
    expect(delay).toBeLessThan(5_000);
    // Once switched, it stays switched.
    expect(await cardChannelFromB(n + 1)).toBe(NEW);
    for (const run of runs) expect(run.stderr()).toBe('');
  }, 120_000);
  it("uses a roster change made through A's Slack in B's next routing decision within 5 s", async () => {
    // Round robin at every hour of every day (this test runs on the wall clock), still with one seller.
    const seed = new ConfigService(
      pg.database,
      new ConfigStore(
        pg.database,
        createLogger('error', {}, () => {}),
      ),
      systemClock,
    );
    const allHours = {
      ...teamWith(NEW),
      calendar: {
        working_days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
        working_hours: { start: '00:00', end: '23:59' },
      },
      routing: { default: { mode: 'round_robin' } },
    };
    expect(await seed.change(TEAM_ID, { actorId: ADMIN, via: 'api' }, () => allHours)).toMatchObject({
      ok: true,
    });
    let n = 100;
    const deadline = Date.now() + 10_000;
    while ((await ownerFromB(++n)) === null && Date.now() < deadline);
    expect(await ownerFromB(++n)).toBe(SDR);

    const [a] = runs;
    const driver = new SlackDriver({
      baseUrl: `http://127.0.0.1:${a!.port}`,
      signingSecret: SIGNING_SECRET,
      slack,
    });
    const res = await driver.command('/baton', `roster add <@${AE}|minjun> ae smb enterprise`, {
      userId: ADMIN,
    });
    const reply = await slack.waitForResponse(res.responseUrl, { timeoutMs: 15_000 });
    const changedAt = Date.now();
    expect(reply.body.text).toContain(AE);

    // Two sellers at weight 1 alternate, so once B follows the new roster the new seller gets a lead.
    const owners: Array<string | null> = [];
    while (!owners.includes(AE) && Date.now() - changedAt < 10_000) owners.push(await ownerFromB(++n));
    const delay = Date.now() - changedAt;
    console.log(
      `roster change through process A used by process B's routing after ${delay} ms (${owners.length} leads)`,
    );
    expect(owners).toContain(AE);
    expect(delay).toBeLessThan(5_000);
    for (const run of runs) expect(run.stderr()).toBe('');
  }, 120_000);

  /** Sends a lead to B and returns who routing gave it to (null: nobody yet). */
  async function ownerFromB(n: number): Promise<string | null> {
    const b = runs[1]!;
    const res = await sendLead(`http://127.0.0.1:${b.port}`, demoLead('roster', n));
    expect(res.status).toBe(202);
    const [row] = await pg.database.rows<{ owner_id: string | null }>(
      sql`select owner_id from leads where id = ${res.json.lead_id as number}`,
    );
    return row?.owner_id ?? null;
  }
});
