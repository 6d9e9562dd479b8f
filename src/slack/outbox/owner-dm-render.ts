import type { AppContext } from '../../context.js';
import { recentLeadContexts } from '../../db/queries/lead-contexts.js';
import type { LeadRow } from '../../db/queries/leads.js';
import type { OutboxRow } from '../../db/queries/outbox.js';
import type { Catalog } from '../../i18n/index.js';
import type { OwnerDm } from '../../services/lead-notes.js';
import { ownerDmText } from '../blocks/owner-dm.js';
import type { Prepared } from './prepared.js';

/** How many of a lead's newest marketer contexts the DM to its new owner repeats. */
const CONTEXTS_IN_DM = 3;

/** Renders a queued DM to a lead's owner (purpose `lead_owner_dm`) from the lead as it is now. */
export async function renderOwnerDm(
  ctx: Pick<AppContext, 'database'>,
  t: Catalog,
  row: OutboxRow,
  lead: LeadRow,
): Promise<Prepared> {
  const dm = row.args.dm as OwnerDm | undefined;
  if (!dm) return { drop: 'owner DM without content' };
  const recent =
    dm.kind === 'assigned'
      ? await recentLeadContexts(ctx.database.db, lead.teamId, lead.id, CONTEXTS_IN_DM)
      : [];
  return {
    send: { channel: row.channel, args: { text: ownerDmText(t, lead, dm, recent), unfurl_links: false } },
  };
}
