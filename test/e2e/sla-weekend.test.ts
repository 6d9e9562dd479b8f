/**
 * The escalation ladder of a lead that arrives on Friday evening, run by the compiled process (as
 * `npm start` runs it) on the business calendar across a weekend. The process's wall clock is
 * faked with libfaketime (the embedded database follows it): it starts on Friday 2026-11-27 at
 * 18:59 UTC and jumps to each step's due time on Monday, so nothing here waits for real minutes.
 * Calendar: the default Mon–Fri 09:00–18:00 UTC; ladder: the default 15/30/45/60/90 working minutes.
 *
 * Needs libfaketime (`apt-get install -y faketime`; .ci/run installs it when missing).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BatonProcess, freePort, launchBaton, waitForReady } from '../harness/baton-process.js';
import { FakeSlack, type RecordedCall } from '../harness/fake-slack.js';
import { sendLead, WEBHOOK_SECRET } from '../harness/lead-webhook.js';
import { BOT_TOKEN, SIGNING_SECRET, TEAM_ID } from '../harness/test-app.js';

// Debian puts it under the machine's multiarch directory (x86_64-linux-gnu, aarch64-linux-gnu, …).
const LIBFAKETIME =
  ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib']
    .map((dir) => `${dir}/faketime/libfaketime.so.1`)
    .find((path) => existsSync(path)) ?? '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';
const [S1, S2, M1] = ['U0WKD0001', 'U0WKD0002', 'U0WKDMGR1'];
const LEADS = 'C0WKDLEADS';
const ESC = 'C0WKDESC';
const CONFIG = `
locale: en
segments: [smb]
channels:
  leads: { smb: ${LEADS} }
  escalations: ${ESC}
routing:
  match_existing_accounts: false
roster:
  - { user: ${S1}, roles: [sdr], segments: [smb], manager: ${M1} }
  - { user: ${S2}, roles: [sdr], segments: [smb], manager: ${M1} }
  - { user: ${M1}, roles: [manager] }
`;

const text = (call: RecordedCall) => String(call.args.text ?? '');
const posted = (slack: FakeSlack) => slack.callsTo('chat.postMessage');

describe('the escalation ladder across a weekend, in the compiled process', () => {
  let slack: FakeSlack;
  let dir: string;
  let run: BatonProcess | undefined;
  let timeFile: string;
  let offsetMs = 0;

  /** Moves the process's wall clock to `iso` (libfaketime re-reads the offset within a second). */
  const setClock = async (iso: string) => {
    const offset = Math.round((Date.parse(iso) - Date.now()) / 1000);
    offsetMs = offset * 1000;
    await writeFile(timeFile, `${offset >= 0 ? '+' : ''}${offset}s\n`);
  };
  /** The thread lines of the lead's card, in order. */
  const thread = (cardTs: string) =>
    posted(slack)
      .filter((c) => c.args.channel === LEADS && c.args.thread_ts === cardTs)
      .map(text);
  const waitFor = (match: (call: RecordedCall) => boolean) =>
    slack.waitForCall('chat.postMessage', match, { timeoutMs: 30_000 });

  beforeAll(async () => {
    expect(existsSync(LIBFAKETIME), `libfaketime is missing: apt-get install -y faketime`).toBe(true);
    slack = await FakeSlack.start({
      teamId: TEAM_ID,
      users: [S1, S2, M1].map((id) => ({ id, name: id.toLowerCase(), tz: 'UTC' })),
    });
    slack.addChannel({ id: LEADS, name: 'weekend-leads' });
    slack.addChannel({ id: ESC, name: 'weekend-escalations' });
    dir = await mkdtemp(join(tmpdir(), 'baton-weekend-'));
    await writeFile(join(dir, 'baton.yaml'), CONFIG);
    timeFile = join(dir, 'faketime');
  });
  afterAll(async () => {
    if (run && run.child.exitCode === null) {
      run.child.kill('SIGTERM');
      await run.exited;
    }
    await slack?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('auto-assigns a Friday 19:00 lead at Monday 09:30 working time, after the 09:15 nudge; one line per reassignment; the warning reaches the manager', async () => {
    await setClock('2026-11-27T19:00:00Z'); // Friday, after hours
    const port = await freePort();
    run = launchBaton(
      {
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        LEAD_WEBHOOK_SECRET: WEBHOOK_SECRET,
        BATON_CONFIG: 'baton.yaml',
        BATON_DATA_DIR: join(dir, 'data'),
        PORT: String(port),
        LOG_LEVEL: 'warn',
        LD_PRELOAD: LIBFAKETIME,
        FAKETIME_TIMESTAMP_FILE: timeFile,
        FAKETIME_CACHE_DURATION: '1',
        // Only the wall clock moves: timers and timeouts keep real time.
        FAKETIME_DONT_FAKE_MONOTONIC: '1',
      },
      dir,
    );
    await waitForReady(run, port);

    const res = await sendLead(
      `http://127.0.0.1:${port}`,
      {
        external_id: 'weekend-1',
        source: 'website',
        name: 'Friday Evening',
        email: 'buyer@friday.example',
        company: 'Friday Co',
        company_size: 20,
        form: 'demo_request',
      },
      { now: () => new Date(Date.now() + offsetMs) }, // signed on the process's clock
    );
    expect(res.status).toBe(202);
    const card = await waitFor((c) => c.args.channel === LEADS && !c.args.thread_ts);
    const cardTs = String(card.response.ts ?? '');
    expect(cardTs).not.toBe('');

    // Monday 09:15 (15 working minutes after arrival): the nudge, and nobody has been assigned yet.
    await setClock('2026-11-30T09:15:01Z');
    const nudge = await waitFor((c) => c.args.thread_ts === cardTs && text(c).startsWith(':bell:'));
    expect(text(nudge)).toBe(':bell: Unclaimed for 15 working min — who takes it?');
    expect(thread(cardTs).filter((l) => l.startsWith(':alarm_clock:'))).toEqual([]);

    // 09:30 working time: auto-assigned, and the line counts working minutes.
    await setClock('2026-11-30T09:30:01Z');
    const assigned = await waitFor((c) => c.args.thread_ts === cardTs && text(c).startsWith(':alarm_clock:'));
    const owner = /assigned to <@(\w+)>/.exec(text(assigned))?.[1];
    expect(text(assigned)).toMatch(
      /^:alarm_clock: Unclaimed for 30 working min, so assigned to <@U0WKD000[12]>/,
    );
    const other = owner === S1 ? S2 : S1;

    // 09:45: the warning goes to the owner and to their manager.
    await setClock('2026-11-30T09:45:01Z');
    const warned = await waitFor((c) => c.args.channel === M1 && text(c).includes('left for'));
    expect(text(warned)).toContain(
      `15 working min left for <@${owner}> to make the first touch on *Friday Evening*`,
    );
    const ownerWarning = await waitFor((c) => c.args.channel === owner && text(c).includes('left to make'));
    expect(text(ownerWarning)).toContain('15 working min left to make the first touch on *Friday Evening*');

    // 10:00: the breach, posted to the escalations channel.
    await setClock('2026-11-30T10:00:01Z');
    const breach = await waitFor((c) => c.args.channel === ESC && text(c).includes('SLA breached'));
    expect(text(breach)).toContain('had no first touch within 60 working min');

    // 10:30: reassigned, with one thread line, the true one.
    const before = thread(cardTs).length;
    await setClock('2026-11-30T10:30:01Z');
    await waitFor((c) => c.args.thread_ts === cardTs && text(c).startsWith(':repeat:'));
    // The new owner's DM is the last write of that step: once it is out, every line is.
    await waitFor((c) => c.args.channel === other && JSON.stringify(c.args).includes('No first touch from'));
    expect(thread(cardTs).slice(before)).toEqual([
      `:repeat: No first touch after 90 working min, so reassigned from <@${owner}> to <@${other}>.`,
    ]);
    expect(thread(cardTs).filter((l) => l.startsWith(':alarm_clock:'))).toHaveLength(1);
  }, 120_000);
});
