import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, mention, slackDate } from '../../../src/slack/mrkdwn.js';

describe('mrkdwn', () => {
  it('defuses mentions, links and entities in user text', () => {
    expect(escapeMrkdwn('<!channel> & <http://evil.example|bank> <@U123>')).toBe(
      '&lt;!channel&gt; &amp; &lt;http://evil.example|bank&gt; &lt;@U123&gt;',
    );
  });

  it('mentions only real user ids', () => {
    expect(mention('U0AAAAAAA')).toBe('<@U0AAAAAAA>');
    expect(mention('<!here>')).toBe('&lt;!here&gt;');
  });

  it('renders a date token with a UTC fallback', () => {
    expect(slackDate(new Date('2026-11-23T01:02:03Z'))).toBe(
      '<!date^1795395723^{date_short_pretty} {time}|2026-11-23 01:02 UTC>',
    );
  });
});
