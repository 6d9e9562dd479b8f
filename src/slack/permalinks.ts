import type { WebClient } from '@slack/web-api';
import type { LeadRow } from '../db/queries/leads.js';
import type { Logger } from '../observability/logger.js';

/**
 * Permalinks to the cards of `leads`, by lead id. A lead without a card, or whose link Slack
 * would not give (say the card was deleted), is left out: answers then say there is no card.
 */
export async function cardPermalinks(
  client: WebClient,
  leads: readonly LeadRow[],
  logger: Logger,
): Promise<Map<number, string>> {
  const links = new Map<number, string>();
  await Promise.all(
    leads.map(async (lead) => {
      if (!lead.cardChannel || !lead.cardTs) return;
      try {
        const res = await client.chat.getPermalink({ channel: lead.cardChannel, message_ts: lead.cardTs });
        if (res.permalink) links.set(lead.id, res.permalink);
      } catch (error) {
        logger.warn('no permalink for a lead card', { error, lead_id: lead.id });
      }
    }),
  );
  return links;
}
