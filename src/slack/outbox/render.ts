import type { WorkspaceConfig } from '../../config/workspace-schema.js';
import type { AppContext } from '../../context.js';
import type { Database } from '../../db/client.js';
import { findLead, type LeadRow, setLeadCard } from '../../db/queries/leads.js';
import type { OutboxRow } from '../../db/queries/outbox.js';
import { setRetroParentTs } from '../../db/queries/retros.js';
import { setVocRoutedTs } from '../../db/queries/voc.js';
import { firstTouchDueAt } from '../../domain/business-time.js';
import { openStages } from '../../domain/open-leads.js';
import { messages } from '../../i18n/index.js';
import { IMPORT_SUMMARY_PURPOSE } from '../../services/lead-import.js';
import { OWNER_DM_PURPOSE } from '../../services/lead-notes.js';
import { RETRO_PARENT_PURPOSE } from '../../services/retro-writes.js';
import { SLA_PURPOSES } from '../../services/sla-notes.js';
import { type RecycleReopenedDm, STAGE_DM_PURPOSE } from '../../services/stage-notes.js';
import type { ThreadNote } from '../../services/thread-notes.js';
import { VOC_ROUTE_PURPOSE } from '../../services/voc.js';
import { workspaceKeyLabels } from '../blocks/key-labels.js';
import { type LeadCardOptions, leadCard, threadNoteText } from '../blocks/lead-card.js';
import { stageDmText } from '../blocks/stage-move.js';
import { isImportWrite, leadAnchor, recordImportSummary, renderImportWrite } from './import-render.js';
import { hasPendingOffer } from './offer-render.js';
import { renderOwnerDm } from './owner-dm-render.js';
import type { Prepared } from './prepared.js';
import { renderSlaWrite } from './sla-render.js';

type Ctx = Pick<AppContext, 'configs' | 'database'>;

/**
 * What the card shows beyond the lead row: a waiting offer, and the first-touch deadline while the
 * SLA clock runs (every routed lead for now; first-touch tracking will stop it once touched).
 */
async function cardOptions(ctx: Ctx, config: WorkspaceConfig, lead: LeadRow): Promise<LeadCardOptions> {
  const { sla, calendar, stages } = config;
  // A lead moved out of the open stages (lost, parked, won) has no first touch to wait for.
  const open = openStages(config).includes(lead.stage);
  return {
    pendingOffer: await hasPendingOffer(ctx, lead),
    // The stored due time; computed for leads that arrived before the clock was stored.
    dueAt: !open
      ? null
      : (lead.slaDueAt ?? (lead.routed ? firstTouchDueAt(lead.createdAt, sla, calendar) : null)),
    slaClock: sla.clock,
    stages: stages.working.map((s) => ({ key: s.key, label: s.label })),
    labels: workspaceKeyLabels(messages(config.locale), config),
  };
}

/**
 * Services queue intents (post the card, refresh it, add a note); this renders them when the
 * outbox delivers, so a card is never sent stale and Block Kit stays in the Slack layer.
 */
export function prepareWrite(ctx: Ctx) {
  return async (row: OutboxRow): Promise<Prepared> => {
    if (isImportWrite(row)) return renderImportWrite(ctx, row);
    if (!row.leadId || !row.purpose?.startsWith('lead_'))
      return { send: { channel: row.channel, args: row.args } };
    const found = await findLead(ctx.database.db, row.teamId, row.leadId);
    if (!found) return { drop: `lead ${row.leadId} no longer exists` };
    // A lead a bulk import brought in has no card: its thread lines go under the import's summary.
    const anchor = await leadAnchor(ctx, found);
    if (anchor === 'none' || (anchor?.summary && row.purpose === 'lead_card_update'))
      return { drop: `lead ${found.id} was imported without a card` };
    const lead = anchor?.summary ? { ...found, cardChannel: anchor.channel, cardTs: anchor.ts } : found;
    const config = ctx.configs.for(row.teamId);
    const t = messages(config.locale);
    switch (row.purpose) {
      case 'lead_card':
        return {
          send: {
            channel: row.channel,
            args: { ...leadCard(t, lead, await cardOptions(ctx, config, lead)), unfurl_links: false },
          },
        };
      case 'lead_card_update':
        if (!lead.cardTs || !lead.cardChannel) return { wait: 'the card has not been posted yet' };
        return {
          send: {
            channel: lead.cardChannel,
            args: { ...leadCard(t, lead, await cardOptions(ctx, config, lead)), ts: lead.cardTs },
          },
        };
      case 'lead_thread': {
        if (!lead.cardTs || !lead.cardChannel) return { wait: 'the card has not been posted yet' };
        const text = threadNoteText(t, row.args.note as ThreadNote, workspaceKeyLabels(t, config));
        return { send: { channel: lead.cardChannel, args: { text, thread_ts: lead.cardTs } } };
      }
      case OWNER_DM_PURPOSE:
        return renderOwnerDm(ctx, t, row, lead);
      case STAGE_DM_PURPOSE: {
        const dm = row.args.stageDm as RecycleReopenedDm | undefined;
        if (!dm) return { drop: 'stage DM without content' };
        return {
          send: {
            channel: row.channel,
            args: { text: stageDmText(t, lead, dm, workspaceKeyLabels(t, config)), unfurl_links: false },
          },
        };
      }
      default:
        if (SLA_PURPOSES.includes(row.purpose)) return renderSlaWrite(t, row, lead);
        return { drop: `unknown purpose ${row.purpose}` };
    }
  };
}

/** Remembers where a lead's card landed, so updates and thread notes can find it. */
export function recordSentWrite(database: Database) {
  return async (row: OutboxRow, ts: string): Promise<void> => {
    if (row.purpose === IMPORT_SUMMARY_PURPOSE) await recordImportSummary({ database }, row, ts);
    else if (row.purpose === 'lead_card' && row.leadId)
      await setLeadCard(database.db, row.leadId, row.channel, ts);
    else if (row.purpose === RETRO_PARENT_PURPOSE)
      await setRetroParentTs(database.db, row.teamId, Number(row.args.retroId), ts);
    else if (row.purpose === VOC_ROUTE_PURPOSE)
      await setVocRoutedTs(database.db, row.teamId, Number(row.args.entryId), row.channel, ts);
  };
}
