import type { WebClient } from '@slack/web-api';
import type { LeadRow } from '../db/queries/leads.js';
import type { Logger } from '../observability/logger.js';
import { cardPermalinks } from './permalinks.js';

/** Links kept; past this the oldest are forgotten (and asked for again when needed). */
const MAX_LINKS = 5000;
/** How long Home waits for links it does not know yet before publishing without them. */
export const LINK_WAIT_MS = 1500;

type CardLead = Pick<LeadRow, 'id' | 'cardChannel' | 'cardTs'>;

const cardKey = (lead: CardLead) => `${lead.cardChannel}:${lead.cardTs}`;

/**
 * Card permalinks for App Home, which is rebuilt on every open. A card's permalink never
 * changes, so each is asked of Slack (chat.getPermalink) once per process rather than once per
 * lead per open; and Home waits at most `waitMs` for new ones: a slow or rate-limited Slack costs
 * a few links, never the Home tab. Lookups that miss the wait still land here for the next open.
 */
export class CardLinkCache {
  readonly #links = new Map<string, string>();

  constructor(private readonly maxLinks = MAX_LINKS) {}

  async links(
    client: WebClient,
    leads: readonly LeadRow[],
    logger: Logger,
    waitMs = LINK_WAIT_MS,
  ): Promise<Map<number, string>> {
    const carded = leads.filter((l) => l.cardChannel && l.cardTs);
    const missing = carded.filter((l) => !this.#links.has(cardKey(l)));
    if (missing.length > 0) {
      const fetched = cardPermalinks(client, missing, logger)
        .then((found) => {
          for (const lead of missing) {
            const link = found.get(lead.id);
            if (link) this.#remember(cardKey(lead), link);
          }
        })
        .catch((error) => logger.warn('card permalinks failed', { error }));
      let timer: NodeJS.Timeout | undefined;
      const waited = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, waitMs);
        timer.unref();
      });
      await Promise.race([fetched, waited]);
      clearTimeout(timer);
    }
    const links = new Map<number, string>();
    for (const lead of carded) {
      const link = this.#links.get(cardKey(lead));
      if (link) links.set(lead.id, link);
    }
    return links;
  }

  #remember(key: string, link: string): void {
    if (this.#links.size >= this.maxLinks) {
      const oldest = this.#links.keys().next().value;
      if (oldest !== undefined) this.#links.delete(oldest);
    }
    this.#links.set(key, link);
  }
}

/** The process's cache (permalinks are the same for every caller). */
export const cardLinkCache = new CardLinkCache();
