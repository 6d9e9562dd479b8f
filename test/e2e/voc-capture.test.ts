import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SlackObject } from '../harness/fake-slack.js';
import { startTestApp, type TestApp } from '../harness/test-app.js';
import { HANDOFF_ROSTER, rosterYaml } from './support/team-yaml.js';

/** Feature requests go to product; objections, competitors and lead quality to marketing; the rest nowhere. */
const VOC_YAML = `locale: en
routing:
  match_existing_accounts: false
  default:
    mode: claim
channels:
  leads:
    smb: C0LEADS
    enterprise: C0ENTLEADS
  voc:
    feature_request: C0PRODUCT
    objection: C0MKTG
    competitor: C0MKTG
    lead_quality: C0MKTG
${rosterYaml(HANDOFF_ROSTER)}`;

const DOMAIN = 'https://baton-test.slack.com/archives';
const NOT_ON_ROSTER =
  'Baton routes leads only to people on its roster. Ask <@U0MGR0001> to add your Slack user ID `U0STRANGER` from Slack with `/baton roster add @you <roles> <segments>` (for example `/baton roster add @you sdr smb`); it applies at once.';

let t: TestApp;
let minji: number;
let joon: number;

beforeAll(async () => {
  t = await startTestApp({ configYaml: VOC_YAML });
  const lead = async (name: string, email: string, company: string) => {
    const res = await t.sendLead({
      source: 'website',
      name,
      email,
      company,
      company_size: 20,
      form: 'contact',
    });
    expect(res.status).toBe(202);
    return res.json.lead_id as number;
  };
  minji = await lead('Kim Minji', 'minji@acme.io', 'Acme');
  joon = await lead('Park Joon', 'joon@globex.io', 'Globex');
  await t.flushOutbox();
});
afterAll(async () => {
  await t?.stop();
});

interface EntryRow {
  id: number;
  quote: string;
  category: string | null;
  competitor: string | null;
  lead_id: number | null;
  account: string | null;
  sentiment: string | null;
  tags: string[];
  source_channel: string | null;
  source_ts: string | null;
  source_thread_ts: string | null;
  source_author_id: string | null;
  source_permalink: string | null;
  captured_by: string;
  via: string;
  routed_channel: string | null;
  routed_ts: string | null;
  updated_by: string | null;
}

// Ids as numbers on both drivers (postgres.js hands bigints back as strings).
const COLUMNS =
  sql.raw(`id::int as id, quote, category, competitor, lead_id::int as lead_id, account, sentiment,
  tags, source_channel, source_ts, source_thread_ts, source_author_id, source_permalink, captured_by, via,
  routed_channel, routed_ts, updated_by, view_id`);
const entriesWhere = (where: SQL) =>
  t.database.rows<EntryRow & Record<string, unknown>>(
    sql`select ${COLUMNS} from voc_entries where ${where} order by id`,
  );
const entriesOf = (channel: string, ts: string) =>
  entriesWhere(sql`source_channel = ${channel} and source_ts = ${ts}`);
const entry = async (id: number) => (await entriesWhere(sql`id = ${id}`))[0]!;

const permalink = (channel: string, ts: string, threadTs?: string) =>
  `${DOMAIN}/${channel}/p${ts.replace('.', '')}${threadTs ? `?thread_ts=${threadTs}&cid=${channel}` : ''}`;

/** The modal a request opened (found by its trigger id). */
async function openedView(triggerId: string | undefined) {
  const call = await t.slack.waitForCall('views.open', { trigger_id: triggerId! });
  return call.response.view as {
    id: string;
    callback_id: string;
    private_metadata: string;
    blocks: SlackObject[];
  };
}

const inputOf = (view: { blocks: SlackObject[] }, block: string) =>
  view.blocks.find((b) => b.block_id === block)?.element as SlackObject;

type Fields = {
  quote?: string | null;
  category?: string | null;
  competitor?: string | null;
  lead?: number | null;
  account?: string | null;
  sentiment?: string | null;
  tags?: string | null;
};

/** The modal's state as Slack sends it on submit. */
function values(f: Fields) {
  const out: Record<string, Record<string, string | null | SlackObject>> = {};
  if (f.quote !== undefined) out.quote = { value: f.quote };
  if (f.category !== undefined)
    out.category = { value: { selected_option: f.category ? { value: f.category } : null } };
  if (f.competitor !== undefined) out.competitor = { value: f.competitor };
  if (f.lead !== undefined)
    out.lead = {
      voc_lead: { type: 'external_select', selected_option: f.lead ? { value: String(f.lead) } : null },
    };
  if (f.account !== undefined) out.account = { value: f.account };
  if (f.sentiment !== undefined)
    out.sentiment = {
      value: { type: 'radio_buttons', selected_option: f.sentiment ? { value: f.sentiment } : null },
    };
  if (f.tags !== undefined) out.tags = { value: f.tags };
  return out;
}

/** The fields as they stand in an opened modal (its initial values), with `change` on top. */
function keep(view: { blocks: SlackObject[] }, change: Fields): Fields {
  const initial = (block: string) => inputOf(view, block)?.initial_value as string | undefined;
  const option = (block: string) =>
    (inputOf(view, block)?.initial_option as { value: string } | undefined)?.value ?? null;
  const lead = option('lead');
  return {
    quote: initial('quote') ?? null,
    category: option('category'),
    competitor: initial('competitor') ?? null,
    lead: lead ? Number(lead) : null,
    account: initial('account') ?? null,
    sentiment: option('sentiment'),
    tags: initial('tags') ?? null,
    ...change,
  };
}

const submit = (userId: string, viewId: string, f: Fields) =>
  t.driver.viewSubmission({ userId, viewId, values: values(f) });

/** What the modal turned into after a save. */
const savedText = (res: { json?: unknown }) => {
  const json = res.json as { response_action: string; view: { callback_id: string; blocks: SlackObject[] } };
  expect(json.response_action).toBe('update');
  expect(json.view.callback_id).toBe('voc_saved');
  return (json.view.blocks[0]!.text as { text: string }).text;
};

const shortcut = (
  userId: string,
  channel: string,
  message: { ts: string; text: string; user: string; thread_ts?: string },
) => t.driver.messageShortcut({ userId, callbackId: 'voc_save', channelId: channel, message });

const posts = (channel: string) => t.slack.messages(channel);
const postText = (message: SlackObject) => JSON.stringify(message.blocks);

/** A person's message in a channel, captured with the shortcut as `category`; returns the entry id. */
async function captured(channel: string, text: string, category: string, extra: Fields = {}) {
  const message = t.slack.addMessage(channel, { user: 'U0AE00001', text });
  const sc = await shortcut('U0SDR0001', channel, { ts: message.ts, text, user: 'U0AE00001' });
  const view = await openedView(sc.triggerId);
  savedText(await submit('U0SDR0001', view.id, { quote: text, category, ...extra }));
  await t.flushOutbox();
  const [row] = await entriesOf(channel, message.ts);
  return { message, id: row!.id };
}

const reaction = (user: string, channel: string, ts: string, name = 'voc') =>
  t.driver.event({
    type: 'reaction_added',
    user,
    reaction: name,
    item_user: 'U0AE00001',
    item: { type: 'message', channel, ts },
  });

describe('Save as VOC (message shortcut)', () => {
  it('opens the modal filled in from a thread reply, stores the entry and posts it, escaped, in its channel', async () => {
    const parent = t.slack.addMessage('C0SALES', { user: 'U0AE00001', text: 'Call notes: Acme, Tuesday' });
    const text = 'They need SSO & <audit logs> before they sign <!channel>';
    const reply = t.slack.addMessage('C0SALES', { user: 'U0AE00001', text, thread_ts: parent.ts });

    const sc = await shortcut('U0SDR0001', 'C0SALES', {
      ts: reply.ts,
      text,
      user: 'U0AE00001',
      thread_ts: parent.ts,
    });
    const view = await openedView(sc.triggerId);
    expect(view.callback_id).toBe('voc_modal');
    const source = {
      channel: 'C0SALES',
      ts: reply.ts,
      threadTs: parent.ts,
      authorId: 'U0AE00001',
      permalink: permalink('C0SALES', reply.ts, parent.ts),
    };
    expect(JSON.parse(view.private_metadata)).toEqual({ source, via: 'shortcut' });
    expect(inputOf(view, 'quote').initial_value).toBe(text);
    expect(view.blocks[0]).toEqual({
      type: 'context',
      block_id: expect.any(String),
      elements: [
        {
          type: 'mrkdwn',
          text: `Quoting a thread reply by <@U0AE00001>; the thread is recorded too. <${source.permalink}|View the source message>`,
        },
      ],
    });

    const res = await submit('U0SDR0001', view.id, {
      quote: text,
      category: 'feature_request',
      competitor: ' Okta ',
      lead: minji,
      sentiment: 'negative',
      tags: 'SSO, #Security, sso',
    });
    expect(savedText(res)).toBe(':white_check_mark: Saved as *Feature request* and posted to <#C0PRODUCT>.');

    const [row, ...more] = await entriesOf('C0SALES', reply.ts);
    expect(more).toEqual([]);
    expect(row).toMatchObject({
      quote: text,
      category: 'feature_request',
      competitor: 'Okta',
      lead_id: minji,
      account: null,
      sentiment: 'negative',
      tags: ['sso', 'security'],
      source_thread_ts: parent.ts,
      source_author_id: 'U0AE00001',
      source_permalink: source.permalink,
      captured_by: 'U0SDR0001',
      via: 'shortcut',
      routed_channel: 'C0PRODUCT',
      routed_ts: null,
    });

    await t.flushOutbox();
    const [post, ...others] = posts('C0PRODUCT');
    expect(others).toEqual([]);
    expect(post!.text).toBe(
      'VOC · Feature request: “They need SSO &amp; &lt;audit logs&gt; before they sign &lt;!channel&gt;”',
    );
    expect(post!.blocks).toEqual([
      {
        type: 'section',
        block_id: expect.any(String),
        text: {
          type: 'mrkdwn',
          text: ':speech_balloon: *VOC · Feature request*\n>They need SSO &amp; &lt;audit logs&gt; before they sign &lt;!channel&gt;',
        },
      },
      {
        type: 'context',
        block_id: expect.any(String),
        elements: [
          {
            type: 'mrkdwn',
            text: `*Competitor:* Okta · *Lead:* #${minji} *Kim Minji* (Acme) · *Sentiment:* Negative · *Tags:* #sso #security`,
          },
        ],
      },
      {
        type: 'context',
        block_id: expect.any(String),
        elements: [
          {
            type: 'mrkdwn',
            text: `Said by <@U0AE00001> · Captured by <@U0SDR0001> · <${source.permalink}|View the source message>`,
          },
        ],
      },
    ]);
    expect(JSON.stringify(post)).not.toContain('<!channel>');
    expect((await entry(row!.id)).routed_ts).toBe(post!.ts);
  });

  it('captured again, edits the one entry and its post instead of posting again', async () => {
    const { message, id } = await captured('C0SALES', 'Onboarding took three weeks', 'feature_request');
    const [first] = posts('C0PRODUCT').filter((m) => postText(m).includes('Onboarding took three weeks'));
    expect((await entry(id)).routed_ts).toBe(first!.ts);
    const updatesBefore = t.slack.callsTo('chat.update').length;

    const sc = await shortcut('U0MKT0001', 'C0SALES', {
      ts: message.ts,
      text: message.text,
      user: 'U0AE00001',
    });
    const view = await openedView(sc.triggerId);
    expect(JSON.parse(view.private_metadata)).toEqual({ entryId: id, via: 'shortcut' });
    expect(inputOf(view, 'category').initial_option).toEqual({
      text: { type: 'plain_text', text: 'Feature request' },
      value: 'feature_request',
    });
    const res = await submit('U0MKT0001', view.id, keep(view, { account: 'Acme Korea', tags: 'onboarding' }));
    expect(savedText(res)).toBe(':white_check_mark: Updated: *Feature request*, posted to <#C0PRODUCT>.');

    const rows = await entriesOf('C0SALES', message.ts);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id,
      account: 'Acme Korea',
      tags: ['onboarding'],
      captured_by: 'U0SDR0001',
      updated_by: 'U0MKT0001',
    });

    await t.flushOutbox();
    const updates = t.slack.callsTo('chat.update').slice(updatesBefore);
    expect(updates.map((c) => [c.args.channel, c.args.ts])).toEqual([['C0PRODUCT', first!.ts]]);
    const now = posts('C0PRODUCT').filter((m) => postText(m).includes('Onboarding took three weeks'));
    expect(now).toHaveLength(1);
    expect(postText(now[0]!)).toContain('*Account:* Acme Korea · *Tags:* #onboarding');
  });

  it('moved to a category with another channel, posts there and edits the old post to say where it went', async () => {
    const { message, id } = await captured('C0SALES', 'Cheaper than Globex, they said', 'feature_request');
    const productPost = posts('C0PRODUCT').find((m) => postText(m).includes('Cheaper than Globex'))!;

    const sc = await shortcut('U0SDR0001', 'C0SALES', {
      ts: message.ts,
      text: message.text,
      user: 'U0AE00001',
    });
    const view = await openedView(sc.triggerId);
    const res = await submit('U0SDR0001', view.id, keep(view, { category: 'objection' }));
    expect(savedText(res)).toBe(
      ':white_check_mark: Updated: now *Objection*, so it moved from <#C0PRODUCT> to <#C0MKTG>.',
    );
    await t.flushOutbox();

    const mktgPost = posts('C0MKTG').find((m) => postText(m).includes('Cheaper than Globex'))!;
    expect(mktgPost.text).toBe('VOC · Objection: “Cheaper than Globex, they said”');
    const old = posts('C0PRODUCT').find((m) => m.ts === productPost.ts)!;
    expect(old.text).toBe(':arrow_right: Recategorised as *Objection* and moved to <#C0MKTG>.');
    expect(postText(old)).toContain('>Cheaper than Globex, they said');
    expect(await entry(id)).toMatchObject({
      category: 'objection',
      routed_channel: 'C0MKTG',
      routed_ts: mktgPost.ts,
    });

    // Back again: the first post shows the entry once more, nothing is posted a second time.
    const again = await shortcut('U0SDR0001', 'C0SALES', {
      ts: message.ts,
      text: message.text,
      user: 'U0AE00001',
    });
    const view2 = await openedView(again.triggerId);
    savedText(await submit('U0SDR0001', view2.id, keep(view2, { category: 'feature_request' })));
    await t.flushOutbox();
    expect(posts('C0PRODUCT').filter((m) => postText(m).includes('Cheaper than Globex'))).toHaveLength(1);
    expect(posts('C0PRODUCT').find((m) => m.ts === productPost.ts)!.text).toBe(
      'VOC · Feature request: “Cheaper than Globex, they said”',
    );
    expect(posts('C0MKTG').find((m) => m.ts === mktgPost.ts)!.text).toBe(
      ':arrow_right: Recategorised as *Feature request* and moved to <#C0PRODUCT>.',
    );
    expect(await entry(id)).toMatchObject({ routed_channel: 'C0PRODUCT', routed_ts: productPost.ts });

    // To a category without a channel: the post says it will show in the weekly retro.
    const last = await shortcut('U0SDR0001', 'C0SALES', {
      ts: message.ts,
      text: message.text,
      user: 'U0AE00001',
    });
    const view3 = await openedView(last.triggerId);
    expect(savedText(await submit('U0SDR0001', view3.id, keep(view3, { category: 'pricing' })))).toBe(
      ':white_check_mark: Updated: now *Pricing*. There is no channel for this category, so it will show in the weekly retro; the post in <#C0PRODUCT> says so.',
    );
    await t.flushOutbox();
    expect(posts('C0PRODUCT').find((m) => m.ts === productPost.ts)!.text).toBe(
      ':arrow_right: Recategorised as *Pricing*. That category has no channel, so it will show in the weekly retro.',
    );
    expect(await entry(id)).toMatchObject({ category: 'pricing', routed_channel: null, routed_ts: null });
  });

  it('moved before its post went out, posts only in the new channel, and again in the first when moved back', async () => {
    const text = 'Needs a Korean invoice template';
    const message = t.slack.addMessage('C0SALES', { user: 'U0AE00001', text });
    const edit = async (category: string) => {
      const sc = await shortcut('U0SDR0001', 'C0SALES', { ts: message.ts, text, user: 'U0AE00001' });
      const view = await openedView(sc.triggerId);
      return savedText(await submit('U0SDR0001', view.id, { ...keep(view, {}), quote: text, category }));
    };
    await edit('feature_request');
    expect(await edit('objection')).toBe(
      ':white_check_mark: Updated: now *Objection*, so it moved from <#C0PRODUCT> to <#C0MKTG>.',
    );
    await t.flushOutbox();
    const mine = (channel: string) => posts(channel).filter((m) => postText(m).includes(text));
    expect(mine('C0PRODUCT')).toEqual([]);
    expect(mine('C0MKTG').map((m) => m.text)).toEqual([`VOC · Objection: “${text}”`]);
    const [row] = await entriesOf('C0SALES', message.ts);
    expect(row).toMatchObject({ routed_channel: 'C0MKTG', routed_ts: mine('C0MKTG')[0]!.ts });

    await edit('feature_request');
    await t.flushOutbox();
    expect(mine('C0PRODUCT').map((m) => m.text)).toEqual([`VOC · Feature request: “${text}”`]);
    expect(mine('C0MKTG').map((m) => m.text)).toEqual([
      ':arrow_right: Recategorised as *Feature request* and moved to <#C0PRODUCT>.',
    ]);
    expect(await entry(row!.id)).toMatchObject({
      routed_channel: 'C0PRODUCT',
      routed_ts: mine('C0PRODUCT')[0]!.ts,
    });
  });

  it('parks the post Slack refused (Baton not in the channel) and posts it, edits included, once Baton joins', async () => {
    t.slack.failNext('chat.postMessage', { error: 'not_in_channel' });
    const { message, id } = await captured('C0SALES', 'Please add an Excel export', 'feature_request');
    const mine = () => posts('C0PRODUCT').filter((m) => postText(m).includes('Please add an Excel export'));
    expect(mine()).toEqual([]);
    expect(await entry(id)).toMatchObject({ routed_channel: 'C0PRODUCT', routed_ts: null });

    const sc = await shortcut('U0SDR0001', 'C0SALES', {
      ts: message.ts,
      text: message.text,
      user: 'U0AE00001',
    });
    const view = await openedView(sc.triggerId);
    savedText(await submit('U0SDR0001', view.id, keep(view, {})));
    await t.flushOutbox();
    // Parked with its channel (the edit waits with the post), not dropped: it goes out when Baton joins.
    expect(mine()).toEqual([]);
    await t.driver.event({ type: 'member_joined_channel', user: t.slack.botUserId, channel: 'C0PRODUCT' });
    await vi.waitFor(async () => {
      const [row] = await t.database.rows<{ n: number }>(
        sql`select count(*)::int as n from outbox where status = 'parked'`,
      );
      expect(row?.n).toBe(0);
    });
    await t.flushOutbox();
    expect(mine()).toHaveLength(1);
    expect(await entry(id)).toMatchObject({ routed_channel: 'C0PRODUCT', routed_ts: mine()[0]!.ts });
  });

  it('stores one entry when two people save the same message from modals opened before either saved', async () => {
    const text = 'Your pricing page is confusing';
    const message = t.slack.addMessage('C0SALES', { user: 'U0AE00001', text });
    const a = await openedView(
      (await shortcut('U0SDR0001', 'C0SALES', { ts: message.ts, text, user: 'U0AE00001' })).triggerId,
    );
    const b = await openedView(
      (await shortcut('U0MKT0001', 'C0SALES', { ts: message.ts, text, user: 'U0AE00001' })).triggerId,
    );
    expect(savedText(await submit('U0SDR0001', a.id, { quote: text, category: 'objection' }))).toBe(
      ':white_check_mark: Saved as *Objection* and posted to <#C0MKTG>.',
    );
    expect(
      savedText(
        await submit('U0MKT0001', b.id, { quote: text, category: 'objection', competitor: 'Globex' }),
      ),
    ).toBe(':white_check_mark: Updated: *Objection*, posted to <#C0MKTG>.');
    const rows = await entriesOf('C0SALES', message.ts);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      captured_by: 'U0SDR0001',
      updated_by: 'U0MKT0001',
      competitor: 'Globex',
    });
    await t.flushOutbox();
    const mine = posts('C0MKTG').filter((m) => postText(m).includes(text));
    expect(mine).toHaveLength(1);
    expect(postText(mine[0]!)).toContain('*Competitor:* Globex');
  });

  it('keeps the modal open with an error under each field that needs fixing, storing nothing', async () => {
    const text = 'Too many tags';
    const message = t.slack.addMessage('C0SALES', { user: 'U0AE00001', text });
    const view = await openedView(
      (await shortcut('U0SDR0001', 'C0SALES', { ts: message.ts, text, user: 'U0AE00001' })).triggerId,
    );

    const res = await submit('U0SDR0001', view.id, {
      quote: '   ',
      category: null,
      competitor: 'c'.repeat(101),
      tags: 'a,b,c,d,e,f,g,h,i,j,k',
    });
    expect(res.json).toEqual({
      response_action: 'errors',
      errors: {
        quote: 'Enter the quote: what the customer said.',
        category: 'Pick a category.',
        competitor: 'Keep it to 100 characters or fewer.',
        tags: 'Use at most 10 tags.',
      },
    });
    const gone = await submit('U0SDR0001', view.id, { quote: text, category: 'other', lead: 999_999 });
    expect(gone.json).toEqual({
      response_action: 'errors',
      errors: { lead: 'That lead no longer exists. Search again or leave the field empty.' },
    });
    expect(await entriesOf('C0SALES', message.ts)).toEqual([]);
  });

  it('refuses someone not on the roster', async () => {
    const message = t.slack.addMessage('C0SALES', { user: 'U0AE00001', text: 'hello' });
    const opens = t.slack.callsTo('views.open').length;
    const sc = await shortcut('U0STRANGER', 'C0SALES', { ts: message.ts, text: 'hello', user: 'U0AE00001' });
    const reply = await t.slack.waitForResponse(sc.responseUrl!);
    expect(reply.body).toMatchObject({ response_type: 'ephemeral', text: NOT_ON_ROSTER });
    expect(t.slack.callsTo('views.open')).toHaveLength(opens);
  });
});

describe('the lead search in the modal', () => {
  it('finds leads by company or name, number and email', async () => {
    const sc = await t.driver.command('/voc', '', { userId: 'U0SDR0001', channelId: 'C0SALES' });
    const view = await openedView(sc.triggerId);
    const search = async (value: string) => {
      const res = await t.driver.blockSuggestion({
        userId: 'U0SDR0001',
        actionId: 'voc_lead',
        value,
        view: view.id,
      });
      expect(res.status).toBe(200);
      return (res.json as { options: Array<{ text: { text: string }; value: string }> }).options;
    };
    expect(await search('acme')).toEqual([
      { text: { type: 'plain_text', text: `#${minji} Kim Minji (Acme)` }, value: String(minji) },
    ]);
    expect((await search('joon')).map((o) => o.value)).toEqual([String(joon)]);
    expect((await search(`#${joon}`)).map((o) => o.text.text)).toEqual([`#${joon} Park Joon (Globex)`]);
    expect((await search('MINJI@acme.io')).map((o) => o.value)).toEqual([String(minji)]);
    expect(await search('nobody here')).toEqual([]);
    expect(await search('100%_')).toEqual([]);
  });
});

describe('/voc', () => {
  it('opens the modal with the text as the quote; a category without a channel is kept for the retro', async () => {
    const sc = await t.driver.command('/voc', 'We love the weekly digest', {
      userId: 'U0MKT0001',
      channelId: 'C0SALES',
    });
    const view = await openedView(sc.triggerId);
    expect(JSON.parse(view.private_metadata)).toEqual({ via: 'command' });
    expect(inputOf(view, 'quote').initial_value).toBe('We love the weekly digest');
    expect(view.blocks[0]!.block_id).toBe('quote');
    const writesBefore = await outboxCount();

    const res = await submit('U0MKT0001', view.id, {
      quote: 'We love the weekly digest',
      category: 'praise',
      account: 'Initech',
      sentiment: 'positive',
    });
    expect(savedText(res)).toBe(
      ':white_check_mark: Saved as *Praise*. There is no channel for this category, so it will show in the weekly retro.',
    );
    const [row, ...more] = await entriesWhere(sql`quote = 'We love the weekly digest'`);
    expect(more).toEqual([]);
    expect(row).toMatchObject({
      category: 'praise',
      account: 'Initech',
      sentiment: 'positive',
      via: 'command',
      captured_by: 'U0MKT0001',
      source_channel: null,
      source_ts: null,
      routed_channel: null,
    });
    expect(await outboxCount()).toBe(writesBefore);
  });

  it('stores one entry when Slack delivers the same submission twice', async () => {
    const sc = await t.driver.command('/voc', 'Pricing page is confusing', {
      userId: 'U0MKT0001',
      channelId: 'C0SALES',
    });
    const view = await openedView(sc.triggerId);
    const fields = { quote: 'Pricing page is confusing', category: 'objection' };
    const first = await submit('U0MKT0001', view.id, fields);
    savedText(first);
    expect(savedText(await t.driver.redeliver(first.payload))).toMatch(/^:white_check_mark: Updated/);
    const rows = await entriesWhere(sql`quote = 'Pricing page is confusing'`);
    expect(rows.map((r) => [r.category, r.view_id])).toEqual([['objection', view.id]]);
  });

  it('opens an empty modal without text, and answers help in the ack', async () => {
    const sc = await t.driver.command('/voc', '', { userId: 'U0SDR0001', channelId: 'C0SALES' });
    const view = await openedView(sc.triggerId);
    expect(inputOf(view, 'quote')).not.toHaveProperty('initial_value');

    const help = await t.driver.command('/voc', 'help', { userId: 'U0SDR0001', channelId: 'C0SALES' });
    const body = help.json as { response_type: string; text: string; blocks: SlackObject[] };
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toBe('Baton — /voc: the voice of the customer');
    expect(JSON.stringify(body.blocks)).toContain('React with :voc: to save a message at once');
  });

  it('hands `/voc report …` to the report, without opening the modal', async () => {
    const opens = t.slack.callsTo('views.open').length;
    const sc = await t.driver.command('/voc', 'report last-week', {
      userId: 'U0SDR0001',
      channelId: 'C0SALES',
    });
    expect(sc.body).toBe('');
    const reply = await t.slack.waitForResponse(sc.responseUrl);
    expect(reply.body.response_type).toBe('ephemeral');
    expect(t.slack.callsTo('views.open')).toHaveLength(opens);
  });

  it('refuses someone not on the roster', async () => {
    const sc = await t.driver.command('/voc', 'hi', { userId: 'U0STRANGER', channelId: 'C0SALES' });
    const reply = await t.slack.waitForResponse(sc.responseUrl);
    expect(reply.body).toMatchObject({ response_type: 'ephemeral', text: NOT_ON_ROSTER });
  });
});

const outboxCount = async () =>
  (
    await t.database.rows<{ n: number }>(sql`select count(*)::int as n from outbox where purpose like 'voc%'`)
  )[0]!.n;

/** The ephemerals one person got in a channel, newest last. */
const ephemeralsFor = (user: string, channel: string) =>
  t.slack.ephemerals(channel).filter((e) => e.user === user);

describe('the capture reaction', () => {
  it('saves at once, asks for the category privately, and routes it once picked', async () => {
    const text = 'Leads from the webinar were all students';
    const message = t.slack.addMessage('C0SALES', { user: 'U0AE00001', text });
    await reaction('U0SDR0001', 'C0SALES', message.ts);

    await vi.waitFor(() =>
      expect(ephemeralsFor('U0SDR0001', 'C0SALES').at(-1)?.message.text).toContain(text),
    );
    const [row, ...more] = await entriesOf('C0SALES', message.ts);
    expect(more).toEqual([]);
    expect(row).toMatchObject({
      quote: text,
      category: null,
      via: 'reaction',
      captured_by: 'U0SDR0001',
      source_author_id: 'U0AE00001',
      source_thread_ts: null,
      source_permalink: permalink('C0SALES', message.ts),
      routed_channel: null,
    });
    const prompt = ephemeralsFor('U0SDR0001', 'C0SALES').at(-1)!.message;
    expect(prompt.text).toBe(
      `:speech_balloon: Saved as VOC: “${text}”\nPick a category so it reaches the right team, or add details.`,
    );
    expect(t.slack.callsTo('conversations.history').at(-1)?.args).toMatchObject({
      channel: 'C0SALES',
      latest: message.ts,
      inclusive: 'true',
      limit: '1',
    });

    const click = await t.driver.blockActions({
      userId: 'U0SDR0001',
      channelId: 'C0SALES',
      ephemeral: true,
      actions: [
        {
          action_id: 'voc_prompt_category',
          block_id: `voc_prompt:${row!.id}`,
          type: 'static_select',
          selected_option: { value: `${row!.id}:lead_quality`, text: 'Lead quality' },
        },
      ],
    });
    const answered = await t.slack.waitForResponse(click.responseUrl!);
    expect(answered.body).toMatchObject({
      response_type: 'ephemeral',
      replace_original: true,
      text: ':white_check_mark: Saved as *Lead quality* and posted to <#C0MKTG>.',
    });
    await t.flushOutbox();
    expect(await entry(row!.id)).toMatchObject({
      category: 'lead_quality',
      routed_channel: 'C0MKTG',
      updated_by: 'U0SDR0001',
    });
    const post = posts('C0MKTG').find((m) => postText(m).includes(text))!;
    expect(post.text).toBe(`VOC · Lead quality: “${text}”`);
    expect((await entry(row!.id)).routed_ts).toBe(post.ts);

    // Someone else reacts too (with a skin tone): still one entry, and they see where it stands.
    await reaction('U0MGR0001', 'C0SALES', message.ts, 'voc::skin-tone-3');
    await vi.waitFor(() =>
      expect(ephemeralsFor('U0MGR0001', 'C0SALES').at(-1)?.message.text).toContain(text),
    );
    expect(ephemeralsFor('U0MGR0001', 'C0SALES').at(-1)!.message.text).toBe(
      `:speech_balloon: This message is already saved as VOC: “${text}”\n:white_check_mark: Saved as *Lead quality* and posted to <#C0MKTG>.`,
    );
    expect(await entriesOf('C0SALES', message.ts)).toHaveLength(1);
    await t.flushOutbox();
    expect(posts('C0MKTG').filter((m) => postText(m).includes(text))).toHaveLength(1);

    // The shortcut on the same message edits that entry.
    const sc = await shortcut('U0MKT0001', 'C0SALES', { ts: message.ts, text, user: 'U0AE00001' });
    expect(JSON.parse((await openedView(sc.triggerId)).private_metadata)).toEqual({
      entryId: row!.id,
      via: 'reaction',
    });
  });

  it('on a thread reply reads it from the thread and asks in the thread', async () => {
    const parent = t.slack.addMessage('C0CS', { user: 'U0MKT0001', text: 'Renewal call' });
    t.slack.addMessage('C0CS', { user: 'U0AE00001', text: 'first reply', thread_ts: parent.ts });
    const text = 'If the price goes up again we leave';
    const reply = t.slack.addMessage('C0CS', { user: 'U0AE00001', text, thread_ts: parent.ts });
    t.slack.addMessage('C0CS', { user: 'U0AE00001', text: 'later reply', thread_ts: parent.ts });
    await reaction('U0MKT0001', 'C0CS', reply.ts);

    await vi.waitFor(() => expect(ephemeralsFor('U0MKT0001', 'C0CS')).toHaveLength(1));
    expect(ephemeralsFor('U0MKT0001', 'C0CS')[0]!.message.thread_ts).toBe(parent.ts);
    expect(await entriesOf('C0CS', reply.ts)).toEqual([
      expect.objectContaining({
        quote: text,
        source_thread_ts: parent.ts,
        source_author_id: 'U0AE00001',
        source_permalink: permalink('C0CS', reply.ts, parent.ts),
      }),
    ]);
  });

  it('Add details opens the modal on the entry to edit it', async () => {
    const text = 'Globex gave them a free pilot';
    const message = t.slack.addMessage('C0SALES', { user: 'U0AE00001', text });
    await reaction('U0SDR0001', 'C0SALES', message.ts);
    await vi.waitFor(async () => expect(await entriesOf('C0SALES', message.ts)).toHaveLength(1));
    const [row] = await entriesOf('C0SALES', message.ts);

    const click = await t.driver.blockActions({
      userId: 'U0SDR0001',
      channelId: 'C0SALES',
      ephemeral: true,
      actions: [
        { action_id: 'voc_prompt_details', block_id: `voc_prompt:${row!.id}`, value: String(row!.id) },
      ],
    });
    const view = await openedView(click.triggerId);
    expect(view.callback_id).toBe('voc_modal');
    expect(JSON.parse(view.private_metadata)).toEqual({ entryId: row!.id, via: 'reaction' });
    expect(inputOf(view, 'quote').initial_value).toBe(text);
    expect(inputOf(view, 'category')).not.toHaveProperty('initial_option');

    const res = await submit(
      'U0SDR0001',
      view.id,
      keep(view, { category: 'competitor', competitor: 'Globex' }),
    );
    expect(savedText(res)).toBe(':white_check_mark: Updated: *Competitor*, posted to <#C0MKTG>.');
    await t.flushOutbox();
    const post = posts('C0MKTG').find((m) => postText(m).includes(text))!;
    expect(postText(post)).toContain('*Competitor:* Globex');
    expect(await entry(row!.id)).toMatchObject({
      category: 'competitor',
      competitor: 'Globex',
      routed_ts: post.ts,
    });
  });

  it('ignores other emoji, Baton’s own reactions and reactions on files', async () => {
    const message = t.slack.addMessage('C0SALES', { user: 'U0AE00001', text: 'not VOC' });
    await reaction('U0SDR0001', 'C0SALES', message.ts, 'thumbsup');
    await reaction('U0SDR0001', 'C0SALES', message.ts, 'vocal');
    await reaction(t.driver.botUserId, 'C0SALES', message.ts);
    await t.driver.event({
      type: 'reaction_added',
      user: 'U0SDR0001',
      reaction: 'voc',
      item_user: 'U0AE00001',
      item: { type: 'file', file: 'F0123' },
    });
    // A later capture is handled after these, so once it is stored the ones before were ignored.
    const marker = t.slack.addMessage('C0SALES', { user: 'U0AE00001', text: 'marker' });
    await reaction('U0SDR0001', 'C0SALES', marker.ts);
    await vi.waitFor(async () => expect(await entriesOf('C0SALES', marker.ts)).toHaveLength(1));
    expect(await entriesOf('C0SALES', message.ts)).toEqual([]);
  });

  it('refuses someone not on the roster, privately', async () => {
    const message = t.slack.addMessage('C0SALES', { user: 'U0AE00001', text: 'from a stranger' });
    // Earlier refusals through response_urls count as ephemerals in the fake too.
    const before = ephemeralsFor('U0STRANGER', 'C0SALES').length;
    await reaction('U0STRANGER', 'C0SALES', message.ts);
    await vi.waitFor(() => expect(ephemeralsFor('U0STRANGER', 'C0SALES')).toHaveLength(before + 1));
    expect(ephemeralsFor('U0STRANGER', 'C0SALES').at(-1)!.message.text).toBe(NOT_ON_ROSTER);
    expect(await entriesOf('C0SALES', message.ts)).toEqual([]);
  });

  it('says so when the message has no text to save', async () => {
    const message = t.slack.addMessage('C0FILES', { user: 'U0AE00001', text: '' });
    await reaction('U0SDR0001', 'C0FILES', message.ts);
    await vi.waitFor(() => expect(ephemeralsFor('U0SDR0001', 'C0FILES')).toHaveLength(1));
    expect(ephemeralsFor('U0SDR0001', 'C0FILES')[0]!.message.text).toBe(
      'That message has no text to save as VOC.',
    );
    expect(await entriesOf('C0FILES', message.ts)).toEqual([]);
  });
});
