import type { WebClient } from '@slack/web-api';
import type { AppContext } from '../../context.js';
import { findActionItem } from '../../db/queries/action-items.js';
import { findWriteByKey, type OutboxRow } from '../../db/queries/outbox.js';
import { findRetro, type RetroRow } from '../../db/queries/retros.js';
import { messages } from '../../i18n/index.js';
import { ACTION_DM_PURPOSE, ACTION_DM_UPDATE_PURPOSE, actionDmKey } from '../../services/retro-actions.js';
import { actionItemDm, answeredActionItemDm, retroRef } from '../blocks/action-items.js';
import type { Prepared } from './prepared.js';

type Ctx = Pick<AppContext, 'configs' | 'database'>;

/** A link to the retro's thread, when its parent is posted and Slack gives one. */
async function threadLink(client: WebClient, retro: RetroRow): Promise<string | undefined> {
  if (!retro.parentTs) return undefined;
  try {
    const res = await client.chat.getPermalink({ channel: retro.channel, message_ts: retro.parentTs });
    return res.permalink;
  } catch {
    // The DM still names the retro; only the link is missing.
    return undefined;
  }
}

/**
 * Renders the action-item writes at delivery, ahead of `next`: the owner's DM with Done / Drop
 * (already answered by then: without buttons), and its edit once answered (editing a DM needs its
 * conversation id, hence conversations.open, as for cadence reminders).
 */
export function withActionItemWrites(
  ctx: Ctx,
  client: WebClient,
  next: (row: OutboxRow) => Promise<Prepared>,
) {
  return async (row: OutboxRow): Promise<Prepared> => {
    if (row.purpose !== ACTION_DM_PURPOSE && row.purpose !== ACTION_DM_UPDATE_PURPOSE) return next(row);
    const { db } = ctx.database;
    const item = await findActionItem(db, row.teamId, { id: Number(row.args.itemId) });
    if (!item) return { drop: `action item ${String(row.args.itemId)} no longer exists` };
    const retro = await findRetro(db, row.teamId, item.firstRetroId);
    if (!retro) return { drop: `retro ${item.firstRetroId} no longer exists` };
    const t = messages(ctx.configs.for(row.teamId).locale);

    if (row.purpose === ACTION_DM_PURPOSE) {
      const ref = retroRef(t, retro.periodKey, await threadLink(client, retro));
      const dm = item.status === 'open' ? actionItemDm(t, item, ref) : answeredActionItemDm(t, item, ref);
      return { send: { channel: row.channel, args: { ...dm, unfurl_links: false } } };
    }
    const posted = await findWriteByKey(db, row.teamId, actionDmKey(item.id));
    if (!posted || posted.status === 'dead') return { drop: 'the action item DM was never delivered' };
    if (!posted.resultTs) return { wait: 'the action item DM has not been delivered yet' };
    const opened = await client.conversations.open({ users: row.channel });
    const channel = opened.channel?.id;
    if (!channel) return { wait: `no DM conversation with ${row.channel}` };
    const ref = retroRef(t, retro.periodKey, await threadLink(client, retro));
    return { send: { channel, args: { ...answeredActionItemDm(t, item, ref), ts: posted.resultTs } } };
  };
}
