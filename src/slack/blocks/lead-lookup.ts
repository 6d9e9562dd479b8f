import type { LeadRow } from '../../db/queries/leads.js';
import type { Catalog } from '../../i18n/index.js';
import type { MyLeads } from '../../services/lead-desk.js';
import { escapeMrkdwn, mention, slackDate } from '../mrkdwn.js';
import { type Block, context, divider, header, section } from './common.js';
import { escapedWithin } from './fit.js';
import { type KeyLabels, keyLabels } from './key-labels.js';
import { packedSections } from './sections.js';

/** The most of a search a reply quotes back (escaped): a pasted paragraph is not echoed whole. */
const QUERY_MAX = 200;

/** Card permalinks by lead id; a lead without one has no card (yet). */
export type Links = ReadonlyMap<number, string>;

/** The /lead subcommands, in the order help lists them. */
export const LEAD_USAGE: Array<[keyof Catalog['lead']['usage'], string]> = [
  ['new', '/lead new'],
  ['import', '/lead import'],
  ['find', '/lead <email | company | id>'],
  ['mine', '/lead mine'],
  ['touch', '/lead touch <id | email> [call | email | meeting | other] [note]'],
  ['stage', '/lead <id | email> stage <stage> [amount [currency]] [reason] [revisit YYYY-MM-DD]'],
  ['help', '/lead help'],
];

/** `/lead …` usage lines, also listed by `/baton help`. */
export const leadUsageLines = (t: Catalog) =>
  LEAD_USAGE.map(([key, usage]) => `\`${escapeMrkdwn(usage)}\` — ${t.lead.usage[key]}`);

export function leadHelpBlocks(t: Catalog): Block[] {
  return [header(t.lead.helpTitle), section(leadUsageLines(t).join('\n')), context(t.help.footer)];
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The lead's name (or email, or id) as escaped mrkdwn text. */
const who = (lead: LeadRow) => escapeMrkdwn(clip(lead.name ?? lead.email ?? `#${lead.id}`, 80));

/** `#12 *Kim Minji* (Acme)`, linked to the card when there is one. */
export function leadRef(lead: LeadRow, links?: Links): string {
  const company = lead.company ? ` (${escapeMrkdwn(clip(lead.company, 80))})` : '';
  const link = links?.get(lead.id);
  const name = link ? `<${link}|${who(lead)}>` : `*${who(lead)}*`;
  return `#${lead.id} ${name}${company}`;
}

const owner = (t: Catalog, lead: LeadRow) => (lead.ownerId ? mention(lead.ownerId) : t.lead.unowned);

/** One line in a list: who, stage, owner (unless listing one person's leads), when it arrived. */
function leadLine(t: Catalog, lead: LeadRow, links: Links, withOwner = true): string {
  const parts = [leadRef(lead, links), escapeMrkdwn(lead.stage)];
  if (withOwner) parts.push(owner(t, lead));
  return `• ${parts.join(' · ')} · ${t.lead.arrived(slackDate(lead.createdAt))}`;
}

const field = (label: string, value: string) => ({ type: 'mrkdwn' as const, text: `*${label}*\n${value}` });

/** Nothing found: say so, how to search, and (for what may be a mistyped subcommand) the help. */
export function noMatchBlocks(
  t: Catalog,
  query: string,
  withHelp: boolean,
): { text: string; blocks: Block[] } {
  const text = `${t.lead.noMatch(escapedWithin(query, QUERY_MAX))} ${t.lead.searchHint}`;
  return { text, blocks: [section(text), ...(withHelp ? leadHelpBlocks(t) : [])] };
}

/** One lead in full: who, where it stands, and a link to its card. */
export function leadSummary(
  t: Catalog,
  lead: LeadRow,
  links: Links,
  labels: KeyLabels = keyLabels(t),
): { text: string; blocks: Block[] } {
  return {
    text: `${leadRef(lead)} · ${escapeMrkdwn(lead.stage)}`,
    blocks: leadSummaryBlocks(t, lead, links, labels),
  };
}

function leadSummaryBlocks(t: Catalog, lead: LeadRow, links: Links, labels: KeyLabels): Block[] {
  const title = lead.title ? `\n${escapeMrkdwn(clip(lead.title, 140))}` : '';
  const fields = [
    field(t.lead.company, lead.company ? escapeMrkdwn(clip(lead.company, 140)) : '—'),
    field(t.lead.stage, escapeMrkdwn(lead.stage)),
    field(t.lead.owner, owner(t, lead)),
    field(t.lead.segment, escapeMrkdwn(labels.segment(lead.segment))),
    field(t.lead.source, escapeMrkdwn(labels.source(lead.source))),
    field(t.lead.score, String(lead.score)),
    field(t.lead.arrivedLabel, slackDate(lead.createdAt)),
  ];
  if (lead.email) fields.push(field(t.lead.email, escapeMrkdwn(lead.email)));
  const link = links.get(lead.id);
  return [
    {
      type: 'section',
      block_id: `lead_summary:${lead.id}`,
      text: { type: 'mrkdwn', text: `#${lead.id} *${who(lead)}*${title}` },
      fields,
    },
    context(link ? `:link: <${link}|${t.lead.openCard}>` : t.lead.noCard),
  ];
}

/** Several matches: a short list, newest first. */
export function leadListBlocks(
  t: Catalog,
  query: string,
  leads: LeadRow[],
  more: boolean,
  links: Links,
): Block[] {
  // A line with an escaped name and company can pass 800 characters: sections are packed by length.
  const blocks = packedSections(
    t.lead.matches(leads.length, escapedWithin(query, QUERY_MAX)),
    leads.map((l) => leadLine(t, l, links)),
  );
  if (more) blocks.push(context(t.lead.moreMatches(leads.length)));
  return blocks;
}

/** `/lead mine`: open leads grouped by stage. */
export function myLeadsBlocks(t: Catalog, mine: MyLeads, links: Links): Block[] {
  const count = mine.stages.reduce((n, g) => n + g.leads.length, 0);
  if (count === 0) return [section(t.lead.mineEmpty)];
  const blocks: Block[] = [header(t.lead.mineTitle(count))];
  for (const group of mine.stages) {
    blocks.push(divider());
    blocks.push(
      ...packedSections(
        t.lead.stageCount(escapeMrkdwn(group.stage), group.leads.length),
        group.leads.map((l) => leadLine(t, l, links, false)),
      ),
    );
  }
  if (mine.more) blocks.push(context(t.lead.mineMore(count)));
  // Slack allows 50 blocks in a message; MINE_LIMIT keeps well under it.
  return blocks.slice(0, 50);
}
