import { describe, expect, it } from 'vitest';
import type { ActionItemRow } from '../../../src/db/queries/action-items.js';
import { messages } from '../../../src/i18n/index.js';
import {
  ACTION_DONE_ACTION,
  ACTION_DROP_ACTION,
  ACTION_ITEM_VIEW,
  actionItemDm,
  actionItemLine,
  actionItemModal,
  answeredActionItemDm,
  retroRef,
} from '../../../src/slack/blocks/action-items.js';
import { settingsMessage } from '../../../src/slack/blocks/settings.js';

const en = messages('en');
const ko = messages('ko');

const item = (over: Partial<ActionItemRow> = {}): ActionItemRow => ({
  id: 7,
  teamId: 'T0BATON',
  retroId: 3,
  firstRetroId: 3,
  text: 'Fix <!channel> & the FAQ',
  ownerId: 'U0SDR0001',
  dueOn: null,
  status: 'open',
  carryCount: 0,
  createdBy: 'U0MGR0001',
  sourceChannel: null,
  sourceTs: null,
  viewId: null,
  closedAt: null,
  closedBy: null,
  createdAt: new Date('2026-03-09T01:00:00Z'),
  updatedAt: new Date('2026-03-09T01:00:00Z'),
  ...over,
});

describe('actionItemLine', () => {
  it('shows an open item with its owner, due day and carries, escaped', () => {
    expect(actionItemLine(en, item({ dueOn: '2026-03-20', carryCount: 2 }))).toBe(
      '• Fix &lt;!channel&gt; &amp; the FAQ · <@U0SDR0001> · due 2026-03-20 · carried 2×',
    );
    expect(actionItemLine(en, item())).toBe('• Fix &lt;!channel&gt; &amp; the FAQ · <@U0SDR0001>');
  });

  it('flags items carried three times or more', () => {
    expect(actionItemLine(en, item({ carryCount: 3 }))).toBe(
      '• Fix &lt;!channel&gt; &amp; the FAQ · <@U0SDR0001> · :warning: carried 3×',
    );
    expect(actionItemLine(ko, item({ carryCount: 4 }))).toBe(
      '• Fix &lt;!channel&gt; &amp; the FAQ · <@U0SDR0001> · :warning: 4회 이월',
    );
  });

  it('strikes through answered items and says how they ended', () => {
    expect(actionItemLine(en, item({ text: 'Call Acme', status: 'done', carryCount: 1 }))).toBe(
      '• ~Call Acme~ · <@U0SDR0001> · ✅ done · carried 1×',
    );
    expect(actionItemLine(en, item({ text: 'Call Acme', status: 'dropped' }))).toBe(
      '• ~Call Acme~ · <@U0SDR0001> · dropped',
    );
  });
});

describe('actionItemModal', () => {
  it('asks for text, owner (the person by default) and an optional due date, carrying the retro', () => {
    const view = actionItemModal(en, { retro: { id: 3, periodKey: '2026-W11' }, ownerId: 'U0MGR0001' });
    expect(view.callback_id).toBe(ACTION_ITEM_VIEW);
    expect(JSON.parse(view.private_metadata ?? '')).toEqual({ retro: 3 });
    expect(view.title).toEqual({ type: 'plain_text', text: 'Add action item' });
    expect(view.blocks).toEqual([
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: 'For the weekly retro of 2026-W11. The owner gets a DM with Done / Drop.',
          },
        ],
      },
      {
        type: 'input',
        block_id: 'action_text',
        label: { type: 'plain_text', text: 'What needs doing' },
        element: {
          type: 'plain_text_input',
          action_id: 'text',
          multiline: true,
          max_length: 300,
          placeholder: { type: 'plain_text', text: 'e.g. Rewrite the pricing FAQ before the webinar' },
        },
      },
      {
        type: 'input',
        block_id: 'action_owner',
        label: { type: 'plain_text', text: 'Owner' },
        element: { type: 'users_select', action_id: 'owner', initial_user: 'U0MGR0001' },
      },
      {
        type: 'input',
        block_id: 'action_due',
        optional: true,
        label: { type: 'plain_text', text: 'Due date' },
        element: { type: 'datepicker', action_id: 'due' },
      },
    ]);
  });

  it('prefills a reply’s text, trimmed and cut to 300 characters, and remembers the reply', () => {
    const long = `  ${'x'.repeat(320)}`;
    const view = actionItemModal(en, {
      retro: { id: 3, periodKey: '2026-W11' },
      ownerId: 'U0SDR0001',
      text: long,
      source: { channel: 'C0RETRO', ts: '1773000000.000100' },
    });
    expect(JSON.parse(view.private_metadata ?? '')).toEqual({
      retro: 3,
      source: { channel: 'C0RETRO', ts: '1773000000.000100' },
    });
    const input = view.blocks[1] as { element: { initial_value?: string } };
    expect(input.element.initial_value).toBe('x'.repeat(300));
  });
});

describe('owner DM', () => {
  it('links the retro when Slack gave a permalink, plain otherwise', () => {
    expect(retroRef(en, '2026-W11', 'https://t.slack.com/archives/C0RETRO/p1')).toBe(
      '<https://t.slack.com/archives/C0RETRO/p1|2026-W11 retro>',
    );
    expect(retroRef(ko, '2026-W11')).toBe('2026-W11 회고');
  });

  it('quotes the escaped text (every line), shows the due date and offers Done / Drop', () => {
    const dm = actionItemDm(
      en,
      item({ text: 'Line <one>\nline two', dueOn: '2026-03-20' }),
      '2026-W11 retro',
    );
    expect(dm.text).toBe('Action item for you: Line &lt;one&gt;\nline two');
    expect(dm.blocks).toEqual([
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: '*Action item* from the 2026-W11 retro, added by <@U0MGR0001>:\n>Line &lt;one&gt;\n>line two',
        },
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'due 2026-03-20' }] },
      {
        type: 'actions',
        block_id: 'retro_action:7',
        elements: [
          {
            type: 'button',
            text: { type: 'plain_text', text: 'Done' },
            action_id: ACTION_DONE_ACTION,
            value: '7',
            style: 'primary',
          },
          {
            type: 'button',
            text: { type: 'plain_text', text: 'Drop' },
            action_id: ACTION_DROP_ACTION,
            value: '7',
          },
        ],
      },
    ]);
  });

  it('once answered says who did what and has no buttons', () => {
    const done = answeredActionItemDm(en, item({ status: 'done', closedBy: 'U0SDR0001' }), '2026-W11 retro');
    expect(done.text).toBe(
      '✅ Marked done by <@U0SDR0001>. Action item for you: Fix &lt;!channel&gt; &amp; the FAQ',
    );
    expect(done.blocks).toEqual([
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: '*Action item* from the 2026-W11 retro, added by <@U0MGR0001>:\n>Fix &lt;!channel&gt; &amp; the FAQ',
        },
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: '✅ Marked done by <@U0SDR0001>.' }] },
    ]);
    const dropped = answeredActionItemDm(
      ko,
      item({ status: 'dropped', closedBy: 'U0MGR0001' }),
      '2026-W11 회고',
    );
    expect(dropped.blocks[1]).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: '<@U0MGR0001>님이 취소했습니다.' }],
    });
    expect(JSON.stringify(dropped.blocks)).not.toContain('"actions"');
  });
});

describe('settingsMessage', () => {
  it('shows retro DMs on with a Turn off button, and off with Turn on', () => {
    const on = settingsMessage(en, { retroDms: true });
    expect(on.blocks[0]).toMatchObject({
      text: {
        text: '*Your Baton settings*\n*Retro reminder DMs: on.* If you have not replied in the weekly retro’s thread by the nudge time, Baton DMs you once.',
      },
      accessory: { action_id: 'settings_retro_dms', value: 'off', text: { text: 'Turn off' } },
    });
    const off = settingsMessage(ko, { retroDms: false });
    expect(off.text).toBe('내 Baton 설정: *회고 알림 DM: 꺼짐.* 주간 회고 답글에 관한 DM을 보내지 않습니다.');
    expect(off.blocks[0]).toMatchObject({ accessory: { value: 'on', text: { text: '켜기' } } });
  });
});
