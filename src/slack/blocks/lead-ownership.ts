import type { types } from '@slack/bolt';
import type { LeadRow } from '../../db/queries/leads.js';
import type { Catalog } from '../../i18n/index.js';
import type { OwnershipNote } from '../../services/lead-notes.js';
import { escapeMrkdwn, mention } from '../mrkdwn.js';
import { section } from './common.js';

export const ASSIGN_ACTION = 'lead_assign';
export const RELEASE_ACTION = 'lead_release';
export const ASSIGN_VIEW = 'lead_assign_modal';
export const ASSIGNEE_BLOCK = 'assignee';
export const ASSIGNEE_ACTION = 'user';
export const ASSIGN_REASON_BLOCK = 'reason';
export const ASSIGN_REASON_ACTION = 'text';
export const ASSIGN_REASON_MAX = 500;

const plain = (text: string) => ({ type: 'plain_text' as const, text });
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** How a lead is named in modals and DMs: bold name (or email), then the company; escaped. */
export function leadLabel(lead: LeadRow): string {
  const who = `*${escapeMrkdwn(clip(lead.name ?? lead.email ?? `#${lead.id}`, 140))}*`;
  return lead.company ? `${who} (${escapeMrkdwn(clip(lead.company, 140))})` : who;
}

/** The card's Assign… (Reassign… once owned) and, for an owned lead, Release buttons. */
export function ownershipButtons(t: Catalog, lead: LeadRow): types.Button[] {
  const value = String(lead.id);
  const buttons: types.Button[] = [
    {
      type: 'button',
      action_id: ASSIGN_ACTION,
      value,
      text: plain(lead.ownerId ? t.ownership.reassignButton : t.ownership.assignButton),
    },
  ];
  if (lead.ownerId) {
    buttons.push({
      type: 'button',
      action_id: RELEASE_ACTION,
      value,
      text: plain(t.ownership.releaseButton),
      confirm: {
        title: plain(t.ownership.releaseConfirmTitle),
        text: plain(t.ownership.releaseConfirmText),
        confirm: plain(t.ownership.releaseButton),
        deny: plain(t.ownership.cancel),
      },
    });
  }
  return buttons;
}

/** The Assign modal: pick a seller (checked on submission) and give an optional reason. */
export function assignModal(t: Catalog, lead: LeadRow): types.ModalView {
  const owner = lead.ownerId ? mention(lead.ownerId) : t.card.unclaimed;
  return {
    type: 'modal',
    callback_id: ASSIGN_VIEW,
    private_metadata: JSON.stringify({ lead: lead.id }),
    title: plain(t.ownership.modalTitle),
    submit: plain(t.ownership.modalSubmit),
    close: plain(t.ownership.cancel),
    blocks: [
      section(t.ownership.modalLead(leadLabel(lead), owner)),
      {
        type: 'input',
        block_id: ASSIGNEE_BLOCK,
        label: plain(t.ownership.assigneeLabel),
        hint: plain(t.ownership.assigneeHint),
        element: { type: 'users_select', action_id: ASSIGNEE_ACTION },
      },
      {
        type: 'input',
        block_id: ASSIGN_REASON_BLOCK,
        optional: true,
        label: plain(t.ownership.reasonLabel),
        element: {
          type: 'plain_text_input',
          action_id: ASSIGN_REASON_ACTION,
          multiline: true,
          max_length: ASSIGN_REASON_MAX,
          placeholder: plain(t.ownership.reasonPlaceholder),
        },
      },
    ],
  };
}

/** The thread line for a manual change of owner. */
export function ownershipNoteText(t: Catalog, note: OwnershipNote): string {
  if (note.kind === 'released') {
    return note.by === note.from
      ? t.ownership.released(mention(note.by))
      : t.ownership.releasedFor(mention(note.by), mention(note.from));
  }
  const line =
    note.from === null
      ? t.ownership.assigned(mention(note.by), mention(note.to))
      : t.ownership.reassigned(mention(note.by), mention(note.from), mention(note.to));
  return note.reason ? `${line}\n>${t.ownership.reasonLine(quote(note.reason))}` : line;
}

/** User text on a quoted line: escaped, and every line kept inside the quote. */
export const quote = (text: string) => escapeMrkdwn(text).replace(/\n/g, '\n>');
