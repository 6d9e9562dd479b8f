import type { LeadContextRow } from '../../db/queries/lead-contexts.js';
import type { LeadRow } from '../../db/queries/leads.js';
import type { Catalog } from '../../i18n/index.js';
import type { OfferDm, OfferOutcome } from '../../services/routing-notes.js';
import { escapeMrkdwn, slackDate } from '../mrkdwn.js';
import { type Block, context, section } from './common.js';
import { type KeyLabels, keyLabels } from './key-labels.js';
import { contextNoteText } from './lead-context.js';
import { leadLabel } from './lead-ownership.js';
import { routedText } from './routing.js';
import { packedSections } from './sections.js';

export const OFFER_ACCEPT_ACTION = 'offer_accept';
export const OFFER_PASS_ACTION = 'offer_pass';

const plain = (text: string) => ({ type: 'plain_text' as const, text });
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const field = (label: string, value: string) => ({ type: 'mrkdwn' as const, text: `*${label}*\n${value}` });

/** A button value naming the offer: the lead and when it was offered (so an old DM cannot act on a new offer). */
export const offerValue = (leadId: number, offeredAt: Date) => `${leadId}:${offeredAt.getTime()}`;

export function parseOfferValue(value: string): { leadId: number; offeredAt: number | null } {
  const [lead, at] = value.split(':');
  return { leadId: Number(lead), offeredAt: at === undefined ? null : Number(at) };
}

/** The key facts a seller needs to decide and to make the first call, escaped. */
function leadFacts(t: Catalog, lead: LeadRow, heading: string, labels: KeyLabels): Block[] {
  const lines = [heading];
  const title = lead.title ? escapeMrkdwn(clip(lead.title, 140)) : '';
  const company = lead.company ? escapeMrkdwn(clip(lead.company, 140)) : '';
  if (title && company) lines.push(t.card.titleAt(title, company));
  else if (title) lines.push(`*${title}*`);
  const fields = [
    field(t.card.segment, escapeMrkdwn(labels.segment(lead.segment))),
    field(t.card.stage, escapeMrkdwn(lead.stage)),
    field(t.card.score, String(lead.score)),
    field(t.card.source, escapeMrkdwn(labels.source(lead.source))),
    field(t.card.arrived, slackDate(lead.createdAt)),
  ];
  if (lead.email) fields.push(field(t.lead.modal.email, escapeMrkdwn(lead.email)));
  if (lead.phone) fields.push(field(t.routing.phone, escapeMrkdwn(clip(lead.phone, 40))));
  if (lead.form) fields.push(field(t.card.form, escapeMrkdwn(labels.form(lead.form))));
  if (lead.website) fields.push(field(t.card.website, escapeMrkdwn(clip(lead.website, 200))));
  const blocks: Block[] = [
    {
      type: 'section',
      block_id: `offer_lead:${lead.id}`,
      text: { type: 'mrkdwn', text: lines.join('\n') },
      fields,
    },
  ];
  if (lead.message) blocks.push(section(`>${escapeMrkdwn(clip(lead.message, 600)).replace(/\n/g, '\n>')}`));
  if (lead.contextCount > 0) blocks.push(context(t.card.contextCount(lead.contextCount)));
  return blocks;
}

/**
 * The lead's newest marketer contexts for the offer DM (its `extra`). Each may hold up to 3,700
 * characters before escaping, so they are packed into sections by length and a long one is cut.
 */
export function offerContextBlocks(t: Catalog, recent: readonly LeadContextRow[]): Block[] {
  if (recent.length === 0) return [];
  return packedSections(
    t.ownership.dmContextHeading(recent.length),
    recent.map((c) => contextNoteText(t, c.authorId, c)),
  );
}

/**
 * The DM to the seller routing chose: the lead's facts, why them, and — for a round-robin offer —
 * Accept / Pass with the time they have. `extra` goes after the facts (e.g. marketer context).
 */
export function offerDm(
  t: Catalog,
  lead: LeadRow,
  dm: OfferDm,
  extra: Block[] = [],
  labels: KeyLabels = keyLabels(t),
): { text: string; blocks: Block[] } {
  const label = leadLabel(lead);
  const heading = dm.acceptMinutes === null ? t.routing.assignedTitle(label) : t.routing.offerTitle(label);
  const blocks = [
    ...leadFacts(t, lead, heading, labels),
    ...extra,
    context(t.routing.whyYou(routedText(t, dm.note))),
  ];
  if (dm.acceptMinutes !== null) {
    const value = offerValue(lead.id, new Date(dm.offeredAt));
    blocks.push(section(t.routing.offerAsk(dm.acceptMinutes)), {
      type: 'actions',
      block_id: `offer_actions:${lead.id}`,
      elements: [
        {
          type: 'button',
          action_id: OFFER_ACCEPT_ACTION,
          style: 'primary',
          value,
          text: plain(t.routing.acceptButton),
        },
        { type: 'button', action_id: OFFER_PASS_ACTION, value, text: plain(t.routing.passButton) },
      ],
    });
  }
  return { text: heading, blocks };
}

/** The offer DM once the offer is over: the same facts, no buttons, and how it ended. */
export function closedOfferDm(
  t: Catalog,
  lead: LeadRow,
  outcome: OfferOutcome,
  labels: KeyLabels = keyLabels(t),
): { text: string; blocks: Block[] } {
  const heading = t.routing.offerTitle(leadLabel(lead));
  const line =
    outcome.kind === 'accepted'
      ? t.routing.youAccepted
      : outcome.kind === 'passed'
        ? t.routing.youPassed
        : t.routing.youTimedOut(outcome.minutes);
  return { text: heading, blocks: [...leadFacts(t, lead, heading, labels), section(line)] };
}
