/**
 * Three Baton processes (the compiled entry, as `npm start` runs it) on one PostgreSQL database:
 * 500 leads whose escalation steps all fall due at once must each get every escalation message
 * exactly once, counted at the fake Slack. PostgreSQL only: PGlite lives inside one process.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BatonProcess, freePort, launchBaton, waitForReady } from '../harness/baton-process.js';
import { FakeSlack, type RecordedCall } from '../harness/fake-slack.js';
import { demoLead, sendLead, WEBHOOK_SECRET } from '../harness/lead-webhook.js';
import { openSharedPostgres, type SharedPostgres } from '../harness/postgres-database.js';
import { SIGNING_SECRET, TEAM_ID } from '../harness/test-app.js';

const ADMIN_URL = process.env.TEST_DATABASE_URL;
if (!ADMIN_URL) throw new Error('multi-process.pg.test.ts needs TEST_DATABASE_URL (a PostgreSQL server)');
const LEADS = 500;
const PROCESSES = 3;
const [S1, S2, M1] = ['U0MPSDR01', 'U0MPSDR02', 'U0MPMGR01'];
const LEADS_CHANNEL = 'C0MPLEADS';
const ESC = 'C0MPESCAL';

/**
 * Claim mode and no auto-assign, so every lead stays unclaimed and untouched and each step acts
 * whatever order the processes run them in: two nudges (a thread line each, a DM to each
 * eligible seller) and the breach (one post to the escalations channel). Working hours cover
 * the whole week so the sellers are eligible whenever the test runs.
 */
const CONFIG = `
locale: en
segments: [smb]
channels:
  leads: { smb: ${LEADS_CHANNEL} }
  escalations: ${ESC}
routing:
  match_existing_accounts: false
calendar:
  time_zone: UTC
  working_days: [mon, tue, wed, thu, fri, sat, sun]
  working_hours: { start: "00:00", end: "23:59" }
sla:
  clock: always
  first_touch_minutes: 5
  escalations:
    - { after_minutes: 1, when: unclaimed, action: nudge }
    - { after_minutes: 2, when: untouched, action: nudge }
    - { after_minutes: 5, when: untouched, action: breach }
roster:
  - { user: ${S1}, roles: [sdr], segments: [smb], manager: ${M1} }
  - { user: ${S2}, roles: [sdr], segments: [smb] }
  - { user: ${M1}, roles: [manager] }
`;

/** A Baton process and the port it serves on. */
type Running = BatonProcess & { port: number };

const posts = (calls: RecordedCall[], channel: string) =>
  calls.filter((c) => c.method === 'chat.postMessage' && !c.failure && c.args.channel === channel);

/** How many entries occur more than once. */
const duplicates = (values: string[]) => values.length - new Set(values).size;

// PostgreSQL only (several processes cannot share an embedded database): vitest.config.ts runs
// *.pg.test.ts files when TEST_DATABASE_URL is set, as .ci/run's second pass does.
describe('three processes on one PostgreSQL', () => {
  let pg: SharedPostgres;
  let slack: FakeSlack;
  let dir: string;
  const runs: Running[] = [];

  beforeAll(async () => {
    pg = await openSharedPostgres(ADMIN_URL!);
    // Slack allows about one message per second per channel and Baton paces its outbox to match,
    // so 500 breach posts to one escalations channel would take 500 s. This test database only:
    // every pacing slot is free at once, which also makes the processes race harder.
    await pg.database.db.execute(sql`
      create function test_no_pacing() returns trigger language plpgsql as $$
      begin new.next_at := least(new.next_at, now()); return new; end $$`);
    await pg.database.db.execute(sql`
      create trigger test_no_pacing before insert or update on channel_pacing
      for each row execute function test_no_pacing()`);
    slack = await FakeSlack.start({
      teamId: TEAM_ID,
      users: [S1, S2, M1].map((id) => ({ id, name: id.toLowerCase(), tz: 'UTC' })),
    });
    dir = await mkdtemp(join(tmpdir(), 'baton-multi-'));
    await writeFile(join(dir, 'baton.yaml'), CONFIG);
    for (let i = 0; i < PROCESSES; i++) {
      const port = await freePort();
      const run = launchBaton(
        {
          SLACK_BOT_TOKEN: 'xoxb-1000000001-2000000002-MultiProcess00000001',
          SLACK_SIGNING_SECRET: SIGNING_SECRET,
          SLACK_API_URL: slack.apiUrl,
          LEAD_WEBHOOK_SECRET: WEBHOOK_SECRET,
          DATABASE_URL: pg.url,
          BATON_CONFIG: 'baton.yaml',
          LOG_LEVEL: 'warn',
          PORT: String(port),
        },
        dir,
      );
      runs.push(Object.assign(run, { port }));
    }
    // All three start together: migrations and the config are applied under their own locks.
    await Promise.all(runs.map((run) => waitForReady(run, run.port)));
  }, 120_000);

  afterAll(async () => {
    for (const run of runs) if (run.child.exitCode === null) run.child.kill('SIGKILL');
    await Promise.all(runs.map((run) => run.exited));
    await slack?.stop();
    await pg?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const count = async (query: ReturnType<typeof sql>) => {
    const [row] = await pg.database.rows<{ n: number }>(query);
    return row?.n ?? 0;
  };

  it('posts every escalation message exactly once for 500 leads due in the same minute', async () => {
    // Intake spread over the three processes, 16 at a time.
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < LEADS) {
          const i = next++;
          const run = runs[i % PROCESSES]!;
          const res = await sendLead(`http://127.0.0.1:${run.port}`, demoLead('mp', i));
          expect(res.status).toBe(202);
        }
      }),
    );
    // Intake books each ladder's first step; it books the other two when it runs.
    const steps = await count(sql`select count(*)::int as n from jobs where kind = 'sla.step'`);
    expect(steps).toBe(LEADS);

    const deadline = Date.now() + 240_000;
    for (;;) {
      // Every step of every lead falls due now, the later ones as soon as they are booked.
      await pg.database.db.execute(
        sql`update jobs set run_at = now() where kind = 'sla.step' and status = 'pending' and run_at > now()`,
      );
      const busy = await count(
        sql`select count(*)::int as n from jobs where kind = 'sla.step' and status in ('pending', 'running')`,
      );
      const queued = await count(sql`select count(*)::int as n from outbox where status = 'pending'`);
      if (busy === 0 && queued === 0) break;
      if (Date.now() > deadline) throw new Error(`still ${busy} steps and ${queued} writes to go`);
      await new Promise((r) => setTimeout(r, 500));
    }

    expect(await count(sql`select count(*)::int as n from jobs where status = 'dead'`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from outbox where status <> 'sent'`)).toBe(0);
    const events = await pg.database.rows<{ type: string; n: number }>(
      sql`select type, count(*)::int as n from lead_events where type like 'sla_step%' group by type`,
    );
    expect(events).toEqual([{ type: 'sla_step', n: LEADS * 3 }]);
    const calls = slack.calls;
    // Cards: one per lead.
    const leadsChannel = posts(calls, LEADS_CHANNEL);
    const cards = leadsChannel.filter((c) => !c.args.thread_ts);
    expect(cards).toHaveLength(LEADS);
    // Thread lines: one per lead per nudge step, two per card's thread, none repeated.
    const lines = leadsChannel.filter((c) => c.args.thread_ts);
    expect(lines).toHaveLength(LEADS * 2);
    const perThread = new Map<string, number>();
    for (const c of lines)
      perThread.set(String(c.args.thread_ts), (perThread.get(String(c.args.thread_ts)) ?? 0) + 1);
    expect(perThread.size).toBe(LEADS);
    expect([...perThread.values()].every((n) => n === 2)).toBe(true);
    expect(duplicates(lines.map((c) => `${c.args.thread_ts}|${c.args.text}`))).toBe(0);
    // Escalations channel: exactly one breach post per lead.
    const breaches = posts(calls, ESC);
    expect(breaches).toHaveLength(LEADS);
    for (let i = 0; i < LEADS; i++)
      expect(breaches.filter((c) => String(c.args.text).includes(`*Lead ${i}*`))).toHaveLength(1);
    // DMs: each eligible seller hears of each lead once per nudge step; the manager is not DMed
    // (nobody owns the leads), and no DM repeats.
    for (const seller of [S1, S2]) {
      const dms = posts(calls, seller);
      expect(dms).toHaveLength(LEADS * 2);
      expect(duplicates(dms.map((c) => String(c.args.text)))).toBe(0);
    }
    expect(posts(calls, M1)).toHaveLength(0);

    // Stop all three with SIGTERM: each exits 0.
    for (const run of runs) run.child.kill('SIGTERM');
    const codes = await Promise.all(runs.map(async (run) => (await run.exited).code));
    expect(codes).toEqual([0, 0, 0]);
    for (const run of runs) expect(run.stderr()).toBe('');
  }, 300_000);
});
