import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, type TestApp } from '../harness/test-app.js';
import {
  card,
  clickCard,
  dms,
  ephemeralText,
  events,
  HANDOFF_YAML,
  leadRow,
  newCard,
  openedView,
  threadReplies,
} from './support/lead-cards.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ configYaml: HANDOFF_YAML });
});
afterAll(async () => {
  await t?.stop();
});

const contexts = (leadId: number) =>
  t.database.rows<Record<string, unknown>>(
    sql`select author_id, campaign, content, nurture, note from lead_contexts where lead_id = ${leadId} order by id`,
  );

async function claimed(email: string, owner = 'U0SDR0001') {
  const lead = await newCard(t, email, 'Cory Context');
  await clickCard(t, owner, 'lead_claim', lead.leadId, lead.cardTs);
  await vi.waitFor(async () => expect((await leadRow(t, lead.leadId)).owner_id).toBe(owner));
  await t.flushOutbox();
  return lead;
}

const fields = (
  campaign: string | null,
  content: string | null,
  nurture: string | null,
  note: string | null,
) => ({
  campaign: { text: campaign },
  content: { text: content },
  nurture: { text: nurture },
  note: { text: note },
});

describe('Add context from the card', () => {
  it('stores it, counts it on the card, posts it in the thread escaped, and DMs the owner', async () => {
    const { leadId, cardTs } = await claimed('button@acme.io');
    const click = await clickCard(t, 'U0MKT0001', 'lead_add_context', leadId, cardTs);
    const view = await openedView(t, click.triggerId);
    expect(view.callback_id).toBe('lead_context_modal');
    expect(JSON.stringify(view.blocks)).not.toContain('lead_ref');

    const res = await t.driver.viewSubmission({
      userId: 'U0MKT0001',
      viewId: view.id,
      values: fields('Spring webinar', 'Pricing e-book', null, 'Tell <!channel> we <@U0MGR0001> & co.'),
    });
    expect(res.status).toBe(200);
    expect(res.json).toBeUndefined();

    expect(await contexts(leadId)).toEqual([
      {
        author_id: 'U0MKT0001',
        campaign: 'Spring webinar',
        content: 'Pricing e-book',
        nurture: null,
        note: 'Tell <!channel> we <@U0MGR0001> & co.',
      },
    ]);
    expect((await leadRow(t, leadId)).context_count).toBe(1);
    expect((await events(leadId, t)).at(-1)).toMatchObject({ type: 'context_added', actor: 'U0MKT0001' });

    await t.flushOutbox();
    expect(card(t, cardTs)).toContain(':memo: 1 note from marketing in the thread');
    const posted = threadReplies(t, cardTs).at(-1)!;
    expect(posted).toBe(
      [
        ':memo: Context from <@U0MKT0001>',
        '*Campaign*',
        '>Spring webinar',
        '*Content consumed*',
        '>Pricing e-book',
        '*Note*',
        '>Tell &lt;!channel&gt; we &lt;@U0MGR0001&gt; &amp; co.',
      ].join('\n'),
    );
    const dm = dms(t, 'U0SDR0001').at(-1)!;
    expect(dm).toContain(':memo: <@U0MKT0001> added context to your lead *Cory Context* (Acme)');
    expect(dm).toContain('>Tell &lt;!channel&gt; we &lt;@U0MGR0001&gt; &amp; co.');
    expect(dm).not.toContain('<!channel>');
  });

  it('asks for at least one field, within the limits, and stores nothing until then', async () => {
    const { leadId, cardTs } = await newCard(t, 'limits@acme.io');
    const click = await clickCard(t, 'U0MKT0001', 'lead_add_context', leadId, cardTs);
    const view = await openedView(t, click.triggerId);
    const submit = (values: ReturnType<typeof fields>) =>
      t.driver.viewSubmission({ userId: 'U0MKT0001', viewId: view.id, values });

    expect((await submit(fields(null, '  ', null, null))).json).toEqual({
      response_action: 'errors',
      errors: { note: 'Fill in at least one field: campaign, content consumed, nurture history or note.' },
    });
    expect((await submit(fields('x'.repeat(201), null, 'ok', null))).json).toEqual({
      response_action: 'errors',
      errors: { campaign: 'Keep it to 200 characters or fewer.' },
    });
    expect(await contexts(leadId)).toEqual([]);
    expect((await leadRow(t, leadId)).context_count).toBe(0);
  });

  it('stores a submission Slack sends twice only once', async () => {
    const { leadId, cardTs } = await newCard(t, 'twice@acme.io');
    const click = await clickCard(t, 'U0MKT0001', 'lead_add_context', leadId, cardTs);
    const view = await openedView(t, click.triggerId);
    const submit = () =>
      t.driver.viewSubmission({
        userId: 'U0MKT0001',
        viewId: view.id,
        values: fields(null, null, 'Opened 3 emails', null),
      });
    await Promise.all([submit(), submit()]);
    expect(await contexts(leadId)).toHaveLength(1);
    expect((await leadRow(t, leadId)).context_count).toBe(1);
  });
});

describe('Add context message shortcut', () => {
  it('on a reply in a card’s thread adds context to that lead', async () => {
    const { leadId, cardTs } = await claimed('shortcut@acme.io', 'U0SDR0001');
    const reply = t.slack.addMessage('C0LEADS', {
      user: 'U0MKT0001',
      text: 'she came from the webinar',
      thread_ts: cardTs,
    });
    const sc = await t.driver.messageShortcut({
      userId: 'U0MKT0001',
      callbackId: 'lead_add_context',
      channelId: 'C0LEADS',
      message: { ts: reply.ts, thread_ts: cardTs, text: reply.text, user: 'U0MKT0001' },
    });
    const view = await openedView(t, sc.triggerId);
    expect(JSON.parse(view.private_metadata)).toEqual({ lead: leadId });

    const res = await t.driver.viewSubmission({
      userId: 'U0MKT0001',
      viewId: view.id,
      values: fields('Webinar', null, 'Nurtured 6 weeks', null),
    });
    expect(res.json).toBeUndefined();
    expect(await contexts(leadId)).toHaveLength(1);
    await t.flushOutbox();
    expect(card(t, cardTs)).toContain(':memo: 1 note from marketing in the thread');
    expect(threadReplies(t, cardTs).at(-1)).toContain('*Nurture history*\n>Nurtured 6 weeks');
    expect(dms(t, 'U0SDR0001').at(-1)).toContain('*Campaign*\n>Webinar');
  });

  it('on the card itself finds the lead by the card ts', async () => {
    const { leadId, cardTs } = await newCard(t, 'oncard@acme.io');
    const sc = await t.driver.messageShortcut({
      userId: 'U0SDR0002',
      callbackId: 'lead_add_context',
      channelId: 'C0LEADS',
      message: { ts: cardTs },
    });
    const view = await openedView(t, sc.triggerId);
    expect(JSON.parse(view.private_metadata)).toEqual({ lead: leadId });
  });

  it('on a message not tied to a lead asks which lead, by number or email', async () => {
    const { leadId, cardTs } = await newCard(t, 'Elsewhere@Acme.io');
    const other = t.slack.addMessage('C0MARKETING', { user: 'U0MKT0001', text: 'webinar list is out' });
    const sc = await t.driver.messageShortcut({
      userId: 'U0MKT0001',
      callbackId: 'lead_add_context',
      channelId: 'C0MARKETING',
      message: { ts: other.ts, text: other.text, user: 'U0MKT0001' },
    });
    const view = await openedView(t, sc.triggerId);
    expect(JSON.stringify(view.blocks)).toContain('"block_id":"lead_ref"');
    const submit = (ref: string | null) =>
      t.driver.viewSubmission({
        userId: 'U0MKT0001',
        viewId: view.id,
        values: { lead_ref: { text: ref }, ...fields('Webinar list', null, null, null) },
      });

    expect((await submit('nobody@nowhere.io')).json).toEqual({
      response_action: 'errors',
      errors: { lead_ref: 'No lead has that number or email address.' },
    });
    expect((await submit(null)).json).toEqual({
      response_action: 'errors',
      errors: { lead_ref: 'Give the lead’s number or email address.' },
    });
    expect((await submit(' elsewhere@acme.IO ')).json).toBeUndefined();
    expect(await contexts(leadId)).toEqual([
      { author_id: 'U0MKT0001', campaign: 'Webinar list', content: null, nurture: null, note: null },
    ]);
    await t.flushOutbox();
    expect(threadReplies(t, cardTs).at(-1)).toBe(
      ':memo: Context from <@U0MKT0001>\n*Campaign*\n>Webinar list',
    );
  });

  it('tells someone not on the roster how to be added, and a forged submission stores nothing', async () => {
    const { leadId, cardTs } = await newCard(t, 'stranger-ctx@acme.io');
    const sc = await t.driver.messageShortcut({
      userId: 'U0STRANGER',
      callbackId: 'lead_add_context',
      channelId: 'C0LEADS',
      message: { ts: cardTs },
    });
    expect(await ephemeralText(t, sc.responseUrl)).toContain('add your Slack user ID `U0STRANGER`');
    const forged = await t.driver.viewSubmission({
      userId: 'U0STRANGER',
      callbackId: 'lead_context_modal',
      privateMetadata: JSON.stringify({ lead: leadId }),
      values: fields(null, null, null, 'hi'),
    });
    expect(forged.json).toEqual({
      response_action: 'errors',
      errors: {
        note: 'You are not on the Baton roster, so you cannot add context. Ask an admin to add you.',
      },
    });
    expect(await contexts(leadId)).toEqual([]);
  });
});
