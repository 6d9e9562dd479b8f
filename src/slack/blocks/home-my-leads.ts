import type { LeadRow } from '../../db/queries/leads.js';
import type { Catalog } from '../../i18n/index.js';
import type { MyPipeline, PipelineLead } from '../../services/home.js';
import { escapeMrkdwn, slackDate } from '../mrkdwn.js';
import { type Block, context, header, section } from './common.js';
import { type Links, leadRef } from './lead-lookup.js';
import { packedSections } from './sections.js';

/** Cadence labels come from the config; a long one must not crowd out the rest of the line. */
const LABEL_MAX = 60;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The lead's first-touch clock: due (or overdue), met, breached; nothing when it has no clock. */
function slaText(t: Catalog, lead: LeadRow, now: Date): string | null {
  const h = t.homeFunnel;
  if (lead.slaState === 'met') return h.slaMet;
  if (lead.slaState === 'breached') return h.slaBreached;
  if (lead.slaState === 'running' && lead.slaDueAt) {
    return (lead.slaDueAt.getTime() <= now.getTime() ? h.slaOverdue : h.slaDue)(slackDate(lead.slaDueAt));
  }
  return null;
}

function leadLine(t: Catalog, item: PipelineLead, links: Links, now: Date): string {
  const parts = [leadRef(item.lead, links)];
  const sla = slaText(t, item.lead, now);
  if (sla) parts.push(sla);
  const next = item.nextStep;
  if (next) {
    parts.push(
      t.homeFunnel.nextStep(next.day, escapeMrkdwn(clip(next.label, LABEL_MAX)), slackDate(next.dueAt)),
    );
  }
  return `• ${parts.join(' · ')}`;
}

/**
 * The seller's open leads on Home, grouped by stage: who (linked to the card when the link is
 * known), the SLA state and the next cadence step. The service caps the list; the rest is one
 * `/lead mine` away.
 */
export function homeMyLeadsBlocks(t: Catalog, pipeline: MyPipeline, links: Links, now: Date): Block[] {
  const h = t.homeFunnel;
  const blocks: Block[] = [header(h.myLeadsTitle(pipeline.total))];
  if (pipeline.total === 0) return [...blocks, section(h.myLeadsEmpty)];
  let shown = 0;
  for (const group of pipeline.stages) {
    shown += group.leads.length;
    blocks.push(
      ...packedSections(
        h.stageHeading(escapeMrkdwn(group.label), group.leads.length),
        group.leads.map((item) => leadLine(t, item, links, now)),
      ),
    );
  }
  if (pipeline.total > shown) blocks.push(context(h.more(pipeline.total - shown)));
  return blocks;
}
