/** Pieces of Slack's interaction payloads: ids, view state values and actions as Slack reports them. */
import { randomInt } from 'node:crypto';
import type { ActionInput, StateValuesInput } from './driver-types.js';
import type { FakeMessage, SlackObject } from './index.js';

const isObject = (v: unknown): v is SlackObject => typeof v === 'object' && v !== null && !Array.isArray(v);

export function toSeconds(at: number | Date): number {
  return typeof at === 'number' ? Math.floor(at) : Math.floor(at.getTime() / 1000);
}

export function randomId(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');
}

export function plainText(text: string | SlackObject | undefined, fallback: string): SlackObject {
  if (isObject(text)) return text;
  return { type: 'plain_text', text: text ?? fallback, emoji: true };
}

/** Interactive elements in a block: actions/context elements, a section accessory, an input element. */
export function elementsOf(block: SlackObject): SlackObject[] {
  const list: unknown[] = [];
  if (Array.isArray(block.elements)) list.push(...block.elements);
  if (block.accessory !== undefined) list.push(block.accessory);
  if (block.element !== undefined) list.push(block.element);
  return list.filter(isObject);
}

export function hasAction(message: FakeMessage, actionId: string): boolean {
  return (message.blocks ?? []).some((b) => elementsOf(b).some((e) => e.action_id === actionId));
}

const SELECTED_KEYS: [string, string][] = [
  ['selected_option', 'static_select'],
  ['selected_options', 'multi_static_select'],
  ['selected_user', 'users_select'],
  ['selected_users', 'multi_users_select'],
  ['selected_conversation', 'conversations_select'],
  ['selected_conversations', 'multi_conversations_select'],
  ['selected_channel', 'channels_select'],
  ['selected_channels', 'multi_channels_select'],
  ['selected_date', 'datepicker'],
  ['selected_time', 'timepicker'],
  ['selected_date_time', 'datetimepicker'],
  ['rich_text_value', 'rich_text_input'],
  ['files', 'file_input'],
];

export function inferType(value: SlackObject, fallback: string): string {
  if (typeof value.type === 'string') return value.type;
  return SELECTED_KEYS.find(([key]) => key in value)?.[1] ?? fallback;
}

export function normalizeOption(option: unknown): unknown {
  if (!isObject(option)) return option;
  const value = String(option.value ?? '');
  return { ...option, text: plainText(option.text as string | SlackObject | undefined, value), value };
}

export function toStateValue(value: string | null | SlackObject): SlackObject {
  if (value === null || typeof value === 'string') return { type: 'plain_text_input', value };
  const out: SlackObject = { ...value, type: inferType(value, 'plain_text_input') };
  if (out.selected_option) out.selected_option = normalizeOption(out.selected_option);
  if (Array.isArray(out.selected_options)) out.selected_options = out.selected_options.map(normalizeOption);
  return out;
}

export function toStateValues(values: StateValuesInput): SlackObject {
  const out: Record<string, SlackObject> = {};
  for (const [blockId, actions] of Object.entries(values)) {
    out[blockId] = Object.fromEntries(
      Object.entries(actions).map(([actionId, v]) => [actionId, toStateValue(v)]),
    );
  }
  return out;
}

/** Slack reports every input block in state, with null/empty values for the ones left blank. */
export function inputDefaults(blocks: SlackObject[]): SlackObject {
  const out: Record<string, SlackObject> = {};
  for (const block of blocks) {
    const element = block.element;
    if (block.type !== 'input' || !isObject(element) || typeof block.block_id !== 'string') continue;
    const type = String(element.type);
    const empty: SlackObject = type.startsWith('multi_')
      ? { [SELECTED_KEYS.find(([, t]) => t === type)?.[0] ?? 'selected_options']: [] }
      : type.endsWith('_select')
        ? { [SELECTED_KEYS.find(([, t]) => t === type)?.[0] ?? 'selected_option']: null }
        : type === 'datepicker'
          ? { selected_date: null }
          : type === 'timepicker'
            ? { selected_time: null }
            : { value: null };
    out[block.block_id] = { [String(element.action_id)]: { type, ...empty } };
  }
  return out;
}

/** Completes an action from the element the app rendered (when found) the way Slack reports a click. */
export function buildAction(input: ActionInput, blocks: SlackObject[], actionTs: string): SlackObject {
  const block = blocks.find((b) => elementsOf(b).some((e) => e.action_id === input.action_id));
  const element = block ? elementsOf(block).find((e) => e.action_id === input.action_id) : undefined;
  const type = inferType(input, typeof element?.type === 'string' ? element.type : 'button');
  const action: SlackObject = {
    ...input,
    type,
    block_id: input.block_id ?? (typeof block?.block_id === 'string' ? block.block_id : randomId(4)),
    action_ts: actionTs,
  };
  if (type === 'button') {
    action.text = plainText(
      (input.text as string | SlackObject | undefined) ?? (element?.text as SlackObject | undefined),
      'Button',
    );
    if (action.value === undefined && typeof element?.value === 'string') action.value = element.value;
    if (action.style === undefined && typeof element?.style === 'string') action.style = element.style;
  }
  if (input.selected_option) action.selected_option = normalizeOption(input.selected_option);
  if (Array.isArray(action.selected_options))
    action.selected_options = action.selected_options.map(normalizeOption);
  return action;
}
