import type { types } from '@slack/bolt';
import type { LeadRow } from '../../db/queries/leads.js';
import {
  CONTEXT_FIELDS,
  CONTEXT_LIMITS,
  type ContextField,
  type ContextFields,
} from '../../domain/lead-context.js';
import type { Catalog } from '../../i18n/index.js';
import { mention } from '../mrkdwn.js';
import { context, section } from './common.js';
import { leadLabel, quote } from './lead-ownership.js';

export const ADD_CONTEXT_ACTION = 'lead_add_context';
/** Message shortcut ("Add context to lead") on a card or a reply in its thread. */
export const ADD_CONTEXT_SHORTCUT = 'lead_add_context';
export const CONTEXT_VIEW = 'lead_context_modal';
export const LEAD_REF_BLOCK = 'lead_ref';
/** Every input in the modal has this action id; the block id names the field. */
export const CONTEXT_INPUT_ACTION = 'text';

const plain = (text: string) => ({ type: 'plain_text' as const, text });

const LABEL: Record<ContextField, (t: Catalog) => string> = {
  campaign: (t) => t.leadContext.campaignLabel,
  content: (t) => t.leadContext.contentLabel,
  nurture: (t) => t.leadContext.nurtureLabel,
  note: (t) => t.leadContext.noteLabel,
};

export function addContextButton(t: Catalog, lead: LeadRow): types.Button {
  return {
    type: 'button',
    action_id: ADD_CONTEXT_ACTION,
    value: String(lead.id),
    text: plain(t.leadContext.button),
  };
}

/** The Add context modal; without a lead (a message not tied to one) it first asks which lead. */
export function contextModal(t: Catalog, lead: LeadRow | undefined): types.ModalView {
  const top: types.KnownBlock = lead
    ? section(t.leadContext.modalLead(leadLabel(lead)))
    : {
        type: 'input',
        block_id: LEAD_REF_BLOCK,
        label: plain(t.leadContext.leadRefLabel),
        hint: plain(t.leadContext.leadRefHint),
        element: { type: 'plain_text_input', action_id: CONTEXT_INPUT_ACTION, max_length: 320 },
      };
  const inputs = CONTEXT_FIELDS.map(
    (field): types.KnownBlock => ({
      type: 'input',
      block_id: field,
      optional: true,
      label: plain(LABEL[field](t)),
      element: {
        type: 'plain_text_input',
        action_id: CONTEXT_INPUT_ACTION,
        multiline: field !== 'campaign',
        max_length: CONTEXT_LIMITS[field],
      },
    }),
  );
  return {
    type: 'modal',
    callback_id: CONTEXT_VIEW,
    private_metadata: JSON.stringify(lead ? { lead: lead.id } : {}),
    title: plain(t.leadContext.modalTitle),
    submit: plain(t.leadContext.modalSubmit),
    close: plain(t.ownership.cancel),
    blocks: [top, ...inputs, context(t.leadContext.fieldsHint)],
  };
}

/** The filled-in fields as mrkdwn: a bold label, then the escaped text as a quote. */
export function contextFieldsText(t: Catalog, fields: ContextFields): string {
  return CONTEXT_FIELDS.filter((f) => fields[f])
    .map((f) => `*${LABEL[f](t)}*\n>${quote(fields[f]!)}`)
    .join('\n');
}

/** The context as posted in the lead's thread. */
export function contextNoteText(t: Catalog, by: string, fields: ContextFields): string {
  return `${t.leadContext.posted(mention(by))}\n${contextFieldsText(t, fields)}`;
}
