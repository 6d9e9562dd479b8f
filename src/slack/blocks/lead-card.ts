import type { types } from '@slack/bolt';
import type { LeadRow } from '../../db/queries/leads.js';
import type { Catalog } from '../../i18n/index.js';
import type { StageName } from '../../services/stage-notes.js';
import type { ThreadNote } from '../../services/thread-notes.js';
import { escapeMrkdwn, mention, slackDate } from '../mrkdwn.js';
import { type Block, context, section } from './common.js';
import { activityNoteText, slaField, touchButton } from './first-touch.js';
import { type KeyLabels, keyLabels } from './key-labels.js';
import { addContextButton, contextNoteText } from './lead-context.js';
import { ownershipButtons, ownershipNoteText } from './lead-ownership.js';
import { cardPassButton, offerPendingContext, routingNoteText } from './routing.js';
import { stageLabel, stageNamed, stageNoteText, stageSelect } from './stage-move.js';

export const CLAIM_ACTION = 'lead_claim';

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const field = (label: string, value: string) => ({ type: 'mrkdwn' as const, text: `*${label}*\n${value}` });

export interface LeadCardOptions {
  /** Routing offered the lead to its owner, who has not accepted yet (shows Pass). */
  readonly pendingOffer?: boolean;
  /** When the first touch is due; shown while the SLA clock runs (omit or null to hide it). */
  readonly dueAt?: Date | null;
  /** The SLA clock's kind, for how the minutes to first touch are labelled (default business). */
  readonly slaClock?: 'business' | 'always';
  /** The working stages in order, for the Move stage select (omit to leave the select off). */
  readonly stages?: readonly StageName[];
  /** The workspace's labels for segments, sources and forms (default: Baton's own words, keys readable). */
  readonly labels?: KeyLabels;
}

/** The lead's card in its segment channel: who, from where, how hot, who owns it and by when. */
export function leadCard(
  t: Catalog,
  lead: LeadRow,
  {
    pendingOffer = false,
    dueAt = null,
    slaClock = 'business',
    stages,
    labels = keyLabels(t),
  }: LeadCardOptions = {},
): { text: string; blocks: Block[] } {
  const who = escapeMrkdwn(clip(lead.name ?? lead.email ?? `#${lead.id}`, 140));
  const company = lead.company ? escapeMrkdwn(clip(lead.company, 140)) : '';
  const title = lead.title ? escapeMrkdwn(clip(lead.title, 140)) : '';
  const lines = [`*${who}*`];
  if (title && company) lines.push(t.card.titleAt(title, company));
  else if (company || title) lines.push(`*${company || title}*`);
  if (lead.email) lines.push(escapeMrkdwn(lead.email));

  const fields = [
    field(t.card.segment, escapeMrkdwn(labels.segment(lead.segment))),
    field(t.card.stage, escapeMrkdwn(stageLabel(t, stageNamed(stages, lead.stage)))),
    field(t.card.source, escapeMrkdwn(labels.source(lead.source))),
    field(t.card.score, String(lead.score)),
    field(t.card.owner, lead.ownerId ? mention(lead.ownerId) : t.card.unclaimed),
    field(t.card.arrived, slackDate(lead.createdAt)),
  ];
  const sla = slaField(t, lead, dueAt, slaClock);
  if (sla) fields.push(field(sla.label, sla.value));
  if (lead.form) fields.push(field(t.card.form, escapeMrkdwn(labels.form(lead.form))));
  if (lead.website) fields.push(field(t.card.website, escapeMrkdwn(clip(lead.website, 200))));

  const blocks: Block[] = [
    {
      type: 'section',
      block_id: `lead:${lead.id}`,
      text: { type: 'mrkdwn', text: lines.join('\n') },
      fields,
    },
  ];
  if (lead.message) blocks.push(section(`>${escapeMrkdwn(clip(lead.message, 600)).replace(/\n/g, '\n>')}`));
  if (lead.contextCount > 0) blocks.push(context(t.card.contextCount(lead.contextCount)));
  const buttons: types.Button[] = [];
  if (!lead.ownerId) {
    buttons.push({
      type: 'button',
      action_id: CLAIM_ACTION,
      style: 'primary',
      value: String(lead.id),
      text: { type: 'plain_text', text: t.card.claim },
    });
  }
  if (pendingOffer) {
    blocks.push(offerPendingContext(t, lead));
    buttons.push(cardPassButton(t, lead));
  }
  const touch = touchButton(t, lead);
  if (touch) buttons.push(touch);
  buttons.push(...ownershipButtons(t, lead), addContextButton(t, lead));
  // At most 7 elements: well under the 25 an actions block allows.
  const elements: types.ActionsBlockElement[] = [...buttons];
  if (stages) elements.push(stageSelect(t, lead, stages));
  blocks.push({ type: 'actions', block_id: `lead_actions:${lead.id}`, elements });
  return { text: t.card.fallback(who, company), blocks };
}

export function threadNoteText(t: Catalog, note: ThreadNote, labels: KeyLabels = keyLabels(t)): string {
  switch (note.kind) {
    case 'claimed':
      return t.notes.claimed(mention(note.by));
    case 'owner_changed':
    case 'released':
      return ownershipNoteText(t, note);
    case 'context_added':
      return contextNoteText(t, note.by, note.context);
    case 'routed':
    case 'routing_held':
    case 'routing_left':
    case 'offer_accepted':
    case 'offer_passed':
      return routingNoteText(t, note);
    case 'first_touch':
    case 'activity':
      return activityNoteText(t, note);
    case 'stage_moved':
    case 'stage_reopened':
      return stageNoteText(t, note, labels);
    case 'resubmitted':
      return t.notes.resubmitted(
        escapeMrkdwn(labels.source(note.source)),
        note.form ? escapeMrkdwn(labels.form(note.form)) : '',
      );
  }
}
