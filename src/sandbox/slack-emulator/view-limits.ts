/**
 * Slack's documented limits on a view's own fields (https://docs.slack.dev/reference/views):
 * title, submit and close 24 characters, private_metadata 3000, callback_id and external_id 255, and
 * a submit button on a modal that holds an input block. Slack answers `invalid_arguments` naming the field.
 */
import { ApiError } from './api-error.js';
import type { SlackObject } from './types.js';
import { isObject, str } from './values.js';

export const VIEW_LIMITS = {
  title: 24,
  submit: 24,
  close: 24,
  private_metadata: 3000,
  callback_id: 255,
  external_id: 255,
} as const;

const refuse = (message: string): never => {
  throw new ApiError('invalid_arguments', { response_metadata: { messages: [`[ERROR] ${message}`] } });
};

/** Throws `invalid_arguments` for the first view field over its limit, or a modal's input without a submit. */
export function checkViewLimits(view: SlackObject): void {
  // Slack's own words: a modal with an input block must have a submit button.
  if (view.type === 'modal' && !isObject(view.submit) && Array.isArray(view.blocks)) {
    const input = view.blocks.findIndex((b) => isObject(b) && b.type === 'input');
    if (input >= 0)
      refuse(`must define submit to use input block [json-pointer:/view/blocks/${input}/input]`);
  }
  for (const [field, max] of Object.entries(VIEW_LIMITS)) {
    const value = view[field];
    const text = isObject(value) ? str(value.text) : str(value);
    const pointer = isObject(value) ? `/view/${field}/text` : `/view/${field}`;
    if (text !== undefined && text.length > max) {
      throw new ApiError('invalid_arguments', {
        response_metadata: {
          messages: [`[ERROR] must be at most ${max} characters [json-pointer:${pointer}]`],
        },
      });
    }
  }
}
