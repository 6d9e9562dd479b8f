import type { types } from '@slack/bolt';
import { LEAD_FIELD_MAX_LENGTH } from '../../domain/lead-input.js';
import type { Catalog } from '../../i18n/index.js';
import { type Block, context } from './common.js';

export const LEAD_NEW_CALLBACK = 'lead_new';
/** Every input in the modal uses this action id; its block id is the intake field it fills. */
export const LEAD_INPUT_ACTION = 'value';

/** The intake fields the modal asks for, in order; each is also its input's block id. */
export const MODAL_FIELDS = [
  'email',
  'name',
  'company',
  'title',
  'phone',
  'company_size',
  'website',
  'form',
  'message',
  'source',
] as const;
export type ModalField = (typeof MODAL_FIELDS)[number];

/** Forms a lead can be entered under; the default qualification rules know the first five. */
export const FORM_CHOICES = [
  'demo_request',
  'trial',
  'contact',
  'ebook',
  'newsletter',
  'webinar',
  'event',
] as const;

export const DEFAULT_SLACK_SOURCE = 'slack';

const plain = (text: string) => ({ type: 'plain_text' as const, text });
const INPUT_MAX = 3000;

function textInput(
  field: Exclude<ModalField, 'form'>,
  label: string,
  opts: { optional?: boolean; multiline?: boolean; hint?: string; initial?: string } = {},
): Block {
  return {
    type: 'input',
    block_id: field,
    optional: opts.optional ?? true,
    label: plain(label),
    ...(opts.hint ? { hint: plain(opts.hint) } : {}),
    element: {
      type: 'plain_text_input',
      action_id: LEAD_INPUT_ACTION,
      // Slack refuses a plain-text input longer than 3000; the API takes a longer message.
      max_length: Math.min(LEAD_FIELD_MAX_LENGTH[field], INPUT_MAX),
      ...(opts.multiline ? { multiline: true } : {}),
      ...(opts.initial ? { initial_value: opts.initial } : {}),
    },
  };
}

/** The `/lead new` modal. `privateMetadata` carries where the command was typed, for the answer. */
export function leadModal(t: Catalog, privateMetadata: string): types.ModalView {
  const m = t.lead.modal;
  const formSelect: Block = {
    type: 'input',
    block_id: 'form',
    optional: true,
    label: plain(m.form),
    element: {
      type: 'static_select',
      action_id: LEAD_INPUT_ACTION,
      placeholder: plain(m.formPlaceholder),
      options: FORM_CHOICES.map((key) => ({ text: plain(t.lead.forms[key]), value: key })),
    },
  };
  return {
    type: 'modal',
    callback_id: LEAD_NEW_CALLBACK,
    private_metadata: privateMetadata,
    title: plain(m.title),
    submit: plain(m.submit),
    close: plain(m.close),
    blocks: [
      context(m.intro),
      textInput('email', m.email, { optional: false }),
      textInput('name', m.name),
      textInput('company', m.company),
      textInput('title', m.jobTitle),
      textInput('phone', m.phone),
      textInput('company_size', m.companySize, { hint: m.companySizeHint }),
      textInput('website', m.website),
      formSelect,
      textInput('message', m.message, { multiline: true }),
      textInput('source', m.source, { optional: false, hint: m.sourceHint, initial: DEFAULT_SLACK_SOURCE }),
    ],
  };
}
