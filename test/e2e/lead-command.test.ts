import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { leadEventsOf } from '../../src/db/queries/leads.js';
import { startTestApp, TEAM_ID, type TestApp } from '../harness/test-app.js';

// Account matching off: these tests share companies and domains, and only intake is under test.
const CONFIG = `
locale: en
channels:
  leads:
    smb: C0LEADS
    enterprise: C0ENTLEADS
routing:
  match_existing_accounts: false
roster:
  - user: U0SDR0001
    roles: [sdr]
  - user: U0AE00001
    roles: [ae]
    segments: [enterprise]
  - user: U0MKT0001
    roles: [marketer]
  - user: U0MGR0001
    roles: [manager, admin]
`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ configYaml: CONFIG });
});
afterAll(async () => {
  await t?.stop();
});

const json = (value: unknown) => JSON.stringify(value);

interface LeadDbRow extends Record<string, unknown> {
  /** bigint: a string on postgres.js, a number on PGlite. */
  id: number | string;
  email: string;
  name: string | null;
  company: string | null;
  company_size: number | null;
  source: string;
  form: string | null;
  segment: string;
  stage: string;
  score: number;
  marketer_id: string | null;
  card_channel: string | null;
  card_ts: string | null;
}

const leadsByEmail = (email: string) =>
  t.database.rows<LeadDbRow>(sql`select * from leads where email = ${email} order by id`);

/** Types `/lead new` and returns the modal Baton opened. */
async function openModal(userId: string) {
  const res = await t.driver.command('/lead', 'new', { userId, channelId: 'C0GENERAL' });
  expect(res.status).toBe(200);
  const call = await t.slack.waitForCall('views.open', { trigger_id: res.triggerId });
  return call.response.view as { id: string; callback_id: string; blocks: Array<Record<string, unknown>> };
}

const text = (value: string) => ({ value: { type: 'plain_text_input', value } });

function values(fields: Record<string, string>) {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [field, value] of Object.entries(fields)) {
    out[field] = field === 'form' ? { value: { selected_option: { value } } } : text(value);
  }
  return out as Parameters<TestApp['driver']['viewSubmission']>[0]['values'];
}

/** The next ephemeral Baton sends this user (they arrive after the modal closes). */
async function nextEphemeral(userId: string, seen: number) {
  await vi.waitFor(() => expect(t.slack.ephemerals().filter((e) => e.user === userId).length).toBe(seen + 1));
  return t.slack.ephemerals().filter((e) => e.user === userId)[seen]!;
}

/** Runs a command and returns the ephemeral answer Baton sent to its response_url. */
async function ask(userId: string, textTyped: string) {
  const res = await t.driver.command('/lead', textTyped, { userId });
  expect(res.status).toBe(200);
  const reply = await t.slack.waitForResponse(res.responseUrl);
  expect(reply.body.response_type).toBe('ephemeral');
  return { text: String(reply.body.text), blocks: json(reply.body.blocks) };
}

describe('/lead new', () => {
  let cardTs: string;

  it('opens a modal with the intake fields and source slack', async () => {
    const view = await openModal('U0MKT0001');
    expect(view.callback_id).toBe('lead_new');
    expect(view.blocks.filter((b) => b.type === 'input').map((b) => b.block_id)).toEqual([
      'email',
      'name',
      'company',
      'title',
      'phone',
      'company_size',
      'website',
      'form',
      'message',
      'source',
    ]);
    const source = view.blocks.find((b) => b.block_id === 'source') as { element: { initial_value: string } };
    expect(source.element.initial_value).toBe('slack');
  });

  it('stores a submitted lead through intake, records the marketer, and the card is posted', async () => {
    const view = await openModal('U0MKT0001');
    const seen = t.slack.ephemerals().filter((e) => e.user === 'U0MKT0001').length;
    const res = await t.driver.viewSubmission({
      userId: 'U0MKT0001',
      viewId: view.id,
      values: values({
        email: 'Kim@Acme.io',
        name: 'Kim <!channel> Minji',
        company: 'Acme Corp',
        company_size: '250-500',
        website: 'acme.io',
        form: 'demo_request',
        message: 'Need a demo for 40 seats',
        source: 'slack',
      }),
    });
    expect(res.status).toBe(200);
    expect(res.body).toBe(''); // an empty ack closes the modal

    const told = await nextEphemeral('U0MKT0001', seen);
    const [lead] = await leadsByEmail('kim@acme.io');
    expect(lead).toMatchObject({
      email: 'kim@acme.io',
      name: 'Kim <!channel> Minji',
      company: 'Acme Corp',
      company_size: 250,
      source: 'slack',
      form: 'demo_request',
      // The default rules: 200+ employees is enterprise; a demo request is an SQL scored 80.
      segment: 'enterprise',
      stage: 'SQL',
      score: 80,
      marketer_id: 'U0MKT0001',
    });
    expect(told.channel).toBe('C0GENERAL');
    expect(told.message.text).toBe(
      `:white_check_mark: Added #${lead!.id} *Kim &lt;!channel&gt; Minji* (Acme Corp) as *SQL* (enterprise). Its card is going to <#C0ENTLEADS>.`,
    );

    await t.flushOutbox();
    const [stored] = await leadsByEmail('kim@acme.io');
    expect(stored!.card_channel).toBe('C0ENTLEADS');
    cardTs = stored!.card_ts!;
    const cards = t.slack.messages('C0ENTLEADS');
    expect(cards).toHaveLength(1);
    expect(json(cards[0]!.blocks)).toContain('Kim &lt;!channel&gt; Minji');
  });

  it('keeps the modal open with a message under each bad field, and stores nothing', async () => {
    const view = await openModal('U0SDR0001');
    const before = await t.database.rows<{ n: number }>(sql`select count(*)::int as n from leads`);
    const res = await t.driver.viewSubmission({
      userId: 'U0SDR0001',
      viewId: view.id,
      values: values({
        email: 'kim at acme',
        company_size: 'huge',
        website: 'ftp://acme.io',
        source: 'slack',
      }),
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      response_action: 'errors',
      errors: {
        email: 'Enter an email address like name@company.com.',
        company_size: 'Enter a number of employees like 250, a range like 200-500, or 1000+.',
        website: 'Enter a website like acme.com or https://acme.com.',
      },
    });
    const missing = await t.driver.viewSubmission({
      userId: 'U0SDR0001',
      viewId: view.id,
      values: values({}),
    });
    expect(missing.json).toEqual({
      response_action: 'errors',
      errors: {
        email: 'Enter the lead’s email address.',
        source: 'Say where the lead came from, like slack.',
      },
    });
    const after = await t.database.rows<{ n: number }>(sql`select count(*)::int as n from leads`);
    expect(after).toEqual(before);
  });

  it('recognises a duplicate: no second lead or card, a link to the first, and a note in its thread', async () => {
    const view = await openModal('U0SDR0001');
    const seen = t.slack.ephemerals().filter((e) => e.user === 'U0SDR0001').length;
    await t.driver.viewSubmission({
      userId: 'U0SDR0001',
      viewId: view.id,
      values: values({ email: 'kim@acme.io', form: 'trial', source: 'event' }),
    });
    const told = await nextEphemeral('U0SDR0001', seen);
    const rows = await leadsByEmail('kim@acme.io');
    expect(rows).toHaveLength(1);
    const id = rows[0]!.id;
    expect(told.message.text).toMatch(
      new RegExp(
        `^:repeat: #${id} <https://[^|]+/archives/C0ENTLEADS/p${cardTs.replace('.', '')}\\|Kim &lt;!channel&gt; Minji> \\(Acme Corp\\) is already in Baton`,
      ),
    );
    const events = await leadEventsOf(t.database.db, TEAM_ID, Number(id));
    expect(events.map((e) => e.type)).toContain('resubmitted');
    await t.flushOutbox();
    const topLevel = t.slack.messages('C0ENTLEADS').filter((m) => !m.thread_ts || m.thread_ts === m.ts);
    expect(topLevel).toHaveLength(1);
    expect(t.slack.thread('C0ENTLEADS', cardTs).map((m) => m.text)).toContainEqual(
      ':repeat: Submitted again via *event* (Free trial); no new card was made.',
    );
  });

  it('records no marketer for a seller, and answers by DM when it cannot post in the channel', async () => {
    const view = await openModal('U0SDR0001');
    t.slack.failNext('chat.postEphemeral', { error: 'channel_not_found' });
    await t.driver.viewSubmission({
      userId: 'U0SDR0001',
      viewId: view.id,
      values: values({ email: 'reader@tiny.io', form: 'ebook', company: 'Tiny', source: 'slack' }),
    });
    const dm = await t.slack.waitForCall('chat.postMessage', { channel: 'U0SDR0001' });
    const [lead] = await leadsByEmail('reader@tiny.io');
    expect(lead).toMatchObject({ marketer_id: null, segment: 'smb', stage: 'MQL' });
    expect(dm.args.text).toBe(
      `:white_check_mark: Added #${lead!.id} *reader@tiny.io* (Tiny) as *MQL* (smb). Its card is going to <#C0LEADS>.`,
    );
  });

  it('tells someone not on the roster how to be added, and opens no modal', async () => {
    const opened = t.slack.callsTo('views.open').length;
    const reply = await ask('U0STRANGER', 'new');
    expect(reply.text).toContain('Ask a Baton admin to add your Slack user ID `U0STRANGER`');
    expect(t.slack.callsTo('views.open')).toHaveLength(opened);
  });
});

describe('/lead lookups', () => {
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    const leads = [
      { email: 'lee@acme.io', name: 'Lee Jisoo', company: 'Acme Labs', form: 'contact' },
      { email: 'park@other.io', name: 'Park Acme', company: 'Other & Sons', form: 'demo_request' },
      { email: 'old@zeta.io', name: 'Zed', company: 'Zeta', form: 'newsletter' },
    ];
    for (const lead of leads) {
      const res = await t.sendLead({ source: 'website', ...lead });
      expect(res.status).toBe(202);
      ids[lead.email] = res.json.lead_id as number;
    }
    await t.flushOutbox();
  });

  it('finds a lead by email: summary fields and a link to its card', async () => {
    const [kim] = await leadsByEmail('kim@acme.io');
    const reply = await ask('U0SDR0001', 'KIM@acme.io');
    expect(reply.blocks).toContain(`#${kim!.id} *Kim &lt;!channel&gt; Minji*`);
    for (const field of [
      '*Company*\\nAcme Corp',
      '*Stage*\\nSQL',
      '*Owner*\\n_Unclaimed_',
      '*Segment*\\nenterprise',
      '*Source*\\nslack',
      '*Score*\\n80',
      '*Arrived*\\n<!date^',
    ]) {
      expect(reply.blocks).toContain(field);
    }
    expect(reply.blocks).toMatch(
      new RegExp(
        `:link: <https://[^|]+/archives/C0ENTLEADS/p${kim!.card_ts!.replace('.', '')}\\|Open the card>`,
      ),
    );
  });

  it('finds a lead by id, with or without #', async () => {
    const id = ids['old@zeta.io']!;
    for (const typed of [String(id), `#${id}`]) {
      const reply = await ask('U0SDR0001', typed);
      expect(reply.blocks).toContain(`#${id} *Zed*`);
      expect(reply.blocks).toContain('*Stage*\\nMQL');
    }
  });

  it('lists several matches by company or name, newest first, escaping what was typed', async () => {
    const reply = await ask('U0AE00001', 'acme');
    const listed = [...reply.blocks.matchAll(/• #(\d+) /g)].map((m) => Number(m[1]));
    const [kim] = await leadsByEmail('kim@acme.io');
    // "Park Acme" matches by name, the others by company; newest first.
    expect(listed).toEqual([ids['park@other.io'], ids['lee@acme.io'], Number(kim!.id)]);
    expect(reply.blocks).toContain('3 leads match `acme`, newest first:');
    expect(reply.blocks).toContain('(Other &amp; Sons)');
  });

  it('says clearly when nothing matches, and shows help for what may be a mistyped subcommand', async () => {
    const reply = await ask('U0SDR0001', 'frobnicate');
    expect(reply.text).toBe(
      'No lead matches `frobnicate`. Search by email, company, name or lead id, e.g. `/lead kim@acme.io`, `/lead Acme` or `/lead 42`.',
    );
    expect(reply.blocks).toContain('`/lead new`');
    const none = await ask('U0SDR0001', 'nobody@nowhere.io');
    expect(none.text).toContain('No lead matches `nobody@nowhere.io`.');
    expect(none.blocks).not.toContain('`/lead new`');
  });

  it('lists the caller’s open leads by stage with links, leaving out closed ones', async () => {
    // Sora claims two leads from their cards (the MQL becomes a SAL); a third she owns is lost.
    for (const email of ['lee@acme.io', 'reader@tiny.io']) {
      const [lead] = await leadsByEmail(email);
      const res = await t.driver.blockActions({
        userId: 'U0SDR0001',
        channelId: lead!.card_channel!,
        messageTs: lead!.card_ts!,
        actions: [{ action_id: 'lead_claim', block_id: `lead_actions:${lead!.id}`, value: String(lead!.id) }],
      });
      expect(res.status).toBe(200);
    }
    await vi.waitFor(async () => {
      const owned = await t.database.rows(sql`select id from leads where owner_id = 'U0SDR0001'`);
      expect(owned).toHaveLength(2);
    });
    const zeta = ids['old@zeta.io']!;
    await t.database.rows(sql`update leads set owner_id = 'U0SDR0001', stage = 'Lost' where id = ${zeta}`);

    const reply = await ask('U0SDR0001', 'mine');
    expect(reply.text).toBe('Your open leads — 2');
    const [lee] = await leadsByEmail('lee@acme.io');
    const [reader] = await leadsByEmail('reader@tiny.io');
    const sal = reply.blocks.indexOf('*SAL* (2)');
    expect(sal).toBeGreaterThan(-1);
    for (const lead of [lee!, reader!]) {
      expect(reply.blocks).toMatch(
        new RegExp(`• #${lead.id} <https://[^|]+/archives/C0LEADS/p${lead.card_ts!.replace('.', '')}\\|`),
      );
    }
    expect(reply.blocks).not.toContain(`#${zeta} `);

    const empty = await ask('U0AE00001', 'mine');
    expect(empty.blocks).toContain('You have no open leads.');
  });

  it('answers /lead help in the ack, and /baton help lists the /lead commands', async () => {
    const res = await t.driver.command('/lead', 'help', { userId: 'U0SDR0001' });
    const body = JSON.parse(res.body) as { response_type: string; blocks: unknown[] };
    expect(body.response_type).toBe('ephemeral');
    for (const usage of ['/lead new', '/lead &lt;email | company | id&gt;', '/lead mine', '/lead help']) {
      expect(json(body.blocks)).toContain(`\`${usage}\``);
    }
    const baton = await t.driver.command('/baton', 'help', { userId: 'U0SDR0001' });
    expect(json(JSON.parse(baton.body).blocks)).toContain('`/lead mine` — Your open leads, by stage.');
  });
});
