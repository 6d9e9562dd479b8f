import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, type TestApp } from '../harness/test-app.js';
import { clickCard, HANDOFF_YAML, leadRow, newCard, openedView } from './support/lead-cards.js';

// Default calendar: UTC, Monday to Friday 09:00–18:00; 60-minute business-hours SLA.
// The week under test is Monday 2026-11-30 to Sunday 2026-12-06; "now" is Wednesday 2026-12-02 10:20.

let t: TestApp;
const ids: Record<string, number> = {};

/** The mrkdwn/plain text of every block (sections, headers, contexts), one entry per block. */
function texts(blocks: unknown): string[] {
  return ((blocks ?? []) as Array<Record<string, unknown>>).map((b) => {
    const text = (b.text as { text?: string } | undefined)?.text;
    if (text !== undefined) return text;
    const elements = (b.elements as Array<{ text?: string }> | undefined) ?? [];
    return elements.map((e) => e.text ?? '').join(' ');
  });
}

const due = (iso: string) =>
  `<!date^${Date.parse(iso) / 1000}^{date_short_pretty} {time}|${iso.slice(0, 16).replace('T', ' ')} UTC>`;

/** A lead arriving at `at` (its card delivered), claimed by `owner` unless null. */
async function leadAt(at: string, email: string, name: string, owner: string | null, size = 20) {
  t.clock.set(at);
  let made: { leadId: number; cardTs: string };
  if (size === 20) {
    made = await newCard(t, email, name);
  } else {
    const res = await t.sendLead({
      source: 'website',
      name,
      email,
      company: 'Globex',
      company_size: size,
      form: 'demo_request',
    });
    expect(res.status).toBe(202);
    await t.flushOutbox();
    made = { leadId: res.json.lead_id as number, cardTs: '' };
  }
  if (owner) {
    await clickCard(t, owner, 'lead_claim', made.leadId, made.cardTs);
    await vi.waitFor(async () => expect((await leadRow(t, made.leadId)).owner_id).toBe(owner));
    await t.flushOutbox();
  }
  return made;
}

/** `/lead touch` at `at`, waiting for its answer. */
async function touch(userId: string, leadId: number, at: string) {
  t.clock.set(at);
  const res = await t.driver.command('/lead', `touch ${leadId} call`, { userId });
  await t.slack.waitForResponse(res.responseUrl);
}

async function sla(userId: string, text = '') {
  const res = await t.driver.command('/sla', text, { userId });
  expect(res.status).toBe(200);
  if (res.body) {
    const acked = JSON.parse(res.body) as { response_type?: string; text: string; blocks?: unknown };
    if (acked.text) return { type: acked.response_type, text: acked.text, lines: texts(acked.blocks) };
  }
  const reply = await t.slack.waitForResponse(res.responseUrl);
  return {
    type: reply.body.response_type,
    text: String(reply.body.text),
    lines: texts(reply.body.blocks),
    blocks: reply.body.blocks as Array<Record<string, unknown>>,
  };
}

beforeAll(async () => {
  t = await startTestApp({ configYaml: HANDOFF_YAML });
  t.slack.addUser({ id: 'U0SDR0002', name: 'yuna', tz: 'Asia/Seoul' });
  // Last week: a breach by U0SDR0001 that must not count this week (due Fri 11-27 11:00, touched 11:30).
  ids.lastWeek = (await leadAt('2026-11-27T10:00:00Z', 'old@acme.io', 'Otto Old', 'U0SDR0001')).leadId;
  await touch('U0SDR0001', ids.lastWeek, '2026-11-27T11:30:00Z');
  // Monday: U0SDR0001 touches 30 minutes after the 11:00 due time — breached.
  ids.late = (await leadAt('2026-11-30T10:00:00Z', 'late@acme.io', 'Ann Late', 'U0SDR0001')).leadId;
  await touch('U0SDR0001', ids.late, '2026-11-30T11:30:00Z');
  // Tuesday: two first touches on time, one by each seller.
  ids.met1 = (await leadAt('2026-12-01T10:00:00Z', 'met1@acme.io', 'Mia Met', 'U0SDR0001')).leadId;
  await touch('U0SDR0001', ids.met1, '2026-12-01T10:10:00Z');
  ids.met2 = (await leadAt('2026-12-01T14:00:00Z', 'met2@acme.io', 'Max Met', 'U0SDR0002')).leadId;
  await touch('U0SDR0002', ids.met2, '2026-12-01T14:30:00Z');
  // Wednesday 10:00: one claimed and running, one unclaimed (smb), one unclaimed enterprise lead.
  ids.running = (await leadAt('2026-12-02T10:00:00Z', 'run@acme.io', 'Dan Running', 'U0SDR0001')).leadId;
  ids.unclaimed = (await leadAt('2026-12-02T10:00:00Z', 'wait@acme.io', 'Eve Waiting', null)).leadId;
  ids.enterprise = (await leadAt('2026-12-02T10:00:00Z', 'big@globex.io', 'Gus Big', null, 5000)).leadId;
  t.clock.set('2026-12-02T10:20:00Z');
});
afterAll(async () => {
  await t?.stop();
});

describe('/sla for a seller', () => {
  it('lists the unclaimed lead with its age, the running clock with time left, and this week’s breach', async () => {
    const board = await sla('U0SDR0001');
    expect(board.type).toBe('ephemeral');
    expect(board.text).toBe('SLA board');
    expect(board.lines).toEqual([
      'SLA board',
      `*Unclaimed in your segments* (1)\n• #${ids.unclaimed} *Eve Waiting* (Acme) — waiting 20 working minutes, due ${due('2026-12-02T11:00:00Z')}`,
      '',
      '*My running clocks* (1)',
      `#${ids.running} *Dan Running* (Acme) — *40 working minutes left* (due ${due('2026-12-02T11:00:00Z')})`,
      '',
      `*My breaches this week* (1)\n• #${ids.late} *Ann Late* (Acme) — was due ${due('2026-11-30T11:00:00Z')}`,
      'Times are working minutes on the team calendar; the first-touch SLA is 60 minutes.',
    ]);
    const button = board.blocks!.find((b) => b.block_id === `sla_touch:${ids.running}`);
    expect(button?.accessory).toMatchObject({ action_id: 'lead_touch', value: String(ids.running) });
  });

  it('shows another seller only their own clocks and the enterprise AE only enterprise leads', async () => {
    const other = await sla('U0SDR0002');
    expect(other.lines).toContain('*My running clocks* (0)\nNo first-touch clock is running on your leads.');
    expect(other.lines).toContain('*My breaches this week* (0)\nNo breaches this week.');
    const ae = await sla('U0AE00001');
    expect(ae.lines[1]).toBe(
      `*Unclaimed in your segments* (1)\n• #${ids.enterprise} *Gus Big* (Globex) — waiting 20 working minutes, due ${due('2026-12-02T11:00:00Z')}`,
    );
  });

  it('counts overdue time as negative working minutes, across the night', async () => {
    t.clock.set('2026-12-02T17:50:00Z'); // due 11:00, so 6 h 50 min of working time overdue
    const late = await sla('U0SDR0001');
    expect(late.lines[4]).toContain('*410 working minutes overdue*');
    t.clock.set('2026-12-03T09:05:00Z'); // 18:00–09:00 is not working time: 7 h + 5 min
    expect((await sla('U0SDR0001')).lines[4]).toContain('*425 working minutes overdue*');
    t.clock.set('2026-12-02T10:20:00Z');
  });
});

describe('/sla for a manager', () => {
  it('shows the whole team: every unclaimed lead, clocks per owner, breaches per seller and the met rate', async () => {
    const board = await sla('U0MGR0001');
    expect(board.text).toBe('SLA board — the team');
    expect(board.lines).toEqual([
      'SLA board — the team',
      `*Unclaimed* (2)\n• #${ids.unclaimed} *Eve Waiting* (Acme) — waiting 20 working minutes, due ${due('2026-12-02T11:00:00Z')}\n• #${ids.enterprise} *Gus Big* (Globex) — waiting 20 working minutes, due ${due('2026-12-02T11:00:00Z')}`,
      '',
      '*Running clocks* (1)',
      `<@U0SDR0001>: #${ids.running} *Dan Running* (Acme) — *40 working minutes left* (due ${due('2026-12-02T11:00:00Z')})`,
      '',
      [
        '*This week*',
        'First touches within the SLA: *67 %* (2 of 3)',
        'Breaches: *1*',
        '• <@U0SDR0001> — 1 breached, 1 of 2 first touches on time',
        '• <@U0SDR0002> — 0 breached, 1 of 1 first touches on time',
      ].join('\n'),
      'Times are working minutes on the team calendar; the first-touch SLA is 60 minutes.',
    ]);
  });

  it('caps a long list with "and N more"', async () => {
    for (let i = 0; i < 11; i++) await leadAt('2026-12-02T10:20:00Z', `bulk${i}@acme.io`, `Bulk ${i}`, null);
    const board = await sla('U0MGR0001');
    expect(board.lines[1]!.split('\n')).toHaveLength(1 + 10 + 1);
    expect(board.lines[1]).toMatch(/^\*Unclaimed\* \(13\)\n/);
    expect(board.lines[1]).toMatch(/\n…and 3 more$/);
    await t.database.rows(sql`update leads set stage = 'Lost' where email like 'bulk%'`);
    expect((await sla('U0MGR0001')).lines[1]).toMatch(/^\*Unclaimed\* \(2\)\n/);
  });
});

describe('/sla for others', () => {
  it('tells a stranger how to be added', async () => {
    const board = await sla('U0STRANGER');
    expect(board.type).toBe('ephemeral');
    expect(board.text).toContain('Ask <@U0MGR0001> to add your Slack user ID `U0STRANGER`');
    expect(board.lines).toEqual([]);
  });

  it('explains itself with /sla help, and /baton help and /lead help list /sla and /lead touch', async () => {
    const help = await sla('U0SDR0001', 'help');
    expect(help.text).toBe('Baton — /sla: your follow-up board');
    expect(help.lines.join('\n')).toContain('`/sla` — Your SLA board');
    const unknown = await sla('U0SDR0001', 'later');
    expect(unknown.text).toBe("I don't know `/sla later`.");
    const baton = JSON.stringify(
      JSON.parse((await t.driver.command('/baton', 'help', { userId: 'U0SDR0001' })).body),
    );
    expect(baton).toContain('`/sla` — Your SLA board');
    expect(baton).toContain('`/funnel plan &lt;deals&gt; [period]`');
    expect(baton).toContain('`/funnel export [period]`');
    expect(baton).toContain(
      '`/lead touch &lt;id | email&gt; [call | email | meeting | other] [note]` — Log a call',
    );
    const lead = JSON.stringify(
      JSON.parse((await t.driver.command('/lead', 'help', { userId: 'U0SDR0001' })).body),
    );
    expect(lead).toContain('`/lead touch &lt;id | email&gt;');
  });
});

describe('App Home', () => {
  async function openHome(userId: string) {
    const before = t.slack.callsTo('views.publish').length;
    await t.driver.event({ type: 'app_home_opened', user: userId, tab: 'home' });
    await vi.waitFor(() => expect(t.slack.callsTo('views.publish').length).toBeGreaterThan(before));
    return texts(t.slack.homeView(userId)?.blocks);
  }

  it('shows the board below the greeting, and a touch logged from Home updates it', async () => {
    const home = await openHome('U0SDR0001');
    expect(home[0]).toMatch(/^Hi <@U0SDR0001>!/);
    expect(home.slice(1, 6)).toEqual([
      'SLA board',
      `*Unclaimed in your segments* (1)\n• #${ids.unclaimed} *Eve Waiting* (Acme) — waiting 20 working minutes, due ${due('2026-12-02T11:00:00Z')}`,
      '',
      '*My running clocks* (1)',
      `#${ids.running} *Dan Running* (Acme) — *40 working minutes left* (due ${due('2026-12-02T11:00:00Z')})`,
    ]);

    t.clock.set('2026-12-02T10:25:00Z');
    const publishes = t.slack.callsTo('views.publish').length;
    const click = await t.driver.blockActions({
      userId: 'U0SDR0001',
      view: t.slack.homeView('U0SDR0001')!,
      actions: [
        { action_id: 'lead_touch', block_id: `sla_touch:${ids.running}`, value: String(ids.running) },
      ],
    });
    const modal = await openedView(t, click.triggerId);
    expect(modal.callback_id).toBe('lead_touch_modal');
    expect(JSON.parse(modal.private_metadata)).toEqual({ lead: ids.running, from: 'home' });
    const submitted = await t.driver.viewSubmission({
      userId: 'U0SDR0001',
      viewId: modal.id,
      values: { kind: { kind: { selected_option: { value: 'email' } } }, note: { text: null } },
    });
    expect(submitted.json).toBeUndefined();
    const [row] = await t.database.rows<{ sla_state: string; first_touch_business_minutes: number }>(
      sql`select sla_state, first_touch_business_minutes from leads where id = ${ids.running}`,
    );
    expect(row).toEqual({ sla_state: 'met', first_touch_business_minutes: 25 });
    await vi.waitFor(() => expect(t.slack.callsTo('views.publish').length).toBe(publishes + 1));
    const after = texts(t.slack.homeView('U0SDR0001')?.blocks);
    expect(after).toContain('*My running clocks* (0)\nNo first-touch clock is running on your leads.');
    // Dan's clock and its button are gone; the lead itself stays among the seller's open leads.
    const buttons = t.slack.homeView('U0SDR0001')!.blocks.map((b) => (b as { block_id?: string }).block_id);
    expect(buttons).not.toContain(`sla_touch:${ids.running}`);
    expect(after.join('\n')).toMatch(/Dan Running.* · :white_check_mark: SLA met/);
  });

  it('answers a refused Home click in a modal (there is no message to respond to)', async () => {
    const lead = (await leadAt('2026-12-02T10:30:00Z', 'mine@acme.io', 'Nia Mine', 'U0SDR0001')).leadId;
    await openHome('U0SDR0002');
    const click = await t.driver.blockActions({
      userId: 'U0SDR0002',
      view: t.slack.homeView('U0SDR0002')!,
      actions: [{ action_id: 'lead_touch', block_id: `sla_touch:${lead}`, value: String(lead) }],
    });
    const notice = await t.slack.waitForCall('views.open', { trigger_id: click.triggerId! });
    expect(JSON.stringify(notice.args.view)).toContain(
      'Only the owner (<@U0SDR0001>) or a manager can log a touch on this lead.',
    );
    const [row] = await t.database.rows<{ sla_state: string }>(
      sql`select sla_state from leads where id = ${lead}`,
    );
    expect(row!.sla_state).toBe('running');
  });

  it('shows a stranger no board', async () => {
    const home = await openHome('U0STRANGER');
    expect(home.join('\n')).not.toContain('SLA board');
    expect(home.join('\n')).toContain('U0STRANGER');
  });
});
