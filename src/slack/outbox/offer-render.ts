import type { WebClient } from '@slack/web-api';
import type { AppContext } from '../../context.js';
import { recentLeadContexts } from '../../db/queries/lead-contexts.js';
import { findLead, type LeadRow } from '../../db/queries/leads.js';
import { findWriteByKey, type OutboxRow } from '../../db/queries/outbox.js';
import { currentOffer } from '../../db/queries/routing.js';
import { messages } from '../../i18n/index.js';
import {
  OFFER_CLOSED_PURPOSE,
  OFFER_DM_PURPOSE,
  type OfferClosed,
  type OfferDm,
} from '../../services/routing-notes.js';
import { workspaceKeyLabels } from '../blocks/key-labels.js';
import { closedOfferDm, offerContextBlocks, offerDm } from '../blocks/offer-dm.js';
import type { Prepared } from './prepared.js';

/** How many of the lead's newest marketer contexts an offer DM repeats. */
const CONTEXTS_IN_DM = 3;

type Ctx = Pick<AppContext, 'configs' | 'database'>;

/** Whether the card should show a waiting offer (and its Pass button): the owner has not accepted yet. */
export async function hasPendingOffer(ctx: Pick<AppContext, 'database'>, lead: LeadRow): Promise<boolean> {
  const offer = await currentOffer(ctx.database.db, lead);
  return Boolean(offer && !offer.accepted);
}

/**
 * Renders routing's DMs at delivery, ahead of `next` (the other writes): the offer (or assignment
 * notice) to a seller, and the edit that closes an offer. Editing a DM needs its conversation id,
 * which Slack only gives for a user id through conversations.open, hence the client.
 */
export function withOfferWrites(ctx: Ctx, client: WebClient, next: (row: OutboxRow) => Promise<Prepared>) {
  return async (row: OutboxRow): Promise<Prepared> => {
    if (row.purpose !== OFFER_DM_PURPOSE && row.purpose !== OFFER_CLOSED_PURPOSE) return next(row);
    const lead = row.leadId ? await findLead(ctx.database.db, row.teamId, row.leadId) : undefined;
    if (!lead) return { drop: `lead ${row.leadId} no longer exists` };
    const config = ctx.configs.for(row.teamId);
    const t = messages(config.locale);
    if (row.purpose === OFFER_DM_PURPOSE) {
      const dm = row.args.offer as OfferDm | undefined;
      if (!dm) return { drop: 'offer DM without content' };
      const recent = await recentLeadContexts(ctx.database.db, lead.teamId, lead.id, CONTEXTS_IN_DM);
      return {
        send: {
          channel: row.channel,
          args: {
            ...offerDm(t, lead, dm, offerContextBlocks(t, recent), workspaceKeyLabels(t, config)),
            unfurl_links: false,
          },
        },
      };
    }
    const closed = row.args.closed as OfferClosed | undefined;
    if (!closed) return { drop: 'offer update without content' };
    const posted = await findWriteByKey(ctx.database.db, row.teamId, closed.offerKey);
    if (!posted || posted.status === 'dead') return { drop: 'the offer DM was never delivered' };
    if (!posted.resultTs) return { wait: 'the offer DM has not been delivered yet' };
    const opened = await client.conversations.open({ users: row.channel });
    const channel = opened.channel?.id;
    if (!channel) return { wait: `no DM conversation with ${row.channel}` };
    return {
      send: {
        channel,
        args: {
          ...closedOfferDm(t, lead, closed.outcome, workspaceKeyLabels(t, config)),
          ts: posted.resultTs,
        },
      },
    };
  };
}
