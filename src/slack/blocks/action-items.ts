import type { types } from '@slack/bolt';
import type { ActionItemRow } from '../../db/queries/action-items.js';
import { ACTION_TEXT_MAX } from '../../domain/action-items.js';
import type { Catalog } from '../../i18n/index.js';
import { escapeMrkdwn, mention } from '../mrkdwn.js';
import { type Block, context, section } from './common.js';
import { quote } from './lead-ownership.js';

/** Items carried into this many retros while still open are flagged. */
export const FLAG_CARRIES = 3;

export const ACTION_ITEM_VIEW = 'retro_action_item_modal';
export const ACTION_TEXT_BLOCK = 'action_text';
export const ACTION_OWNER_BLOCK = 'action_owner';
export const ACTION_DUE_BLOCK = 'action_due';
/** The action id of each modal input (the block id names the field). */
export const ACTION_TEXT_INPUT = 'text';
export const ACTION_OWNER_INPUT = 'owner';
export const ACTION_DUE_INPUT = 'due';
/** Buttons in the owner's DM; value = the item id. */
export const ACTION_DONE_ACTION = 'retro_action_done';
export const ACTION_DROP_ACTION = 'retro_action_drop';

/** One line of an action-item list (retro parent, summaries): text, owner, due day, status, carries. */
export function actionItemLine(
  t: Catalog,
  item: Pick<ActionItemRow, 'text' | 'ownerId' | 'dueOn' | 'status' | 'carryCount'>,
): string {
  const text = escapeMrkdwn(item.text);
  const parts = [item.status === 'open' ? text : `~${text}~`, mention(item.ownerId)];
  if (item.dueOn) parts.push(t.retroActions.due(item.dueOn));
  if (item.status !== 'open') parts.push(t.retroActions.status[item.status]);
  if (item.carryCount > 0)
    parts.push(
      item.carryCount >= FLAG_CARRIES
        ? t.retroActions.flagged(item.carryCount)
        : t.retroActions.carried(item.carryCount),
    );
  return `• ${parts.join(' · ')}`;
}

/** What the modal carries to its submission: the retro, and the reply it was made from. */
export interface ActionItemModalMeta {
  retro: number;
  source?: { channel: string; ts: string };
}

export interface ActionItemModalInput {
  retro: { id: number; periodKey: string };
  /** Preselected owner: the person opening the modal. */
  ownerId: string;
  /** Prefilled text (a reply's text), cut to the limit. */
  text?: string;
  source?: { channel: string; ts: string };
}

const plain = (text: string) => ({ type: 'plain_text' as const, text });

/** The Add action item modal: text, owner (defaults to the person), optional due date. */
export function actionItemModal(t: Catalog, input: ActionItemModalInput): types.ModalView {
  const meta: ActionItemModalMeta = {
    retro: input.retro.id,
    ...(input.source ? { source: input.source } : {}),
  };
  const text = input.text?.trim().slice(0, ACTION_TEXT_MAX);
  return {
    type: 'modal',
    callback_id: ACTION_ITEM_VIEW,
    private_metadata: JSON.stringify(meta),
    title: plain(t.retroActions.modalTitle),
    submit: plain(t.retroActions.modalSubmit),
    close: plain(t.retroActions.modalCancel),
    blocks: [
      context(escapeMrkdwn(t.retroActions.modalRetro(input.retro.periodKey))),
      {
        type: 'input',
        block_id: ACTION_TEXT_BLOCK,
        label: plain(t.retroActions.textLabel),
        element: {
          type: 'plain_text_input',
          action_id: ACTION_TEXT_INPUT,
          multiline: true,
          max_length: ACTION_TEXT_MAX,
          placeholder: plain(t.retroActions.textPlaceholder),
          ...(text ? { initial_value: text } : {}),
        },
      },
      {
        type: 'input',
        block_id: ACTION_OWNER_BLOCK,
        label: plain(t.retroActions.ownerLabel),
        element: { type: 'users_select', action_id: ACTION_OWNER_INPUT, initial_user: input.ownerId },
      },
      {
        type: 'input',
        block_id: ACTION_DUE_BLOCK,
        optional: true,
        label: plain(t.retroActions.dueLabel),
        element: { type: 'datepicker', action_id: ACTION_DUE_INPUT },
      },
    ],
  };
}

/** How a DM names the retro an item came from: a link to its thread when Slack gave one. */
export function retroRef(t: Catalog, periodKey: string, permalink?: string): string {
  const label = escapeMrkdwn(t.retroActions.retroLabel(periodKey));
  return permalink ? `<${permalink}|${label}>` : label;
}

type DmItem = Pick<ActionItemRow, 'id' | 'text' | 'createdBy' | 'dueOn' | 'status' | 'closedBy'>;

const dmHead = (t: Catalog, item: DmItem, retro: string) =>
  section(t.retroActions.dm(retro, mention(item.createdBy), quote(item.text)));

const button = (text: string, actionId: string, value: string, style?: 'primary') => ({
  type: 'button' as const,
  text: plain(text),
  action_id: actionId,
  value,
  ...(style ? { style } : {}),
});

/** The owner's DM: the item, its due date, and Done / Drop. */
export function actionItemDm(t: Catalog, item: DmItem, retro: string): { text: string; blocks: Block[] } {
  const blocks: Block[] = [dmHead(t, item, retro)];
  if (item.dueOn) blocks.push(context(t.retroActions.due(item.dueOn)));
  blocks.push({
    type: 'actions',
    block_id: `retro_action:${item.id}`,
    elements: [
      button(t.retroActions.doneButton, ACTION_DONE_ACTION, String(item.id), 'primary'),
      button(t.retroActions.dropButton, ACTION_DROP_ACTION, String(item.id)),
    ],
  });
  return { text: t.retroActions.dmFallback(escapeMrkdwn(item.text)), blocks };
}

/** The DM once answered: the item and who did what, no buttons. */
export function answeredActionItemDm(
  t: Catalog,
  item: DmItem,
  retro: string,
): { text: string; blocks: Block[] } {
  const who = mention(item.closedBy ?? item.createdBy);
  const outcome = item.status === 'dropped' ? t.retroActions.droppedBy(who) : t.retroActions.doneBy(who);
  return {
    text: `${outcome} ${t.retroActions.dmFallback(escapeMrkdwn(item.text))}`,
    blocks: [dmHead(t, item, retro), context(outcome)],
  };
}
