import type { WebClient } from '@slack/web-api';
import type { AppContext } from '../../context.js';
import { findLead } from '../../db/queries/leads.js';
import { findWriteByKey, type OutboxRow } from '../../db/queries/outbox.js';
import { findVocEntry } from '../../db/queries/voc.js';
import { messages } from '../../i18n/index.js';
import { VOC_ROUTE_PURPOSE, VOC_ROUTE_UPDATE_PURPOSE } from '../../services/voc.js';
import { vocMovedPost, vocPost } from '../blocks/voc.js';
import type { Prepared } from './prepared.js';

type Ctx = Pick<AppContext, 'configs' | 'database'>;

/**
 * Renders the reverse-flow posts at delivery, ahead of `next`, from the entry as it is then: the
 * post in its category's channel, and edits of that post (the entry changed, or moved elsewhere).
 */
export function withVocWrites(ctx: Ctx, _client: WebClient, next: (row: OutboxRow) => Promise<Prepared>) {
  return async (row: OutboxRow): Promise<Prepared> => {
    if (row.purpose !== VOC_ROUTE_PURPOSE && row.purpose !== VOC_ROUTE_UPDATE_PURPOSE) return next(row);
    const { db } = ctx.database;
    const entryId = Number(row.args.entryId);
    const entry = await findVocEntry(db, row.teamId, entryId);
    if (!entry) return { drop: `VOC entry ${entryId} no longer exists` };
    const t = messages(ctx.configs.for(row.teamId).locale);
    const here = entry.routedChannel === row.channel;
    const content = async () => {
      if (!here) return vocMovedPost(t, entry, entry.routedChannel);
      const lead = entry.leadId ? await findLead(db, row.teamId, entry.leadId) : undefined;
      return vocPost(t, entry, lead);
    };

    if (row.purpose === VOC_ROUTE_PURPOSE) {
      // It moved to another category before this post went out: there is nothing to say here.
      if (!here) return { drop: 'the VOC entry moved to another channel before its post went out' };
      return { send: { channel: row.channel, args: { ...(await content()), unfurl_links: false } } };
    }
    const posted = await findWriteByKey(db, row.teamId, String(row.args.postKey));
    if (!posted || posted.status === 'dead') return { drop: 'the VOC post to edit was never delivered' };
    if (!posted.resultTs) return { wait: 'the VOC post has not been delivered yet' };
    return { send: { channel: row.channel, args: { ...(await content()), ts: posted.resultTs } } };
  };
}
