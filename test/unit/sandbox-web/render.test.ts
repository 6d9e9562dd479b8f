/** The sandbox page's mrkdwn and Block Kit rendering, checked on the HTML it makes. */
import { h } from 'preact';
import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { type BlockContext, renderBlocks } from '../../../src/sandbox/web/blocks.js';
import { emojiFor } from '../../../src/sandbox/web/emoji.js';
import { type MrkdwnContext, mrkdwn, plainText } from '../../../src/sandbox/web/mrkdwn.js';
import { formatSlackDate } from '../../../src/sandbox/web/slack-date.js';

const ctx: MrkdwnContext = {
  userName: (id) => ({ U0SAM: 'Sam Rivera' })[id],
  channelName: (id) => ({ C0LEADS: 'leads' })[id],
  timeZone: 'Asia/Seoul',
  locale: 'en-US',
  // Monday 2026-11-23 10:00 in Seoul.
  now: new Date('2026-11-23T01:00:00Z'),
};
const html = (text: string, c: MrkdwnContext = ctx) => render(h('div', null, mrkdwn(text, c)));

describe('mrkdwn', () => {
  it('styles bold, italic, strike, code and code blocks', () => {
    expect(html('*bold* _it_ ~gone~ `x = 1`')).toBe(
      '<div><b>bold</b> <i>it</i> <s>gone</s> <code>x = 1</code></div>',
    );
    expect(html('```line 1\nline 2```')).toBe('<div><pre>line 1\nline 2</pre></div>');
  });

  it('keeps line breaks and quotes, escaped or not', () => {
    expect(html('one\ntwo')).toBe('<div>one<br/>two</div>');
    expect(html('&gt; said so')).toBe('<div><blockquote> said so</blockquote></div>');
    expect(html('> said so')).toBe('<div><blockquote> said so</blockquote></div>');
  });

  it('shows lists as Slack does: the bullet lines as written', () => {
    expect(html('• first\n• second')).toBe('<div>• first<br/>• second</div>');
  });

  it('links with and without labels', () => {
    expect(html('<https://example.com/a?b=1&amp;c=2|the deck>')).toBe(
      '<div><a href="https://example.com/a?b=1&amp;c=2" target="_blank" rel="noreferrer">the deck</a></div>',
    );
    expect(html('<https://example.com>')).toBe(
      '<div><a href="https://example.com" target="_blank" rel="noreferrer">https://example.com</a></div>',
    );
  });

  it('names users and channels from the workspace, else from the label', () => {
    expect(html('<@U0SAM> in <#C0LEADS>')).toBe(
      '<div><span class="mention" data-user="U0SAM">@Sam Rivera</span> in <span class="mention" data-channel="C0LEADS">#leads</span></div>',
    );
    expect(html('<#C0OTHER|retro>')).toBe(
      '<div><span class="mention" data-channel="C0OTHER">#retro</span></div>',
    );
  });

  it('shows <!here>, <!channel> and subteams as mentions', () => {
    expect(html('<!here> <!channel>')).toBe(
      '<div><span class="mention broadcast">@here</span> <span class="mention broadcast">@channel</span></div>',
    );
  });

  it('turns escaped user text back into characters, never into markup', () => {
    expect(html('Lead: &lt;script&gt;alert(1)&lt;/script&gt; &amp; co')).toBe(
      '<div>Lead: &lt;script>alert(1)&lt;/script> &amp; co</div>',
    );
  });

  it('shows emoji shortcodes as emoji, Slack-only names included, and custom ones as chips', () => {
    expect(html(':white_check_mark: :thumbsup: :large_green_circle:')).toBe(
      '<div><span class="emoji" title=":white_check_mark:">✅</span> <span class="emoji" title=":thumbsup:">👍</span> <span class="emoji" title=":large_green_circle:">🟢</span></div>',
    );
    expect(html(':voc:')).toBe('<div><span class="emoji custom" title=":voc:">:voc:</span></div>');
    expect(emojiFor('+1::skin-tone-3')).toBe('👍🏼');
  });

  it('plain_text turns only emoji codes into emoji, and none when emoji is false', () => {
    expect(render(h('p', null, plainText('*Claim* :tada:')))).toBe(
      '<p>*Claim* <span class="emoji" title=":tada:">🎉</span></p>',
    );
    expect(render(h('p', null, plainText(':tada:', false)))).toBe('<p>:tada:</p>');
  });
});

describe('<!date^…> tokens', () => {
  // 2026-11-20 14:05:09 UTC = Friday 23:05:09 in Seoul.
  const at = new Date('2026-11-20T14:05:09Z');
  it('formats each token in the reader’s zone, Slack’s English spelling', () => {
    expect(formatSlackDate(at, '{date_num}', ctx)).toBe('2026-11-20');
    expect(formatSlackDate(at, '{date}', ctx)).toBe('November 20th, 2026');
    expect(formatSlackDate(at, '{date_short}', ctx)).toBe('Nov 20, 2026');
    expect(formatSlackDate(at, '{date_long}', ctx)).toBe('Friday, November 20th, 2026');
    expect(formatSlackDate(at, '{time}', ctx)).toBe('11:05 PM');
    expect(formatSlackDate(at, '{time_secs}', ctx)).toBe('11:05:09 PM');
    expect(formatSlackDate(at, 'due {date_short_pretty} at {time}', ctx)).toBe(
      'due Nov 20, 2026 at 11:05 PM',
    );
    expect(formatSlackDate(at, '{ago}', ctx)).toBe('2 days ago');
    expect(formatSlackDate(at, '{unknown}', ctx)).toBe('{unknown}');
  });

  it('says today, yesterday and tomorrow for the _pretty forms', () => {
    expect(formatSlackDate(new Date('2026-11-23T05:00:00Z'), '{date_pretty}', ctx)).toBe('today');
    expect(formatSlackDate(new Date('2026-11-22T05:00:00Z'), '{date_pretty}', ctx)).toBe('yesterday');
    expect(formatSlackDate(new Date('2026-11-24T05:00:00Z'), '{date_long_pretty}', ctx)).toBe('tomorrow');
  });

  it('uses ordinals 1st, 2nd, 3rd, 11th–13th, 21st', () => {
    const day = (d: number) => formatSlackDate(new Date(Date.UTC(2026, 0, d, 3)), '{date}', ctx);
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23].map(day)).toEqual([
      'January 1st, 2026',
      'January 2nd, 2026',
      'January 3rd, 2026',
      'January 4th, 2026',
      'January 11th, 2026',
      'January 12th, 2026',
      'January 13th, 2026',
      'January 21st, 2026',
      'January 22nd, 2026',
      'January 23rd, 2026',
    ]);
  });

  it('reads in Korean for a Korean reader, and renders inside mrkdwn with its fallback ignored', () => {
    const ko = { ...ctx, locale: 'ko-KR' };
    expect(formatSlackDate(at, '{date_long}', ko)).toBe('2026년 11월 20일 금요일');
    expect(formatSlackDate(at, '{time}', ko)).toBe('23:05');
    expect(formatSlackDate(new Date('2026-11-22T05:00:00Z'), '{date_pretty}', ko)).toBe('어제');
    expect(html('<!date^1795183509^{date_short} {time}|2026-11-20 14:05 UTC>')).toBe(
      '<div><time datetime="2026-11-20T14:05:09.000Z">Nov 20, 2026 11:05 PM</time></div>',
    );
  });
});

describe('Block Kit', () => {
  const acted: unknown[] = [];
  const blockCtx: BlockContext = {
    ...ctx,
    surface: 'modal',
    users: [{ id: 'U0SAM', realName: 'Sam Rivera' }],
    channels: [{ id: 'C0LEADS', name: 'leads' }],
    act: (a) => acted.push(a),
    value: () => undefined,
    setValue: () => {},
    errors: { company: 'Company is required' },
    confirm: async () => true,
    t: { selectPlaceholder: 'Select an option', typeToSearch: 'Type to search' },
  };
  const blocks = (list: unknown[]) => render(renderBlocks(list, blockCtx));

  it('lays out a header, a section with fields and a button accessory, context and a divider', () => {
    expect(
      blocks([
        { type: 'header', text: { type: 'plain_text', text: 'New lead' } },
        {
          type: 'section',
          block_id: 's1',
          text: { type: 'mrkdwn', text: '*Acme*' },
          fields: [
            { type: 'mrkdwn', text: '*Segment*\nSMB' },
            { type: 'plain_text', text: 'Web' },
          ],
          accessory: {
            type: 'button',
            action_id: 'claim',
            text: { type: 'plain_text', text: 'Claim' },
            style: 'primary',
            value: 'L1',
          },
        },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'via _form_' }] },
        { type: 'divider' },
      ]),
    ).toBe(
      '<div class="blocks"><div class="block header">New lead</div>' +
        '<div class="block section"><div class="section-body"><div class="section-text"><b>Acme</b></div>' +
        '<div class="fields"><div class="field"><b>Segment</b><br/>SMB</div><div class="field">Web</div></div></div>' +
        '<div class="accessory"><button type="button" class="btn btn-primary" data-action-id="claim">Claim</button></div></div>' +
        '<div class="block context"><span>via <i>form</i></span></div>' +
        '<hr class="block divider"/></div>',
    );
  });

  it('shows an input block with its label, a select of its options and the error under it', () => {
    const out = blocks([
      {
        type: 'input',
        block_id: 'company',
        label: { type: 'plain_text', text: 'Company' },
        element: {
          type: 'static_select',
          action_id: 'pick',
          options: [
            { text: { type: 'plain_text', text: 'Acme' }, value: 'acme' },
            { text: { type: 'plain_text', text: 'Globex' }, value: 'globex' },
          ],
        },
      },
    ]);
    expect(out).toContain('<label class="input-label">Company</label>');
    expect(out).toContain('<option value="acme">Acme</option><option value="globex">Globex</option>');
    expect(out).toContain('<div class="field-error" role="alert">Company is required</div>');
    expect(out).toContain('class="block input has-error"');
  });

  it('renders users selects, date pickers, overflow menus and images', () => {
    const out = blocks([
      {
        type: 'actions',
        block_id: 'a',
        elements: [
          { type: 'users_select', action_id: 'owner', initial_user: 'U0SAM' },
          { type: 'datepicker', action_id: 'due', initial_date: '2026-11-30' },
          {
            type: 'overflow',
            action_id: 'more',
            options: [{ text: { type: 'plain_text', text: 'Snooze' }, value: 's' }],
          },
        ],
      },
      { type: 'image', image_url: '/files/F1/chart.png', alt_text: 'Funnel' },
    ]);
    expect(out).toContain('<option value="U0SAM" selected>Sam Rivera</option>');
    expect(out).toContain('<input type="date" class="picker" data-action-id="due" value="2026-11-30"/>');
    expect(out).toContain('<option value="s">Snooze</option>');
    expect(out).toContain('<img src="/files/F1/chart.png" alt="Funnel"/>');
  });
});
