import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLead } from '../../src/db/queries/leads.js';
import { recordStageMove } from '../../src/db/queries/stage-changes.js';
import { CSV_BOM } from '../../src/domain/csv.js';
import { systemMove } from '../../src/domain/lead-stages.js';
import { FunnelExportService } from '../../src/services/funnel-export.js';
import { startTestApp, TEAM_ID, type TestApp } from '../harness/test-app.js';
import { cardTs, claimCard } from './support/lead-cards.js';
import { CLAIM_ROUTING_YAML, SEOUL_CALENDAR_YAML } from './support/team-yaml.js';

// The team works in Seoul (UTC+9). "Now" is Wednesday 2026-12-02 12:00 Seoul time, so last-month is
// November in Seoul: [2026-10-31T15:00Z, 2026-11-30T15:00Z). The handoff team, but the sellers have
// roster names: the leads file's owner_name column shows them.
const EXPORT_YAML = `locale: en
${SEOUL_CALENDAR_YAML}${CLAIM_ROUTING_YAML}roster:
  - { user: U0SDR0001, name: Sora, roles: [sdr], segments: [smb] }
  - { user: U0SDR0002, name: 윤아, roles: [sdr], segments: [smb] }
  - { user: U0AE00001, roles: [ae], segments: [enterprise] }
  - { user: U0MKT0001, roles: [marketer] }
  - { user: U0MGR0001, roles: [manager, admin] }
`;

const NOW = '2026-12-02T03:00:00Z';
const HYPERLINK = '=HYPERLINK("http://evil.example","Click")';

let t: TestApp;
const ids: Record<string, number> = {};

/** A contact-form lead (an MQL) arriving at `at`, claimed by `owner` (MQL → SAL) at `claimAt`. */
async function lead(at: string, body: Record<string, unknown>, owner?: { userId: string; at: string }) {
  t.clock.set(at);
  const res = await t.sendLead({ source: 'website', company_size: 20, form: 'contact', ...body });
  expect(res.status).toBe(202);
  await t.flushOutbox();
  const leadId = res.json.lead_id as number;
  if (owner) {
    t.clock.set(owner.at);
    await claimCard(t, owner.userId, leadId, await cardTs(t, leadId));
  }
  return leadId;
}

/** RFC 4180 reader, for checking what Baton wrote (quoted fields may hold commas, quotes and newlines). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  expect(row, 'the file ends with CRLF').toEqual([]);
  expect(cell).toBe('');
  return rows;
}

/** A CSV file as objects keyed by its header row. */
function records(bytes: Buffer): Array<Record<string, string>> {
  const text = bytes.toString('utf8');
  expect(text.startsWith(CSV_BOM)).toBe(true);
  const [header, ...rows] = parseCsv(text.slice(1));
  for (const r of rows) expect(r).toHaveLength(header!.length);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

/** Runs `/funnel export …` and returns its ephemeral answers and the files it shared, if any. */
async function exportAs(userId: string, text: string, { answers = 2, prepare = () => {} } = {}) {
  t.slack.reset({ state: true });
  prepare();
  t.clock.set(NOW);
  const res = await t.driver.command('/funnel', `export ${text}`.trim(), { userId });
  expect(res.status).toBe(200);
  const replies: string[] = [];
  for (let i = 0; i < answers; i++) {
    const reply = await t.slack.waitForResponse(res.responseUrl, { timeoutMs: 15_000 });
    expect(reply.body.response_type).toBe('ephemeral');
    replies.push(String(reply.body.text));
  }
  const files = t.slack.files().filter((f) => f.completed);
  return { res, replies, files };
}

beforeAll(async () => {
  t = await startTestApp({ configYaml: EXPORT_YAML });
  t.slack.addUser({ id: 'U0SDR0002', name: 'yuna', tz: 'Asia/Seoul' });
  // Sunday 23:30 in Seoul, 31 October: October, not November.
  ids.before = await lead('2026-10-31T14:30:00Z', {
    name: 'Olga October',
    email: 'olga@initech.io',
    company: 'Initech',
  });
  // 00:30 on 1 November in Seoul (still 31 October in UTC): November.
  ids.hyper = await lead(
    '2026-10-31T15:30:00Z',
    {
      name: HYPERLINK,
      email: 'mallory@acme.io',
      company: 'Acme, Inc.',
      phone: '+82 10 1234 5678',
      utm_source: 'google',
    },
    { userId: 'U0SDR0001', at: '2026-10-31T16:00:00Z' },
  );
  ids.korean = await lead(
    '2026-11-10T01:00:00Z',
    { name: '김민준', email: 'minjun@hanbit.co.kr', company: '주식회사 한빛' },
    { userId: 'U0SDR0002', at: '2026-11-10T01:20:00Z' },
  );
  ids.deal = await lead(
    '2026-11-20T05:00:00Z',
    { name: 'Chris "CJ" Lee', email: 'cj@globex.io', company: 'Globex', message: 'Line one\nLine two' },
    { userId: 'U0SDR0001', at: '2026-11-20T05:10:00Z' },
  );
  // The deal reaches Opportunity with an amount (the stage move Baton records from any door).
  const moveAt = new Date('2026-11-25T02:00:00Z');
  await t.database.db.transaction(async (tx) => {
    const row = (await findLead(tx, TEAM_ID, ids.deal!))!;
    const move = {
      ...systemMove(
        row,
        'Opportunity',
        'demo held',
        t.baton.context.configs.for(TEAM_ID).stages.working.map((s) => s.key),
        'forward',
      ),
      amount: 12_000_000,
      currency: 'KRW',
    };
    await recordStageMove(tx, row, move, { actorId: 'U0SDR0001', via: 'slack' }, moveAt);
    // Won on 11-26 against Acme at 12,000,000; on 11-27 raised to 15,000,000 and "Rival" named on the
    // move on to Retention, both after the win. The export's won_* columns keep the deal as won.
    const working = t.baton.context.configs.for(TEAM_ID).stages.working.map((s) => s.key);
    const actor = { actorId: 'U0SDR0001', via: 'slack' as const };
    const opportunity = (await findLead(tx, TEAM_ID, ids.deal!))!;
    await recordStageMove(
      tx,
      opportunity,
      { ...systemMove(opportunity, 'Closing', null, working, 'forward'), competitor: 'Acme' },
      actor,
      new Date('2026-11-26T02:00:00Z'),
    );
    const won = (await findLead(tx, TEAM_ID, ids.deal!))!;
    await recordStageMove(
      tx,
      won,
      {
        ...systemMove(won, 'Retention', null, working, 'forward'),
        amount: 15_000_000,
        competitor: 'Rival',
      },
      actor,
      new Date('2026-11-27T02:00:00Z'),
    );
  });
  // 00:30 on 1 December in Seoul: December.
  ids.december = await lead('2026-11-30T15:30:00Z', {
    name: 'Dee December',
    email: 'dee@umbrella.io',
    company: 'Umbrella',
  });
});
afterAll(async () => {
  await t?.stop();
});

describe('/funnel export for a manager', () => {
  it('DMs the leads created last month in the team’s time zone, and every stage change of those leads', async () => {
    const { replies, files } = await exportAs('U0MGR0001', 'last-month');
    expect(replies).toEqual([
      ':hourglass_flowing_sand: Exporting the leads created from 2026-11-01 to 2026-11-30; the files will arrive in your DM with me.',
      ':white_check_mark: Sent to your DM: 3 leads created from 2026-11-01 to 2026-11-30 and their 9 stage events (two CSV files).',
    ]);
    // conversations.open, then the external upload flow: a URL per file, the bytes, one completion.
    const open = t.slack.lastCall('conversations.open');
    expect(open?.args.users).toBe('U0MGR0001');
    expect(t.slack.callsTo('files.getUploadURLExternal').map((c) => c.args.filename)).toEqual([
      'baton-leads_2026-11-01_2026-11-30.csv',
      'baton-stage-events_2026-11-01_2026-11-30.csv',
    ]);
    const complete = t.slack.callsTo('files.completeUploadExternal');
    expect(complete).toHaveLength(1);
    expect(complete[0]!.args.channel_id).toBe(t.slack.dmChannel('U0MGR0001'));
    expect(String(complete[0]!.args.initial_comment)).toBe(
      'Baton export: the leads created from 2026-11-01 to 2026-11-30, and every stage change of those leads. Times are in Asia/Seoul. These files hold personal data: keep them somewhere safe and delete them when you are done.',
    );
    expect(files.map((f) => f.shares.map((s) => s.channel))).toEqual([
      [t.slack.dmChannel('U0MGR0001')],
      [t.slack.dmChannel('U0MGR0001')],
    ]);

    const leads = records(files[0]!.bytes!);
    expect(leads.map((l) => Number(l.lead_id))).toEqual([ids.hyper, ids.korean, ids.deal]);
    const [hyper, korean, deal] = leads;
    expect(hyper).toMatchObject({
      created_at: '2026-11-01 00:30:00',
      // The formula is defused: a spreadsheet shows the text, it does not run it.
      name: `'${HYPERLINK}`,
      company: 'Acme, Inc.',
      phone: "'+82 10 1234 5678",
      email: 'mallory@acme.io',
      utm_source: 'google',
      segment: 'smb',
      stage: 'SAL',
      stage_entered_at: '2026-11-01 01:00:00',
      furthest_stage: 'SAL',
      owner_id: 'U0SDR0001',
      owner_name: 'Sora',
      routed: 'true',
      amount: '',
    });
    expect(korean).toMatchObject({
      created_at: '2026-11-10 10:00:00',
      name: '김민준',
      company: '주식회사 한빛',
      owner_id: 'U0SDR0002',
      owner_name: '윤아',
    });
    expect(deal).toMatchObject({
      name: 'Chris "CJ" Lee',
      message: 'Line one\nLine two',
      stage: 'Retention',
      stage_entered_at: '2026-11-27 11:00:00',
      amount: '15000000',
      currency: 'KRW',
      competitor: 'Rival',
      // The deal as /funnel counts it: at its win, not as changed after it.
      won_amount: '12000000',
      won_currency: 'KRW',
      won_competitor: 'Acme',
    });
    expect(hyper).toMatchObject({ won_amount: '', won_currency: '', won_competitor: '' });

    const events = records(files[1]!.bytes!).map((e) => ({
      lead: Number(e.lead_id),
      from: e.from_stage,
      to: e.to_stage,
      entered: e.entered_at,
      left: e.left_at,
      via: e.via,
      actor: e.actor_id,
      amount: e.amount,
    }));
    expect(events).toEqual([
      {
        lead: ids.hyper,
        from: '',
        to: 'MQL',
        entered: '2026-11-01 00:30:00',
        left: '2026-11-01 01:00:00',
        via: 'intake',
        actor: '',
        amount: '',
      },
      {
        lead: ids.hyper,
        from: 'MQL',
        to: 'SAL',
        entered: '2026-11-01 01:00:00',
        left: '',
        via: 'slack',
        actor: 'U0SDR0001',
        amount: '',
      },
      {
        lead: ids.korean,
        from: '',
        to: 'MQL',
        entered: '2026-11-10 10:00:00',
        left: '2026-11-10 10:20:00',
        via: 'intake',
        actor: '',
        amount: '',
      },
      {
        lead: ids.korean,
        from: 'MQL',
        to: 'SAL',
        entered: '2026-11-10 10:20:00',
        left: '',
        via: 'slack',
        actor: 'U0SDR0002',
        amount: '',
      },
      {
        lead: ids.deal,
        from: '',
        to: 'MQL',
        entered: '2026-11-20 14:00:00',
        left: '2026-11-20 14:10:00',
        via: 'intake',
        actor: '',
        amount: '',
      },
      {
        lead: ids.deal,
        from: 'MQL',
        to: 'SAL',
        entered: '2026-11-20 14:10:00',
        left: '2026-11-25 11:00:00',
        via: 'slack',
        actor: 'U0SDR0001',
        amount: '',
      },
      {
        lead: ids.deal,
        from: 'SAL',
        to: 'Opportunity',
        entered: '2026-11-25 11:00:00',
        left: '2026-11-26 11:00:00',
        via: 'slack',
        actor: 'U0SDR0001',
        amount: '12000000',
      },
      {
        lead: ids.deal,
        from: 'Opportunity',
        to: 'Closing',
        entered: '2026-11-26 11:00:00',
        left: '2026-11-27 11:00:00',
        via: 'slack',
        actor: 'U0SDR0001',
        amount: '12000000',
      },
      {
        lead: ids.deal,
        from: 'Closing',
        to: 'Retention',
        entered: '2026-11-27 11:00:00',
        left: '',
        via: 'slack',
        actor: 'U0SDR0001',
        amount: '15000000',
      },
    ]);
  });

  it('defaults to this month', async () => {
    const { replies, files } = await exportAs('U0MGR0001', '');
    expect(replies[1]).toBe(
      ':white_check_mark: Sent to your DM: 1 lead created from 2026-12-01 to 2026-12-31 and their 1 stage event (two CSV files).',
    );
    expect(records(files[0]!.bytes!).map((l) => [Number(l.lead_id), l.created_at])).toEqual([
      [ids.december, '2026-12-01 00:30:00'],
    ]);
  });

  it('says so when the period has no leads, and shares nothing', async () => {
    const { replies, files } = await exportAs('U0MGR0001', '2026-09-01..2026-09-30');
    expect(replies[1]).toBe(
      'No leads were created from 2026-09-01 to 2026-09-30, so there is nothing to export.',
    );
    expect(files).toEqual([]);
    expect(t.slack.callsTo('files.getUploadURLExternal')).toEqual([]);
  });
});

describe('/funnel export for others', () => {
  it('gives a seller only the leads they own, and says so', async () => {
    const { replies, files } = await exportAs('U0SDR0001', 'last-month');
    expect(replies[1]).toBe(
      [
        ':white_check_mark: Sent to your DM: 2 leads created from 2026-11-01 to 2026-11-30 and their 7 stage events (two CSV files).',
        'You get the leads you own; managers, admins and marketers can export the whole team.',
      ].join('\n'),
    );
    expect(t.slack.lastCall('files.completeUploadExternal')?.args.channel_id).toBe(
      t.slack.dmChannel('U0SDR0001'),
    );
    expect(String(t.slack.lastCall('files.completeUploadExternal')?.args.initial_comment)).toContain(
      'Only the leads you own are included.',
    );
    expect(records(files[0]!.bytes!).map((l) => Number(l.lead_id))).toEqual([ids.hyper, ids.deal]);
    const leadIds = new Set(records(files[1]!.bytes!).map((e) => Number(e.lead_id)));
    expect([...leadIds]).toEqual([ids.hyper, ids.deal]);
  });

  it('gives a marketer the whole team', async () => {
    const { replies } = await exportAs('U0MKT0001', 'last-month');
    expect(replies[1]).toBe(
      ':white_check_mark: Sent to your DM: 3 leads created from 2026-11-01 to 2026-11-30 and their 9 stage events (two CSV files).',
    );
  });

  it('tells a seller with no leads in the period that none are theirs', async () => {
    const { replies, files } = await exportAs('U0AE00001', 'last-month');
    expect(replies[1]).toBe(
      'None of the leads created from 2026-11-01 to 2026-11-30 are yours, so there is nothing to export.',
    );
    expect(files).toEqual([]);
  });

  it('tells someone off the roster how to be added, and exports nothing', async () => {
    const { replies } = await exportAs('U0STRANGER', 'last-month', { answers: 1 });
    expect(replies[0]).toContain('Ask <@U0MGR0001> to add your Slack user ID `U0STRANGER`');
    expect(t.slack.callsTo('conversations.open')).toEqual([]);
    expect(t.slack.files()).toEqual([]);
  });
});

describe('/funnel export when something is wrong', () => {
  it('answers a period it cannot read at once, without exporting', async () => {
    t.slack.reset({ state: true });
    const res = await t.driver.command('/funnel', 'export next-year', { userId: 'U0MGR0001' });
    expect(res.status).toBe(200);
    const acked = JSON.parse(res.body) as { response_type: string; text: string };
    expect(acked.response_type).toBe('ephemeral');
    expect(acked.text).toBe(
      '`next-year` is not a period. Try `/funnel export [this-week | last-week | this-month | last-month | this-quarter | last-quarter | YYYY-MM-DD..YYYY-MM-DD]` (default: this month).',
    );
    expect(t.slack.callsTo('conversations.open')).toEqual([]);
  });

  it('says the DM upload failed, with Slack’s error, when Slack refuses the files', async () => {
    const { replies } = await exportAs('U0MGR0001', 'last-month', {
      prepare: () => t.slack.failNext('files.completeUploadExternal', { error: 'file_uploads_disabled' }),
    });
    expect(replies[1]).toBe(
      ':warning: I couldn’t send the export to your DM (`file_uploads_disabled`). Nothing was shared; try again in a minute.',
    );
    expect(t.slack.messages(t.slack.dmChannel('U0MGR0001'))).toEqual([]);
  });

  it('stops at the cap, oldest first, and names the day the rest start on', async () => {
    // The same service with a cap of 2 instead of 50,000, so three leads overflow it.
    const services = t.baton.context.services;
    const uncapped = services.funnelExport;
    services.funnelExport = new FunnelExportService(t.database, t.baton.context.configs, 2);
    try {
      const { replies, files } = await exportAs('U0MGR0001', 'last-month');
      expect(replies[1]).toBe(
        [
          ':white_check_mark: Sent to your DM: 2 leads created from 2026-11-01 to 2026-11-30 and their 4 stage events (two CSV files).',
          ':warning: The period holds more than 2 leads, so the export stops at the oldest 2. The rest start on 2026-11-20: `/funnel export 2026-11-20..2026-11-30`',
        ].join('\n'),
      );
      expect(records(files[0]!.bytes!).map((l) => Number(l.lead_id))).toEqual([ids.hyper, ids.korean]);
      expect(new Set(records(files[1]!.bytes!).map((e) => Number(e.lead_id)))).toEqual(
        new Set([ids.hyper, ids.korean]),
      );
    } finally {
      services.funnelExport = uncapped;
    }
  });
});
