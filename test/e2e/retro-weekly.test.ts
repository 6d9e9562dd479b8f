import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { scheduleJob } from '../../src/db/queries/jobs.js';
import { FakeClock } from '../harness/fake-clock.js';
import type { FakeMessage } from '../harness/fake-slack.js';
import { startTestApp, TEAM_ID, type TestApp } from '../harness/test-app.js';

const [SDR, AE, MKT, MGR, STRANGER] = ['U0SDR0001', 'U0AE00001', 'U0MKT0001', 'U0MGR0001', 'U0STRANGER'];
const RETRO = 'C0RETRO';
const BOT = 'U0BATONBOT';

/** A Seoul team with its own retro channel; the monthly review on the 3rd at 09:00. */
const CONFIG = `
locale: en
calendar:
  time_zone: Asia/Seoul
segments: [smb]
channels:
  leads: { smb: C0LEADS }
  retro: ${RETRO}
roster:
  - { user: ${SDR}, roles: [sdr], segments: [smb] }
  - { user: ${AE}, roles: [ae], segments: [smb] }
  - { user: ${MKT}, roles: [marketer] }
  - { user: ${MGR}, roles: [manager, admin] }
retro:
  monthly_review: { day_of_month: 3, time: '09:00' }
`;

let t: TestApp;
beforeAll(async () => {
  // Sunday 2026-11-29 12:00 in Seoul; 2026-11-30 starts ISO week 2026-W49.
  t = await startTestApp({ configYaml: CONFIG, clock: new FakeClock('2026-11-29T03:00:00Z') });
});
afterAll(async () => {
  await t?.stop();
});

const at = async (iso: string) => {
  t.clock.set(iso);
  await t.baton.jobs.runDue();
  await t.flushOutbox();
};

/** Baton's top-level messages in the retro channel, oldest first. */
const parents = () =>
  t.slack
    .messages(RETRO)
    .filter((m) => m.user === BOT && (m.thread_ts === undefined || m.thread_ts === m.ts));
/** A message's block texts, in order: '—actions—' for a row of buttons, '—divider—' for a divider. */
const blockTexts = (m: FakeMessage | undefined) =>
  (
    (m?.blocks ?? []) as Array<{ type: string; text?: { text: string }; elements?: Array<{ text?: string }> }>
  ).map((b) => {
    if (b.type === 'context') return b.elements?.map((e) => e.text).join(' ');
    return b.text?.text ?? `—${b.type}—`;
  });
const parentOf = (week: string) =>
  parents().find((m) => blockTexts(m)[0] === `Weekly growth retro — ${week}`);
const replies = (parent: FakeMessage) => t.slack.thread(RETRO, parent.ts).slice(1);

async function jobs(kindPrefix: string) {
  return t.database.rows<{ dedupe_key: string; run_at: string; status: string }>(
    sql`select dedupe_key, to_char(run_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI') as run_at, status
        from jobs where kind like ${`${kindPrefix}%`} order by run_at, dedupe_key`,
  );
}

async function notes() {
  return t.database.rows<{ author_id: string; role: string | null; text: string }>(
    sql`select author_id, role, text from retro_notes order by id`,
  );
}

/** A person's reply in a thread, delivered as Slack's message event; returns its ts. */
async function reply(user: string, threadTs: string, text: string, channel = RETRO): Promise<string> {
  const sent = await t.driver.event({ type: 'message', channel, user, text, thread_ts: threadTs });
  return String((sent.envelope.event as { ts: string }).ts);
}

describe('the weekly retro, from Sunday to the next Monday', () => {
  let w49: FakeMessage;

  it('books the next open, nudge, close and review at start, and posts nothing on Sunday', async () => {
    expect(await jobs('retro.')).toEqual([
      { dedupe_key: 'retro.open:2026-W49', run_at: '2026-11-30T01:00', status: 'pending' },
      { dedupe_key: 'retro.nudge:2026-W49', run_at: '2026-12-01T03:00', status: 'pending' },
      { dedupe_key: 'retro.monthly:2026-12', run_at: '2026-12-03T00:00', status: 'pending' },
      { dedupe_key: 'retro.close:2026-W49', run_at: '2026-12-04T08:00', status: 'pending' },
    ]);
    await at('2026-11-29T14:59:00Z');
    expect(t.slack.messages(RETRO)).toEqual([]);
  });

  it('opens at Monday 10:00: one parent in the retro channel, its six replies in the thread, then the chart', async () => {
    await at('2026-11-30T01:00:00Z');
    expect(parents()).toHaveLength(1);
    w49 = parentOf('2026-W49')!;
    expect(w49.text).toBe('Weekly growth retro for 2026-W49: the figures are in the thread.');
    expect(blockTexts(w49)).toEqual([
      'Weekly growth retro — 2026-W49',
      ':calendar: Reviewing 2026-11-23 – 2026-11-29 (2026-W48). The figures, the voices and the last retro’s action items are in the thread.',
      '*Lead* 0 (0) · won 0 · win rate — · no SLA decided yet · 0 VOC captured',
      ':speech_balloon: *Participation so far:* 0 of 4 · 0 notes. Reply in this thread — every reply is kept as a retro note.',
      '*Action items*\nNo action items yet.',
      '—actions—',
    ]);
    expect(replies(w49).map((m) => m.text)).toEqual([
      '*(a) Funnel* — the leads that arrived 2026-11-23 – 2026-11-29 and how far they got',
      '*(b) First-touch SLA per seller* — routed leads that arrived 2026-11-23 – 2026-11-29, by current owner',
      '*(c) Won and lost* — decided 2026-11-23 – 2026-11-29',
      '*(d) Voice of the customer* — captured 2026-11-23 – 2026-11-29',
      '*(e) Action items from the last retro*',
      '*(f) Over to you* — reply in this thread; every reply is kept as a retro note.',
    ]);
    // (b) lists every seller on the roster, with 0 when they had no leads.
    expect(blockTexts(replies(w49)[1])).toEqual([
      [
        '*(b) First-touch SLA per seller* — routed leads that arrived 2026-11-23 – 2026-11-29, by current owner',
        `• <@${AE}>: 0 leads · 0 touched · 0 met / 0 breached · no SLA decided · no first touch yet`,
        `• <@${SDR}>: 0 leads · 0 touched · 0 met / 0 breached · no SLA decided · no first touch yet`,
      ].join('\n'),
    ]);
    expect(blockTexts(replies(w49)[4])).toEqual([
      '*(e) Action items from the last retro*\nNo action items were listed on the last retro.',
    ]);

    // The chart waited for the replies; a minute later it is shared in the thread, once, last.
    expect(t.slack.files()).toHaveLength(0);
    await at('2026-11-30T01:02:00Z');
    await at('2026-11-30T01:04:00Z');
    const shares = t.slack.files().flatMap((f) => f.shares.map((s) => ({ ...s, filename: f.filename })));
    expect(shares).toEqual([
      {
        channel: RETRO,
        ts: expect.any(String),
        threadTs: w49.ts,
        initialComment: '(a) The funnel of 2026-11-23 – 2026-11-29, with the goal’s per-week figures',
        filename: 'funnel-2026-W48.png',
      },
    ]);
  });

  it('posts nothing more when the open job runs again, or a second app starts on the same database', async () => {
    const before = t.slack.messages(RETRO).length;
    expect(await t.baton.context.services.retro.open(TEAM_ID, '2026-W49', t.clock.now())).toEqual({
      opened: false,
    });
    await scheduleJob(
      t.database.db,
      {
        teamId: TEAM_ID,
        kind: 'retro.open',
        runAt: t.clock.now(),
        payload: { weekKey: '2026-W49' },
        dedupeKey: 'again',
      },
      t.clock.now(),
    );
    await at('2026-11-30T01:05:00Z');

    const second = await startTestApp({
      configYaml: CONFIG,
      database: t.database,
      slack: t.slack,
      clock: t.clock,
    });
    try {
      await second.baton.jobs.runDue();
      await second.flushOutbox();
    } finally {
      await second.stop();
    }
    expect(t.slack.messages(RETRO)).toHaveLength(before);
    expect(await t.database.rows(sql`select period_key from retros`)).toEqual([{ period_key: '2026-W49' }]);
  });

  it('keeps people’s thread replies as notes and shows participation on the parent', async () => {
    const sdrTs = await reply(SDR, w49.ts, 'The Acme demo matched the notes');
    // Events are handled after their ack, each on its own: wait for the first note so ids follow the replies.
    await vi.waitFor(async () => expect(await notes()).toHaveLength(1));
    const strangerTs = await reply(STRANGER, w49.ts, 'Drive-by comment');
    // Not notes: a bot's reply, a top-level message, a reply in another channel's thread.
    await t.driver.event({
      type: 'message',
      channel: RETRO,
      user: MKT,
      bot_id: 'B0OTHER',
      text: 'bot',
      thread_ts: w49.ts,
    });
    await t.driver.event({ type: 'message', channel: RETRO, user: MKT, text: 'top-level chatter' });
    const elsewhere = t.slack.addMessage('C0LEADS', { user: MGR, text: 'a lead card' });
    await reply(MKT, elsewhere.ts, 'a reply elsewhere', 'C0LEADS');
    await vi.waitFor(async () => expect(await notes()).toHaveLength(2));
    await t.flushOutbox();
    expect(await notes()).toEqual([
      { author_id: SDR, role: 'sdr', text: 'The Acme demo matched the notes' },
      { author_id: STRANGER, role: null, text: 'Drive-by comment' },
    ]);
    // The stranger was not asked, so participation counts the SDR only.
    expect(blockTexts(parentOf('2026-W49'))[3]).toBe(
      ':speech_balloon: *Participation so far:* 1 of 4 · 2 notes. Reply in this thread — every reply is kept as a retro note.',
    );

    // Editing a reply edits its note; deleting one removes it.
    await t.driver.event({
      type: 'message',
      subtype: 'message_changed',
      channel: RETRO,
      hidden: true,
      message: {
        type: 'message',
        user: SDR,
        text: 'The Acme demo matched the notes, mostly',
        ts: sdrTs,
        thread_ts: w49.ts,
      },
      previous_message: {
        type: 'message',
        user: SDR,
        text: 'The Acme demo matched the notes',
        ts: sdrTs,
        thread_ts: w49.ts,
      },
    });
    await t.driver.event({
      type: 'message',
      subtype: 'message_deleted',
      channel: RETRO,
      hidden: true,
      deleted_ts: strangerTs,
      previous_message: {
        type: 'message',
        user: STRANGER,
        text: 'Drive-by comment',
        ts: strangerTs,
        thread_ts: w49.ts,
      },
    });
    await vi.waitFor(async () =>
      expect(await notes()).toEqual([
        { author_id: SDR, role: 'sdr', text: 'The Acme demo matched the notes, mostly' },
      ]),
    );
    await t.flushOutbox();
    expect(blockTexts(parentOf('2026-W49'))[3]).toBe(
      ':speech_balloon: *Participation so far:* 1 of 4 · 1 note. Reply in this thread — every reply is kept as a retro note.',
    );
  });

  it('nudges at Tuesday 12:00, once, each participant without a note who has DMs on and is in', async () => {
    await t.database.rows(sql`update members set retro_dms = false where user_id = ${AE}`);
    await t.database.rows(sql`update members set out_of_office = true where user_id = ${MKT}`);
    await at('2026-12-01T02:59:00Z');
    expect(t.slack.messages(MGR)).toEqual([]);

    await at('2026-12-01T03:00:00Z');
    const dms = [SDR, AE, MKT, MGR].map((id) => t.slack.messages(id).map((m) => m.text));
    expect(dms.slice(0, 3)).toEqual([[], [], []]);
    expect(dms[3]).toHaveLength(1);
    expect(dms[3]![0]).toMatch(
      /^:wave: The growth retro for 2026-W49 is waiting for your reply\. Add a line in <https:\/\/[^|]+\/archives\/C0RETRO\/p\d+\|the retro thread>: what you saw this week helps the whole team\.$/,
    );

    // The job running again (another process, a retry) sends nothing more.
    expect(await t.baton.context.services.retro.nudge(TEAM_ID, '2026-W49', t.clock.now())).toEqual([]);
    await at('2026-12-01T03:10:00Z');
    expect(t.slack.messages(MGR)).toHaveLength(1);
  });

  it('opens the monthly playbook review on its day', async () => {
    await at('2026-12-03T00:00:00Z');
    const review = parents().find((m) => blockTexts(m)[0] === 'Monthly playbook review — 2026-12')!;
    expect(blockTexts(review).slice(1)).toEqual([
      ':calendar: Reviewing 2026-11-01 – 2026-11-30.',
      ':memo: How did the playbook work last month? The thread shows cadence-step completion, the SLA trend and days in stage. Reply with what to revise: cadence steps, the SLA, stage definitions.',
    ]);
    expect(replies(review).map((m) => m.text)).toEqual([
      '*Cadence-step completion*',
      '*SLA trend* — the last four weeks, the whole team',
      '*Days in stage* — median days of the stays that ended each week',
    ]);
    expect(await jobs('retro.monthly')).toEqual([
      { dedupe_key: 'retro.monthly:2026-12', run_at: '2026-12-03T00:00', status: 'done' },
      { dedupe_key: 'retro.monthly:2027-01', run_at: '2027-01-03T00:00', status: 'pending' },
    ]);
  });

  it('closes at Friday 17:00 with the summary on the parent', async () => {
    // VOC captured during the retro's own week counts; one from the week before does not.
    await t.database.rows(
      sql`insert into voc_entries (team_id, quote, captured_by, via, created_at) values
          (${TEAM_ID}, 'Love the new onboarding', ${SDR}, 'command', '2026-12-02T05:00:00Z'),
          (${TEAM_ID}, 'Too pricey', ${SDR}, 'command', '2026-11-29T14:00:00Z')`,
    );
    await t.database.rows(
      sql`insert into retro_action_items (team_id, retro_id, first_retro_id, text, owner_id, created_by)
          select ${TEAM_ID}, id, id, 'Follow up with Acme', ${SDR}, ${MGR} from retros where period_key = '2026-W49'`,
    );
    await at('2026-12-04T08:00:00Z');
    expect(blockTexts(parentOf('2026-W49')).slice(3)).toEqual([
      '—divider—',
      ':checkered_flag: *Closed — the week in summary*',
      [
        '*Participation:* 1 of 4 (25%)',
        '• Marketer: 0 of 1',
        `• Inside sales (SDR): 1 of 1 — <@${SDR}>`,
        '• Account executive: 0 of 1',
        '• Manager: 0 of 1',
      ].join('\n'),
      '*Notes:* 1\n*VOC captured this week* (2026-11-30 – 2026-12-04, to the close): 1',
      `*Action items and owners*\n• Follow up with Acme · <@${SDR}>`,
      ':dart: Set next week’s goal: work it out with `/funnel plan &lt;deals&gt;` and store it with `/funnel plan set &lt;deals&gt;`.',
      '—actions—',
    ]);
    expect(
      await t.database.rows(
        sql`select to_char(closed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI') as closed_at from retros where period_key = '2026-W49'`,
      ),
    ).toEqual([{ closed_at: '2026-12-04T08:00' }]);
  });

  it('opens the next week’s retro on Monday, carrying the open action item over', async () => {
    await at('2026-12-07T01:00:00Z');
    const w50 = parentOf('2026-W50')!;
    expect(parents().map((m) => blockTexts(m)[0])).toEqual([
      'Weekly growth retro — 2026-W49',
      'Monthly playbook review — 2026-12',
      'Weekly growth retro — 2026-W50',
    ]);
    expect(blockTexts(w50)[4]).toBe(`*Action items*\n• Follow up with Acme · <@${SDR}> · carried 1×`);
    expect(blockTexts(replies(w50)[4])).toEqual([
      `*(e) Action items from the last retro*\n• Follow up with Acme · <@${SDR}> · carried 1×\n1 still open: carried over to this retro.`,
    ]);
    await at('2026-12-07T01:02:00Z');
    expect(t.slack.files().flatMap((f) => f.shares.map((s) => s.threadTs))).toEqual([w49.ts, w50.ts]);
    expect((await jobs('retro.open')).map((j) => [j.dedupe_key, j.status])).toEqual([
      ['retro.open:2026-W49', 'done'],
      ['again', 'done'],
      ['retro.open:2026-W50', 'done'],
      ['retro.open:2026-W51', 'pending'],
    ]);
  });

  it('skips the jobs that run too late for their week after a downtime, and books on', async () => {
    const before = t.slack.calls.length;
    // Down from Monday W50 until Friday 18:00 of W51: W50's nudge and close ran after W50 ended,
    // W51's open after W51's close.
    await at('2026-12-18T09:00:00Z');
    expect(parents()).toHaveLength(3);
    expect(t.slack.calls.slice(before).map((c) => c.method)).toEqual([]);
    expect(
      await t.database.rows(
        sql`select period_key, nudged_at is not null as nudged, closed_at is not null as closed
            from retros where kind = 'weekly' order by period_key`,
      ),
    ).toEqual([
      { period_key: '2026-W49', nudged: true, closed: true },
      { period_key: '2026-W50', nudged: false, closed: false },
    ]);
    expect((await jobs('retro.')).filter((j) => j.status === 'pending')).toEqual([
      { dedupe_key: 'retro.open:2026-W52', run_at: '2026-12-21T01:00', status: 'pending' },
      { dedupe_key: 'retro.nudge:2026-W52', run_at: '2026-12-22T03:00', status: 'pending' },
      { dedupe_key: 'retro.close:2026-W52', run_at: '2026-12-25T08:00', status: 'pending' },
      { dedupe_key: 'retro.monthly:2027-01', run_at: '2027-01-03T00:00', status: 'pending' },
    ]);
  });
});
