import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/sandbox/slack-emulator/api-error.js';
import { checkBlocks, messageContent } from '../../../src/sandbox/slack-emulator/blocks.js';
import { FakeSlack } from '../../../src/sandbox/slack-emulator/index.js';

/** The first `[ERROR]` message of an invalid_blocks answer, or 'ok'. */
function problem(blocks: unknown[], max = 50): string {
  try {
    checkBlocks(blocks, max, 'blocks');
    return 'ok';
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    expect(error.code).toBe('invalid_blocks');
    return (error.extra.errors as string[])[0]!;
  }
}

const plain = (text: string) => ({ type: 'plain_text', text });
const md = (text: string) => ({ type: 'mrkdwn', text });
const button = (fields: Record<string, unknown>) => ({
  type: 'button',
  text: plain('Go'),
  action_id: 'go',
  ...fields,
});
const section = (n: number) => ({ type: 'section', text: md(`#${n}`) });
const sectionsOf = (n: number) => Array.from({ length: n }, (_, i) => section(i));

describe("the emulator's Block Kit limits (Slack's documented ones)", () => {
  it('takes 50 blocks in a message and 100 in a view, not one more', () => {
    expect(problem(sectionsOf(50))).toBe('ok');
    expect(problem(sectionsOf(51))).toBe('must provide no more than 50 items [json-pointer:/blocks]');
    expect(problem(sectionsOf(100), 100)).toBe('ok');
    expect(problem(sectionsOf(101), 100)).toBe('must provide no more than 100 items [json-pointer:/blocks]');
  });

  it('section text 3000, header 150, fields 10 of 2000 each', () => {
    expect(problem([{ type: 'section', text: md('x'.repeat(3000)) }])).toBe('ok');
    expect(problem([{ type: 'section', text: md('x'.repeat(3001)) }])).toBe(
      'text must be at most 3000 characters [json-pointer:/blocks/0/text]',
    );
    expect(problem([{ type: 'header', text: plain('h'.repeat(150)) }])).toBe('ok');
    expect(problem([{ type: 'header', text: plain('h'.repeat(151)) }])).toBe(
      'header text must be 1-150 characters [json-pointer:/blocks/0]',
    );
    const fields = (n: number, len = 5) => Array.from({ length: n }, () => md('f'.repeat(len)));
    expect(problem([{ type: 'section', fields: fields(10) }])).toBe('ok');
    expect(problem([{ type: 'section', fields: fields(11) }])).toBe(
      'must provide no more than 10 items [json-pointer:/blocks/0/fields]',
    );
    expect(problem([section(0), { type: 'section', fields: [md('a'), md('f'.repeat(2001))] }])).toBe(
      'text must be at most 2000 characters [json-pointer:/blocks/1/fields/1]',
    );
  });

  it('context elements 10, actions elements 25', () => {
    const context = (n: number) => ({ type: 'context', elements: Array.from({ length: n }, () => md('c')) });
    expect(problem([context(10)])).toBe('ok');
    expect(problem([context(11)])).toBe(
      'must provide no more than 10 items [json-pointer:/blocks/0/elements]',
    );
    const actions = (n: number) => ({
      type: 'actions',
      elements: Array.from({ length: n }, (_, i) => button({ action_id: `a${i}` })),
    });
    expect(problem([actions(25)])).toBe('ok');
    expect(problem([actions(26)])).toBe(
      'must provide no more than 25 items [json-pointer:/blocks/0/elements]',
    );
  });

  it('button text 75, button value 2000, action_id and block_id 255 — in actions, accessories and inputs', () => {
    const inActions = (b: unknown) => [{ type: 'actions', elements: [button({ action_id: 'ok' }), b] }];
    expect(problem(inActions(button({ text: plain('b'.repeat(75)) })))).toBe('ok');
    expect(problem(inActions(button({ text: plain('b'.repeat(76)) })))).toBe(
      'text must be at most 75 characters [json-pointer:/blocks/0/elements/1/text]',
    );
    expect(problem(inActions(button({ value: 'v'.repeat(2000) })))).toBe('ok');
    expect(problem(inActions(button({ value: 'v'.repeat(2001) })))).toBe(
      'value must be at most 2000 characters [json-pointer:/blocks/0/elements/1/value]',
    );
    expect(problem([{ ...section(0), accessory: button({ action_id: 'a'.repeat(255) }) }])).toBe('ok');
    expect(problem([{ ...section(0), accessory: button({ action_id: 'a'.repeat(256) }) }])).toBe(
      'action_id must be at most 255 characters [json-pointer:/blocks/0/accessory]',
    );
    const input = {
      type: 'input',
      label: plain('L'),
      element: { type: 'plain_text_input', action_id: 'i'.repeat(256) },
    };
    expect(problem([input])).toBe(
      'action_id must be at most 255 characters [json-pointer:/blocks/0/element]',
    );
    expect(problem([{ ...section(0), block_id: 'b'.repeat(255) }])).toBe('ok');
    expect(problem([{ ...section(0), block_id: 'b'.repeat(256) }])).toBe(
      'block_id must be at most 255 characters [json-pointer:/blocks/0]',
    );
  });

  it('options: text 75, value 150, description 75; 100 in a select, 10 in checkboxes or radios, 1–5 in an overflow', () => {
    const option = (text: string, value = 'v', extra = {}) => ({ text: plain(text), value, ...extra });
    const options = (n: number) => Array.from({ length: n }, (_, i) => option(`o${i}`, `v${i}`));
    const select = (fields: Record<string, unknown>) => [
      { type: 'actions', elements: [{ type: 'static_select', action_id: 's', ...fields }] },
    ];
    expect(problem(select({ options: [option('o'.repeat(75), 'v'.repeat(150))] }))).toBe('ok');
    expect(problem(select({ options: [option('o'.repeat(76))] }))).toBe(
      'text must be at most 75 characters [json-pointer:/blocks/0/elements/0/options/0/text]',
    );
    expect(problem(select({ options: [option('o', 'v'.repeat(151))] }))).toBe(
      'value must be at most 150 characters [json-pointer:/blocks/0/elements/0/options/0/value]',
    );
    expect(problem(select({ options: [option('o', 'v', { description: plain('d'.repeat(76)) })] }))).toBe(
      'text must be at most 75 characters [json-pointer:/blocks/0/elements/0/options/0/description]',
    );
    expect(problem(select({ options: options(100) }))).toBe('ok');
    expect(problem(select({ options: options(101) }))).toBe(
      'must provide no more than 100 items [json-pointer:/blocks/0/elements/0/options]',
    );
    const group = (n: number) => ({ label: plain('g'), options: options(n) });
    expect(problem(select({ option_groups: [group(2), group(101)] }))).toBe(
      'must provide no more than 100 items [json-pointer:/blocks/0/elements/0/option_groups/1/options]',
    );
    expect(problem(select({ options: options(2), initial_option: option('o'.repeat(76)) }))).toBe(
      'text must be at most 75 characters [json-pointer:/blocks/0/elements/0/initial_option/text]',
    );
    const choice = (type: string, n: number) => [
      { type: 'input', label: plain('L'), element: { type, action_id: 'c', options: options(n) } },
    ];
    expect(problem(choice('checkboxes', 10))).toBe('ok');
    expect(problem(choice('checkboxes', 11))).toBe(
      'must provide no more than 10 items [json-pointer:/blocks/0/element/options]',
    );
    expect(problem(choice('radio_buttons', 11))).toBe(
      'must provide no more than 10 items [json-pointer:/blocks/0/element/options]',
    );
    const overflow = (n: number) => [
      { ...section(0), accessory: { type: 'overflow', action_id: 'o', options: options(n) } },
    ];
    expect(problem(overflow(5))).toBe('ok');
    expect(problem(overflow(6))).toBe(
      'must provide no more than 5 items [json-pointer:/blocks/0/accessory/options]',
    );
    expect(problem(overflow(0))).toBe(
      'must provide at least 1 item [json-pointer:/blocks/0/accessory/options]',
    );
  });

  it('inputs: label 1–2000, hint 2000, placeholder 150, max_length at most 3000 and holding the initial value', () => {
    const input = (fields: Record<string, unknown>, element: Record<string, unknown> = {}) => [
      {
        type: 'input',
        label: plain('L'),
        ...fields,
        element: { type: 'plain_text_input', action_id: 'i', ...element },
      },
    ];
    expect(problem(input({ label: plain('l'.repeat(2000)), hint: plain('h'.repeat(2000)) }))).toBe('ok');
    expect(problem(input({ label: plain('') }))).toBe(
      'label must be at least 1 character [json-pointer:/blocks/0/label]',
    );
    expect(problem(input({ label: plain('l'.repeat(2001)) }))).toBe(
      'text must be at most 2000 characters [json-pointer:/blocks/0/label]',
    );
    expect(problem(input({ hint: plain('h'.repeat(2001)) }))).toBe(
      'text must be at most 2000 characters [json-pointer:/blocks/0/hint]',
    );
    expect(problem(input({}, { placeholder: plain('p'.repeat(151)) }))).toBe(
      'text must be at most 150 characters [json-pointer:/blocks/0/element/placeholder]',
    );
    expect(problem(input({}, { max_length: 3000, initial_value: 'v'.repeat(3000) }))).toBe('ok');
    expect(problem(input({}, { max_length: 5000 }))).toBe(
      'max_length must be at most 3000 [json-pointer:/blocks/0/element/max_length]',
    );
    expect(problem(input({}, { max_length: 10, initial_value: 'v'.repeat(11) }))).toBe(
      'initial_value must be at most 10 characters [json-pointer:/blocks/0/element/initial_value]',
    );
  });

  it('section text 1–3000, context texts 3000, confirm dialogs, urls and images', () => {
    expect(problem([{ type: 'section', text: md('') }])).toBe(
      'text must be at least 1 character [json-pointer:/blocks/0/text]',
    );
    const contextOf = (text: string) => [{ type: 'context', elements: [md('ok'), md(text)] }];
    expect(problem(contextOf('c'.repeat(3000)))).toBe('ok');
    expect(problem(contextOf('c'.repeat(3001)))).toBe(
      'text must be at most 3000 characters [json-pointer:/blocks/0/elements/1]',
    );
    const confirm = {
      title: plain('t'.repeat(100)),
      text: plain('x'.repeat(300)),
      confirm: plain('y'),
      deny: plain('n'),
    };
    const withConfirm = (c: Record<string, unknown>) => [
      { type: 'actions', elements: [button({ confirm: { ...confirm, ...c } })] },
    ];
    expect(problem(withConfirm({}))).toBe('ok');
    expect(problem(withConfirm({ text: plain('x'.repeat(301)) }))).toBe(
      'text must be at most 300 characters [json-pointer:/blocks/0/elements/0/confirm/text]',
    );
    expect(problem(withConfirm({ deny: plain('n'.repeat(31)) }))).toBe(
      'text must be at most 30 characters [json-pointer:/blocks/0/elements/0/confirm/deny]',
    );
    expect(problem([{ type: 'actions', elements: [button({ url: `https://${'u'.repeat(2993)}` })] }])).toBe(
      'url must be at most 3000 characters [json-pointer:/blocks/0/elements/0/url]',
    );
    const image = (fields: Record<string, unknown>) => [
      { type: 'image', image_url: 'https://x.io/a.png', alt_text: 'a', ...fields },
    ];
    expect(problem(image({ alt_text: 'a'.repeat(2000) }))).toBe('ok');
    expect(problem(image({ alt_text: 'a'.repeat(2001) }))).toBe(
      'alt_text must be at most 2000 characters [json-pointer:/blocks/0/alt_text]',
    );
    expect(problem(image({ image_url: `https://${'u'.repeat(2993)}` }))).toBe(
      'image_url must be at most 3000 characters [json-pointer:/blocks/0/image_url]',
    );
  });

  it('message text over 40,000 characters is msg_too_long', () => {
    expect(messageContent({ text: 'm'.repeat(40_000) }, { maxBlocks: 50 }).text).toHaveLength(40_000);
    expect(() => messageContent({ text: 'm'.repeat(40_001) }, { maxBlocks: 50 })).toThrow('msg_too_long');
  });
});

describe('the limits over the Web API', () => {
  let slack: FakeSlack;
  let client: WebClient;
  beforeAll(async () => {
    slack = await FakeSlack.start({ users: [{ id: 'U0ANY', realName: 'Any One' }] });
    client = new WebClient('xoxb-test', {
      slackApiUrl: slack.apiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
    });
  });
  afterAll(() => slack.stop());

  it('answers invalid_blocks with the reason, as Slack does', async () => {
    const blocks = [{ type: 'actions', elements: [button({ text: plain('b'.repeat(76)) })] }];
    const error = await client.chat.postMessage({ channel: 'C0LEADS', text: 'hi', blocks }).catch((e) => e);
    expect(error.data).toMatchObject({
      ok: false,
      error: 'invalid_blocks',
      errors: ['text must be at most 75 characters [json-pointer:/blocks/0/elements/0/text]'],
    });
    const view = { type: 'home' as const, blocks: sectionsOf(101) };
    const viewError = await client.views.publish({ user_id: 'U0ANY', view }).catch((e) => e);
    expect(viewError.data.error).toBe('invalid_blocks');
  });

  it('refuses a view whose title, buttons or private_metadata are over the limits, naming the field', async () => {
    const trigger = () => `${Date.now()}.${Math.floor(Math.random() * 1e9)}.abc123`;
    const modal = (fields: Record<string, unknown>) => ({
      type: 'modal' as const,
      title: plain('Set up'),
      blocks: [section(0)],
      ...fields,
    });
    const refusal = async (fields: Record<string, unknown>) => {
      const error = await client.views
        .open({ trigger_id: trigger(), view: modal(fields) as never })
        .catch((e) => e);
      return error.data ? [error.data.error, error.data.response_metadata.messages[0]] : ['ok'];
    };
    expect(await refusal({ title: plain('t'.repeat(24)) })).toEqual(['ok']);
    expect(await refusal({ title: plain('t'.repeat(25)) })).toEqual([
      'invalid_arguments',
      '[ERROR] must be at most 24 characters [json-pointer:/view/title/text]',
    ]);
    expect(await refusal({ submit: plain('s'.repeat(25)) })).toEqual([
      'invalid_arguments',
      '[ERROR] must be at most 24 characters [json-pointer:/view/submit/text]',
    ]);
    expect(await refusal({ private_metadata: 'm'.repeat(3000) })).toEqual(['ok']);
    expect(await refusal({ private_metadata: 'm'.repeat(3001) })).toEqual([
      'invalid_arguments',
      '[ERROR] must be at most 3000 characters [json-pointer:/view/private_metadata]',
    ]);
    const input = { type: 'input', label: plain('L'), element: { type: 'plain_text_input', action_id: 'i' } };
    expect(await refusal({ blocks: [section(0), input], submit: plain('Save') })).toEqual(['ok']);
    expect(await refusal({ blocks: [section(0), input] })).toEqual([
      'invalid_arguments',
      '[ERROR] must define submit to use input block [json-pointer:/view/blocks/1/input]',
    ]);
    expect(await refusal({ callback_id: 'c'.repeat(256) })).toEqual([
      'invalid_arguments',
      '[ERROR] must be at most 255 characters [json-pointer:/view/callback_id]',
    ]);
  });

  it('rate limits when asked: HTTP 429, Retry-After, ratelimited', async () => {
    slack.failNext('chat.postMessage', { status: 429, retryAfter: 7 });
    const error = await client.chat.postMessage({ channel: 'C0LEADS', text: 'hi' }).catch((e) => e);
    expect(error.code).toBe('slack_webapi_rate_limited_error');
    expect(error.retryAfter).toBe(7);
  });
});
