import { describe, expect, it } from 'vitest';
import { messages } from '../../../src/i18n/index.js';
import { changeText, configHistoryBlocks } from '../../../src/slack/blocks/config-history.js';

const en = messages('en');
const ko = messages('ko');
const at = new Date('2026-12-07T01:00:00Z');

describe('changes in words', () => {
  it('says a setting from → to, in code', () => {
    expect(changeText(en, { path: 'sla.first_touch_minutes', before: 60, after: 30 })).toBe(
      '`sla.first_touch_minutes`: `60` → `30`',
    );
  });

  it('says a member added or removed by mention', () => {
    expect(changeText(en, { path: 'roster[U0AAA]', before: null, after: { user: 'U0AAA' } })).toBe(
      '<@U0AAA> added to the roster',
    );
    expect(changeText(ko, { path: 'roster[U0AAA]', before: { user: 'U0AAA' }, after: null })).toBe(
      '<@U0AAA> 님을 로스터에서 제외',
    );
  });

  it('says "not set" for an unwritten side and escapes user text', () => {
    expect(changeText(en, { path: 'roster[U0AAA].name', before: null, after: '<!channel> & co' })).toBe(
      '`roster[U0AAA].name`: (not set) → `&lt;!channel&gt; &amp; co`',
    );
  });

  it('cuts a long value', () => {
    const long = Array.from({ length: 30 }, (_, i) => `stage${i}`);
    const text = changeText(en, { path: 'stages.working', before: null, after: long });
    expect(text.length).toBeLessThan(140);
    expect(text).toContain('…');
  });
});

describe('configHistoryBlocks', () => {
  it('lists each version with who, how, when and its changes', () => {
    const blocks = configHistoryBlocks(en, [
      {
        version: 2,
        createdAt: at,
        actorId: 'U0ADMIN01',
        via: 'slack',
        source: null,
        changes: [{ path: 'locale', before: 'en', after: 'ko' }],
      },
      { version: 1, createdAt: at, actorId: null, via: 'file', source: './baton.yaml', changes: [] },
    ]);
    const texts = blocks.map((b) => (b as { text?: { text: string } }).text?.text ?? '');
    expect(texts[0]).toBe('Configuration history');
    expect(texts[1]).toBe(
      '*Version 2* · <@U0ADMIN01> · in Slack · <!date^1796605200^{date_short_pretty} {time}|2026-12-07 01:00 UTC>\n• `locale`: `en` → `ko`',
    );
    expect(texts[2]).toContain('*Version 1* · ./baton.yaml · from the config file');
  });

  it('says how to set up when there is no version', () => {
    expect(configHistoryBlocks(en, [])).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: en.config.historyEmpty } },
    ]);
  });
});
