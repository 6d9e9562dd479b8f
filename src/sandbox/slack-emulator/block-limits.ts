/**
 * Slack's documented Block Kit limits (https://docs.slack.dev/reference/block-kit), checked inside a
 * block: each returns why a block breaks them, worded like Slack's `invalid_blocks` messages, or undefined.
 */
import type { SlackObject } from './types.js';
import { isObject, str } from './values.js';

export const LIMITS = {
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  header: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
} as const;

const tooLong = (what: string, max: number, at: string) => `${what} must be at most ${max} characters ${at}`;

/** The interactive elements a block holds (accessory, actions/input elements). */
function elementsOf(block: SlackObject): { element: SlackObject; at: string }[] {
  const found: { element: SlackObject; at: string }[] = [];
  if (isObject(block.accessory)) found.push({ element: block.accessory, at: 'accessory' });
  if (isObject(block.element)) found.push({ element: block.element, at: 'element' });
  if (block.type === 'actions' && Array.isArray(block.elements)) {
    block.elements.forEach((e, i) => {
      if (isObject(e)) found.push({ element: e, at: `elements/${i}` });
    });
  }
  return found;
}

/** `at` makes the bracketed json-pointer of a path below the element. */
function elementProblem(element: SlackObject, at: (rest?: string) => string): string | undefined {
  const actionId = str(element.action_id);
  if (actionId && actionId.length > LIMITS.actionId) return tooLong('action_id', LIMITS.actionId, at());
  if (element.type !== 'button') return undefined;
  const text = isObject(element.text) ? (str(element.text.text) ?? '') : '';
  if (text.length > LIMITS.buttonText) return tooLong('text', LIMITS.buttonText, at('text'));
  const value = str(element.value);
  if (value && value.length > LIMITS.buttonValue) return tooLong('value', LIMITS.buttonValue, at('value'));
  return undefined;
}

/** Why a block is over one of Slack's limits; `pointer` is its json-pointer, e.g. `blocks/3`. */
export function limitProblem(block: SlackObject, pointer: string): string | undefined {
  const at = (rest?: string) => `[json-pointer:/${pointer}${rest ? `/${rest}` : ''}]`;
  const text = isObject(block.text) ? str(block.text.text) : undefined;
  if (block.type === 'header' && (!text || text.length > LIMITS.header)) {
    return `header text must be 1-${LIMITS.header} characters ${at()}`;
  }
  if (block.type === 'section') {
    if (!block.text && !block.fields) return `section needs text or fields ${at()}`;
    if (text && text.length > LIMITS.sectionText) return tooLong('text', LIMITS.sectionText, at('text'));
    if (Array.isArray(block.fields)) {
      if (block.fields.length > LIMITS.sectionFields) {
        return `must provide no more than ${LIMITS.sectionFields} items ${at('fields')}`;
      }
      const long = block.fields.findIndex(
        (f) => (isObject(f) ? (str(f.text)?.length ?? 0) : 0) > LIMITS.fieldText,
      );
      if (long >= 0) return tooLong('text', LIMITS.fieldText, at(`fields/${long}`));
    }
  }
  if (block.type === 'context' && Array.isArray(block.elements)) {
    if (block.elements.length > LIMITS.contextElements) {
      return `must provide no more than ${LIMITS.contextElements} items ${at('elements')}`;
    }
  }
  if (block.type === 'actions') {
    if (!Array.isArray(block.elements) || block.elements.length === 0)
      return `actions needs elements ${at()}`;
    if (block.elements.length > LIMITS.actionsElements) {
      return `must provide no more than ${LIMITS.actionsElements} items ${at('elements')}`;
    }
  }
  for (const { element, at: where } of elementsOf(block)) {
    const problem = elementProblem(element, (rest) => at(rest ? `${where}/${rest}` : where));
    if (problem) return problem;
  }
  return undefined;
}
