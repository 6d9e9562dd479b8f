import type { WebClient } from '@slack/web-api';
import type { SlaClock } from '../../config/workspace/constants.js';
import type { AppContext } from '../../context.js';
import { findWriteByKey, type OutboxRow } from '../../db/queries/outbox.js';
import { isPlaybookPart, isWeeklyPart } from '../../domain/retro-thread.js';
import { type Catalog, messages } from '../../i18n/index.js';
import { RetroService, type RetroView, retroParentKey } from '../../services/retro.js';
import {
  RETRO_NUDGE_PURPOSE,
  RETRO_PARENT_PURPOSE,
  RETRO_PARENT_UPDATE_PURPOSE,
  RETRO_REPLY_PURPOSE,
} from '../../services/retro-writes.js';
import { type KeyLabels, workspaceKeyLabels } from '../blocks/key-labels.js';
import { playbookParent, playbookReply } from '../blocks/playbook.js';
import { retroNudge, weeklyParent } from '../blocks/retro.js';
import type { SlackMessage } from '../blocks/retro-format.js';
import { weeklyReply } from '../blocks/retro-replies.js';
import type { Prepared } from './prepared.js';

type Ctx = Pick<AppContext, 'configs' | 'database'>;

const PURPOSES: ReadonlySet<string> = new Set([
  RETRO_PARENT_PURPOSE,
  RETRO_PARENT_UPDATE_PURPOSE,
  RETRO_REPLY_PURPOSE,
  RETRO_NUDGE_PURPOSE,
]);

/**
 * Renders the retro writes at delivery, ahead of `next`, from the retro as it is then: the parent
 * (and its edits, so several queued refreshes all show the latest state), the thread's replies and
 * the nudge DMs. Replies, edits and nudges wait until the parent is posted.
 */
export function withRetroWrites(ctx: Ctx, client: WebClient, next: (row: OutboxRow) => Promise<Prepared>) {
  const retros = new RetroService(ctx.database, ctx.configs);

  const parentMessage = (t: Catalog, view: RetroView): SlackMessage =>
    view.kind === 'weekly' ? weeklyParent(t, view) : playbookParent(t, view.snapshot);

  const replyMessage = (
    t: Catalog,
    options: { clock: SlaClock; labels: KeyLabels },
    view: RetroView,
    part: unknown,
  ): SlackMessage | undefined => {
    if (view.kind === 'weekly')
      return isWeeklyPart(part) ? weeklyReply(t, part, view.snapshot, options) : undefined;
    return isPlaybookPart(part) ? playbookReply(t, part, view.snapshot, options) : undefined;
  };

  /** Why the write cannot go yet (the parent is not posted), or that it never will (the parent failed). */
  const notPosted = async (row: OutboxRow, retroId: number): Promise<Prepared> => {
    const parent = await findWriteByKey(ctx.database.db, row.teamId, retroParentKey(retroId));
    return parent?.status === 'dead'
      ? { drop: 'the retro parent message was never posted' }
      : { wait: 'the retro parent message has not been posted yet' };
  };

  return async (row: OutboxRow): Promise<Prepared> => {
    if (!row.purpose || !PURPOSES.has(row.purpose)) return next(row);
    const retroId = Number(row.args.retroId);
    // The workspace's configuration when the write is delivered: its language and SLA clock.
    const config = ctx.configs.for(row.teamId);
    const t = messages(config.locale);
    const options = { clock: config.sla.clock, labels: workspaceKeyLabels(t, config) };
    const view = await retros.view(row.teamId, retroId);
    if (!view) return { drop: `retro ${row.args.retroId} no longer exists` };
    const { channel, parentTs } = view.retro;

    if (row.purpose === RETRO_PARENT_PURPOSE)
      return { send: { channel, args: { ...parentMessage(t, view), unfurl_links: false } } };
    if (!parentTs) return notPosted(row, retroId);

    switch (row.purpose) {
      case RETRO_PARENT_UPDATE_PURPOSE:
        return { send: { channel, args: { ...parentMessage(t, view), ts: parentTs } } };
      case RETRO_REPLY_PURPOSE: {
        const reply = replyMessage(t, options, view, row.args.part);
        if (!reply) return { drop: `no reply part "${String(row.args.part)}" in a ${view.kind} retro` };
        return { send: { channel, args: { ...reply, thread_ts: parentTs, unfurl_links: false } } };
      }
      default: {
        // A nudge: not needed any more once the person has replied.
        if (await retros.hasReplied(row.teamId, retroId, row.channel))
          return { drop: 'the person has replied in the retro thread since' };
        const link = await client.chat.getPermalink({ channel, message_ts: parentTs });
        return {
          send: {
            channel: row.channel,
            args: { ...retroNudge(t, view.retro.periodKey, link.permalink), unfurl_links: false },
          },
        };
      }
    }
  };
}
