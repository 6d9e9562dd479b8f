/**
 * Slack's documented Block Kit limits (https://docs.slack.dev/reference/block-kit), checked inside a
 * block: each returns why a block breaks them, worded like Slack's `invalid_blocks` messages, or undefined.
 */
import type { SlackObject } from './types.js';
import { isObject, str } from './values.js';

export const LIMITS = {
  sectionText: 3000,
  /** Any text object. */
  text: 3000,
  sectionFields: 10,
  fieldText: 2000,
  header: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  url: 3000,
  placeholder: 150,
  inputLabel: 2000,
  inputHint: 2000,
  textInputLength: 3000,
  selectOptions: 100,
  choiceOptions: 10,
  overflowOptions: 5,
  optionText: 75,
  optionValue: 150,
  optionDescription: 75,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  imageAltText: 2000,
  imageUrl: 3000,
} as const;

type At = (rest?: string) => string;

const tooLong = (what: string, max: number, at: string) => `${what} must be at most ${max} characters ${at}`;
const tooMany = (max: number, at: string) => `must provide no more than ${max} items ${at}`;
/** The text of a text object (or of a bare string), '' when there is none. */
const textOf = (value: unknown) => (isObject(value) ? (str(value.text) ?? '') : (str(value) ?? ''));

/** Checks `value`'s text (a text object) is at most `max` long; `path` is its place below `at`. */
function longText(value: unknown, max: number, at: At, path: string, what = 'text'): string | undefined {
  if (value === undefined) return undefined;
  return textOf(value).length > max ? tooLong(what, max, at(path)) : undefined;
}

/** The first problem of a list of checks, each run only when the ones before it passed. */
const first = (...checks: Array<() => string | undefined>) => {
  for (const check of checks) {
    const problem = check();
    if (problem) return problem;
  }
  return undefined;
};

/** An option object: text 75, value 150, description 75, url 3000. */
function optionProblem(option: unknown, at: At): string | undefined {
  if (!isObject(option)) return `must be an object ${at()}`;
  return first(
    () => longText(option.text, LIMITS.optionText, at, 'text'),
    () => {
      const value = str(option.value) ?? '';
      return value.length > LIMITS.optionValue
        ? tooLong('value', LIMITS.optionValue, at('value'))
        : undefined;
    },
    () => longText(option.description, LIMITS.optionDescription, at, 'description'),
    () => ((str(option.url) ?? '').length > LIMITS.url ? tooLong('url', LIMITS.url, at('url')) : undefined),
  );
}

/** The options (or option groups' options) of a select, checkboxes, radio buttons or overflow menu. */
function optionsProblem(element: SlackObject, max: number, at: At): string | undefined {
  const lists: Array<{ options: unknown[]; path: string }> = [];
  if (Array.isArray(element.options)) lists.push({ options: element.options, path: 'options' });
  if (Array.isArray(element.option_groups)) {
    if (element.option_groups.length > max) return tooMany(max, at('option_groups'));
    element.option_groups.forEach((group, g) => {
      if (isObject(group) && Array.isArray(group.options)) {
        lists.push({ options: group.options, path: `option_groups/${g}/options` });
      }
    });
  }
  for (const { options, path } of lists) {
    if (options.length > max) return tooMany(max, at(path));
    for (const [i, option] of options.entries()) {
      const problem = optionProblem(option, (rest) => at(`${path}/${i}${rest ? `/${rest}` : ''}`));
      if (problem) return problem;
    }
  }
  for (const key of ['initial_option', 'initial_options'] as const) {
    const chosen = element[key];
    const list = Array.isArray(chosen) ? chosen : chosen === undefined ? [] : [chosen];
    for (const [i, option] of list.entries()) {
      const path = Array.isArray(chosen) ? `${key}/${i}` : key;
      const problem = optionProblem(option, (rest) => at(`${path}${rest ? `/${rest}` : ''}`));
      if (problem) return problem;
    }
  }
  return undefined;
}

/** A confirmation dialog: title 100, text 300, confirm and deny 30. */
function confirmProblem(confirm: unknown, at: At): string | undefined {
  if (!isObject(confirm)) return undefined;
  return first(
    () => longText(confirm.title, LIMITS.confirmTitle, at, 'confirm/title'),
    () => longText(confirm.text, LIMITS.confirmText, at, 'confirm/text'),
    () => longText(confirm.confirm, LIMITS.confirmButton, at, 'confirm/confirm'),
    () => longText(confirm.deny, LIMITS.confirmButton, at, 'confirm/deny'),
  );
}

const MAX_OPTIONS: Record<string, number> = {
  static_select: LIMITS.selectOptions,
  multi_static_select: LIMITS.selectOptions,
  checkboxes: LIMITS.choiceOptions,
  radio_buttons: LIMITS.choiceOptions,
  overflow: LIMITS.overflowOptions,
};

/** An interactive element (or an image element): its own limits, its options, its confirm dialog. */
function elementProblem(element: SlackObject, at: At): string | undefined {
  const actionId = str(element.action_id);
  if (actionId && actionId.length > LIMITS.actionId) return tooLong('action_id', LIMITS.actionId, at());
  const type = str(element.type) ?? '';
  if (type === 'image') return imageProblem(element, at);
  const maxOptions = MAX_OPTIONS[type];
  if (type === 'overflow' && (!Array.isArray(element.options) || element.options.length === 0)) {
    return `must provide at least 1 item ${at('options')}`;
  }
  return first(
    () => (type === 'button' ? buttonProblem(element, at) : undefined),
    () => longText(element.placeholder, LIMITS.placeholder, at, 'placeholder'),
    () => (maxOptions ? optionsProblem(element, maxOptions, at) : undefined),
    () => (type === 'plain_text_input' ? textInputProblem(element, at) : undefined),
    () => confirmProblem(element.confirm, at),
  );
}

function buttonProblem(button: SlackObject, at: At): string | undefined {
  return first(
    () => longText(button.text, LIMITS.buttonText, at, 'text'),
    () => {
      const value = str(button.value) ?? '';
      return value.length > LIMITS.buttonValue
        ? tooLong('value', LIMITS.buttonValue, at('value'))
        : undefined;
    },
    () => ((str(button.url) ?? '').length > LIMITS.url ? tooLong('url', LIMITS.url, at('url')) : undefined),
  );
}

/** A plain-text input: max_length and min_length at most 3000, an initial value within max_length. */
function textInputProblem(input: SlackObject, at: At): string | undefined {
  const max = typeof input.max_length === 'number' ? input.max_length : LIMITS.textInputLength;
  if (max > LIMITS.textInputLength) {
    return `max_length must be at most ${LIMITS.textInputLength} ${at('max_length')}`;
  }
  const min = typeof input.min_length === 'number' ? input.min_length : 0;
  if (min > LIMITS.textInputLength) {
    return `min_length must be at most ${LIMITS.textInputLength} ${at('min_length')}`;
  }
  const initial = str(input.initial_value) ?? '';
  return initial.length > max ? tooLong('initial_value', max, at('initial_value')) : undefined;
}

/** An image (block or element): alt_text 2000, image_url 3000. */
function imageProblem(image: SlackObject, at: At): string | undefined {
  const alt = str(image.alt_text) ?? '';
  if (alt.length > LIMITS.imageAltText) return tooLong('alt_text', LIMITS.imageAltText, at('alt_text'));
  const url = str(image.image_url) ?? '';
  return url.length > LIMITS.imageUrl ? tooLong('image_url', LIMITS.imageUrl, at('image_url')) : undefined;
}

/** The interactive elements a block holds (accessory, actions/input elements, context images). */
function elementsOf(block: SlackObject): { element: SlackObject; at: string }[] {
  const found: { element: SlackObject; at: string }[] = [];
  if (isObject(block.accessory)) found.push({ element: block.accessory, at: 'accessory' });
  if (isObject(block.element)) found.push({ element: block.element, at: 'element' });
  if ((block.type === 'actions' || block.type === 'context') && Array.isArray(block.elements)) {
    block.elements.forEach((e, i) => {
      if (isObject(e) && (block.type === 'actions' || e.type === 'image')) {
        found.push({ element: e, at: `elements/${i}` });
      }
    });
  }
  return found;
}

function sectionProblem(block: SlackObject, at: At): string | undefined {
  if (!block.text && !block.fields) return `section needs text or fields ${at()}`;
  if (block.text !== undefined) {
    const text = textOf(block.text);
    if (text.length === 0) return `text must be at least 1 character ${at('text')}`;
    if (text.length > LIMITS.sectionText) return tooLong('text', LIMITS.sectionText, at('text'));
  }
  if (Array.isArray(block.fields)) {
    if (block.fields.length > LIMITS.sectionFields) return tooMany(LIMITS.sectionFields, at('fields'));
    const long = block.fields.findIndex((f) => textOf(f).length > LIMITS.fieldText);
    if (long >= 0) return tooLong('text', LIMITS.fieldText, at(`fields/${long}`));
  }
  return undefined;
}

/** At most 10 elements; a text element is a text object, which holds 3000 characters. */
function contextProblem(block: SlackObject, at: At): string | undefined {
  if (!Array.isArray(block.elements)) return undefined;
  if (block.elements.length > LIMITS.contextElements) return tooMany(LIMITS.contextElements, at('elements'));
  const long = block.elements.findIndex(
    (e) => isObject(e) && e.type !== 'image' && textOf(e).length > LIMITS.text,
  );
  return long >= 0 ? tooLong('text', LIMITS.text, at(`elements/${long}`)) : undefined;
}

function inputProblem(block: SlackObject, at: At): string | undefined {
  return first(
    () =>
      textOf(block.label).length === 0 ? `label must be at least 1 character ${at('label')}` : undefined,
    () => longText(block.label, LIMITS.inputLabel, at, 'label'),
    () => longText(block.hint, LIMITS.inputHint, at, 'hint'),
    () => (isObject(block.element) ? undefined : `input needs an element ${at()}`),
  );
}

/** Why a block is over one of Slack's limits; `pointer` is its json-pointer, e.g. `blocks/3`. */
export function limitProblem(block: SlackObject, pointer: string): string | undefined {
  const at: At = (rest) => `[json-pointer:/${pointer}${rest ? `/${rest}` : ''}]`;
  const own = (() => {
    switch (block.type) {
      case 'header': {
        const text = textOf(block.text);
        return !text || text.length > LIMITS.header
          ? `header text must be 1-${LIMITS.header} characters ${at()}`
          : undefined;
      }
      case 'section':
        return sectionProblem(block, at);
      case 'context':
        return contextProblem(block, at);
      case 'actions':
        if (!Array.isArray(block.elements) || block.elements.length === 0)
          return `actions needs elements ${at()}`;
        return block.elements.length > LIMITS.actionsElements
          ? tooMany(LIMITS.actionsElements, at('elements'))
          : undefined;
      case 'input':
        return inputProblem(block, at);
      case 'image':
        return imageProblem(block, at);
      default:
        return undefined;
    }
  })();
  if (own) return own;
  for (const { element, at: where } of elementsOf(block)) {
    const problem = elementProblem(element, (rest) => at(rest ? `${where}/${rest}` : where));
    if (problem) return problem;
  }
  return undefined;
}
