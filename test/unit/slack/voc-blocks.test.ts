import { describe, expect, it } from 'vitest';
import type { LeadRow } from '../../../src/db/queries/leads.js';
import type { VocRow } from '../../../src/db/queries/voc.js';
import { messages } from '../../../src/i18n/index.js';
import type { VocSaved } from '../../../src/services/voc.js';
import {
  leadOption,
  parseCategoryValue,
  parseVocMetadata,
  readVocModal,
  vocFieldErrors,
  vocHelpBlocks,
  vocModal,
  vocMovedPost,
  vocPost,
  vocPrompt,
  vocPromptAnswered,
  vocRefusalErrors,
  vocSavedText,
  vocSavedView,
} from '../../../src/slack/blocks/voc.js';
import { categoryLabel, quoteWithin } from '../../../src/slack/blocks/voc-text.js';

const en = messages('en');
const ko = messages('ko');
const PERMALINK = 'https://baton-test.slack.com/archives/C0SALES/p1700000000000100';

const entry = (over: Partial<VocRow> = {}): VocRow => ({
  id: 7,
  teamId: 'T0BATON',
  quote: 'They said <!channel> & "Acme" is *cheaper*\nsecond line',
  category: 'competitor',
  competitor: 'Acme <CRM>',
  leadId: 12,
  account: 'Globex & Co',
  sentiment: 'negative',
  tags: ['pricing', 'big deal'],
  sourceChannel: 'C0SALES',
  sourceTs: '1700000000.000100',
  sourceThreadTs: null,
  sourceAuthorId: 'U0AE00001',
  sourcePermalink: PERMALINK,
  capturedBy: 'U0MKT0001',
  via: 'shortcut',
  routedChannel: 'C0MKTG',
  routedTs: null,
  createdAt: new Date('2026-03-10T01:00:00Z'),
  updatedAt: new Date('2026-03-10T01:00:00Z'),
  updatedBy: null,
  viewId: null,
  ...over,
});

const lead = { id: 12, name: 'Kim Minji', email: 'minji@acme.io', company: 'Acme' } as LeadRow;

const saved = (over: Partial<VocSaved> = {}): VocSaved => ({
  ok: true,
  entry: entry(),
  edited: false,
  channel: 'C0MKTG',
  movedFrom: null,
  ...over,
});

const PREVIEW = 'They said &lt;!channel&gt; &amp; "Acme" is *cheaper* second line';

describe('the reverse-flow post', () => {
  it('shows the category, the escaped quote, the details, who said and captured it, and the source', () => {
    expect(vocPost(en, entry(), lead)).toEqual({
      text: `VOC · Competitor: “${PREVIEW}”`,
      blocks: [
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: ':speech_balloon: *VOC · Competitor*\n>They said &lt;!channel&gt; &amp; "Acme" is *cheaper*\n>second line',
          },
        },
        {
          type: 'context',
          elements: [
            {
              type: 'mrkdwn',
              text: '*Competitor:* Acme &lt;CRM&gt; · *Lead:* #12 *Kim Minji* (Acme) · *Account:* Globex &amp; Co · *Sentiment:* Negative · *Tags:* #pricing #big deal',
            },
          ],
        },
        {
          type: 'context',
          elements: [
            {
              type: 'mrkdwn',
              text: `Said by <@U0AE00001> · Captured by <@U0MKT0001> · <${PERMALINK}|View the source message>`,
            },
          ],
        },
      ],
    });
  });

  it('leaves out what the entry does not have', () => {
    const bare = entry({
      quote: 'Love it',
      category: 'praise',
      competitor: null,
      leadId: null,
      account: null,
      sentiment: null,
      tags: [],
      sourceAuthorId: null,
      sourcePermalink: null,
      via: 'command',
    });
    expect(vocPost(en, bare, undefined).blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: ':speech_balloon: *VOC · Praise*\n>Love it' } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Captured by <@U0MKT0001>' }] },
    ]);
  });

  it('links only a plain https permalink', () => {
    const odd = entry({ sourcePermalink: 'javascript:alert(1)|x>' });
    expect(JSON.stringify(vocPost(en, odd, undefined).blocks)).not.toContain('javascript');
  });

  it('cuts a long quote to a size a section holds, counting what escaping adds', () => {
    const huge = entry({ quote: '&'.repeat(3000) });
    const text = (vocPost(en, huge, undefined).blocks[0] as { text: { text: string } }).text.text;
    expect(text.length).toBeLessThan(1600);
    expect(text.endsWith('&amp;…')).toBe(true);
  });

  it('says where a moved entry went, or that its category has no channel', () => {
    expect(vocMovedPost(en, entry({ category: 'feature_request' }), 'C0PRODUCT')).toEqual({
      text: ':arrow_right: Recategorised as *Feature request* and moved to <#C0PRODUCT>.',
      blocks: [
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: ':arrow_right: Recategorised as *Feature request* and moved to <#C0PRODUCT>.',
          },
        },
        { type: 'context', elements: [{ type: 'mrkdwn', text: `>${PREVIEW}` }] },
      ],
    });
    expect(vocMovedPost(en, entry({ category: 'other' }), null).text).toBe(
      ':arrow_right: Recategorised as *Other*. That category has no channel, so it will show in the weekly retro.',
    );
  });
});

describe('quoteWithin', () => {
  it('escapes and keeps every line quoted', () => {
    expect(quoteWithin(' a & <b>\nc ', 100)).toBe('a &amp; &lt;b&gt;\n>c');
  });

  it('cuts within the limit without splitting an entity or a line marker', () => {
    expect(quoteWithin('&&&&', 12)).toBe('&amp;&amp;…');
    expect(quoteWithin('a\nb\nc', 5)).toBe('a\n>b…');
  });
});

describe('where a saved entry went', () => {
  it('words a new save, an edit and a move', () => {
    expect(vocSavedText(en, saved())).toBe(
      ':white_check_mark: Saved as *Competitor* and posted to <#C0MKTG>.',
    );
    expect(vocSavedText(en, saved({ channel: null, entry: entry({ category: 'other' }) }))).toBe(
      ':white_check_mark: Saved as *Other*. There is no channel for this category, so it will show in the weekly retro.',
    );
    expect(vocSavedText(en, saved({ edited: true }))).toBe(
      ':white_check_mark: Updated: *Competitor*, posted to <#C0MKTG>.',
    );
    expect(
      vocSavedText(en, saved({ edited: true, channel: null, entry: entry({ category: 'pricing' }) })),
    ).toBe(
      ':white_check_mark: Updated: *Pricing*. There is no channel for this category, so it will show in the weekly retro.',
    );
    expect(vocSavedText(en, saved({ edited: true, movedFrom: 'C0PRODUCT' }))).toBe(
      ':white_check_mark: Updated: now *Competitor*, so it moved from <#C0PRODUCT> to <#C0MKTG>.',
    );
    expect(
      vocSavedText(
        en,
        saved({ edited: true, movedFrom: 'C0PRODUCT', channel: null, entry: entry({ category: 'other' }) }),
      ),
    ).toBe(
      ':white_check_mark: Updated: now *Other*. There is no channel for this category, so it will show in the weekly retro; the post in <#C0PRODUCT> says so.',
    );
    expect(vocSavedText(ko, saved())).toBe(
      ':white_check_mark: *경쟁사*(으)로 저장하고 <#C0MKTG>에 게시했습니다.',
    );
  });

  it('turns the modal into the answer', () => {
    expect(vocSavedView(en, saved())).toEqual({
      type: 'modal',
      callback_id: 'voc_saved',
      title: { type: 'plain_text', text: 'VOC saved' },
      close: { type: 'plain_text', text: 'Done' },
      blocks: [
        {
          type: 'section',
          text: { type: 'mrkdwn', text: ':white_check_mark: Saved as *Competitor* and posted to <#C0MKTG>.' },
        },
        { type: 'context', elements: [{ type: 'mrkdwn', text: `>${PREVIEW}` }] },
      ],
    });
  });

  it('names categories, the uncategorised, and escapes anything else', () => {
    expect(categoryLabel(en, 'churn_risk')).toBe('Churn risk');
    expect(categoryLabel(en, null)).toBe('Uncategorised');
    expect(categoryLabel(ko, 'lead_quality')).toBe('리드 품질');
    expect(categoryLabel(en, '<x>')).toBe('&lt;x&gt;');
  });
});

type Input = { block_id: string; element: Record<string, unknown> };
const inputs = (view: { blocks: unknown[] }) =>
  Object.fromEntries(
    (view.blocks as Array<{ type: string } & Input>)
      .filter((b) => b.type === 'input')
      .map((b) => [b.block_id, b.element]),
  );

describe('the capture modal', () => {
  it('opens on a message with its text, saying whose message it quotes', () => {
    const source = {
      channel: 'C0SALES',
      ts: '1700000000.000100',
      threadTs: null,
      authorId: 'U0AE00001',
      permalink: PERMALINK,
    };
    const metadata = { source, via: 'shortcut' as const };
    const view = vocModal(en, { metadata, quote: '  They want SSO  ' });
    expect(view.callback_id).toBe('voc_modal');
    expect(view.title).toEqual({ type: 'plain_text', text: 'Save as VOC' });
    expect(JSON.parse(view.private_metadata!)).toEqual(metadata);
    expect(view.blocks[0]).toEqual({
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: `Quoting a message by <@U0AE00001>. <${PERMALINK}|View the source message>` },
      ],
    });
    const fields = inputs(view);
    expect(Object.keys(fields)).toEqual([
      'quote',
      'category',
      'competitor',
      'lead',
      'account',
      'sentiment',
      'tags',
    ]);
    expect(fields.quote).toMatchObject({
      type: 'plain_text_input',
      initial_value: 'They want SSO',
      max_length: 3000,
    });
    expect(fields.category).not.toHaveProperty('initial_option');
    expect((fields.category!.options as Array<{ value: string }>).map((o) => o.value)).toEqual([
      'objection',
      'feature_request',
      'competitor',
      'pricing',
      'praise',
      'churn_risk',
      'lead_quality',
      'other',
    ]);
    expect(fields.lead).toEqual({
      type: 'external_select',
      action_id: 'voc_lead',
      placeholder: { type: 'plain_text', text: 'Number, email, company or name' },
      min_query_length: 1,
    });
    expect(fields.competitor).not.toHaveProperty('initial_value');
  });

  it('says when the quoted message is a thread reply', () => {
    const source = { channel: 'C0SALES', ts: '2.0', threadTs: '1.0', authorId: 'U0AE00001', permalink: null };
    const view = vocModal(en, { metadata: { source, via: 'shortcut' }, quote: 'x' });
    expect(view.blocks[0]).toEqual({
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: 'Quoting a thread reply by <@U0AE00001>; the thread is recorded too.' },
      ],
    });
  });

  it('opens empty for /voc, and cuts a quote longer than the field takes', () => {
    const empty = vocModal(en, { metadata: { via: 'command' }, quote: '' });
    expect(empty.blocks[0]).toMatchObject({ type: 'input', block_id: 'quote' });
    expect(inputs(empty).quote).not.toHaveProperty('initial_value');
    const long = vocModal(en, { metadata: { via: 'command' }, quote: 'x'.repeat(5000) });
    expect(String(inputs(long).quote!.initial_value)).toHaveLength(3000);
  });

  it('opens on an entry with every field filled in, to edit it', () => {
    const view = vocModal(en, { metadata: { entryId: 7, via: 'shortcut' }, entry: entry(), lead });
    expect(view.title).toEqual({ type: 'plain_text', text: 'Edit VOC' });
    expect(view.blocks[0]).toEqual({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: 'Editing the VOC <@U0MKT0001> saved <!date^1773104400^{date_short_pretty} {time}|2026-03-10 01:00 UTC>. Saving changes it and its post; nothing is added twice.',
        },
      ],
    });
    const fields = inputs(view);
    expect(fields.quote!.initial_value).toBe(entry().quote);
    expect(fields.category!.initial_option).toEqual({
      text: { type: 'plain_text', text: 'Competitor' },
      value: 'competitor',
    });
    expect(fields.competitor!.initial_value).toBe('Acme <CRM>');
    expect(fields.lead!.initial_option).toEqual({
      text: { type: 'plain_text', text: '#12 Kim Minji (Acme)' },
      value: '12',
    });
    expect(fields.account!.initial_value).toBe('Globex & Co');
    expect(fields.sentiment!.initial_option).toEqual({
      text: { type: 'plain_text', text: 'Negative' },
      value: 'negative',
    });
    expect(fields.tags!.initial_value).toBe('pricing, big deal');
  });

  it('reads the submitted fields back, blanks as null', () => {
    expect(
      readVocModal({
        quote: { value: { value: 'Quote' } },
        category: { value: { selected_option: { value: 'pricing' } } },
        competitor: { value: { value: null } },
        lead: { voc_lead: { selected_option: { value: '12' } } },
        account: { value: { value: 'Globex' } },
        sentiment: { value: { selected_option: null } },
        tags: { value: { value: 'a, b' } },
      }),
    ).toEqual({
      quote: 'Quote',
      category: 'pricing',
      competitor: null,
      lead: '12',
      account: 'Globex',
      sentiment: null,
      tags: 'a, b',
    });
  });

  it('puts each problem under its field', () => {
    expect(
      vocFieldErrors(en, [
        { field: 'quote', problem: 'required' },
        { field: 'category', problem: 'unknown' },
        { field: 'competitor', problem: 'too_long', max: 100 },
        { field: 'lead', problem: 'unknown' },
        { field: 'sentiment', problem: 'unknown' },
        { field: 'tags', problem: 'tag_too_long', tag: 'abc', max: 30 },
      ]),
    ).toEqual({
      quote: 'Enter the quote: what the customer said.',
      category: 'Pick one of the listed categories.',
      competitor: 'Keep it to 100 characters or fewer.',
      lead: 'Pick a lead from the search results.',
      sentiment: 'Pick positive, neutral or negative.',
      tags: 'The tag “abc” is longer than 30 characters.',
    });
    expect(vocFieldErrors(en, [{ field: 'tags', problem: 'too_many', max: 10 }])).toEqual({
      tags: 'Use at most 10 tags.',
    });
    expect(vocRefusalErrors(en, { ok: false, reason: 'lead_not_found' })).toEqual({
      lead: 'That lead no longer exists. Search again or leave the field empty.',
    });
  });

  it('reads back only metadata it wrote', () => {
    const source = { channel: 'C1', ts: '1.0', threadTs: null, authorId: null, permalink: null };
    expect(parseVocMetadata(JSON.stringify({ source, via: 'shortcut' }))).toEqual({
      source,
      via: 'shortcut',
    });
    expect(parseVocMetadata('{"entryId":7,"via":"reaction"}')).toEqual({ entryId: 7, via: 'reaction' });
    expect(parseVocMetadata('{"via":"email"}')).toBeUndefined();
    expect(parseVocMetadata('{"entryId":"7","via":"command"}')).toBeUndefined();
    expect(parseVocMetadata('{"source":{"channel":"C1"},"via":"shortcut"}')).toBeUndefined();
    expect(parseVocMetadata('not json')).toBeUndefined();
  });

  it('offers leads as "#id name (company)" within 75 characters', () => {
    expect(leadOption(lead)).toEqual({
      text: { type: 'plain_text', text: '#12 Kim Minji (Acme)' },
      value: '12',
    });
    const nameless = { id: 3, name: null, email: 'x@y.io', company: null } as LeadRow;
    expect(leadOption(nameless).text.text).toBe('#3 x@y.io');
    const long = { id: 4, name: 'N'.repeat(100), email: null, company: null } as LeadRow;
    expect(leadOption(long).text.text).toHaveLength(75);
  });
});

describe('the reaction prompt', () => {
  it('says it was saved and offers the categories and Add details', () => {
    const prompt = vocPrompt(en, entry({ category: null }), { created: true, channel: null });
    const text = `:speech_balloon: Saved as VOC: “${PREVIEW}”\nPick a category so it reaches the right team, or add details.`;
    expect(prompt.text).toBe(text);
    expect(prompt.blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text } });
    const actions = prompt.blocks[1] as unknown as {
      block_id: string;
      elements: Array<Record<string, unknown>>;
    };
    expect(actions.block_id).toBe('voc_prompt:7');
    expect(actions.elements[0]).toMatchObject({ type: 'static_select', action_id: 'voc_prompt_category' });
    expect(actions.elements[0]).not.toHaveProperty('initial_option');
    expect((actions.elements[0]!.options as Array<{ value: string }>)[1]).toEqual({
      text: { type: 'plain_text', text: 'Feature request' },
      value: '7:feature_request',
    });
    expect(actions.elements[1]).toEqual({
      type: 'button',
      action_id: 'voc_prompt_details',
      value: '7',
      text: { type: 'plain_text', text: 'Add details' },
    });
  });

  it('on a message saved already, says where it stands', () => {
    const prompt = vocPrompt(en, entry(), { created: false, channel: 'C0MKTG' });
    expect(prompt.text).toBe(
      `:speech_balloon: This message is already saved as VOC: “${PREVIEW}”\n:white_check_mark: Saved as *Competitor* and posted to <#C0MKTG>.`,
    );
    const actions = prompt.blocks[1] as unknown as { elements: Array<Record<string, unknown>> };
    expect(actions.elements[0]!.initial_option).toEqual({
      text: { type: 'plain_text', text: 'Competitor' },
      value: '7:competitor',
    });
  });

  it('once answered, says where it went as a save', () => {
    expect(vocPromptAnswered(en, saved({ edited: true })).text).toBe(
      ':white_check_mark: Saved as *Competitor* and posted to <#C0MKTG>.',
    );
  });

  it('reads the category select back', () => {
    expect(parseCategoryValue('7:feature_request')).toEqual({ entryId: 7, category: 'feature_request' });
    expect(parseCategoryValue('7:rant')).toBeUndefined();
    expect(parseCategoryValue('x:other')).toBeUndefined();
    expect(parseCategoryValue(undefined)).toBeUndefined();
  });
});

describe('/voc help', () => {
  it('lists the forms (placeholders escaped), the shortcut, the reaction and the routing', () => {
    const blocks = vocHelpBlocks(en, 'voc');
    expect(blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Baton — /voc: the voice of the customer' },
    });
    expect(blocks[1]).toEqual({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: [
          '`/voc` — Open the VOC form.',
          '`/voc &lt;text&gt;` — Open the form with the quote filled in.',
          '`/voc report [period] [category]` — Counts by category and competitor, top quotes and the change against the period before.',
          '`/voc help` — Show this help.',
        ].join('\n'),
      },
    });
    expect((blocks[2] as { text: { text: string } }).text.text).toContain(
      '• React with :voc: to save a message at once; Baton then asks you, privately, for its category.',
    );
  });
});
