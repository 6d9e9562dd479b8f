import type { LeadContextRow } from '../../db/queries/lead-contexts.js';
import type { LeadRow } from '../../db/queries/leads.js';
import type { Catalog } from '../../i18n/index.js';
import type { OwnerDm } from '../../services/lead-notes.js';
import { mention } from '../mrkdwn.js';
import { contextFieldsText, contextNoteText } from './lead-context.js';
import { leadLabel, quote } from './lead-ownership.js';

const channelLink = (id: string | null) => (id && /^[CG][A-Z0-9]+$/.test(id) ? `<#${id}>` : null);

/**
 * A DM to a lead's (new or former) owner. `recent` is the lead's newest marketer context, shown
 * to someone just given the lead so they start with what marketing knows.
 */
export function ownerDmText(t: Catalog, lead: LeadRow, dm: OwnerDm, recent: LeadContextRow[]): string {
  const label = leadLabel(lead);
  const card = channelLink(lead.cardChannel);
  const lines: string[] = [];
  switch (dm.kind) {
    case 'assigned':
      lines.push(t.ownership.dmAssigned(mention(dm.by), label));
      if (dm.reason) lines.push(`>${t.ownership.reasonLine(quote(dm.reason))}`);
      if (card) lines.push(t.ownership.dmCardIn(card));
      if (recent.length) {
        lines.push('', t.ownership.dmContextHeading(recent.length));
        for (const c of recent) lines.push(contextNoteText(t, c.authorId, c));
      }
      break;
    case 'unassigned':
      lines.push(
        dm.to === null
          ? t.ownership.dmReleased(mention(dm.by), label)
          : t.ownership.dmUnassigned(mention(dm.by), label, mention(dm.to)),
      );
      break;
    case 'context_added':
      lines.push(t.leadContext.dmHeading(mention(dm.by), label), contextFieldsText(t, dm.context));
      if (card) lines.push(t.ownership.dmCardIn(card));
      break;
  }
  return lines.join('\n');
}
