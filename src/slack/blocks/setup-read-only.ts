/**
 * A read-only set-up modal shows each field's current value as text: Slack refuses a modal that
 * holds an input block without a submit button ("must define submit to use input block"), and a
 * read-only modal has none.
 */

import type { Block } from './common.js';
import { escapedWithin } from './fit.js';

type Text = { text?: string };
type Field = {
  type?: string;
  initial_value?: string;
  initial_option?: { text?: Text };
  initial_options?: Array<{ text?: Text }>;
  initial_conversation?: string;
  initial_conversations?: string[];
  initial_channel?: string;
  initial_user?: string;
  initial_users?: string[];
  initial_time?: string;
  initial_date?: string;
};

/** Room for the label and the value in one section (3000 characters). */
const VALUE_MAX = 2500;
const NONE = '—';

function currentValue(field: Field): string {
  const texts = (list: string[] | undefined, as: (id: string) => string) =>
    list?.length ? list.map(as).join(', ') : null;
  const value =
    (field.initial_value !== undefined ? escapedWithin(field.initial_value, VALUE_MAX) : null) ??
    (field.initial_option?.text?.text !== undefined
      ? escapedWithin(field.initial_option.text.text, VALUE_MAX)
      : null) ??
    texts(
      field.initial_options?.map((o) => o.text?.text ?? ''),
      (t) => escapedWithin(t, 75),
    ) ??
    texts(
      field.initial_conversation ? [field.initial_conversation] : field.initial_conversations,
      (c) => `<#${c}>`,
    ) ??
    (field.initial_channel ? `<#${field.initial_channel}>` : null) ??
    texts(field.initial_user ? [field.initial_user] : field.initial_users, (u) => `<@${u}>`) ??
    field.initial_time ??
    field.initial_date ??
    null;
  // A multi-line value reads best as a block of its own.
  return value === null || value === '' ? NONE : value.includes('\n') ? `\`\`\`${value}\`\`\`` : value;
}

/** An input block as a section with its label and current value; every other block as it is. */
export function readOnlyBlock(block: Block): Block {
  if (block.type !== 'input') return block;
  const label = escapedWithin((block.label as Text).text ?? '', 200);
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: `*${label}*\n${currentValue(block.element as Field)}` },
  };
}
