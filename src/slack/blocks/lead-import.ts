/** The messages of a bulk import: one summary per segment in its channel, one DM per seller. */
import type { ImportedLead } from '../../db/queries/lead-imports.js';
import type { Catalog } from '../../i18n/index.js';
import type { ImportCounts } from '../../services/lead-import.js';
import { escapeMrkdwn, mention, slackDate } from '../mrkdwn.js';
import { type Block, context, section } from './common.js';
import { escapedWithin } from './fit.js';
import { lineSections } from './sections.js';

/** Leads listed by name in a summary (the rest are counted); each seller's DM lists theirs. */
export const SUMMARY_LISTED = 20;
export const DM_LISTED = 40;
const NAME_CHARS = 40;

/** "#12 Jane Doe (Acme)": id, name or email, company; escaped and clipped. */
export function importedLeadLine(lead: ImportedLead): string {
  const who = escapedWithin(lead.name ?? lead.email ?? '', NAME_CHARS);
  const company = lead.company ? ` (${escapedWithin(lead.company, NAME_CHARS)})` : '';
  return `#${lead.id} ${who}${company}`;
}

export interface ImportSummary {
  importId: number;
  segmentLabel: string;
  source: string | null;
  importedBy: string | null;
  /** The segment's routed leads from this import. */
  leads: ImportedLead[];
  counts: ImportCounts;
}

export function importSummaryMessage(t: Catalog, s: ImportSummary): { text: string; blocks: Block[] } {
  const tl = t.leadImport;
  const segment = escapeMrkdwn(s.segmentLabel);
  const owners = new Map<string, number>();
  let unassigned = 0;
  for (const lead of s.leads) {
    if (lead.ownerId) owners.set(lead.ownerId, (owners.get(lead.ownerId) ?? 0) + 1);
    else unassigned++;
  }
  const shares = [...owners].map(([id, n]) => `${mention(id)} ${n}`);
  if (unassigned > 0) shares.push(tl.unassigned(unassigned));
  const listed = s.leads.slice(0, SUMMARY_LISTED).map(importedLeadLine);
  const rest = s.leads.length - listed.length;
  const by = s.importedBy ? mention(s.importedBy) : null;
  return {
    text: tl.summaryText(s.leads.length, s.segmentLabel),
    blocks: [
      section(tl.summaryTitle(s.leads.length, segment, s.importId)),
      context(tl.summaryFrom(escapeMrkdwn(s.source ?? '—'), by)),
      section(tl.whoGotWhat(shares.join(' · '))),
      ...lineSections(listed),
      ...(rest > 0 ? [context(tl.more(rest))] : []),
      context(tl.fileCounts(s.counts.stored, s.counts.duplicate, s.counts.invalid)),
    ],
  };
}

export function importDmMessage(
  t: Catalog,
  importId: number,
  leads: ImportedLead[],
): { text: string; blocks: Block[] } {
  const tl = t.leadImport;
  const lines = leads
    .slice(0, DM_LISTED)
    .map((l) => `${importedLeadLine(l)} — ${l.slaDueAt ? tl.due(slackDate(l.slaDueAt)) : tl.noSla}`);
  const rest = leads.length - lines.length;
  return {
    text: tl.dmText(leads.length, importId),
    blocks: [
      section(tl.dmTitle(leads.length, importId)),
      ...lineSections(lines),
      ...(rest > 0 ? [context(tl.dmMore(rest))] : []),
    ],
  };
}
