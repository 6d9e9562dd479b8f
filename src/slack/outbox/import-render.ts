import type { AppContext } from '../../context.js';
import {
  countImportOutcomes,
  findImport,
  findImportSummary,
  listImportedLeads,
  saveImportSummary,
} from '../../db/queries/lead-imports.js';
import type { LeadRow } from '../../db/queries/leads.js';
import type { OutboxRow } from '../../db/queries/outbox.js';
import { messages } from '../../i18n/index.js';
import { IMPORT_DM_PURPOSE, IMPORT_SUMMARY_PURPOSE } from '../../services/lead-import.js';
import { workspaceKeyLabels } from '../blocks/key-labels.js';
import { importDmMessage, importSummaryMessage } from '../blocks/lead-import.js';
import type { Prepared } from './prepared.js';

type Ctx = Pick<AppContext, 'configs' | 'database'>;

export const isImportWrite = (row: OutboxRow) =>
  row.purpose === IMPORT_SUMMARY_PURPOSE || row.purpose === IMPORT_DM_PURPOSE;

/** Renders an import's summary or seller DM from the leads as they are when it is sent. */
export async function renderImportWrite(ctx: Ctx, row: OutboxRow): Promise<Prepared> {
  const { db } = ctx.database;
  const importId = Number(row.args.importId);
  const started = await findImport(db, row.teamId, importId);
  if (!started) return { drop: `import ${importId} no longer exists` };
  const config = ctx.configs.for(row.teamId);
  const t = messages(config.locale);
  if (row.purpose === IMPORT_DM_PURPOSE) {
    const userId = String(row.args.userId);
    const leads = await listImportedLeads(db, row.teamId, importId, { ownerId: userId });
    if (leads.length === 0) return { drop: `import ${importId} left ${userId} no leads` };
    return {
      send: { channel: row.channel, args: { ...importDmMessage(t, importId, leads), unfurl_links: false } },
    };
  }
  const segment = String(row.args.segment);
  const leads = (await listImportedLeads(db, row.teamId, importId, { segment })).filter((l) => l.routed);
  const message = importSummaryMessage(t, {
    importId,
    segmentLabel: workspaceKeyLabels(t, config).segment(segment),
    source: started.source,
    importedBy: started.importedBy,
    leads,
    counts: await countImportOutcomes(db, importId),
  });
  return { send: { channel: row.channel, args: { ...message, unfurl_links: false } } };
}

/** Remembers where a segment's summary landed: its imported leads' thread notes go under it. */
export async function recordImportSummary(
  ctx: Pick<Ctx, 'database'>,
  row: OutboxRow,
  ts: string,
): Promise<void> {
  await saveImportSummary(ctx.database.db, {
    importId: Number(row.args.importId),
    segment: String(row.args.segment),
    channel: row.channel,
    ts,
  });
}

/**
 * Where a lead's card-bound writes go: its card, or for a lead a bulk import brought in without
 * one, its segment's import summary. Undefined: nothing to write to yet.
 */
export async function leadAnchor(
  ctx: Pick<Ctx, 'database'>,
  lead: LeadRow,
): Promise<{ channel: string; ts: string; summary: boolean } | 'none' | undefined> {
  if (lead.cardTs && lead.cardChannel) return { channel: lead.cardChannel, ts: lead.cardTs, summary: false };
  if (lead.importId === null) return undefined;
  const summary = await findImportSummary(ctx.database.db, lead.importId, lead.segment);
  return summary ? { ...summary, summary: true } : 'none';
}
