import type { LeadRow } from '../../db/queries/leads.js';
import type { OutboxRow } from '../../db/queries/outbox.js';
import type { Catalog } from '../../i18n/index.js';
import { SLA_DM_PURPOSE, SLA_ESCALATION_PURPOSE, type SlaMessage } from '../../services/sla-notes.js';
import { leadLabel } from '../blocks/lead-ownership.js';
import { mention } from '../mrkdwn.js';
import type { Prepared } from './prepared.js';

const channelLink = (id: string | null) => (id && /^[CG][A-Z0-9]+$/.test(id) ? `<#${id}>` : null);

/** The text of an SLA ladder message, in the workspace's language. */
export function slaMessageText(t: Catalog, lead: LeadRow, m: SlaMessage): string {
  const label = leadLabel(lead);
  const late = m.late ? t.sla.late : '';
  const card = channelLink(lead.cardChannel);
  const withCard = (text: string) => (card ? `${text} ${t.sla.cardIn(card)}` : text);
  const span = (n: number) => t.sla.span(n, m.clock);
  const owner = (id: string | null | undefined) => (id ? mention(id) : t.sla.nobody);
  switch (m.kind) {
    case 'nudge':
      return (
        (m.when === 'unclaimed'
          ? t.sla.nudgeUnclaimed(span(m.minutes))
          : t.sla.nudgeUntouched(span(m.minutes))) + late
      );
    case 'nudge_dm': {
      const text = m.watch
        ? m.when === 'unclaimed'
          ? t.sla.nudgeWatchUnclaimed(label, span(m.minutes))
          : t.sla.nudgeWatchUntouched(label, owner(m.ownerId), span(m.minutes))
        : m.when === 'unclaimed'
          ? t.sla.nudgeDmUnclaimed(label, span(m.minutes))
          : t.sla.nudgeDmUntouched(label, span(m.minutes));
      return withCard(text + late);
    }
    case 'warn_owner':
      return withCard(
        (m.watch
          ? t.sla.warnWatch(label, owner(m.ownerId), span(m.minutesLeft))
          : t.sla.warnOwner(label, span(m.minutesLeft))) + late,
      );
    case 'breach': {
      const overdue = m.overdueMinutes > 0 ? t.sla.overdue(span(m.overdueMinutes)) : '';
      return withCard(t.sla.breach(label, owner(m.ownerId), span(m.slaMinutes)) + overdue + late);
    }
    case 'reassigned':
      return (
        (m.to === null
          ? t.sla.reassignedNobody(span(m.minutes))
          : t.sla.reassigned(owner(m.from), mention(m.to), span(m.minutes))) + late
      );
    case 'reassigned_dm':
      return t.sla.reassignedDm(label, mention(m.to), span(m.minutes)) + late;
  }
}

/** Renders a queued SLA write (thread line, DM or escalations post) from the lead as it is now. */
export function renderSlaWrite(t: Catalog, row: OutboxRow, lead: LeadRow): Prepared {
  const message = row.args.sla as SlaMessage | undefined;
  if (!message) return { drop: 'SLA write without content' };
  const text = slaMessageText(t, lead, message);
  if (row.purpose === SLA_DM_PURPOSE || row.purpose === SLA_ESCALATION_PURPOSE)
    return { send: { channel: row.channel, args: { text, unfurl_links: false } } };
  if (!lead.cardTs || !lead.cardChannel) return { wait: 'the card has not been posted yet' };
  return { send: { channel: lead.cardChannel, args: { text, thread_ts: lead.cardTs } } };
}
