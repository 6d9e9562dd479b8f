/**
 * The outbox purposes of the retro's Slack writes, and the one write every retro change needs:
 * editing the parent message in place (rendered at delivery from the retro as it is then, so
 * several queued refreshes all show the latest state).
 */
import type { Queryable } from '../db/client.js';
import { enqueueSlackWrite } from '../db/queries/outbox.js';

/** The parent message of a weekly retro or a monthly review (args: { retroId }). */
export const RETRO_PARENT_PURPOSE = 'retro_parent';
/** An edit of the parent (args: { retroId }). */
export const RETRO_PARENT_UPDATE_PURPOSE = 'retro_parent_update';
/** A reply in the retro's thread (args: { retroId, part }). */
export const RETRO_REPLY_PURPOSE = 'retro_reply';
/** A nudge DM (args: { retroId }); channel = the person's user id. */
export const RETRO_NUDGE_PURPOSE = 'retro_nudge';

/** Queues an edit of the retro's parent message; call it in the transaction that changed the retro. */
export async function queueParentRefresh(
  q: Queryable,
  retro: { teamId: string; id: number; channel: string },
  now: Date,
): Promise<void> {
  await enqueueSlackWrite(
    q,
    {
      teamId: retro.teamId,
      method: 'chat.update',
      channel: retro.channel,
      args: { retroId: retro.id },
      purpose: RETRO_PARENT_UPDATE_PURPOSE,
    },
    now,
  );
}
