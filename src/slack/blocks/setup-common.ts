/** Pieces the set-up modals share: ids, input blocks, options, reading view state, field errors. */
import type { types } from '@slack/bolt';
import { type ConfigProblem, yamlPath } from '../../config/workspace.js';
import type { SetupItem } from '../../domain/setup-checklist.js';
import type { Catalog } from '../../i18n/index.js';
import type { Block } from './common.js';
import { readOnlyBlock } from './setup-read-only.js';

/** The Home button that opens an item's modal; its value is the item. */
export const SETUP_OPEN_ACTION = 'setup_open';
/** Callback ids of the modals, one per checklist item. */
export const SETUP_VIEWS: Record<SetupItem, string> = {
  channels: 'setup_channels',
  people: 'setup_people',
  calendar: 'setup_calendar',
  sla: 'setup_sla',
  routing: 'setup_routing',
  retro: 'setup_retro',
  stages: 'setup_stages',
  cadence: 'setup_cadence',
  qualification: 'setup_qualification',
  funnel: 'setup_funnel',
};
/**
 * Slack caps a plain-text input at 3000 characters. A value written in the file that does not fit
 * is never cut short in a modal (saving the cut copy would lose the rest): the modal is read-only
 * (`setupModal` with `tooLong`), or the field is left out (`tooLongNote`).
 */
export const MAX_TEXT = 3000;

/** Every input's action id; the block id tells the fields apart. */
export const SETUP_INPUT = 'value';

export type Element = types.InputBlock['element'];
export type Option = types.PlainTextOption;

export const plain = (text: string) => ({ type: 'plain_text' as const, text });
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
export const option = (text: string, value: string): Option => ({ text: plain(clip(text, 75)), value });

export function input(
  blockId: string,
  label: string,
  element: Element,
  opts: { optional?: boolean; hint?: string } = {},
): Block {
  return {
    type: 'input',
    block_id: blockId,
    label: plain(clip(label, 2000)),
    element,
    optional: opts.optional ?? false,
    ...(opts.hint ? { hint: plain(clip(opts.hint, 2000)) } : {}),
  } as Block;
}

/**
 * A modal with Save/Cancel, or a read-only one (only Close) when the file manages its settings —
 * or, `tooLong`, when a value written in the file is longer than its field holds.
 */
export function setupModal(
  t: Catalog,
  callbackId: string,
  title: string,
  blocks: Block[],
  readOnly: boolean | 'tooLong',
): types.ModalView {
  const note = readOnly === 'tooLong' ? t.admin.modal.tooLong : t.admin.modal.managed;
  return {
    type: 'modal',
    callback_id: callbackId,
    title: plain(clip(title, 24)),
    close: plain(t.admin.modal.cancel),
    ...(readOnly ? {} : { submit: plain(t.admin.modal.save) }),
    blocks: readOnly
      ? [{ type: 'section', text: { type: 'mrkdwn', text: note } }, ...blocks.map(readOnlyBlock)]
      : blocks,
  };
}

/** Said at the top of a modal made read-only because a value is longer than a field holds. */
/** A free-text field of up to MAX_TEXT characters; `initial` is left out when empty or too long to fit. */
export const multilineText = (initial: string | null | undefined): Element => ({
  type: 'plain_text_input',
  action_id: SETUP_INPUT,
  multiline: true,
  max_length: MAX_TEXT,
  ...(initial && initial.length <= MAX_TEXT ? { initial_value: initial } : {}),
});

/**
 * The non-blank lines of a free-text field that match `pattern`, in order; the first line that does
 * not is described by `badLine(lineNumber, start of the line)` for the problem under the field.
 */
export function readLines(
  raw: string | null,
  pattern: RegExp,
  badLine: (lineNumber: number, line: string) => string,
): { matches: RegExpExecArray[]; problem: string | null } {
  const matches: RegExpExecArray[] = [];
  let problem: string | null = null;
  (raw ?? '').split('\n').forEach((rawLine, i) => {
    const line = rawLine.trim();
    if (line === '') return;
    const match = pattern.exec(line);
    if (match) matches.push(match);
    else problem ??= badLine(i + 1, line.slice(0, 60));
  });
  return { matches, problem };
}

export const tooLongNote = (t: Catalog): Block => ({
  type: 'section',
  text: { type: 'mrkdwn', text: t.admin.modal.tooLong },
});

/** One field of a submitted view's state, as Slack sends it. */
export interface FieldValue {
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: { value: string }[];
  selected_user?: string | null;
  selected_users?: string[];
  selected_conversation?: string | null;
  selected_time?: string | null;
}
export type ViewValues = Record<string, Record<string, FieldValue>>;

export const field = (values: ViewValues, blockId: string): FieldValue =>
  values[blockId]?.[SETUP_INPUT] ?? {};
export const text = (values: ViewValues, blockId: string) => field(values, blockId).value?.trim() || null;
export const chosen = (values: ViewValues, blockId: string) =>
  field(values, blockId).selected_option?.value ?? null;
export const chosenMany = (values: ViewValues, blockId: string) =>
  (field(values, blockId).selected_options ?? []).map((o) => o.value);
/** A number input: null when blank; NaN when Slack let through something that is not a number. */
export function numberField(values: ViewValues, blockId: string): number | null {
  const raw = text(values, blockId);
  return raw === null ? null : /^-?\d+$/.test(raw) ? Number(raw) : Number.NaN;
}

/** Maps a config key path to the modal block that edits it; null = no field of this modal. */
export type FieldFor = (path: readonly (string | number)[]) => string | null;

/**
 * `response_action: 'errors'` from the schema's problems: each under the block its key path maps to
 * (several joined), the rest under `fallback`. With `withPath` the key path is named too (roster
 * entries, where the field alone does not say whose value it was).
 */
export function fieldErrors(
  problems: readonly ConfigProblem[],
  fieldFor: FieldFor,
  fallback: string,
  withPath = false,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const problem of problems) {
    const block = fieldFor(problem.path) ?? fallback;
    const mapped = block !== fallback || fieldFor(problem.path) !== null;
    const line =
      (withPath || !mapped) && problem.path.length > 0
        ? `${yamlPath(problem.path)}: ${problem.message}`
        : problem.message;
    errors[block] = errors[block] ? `${errors[block]}; ${line}` : line;
  }
  return errors;
}
