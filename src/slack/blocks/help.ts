import type { Catalog } from '../../i18n/index.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { type Block, context, divider, header, section } from './common.js';
import { funnelUsageLines } from './funnel.js';
import { leadUsageLines } from './lead-lookup.js';
import { slaUsageLines } from './sla-board.js';
import { vocUsageLines } from './voc.js';

/** The /baton subcommands, in the order help lists them. */
const USAGE: Array<[keyof Catalog['help']['commands'], string]> = [
  ['help', '/baton help'],
  ['roster', '/baton roster [add | remove | set @person …]'],
  ['ooo', '/baton ooo [YYYY-MM-DD]'],
  ['back', '/baton back'],
  ['settings', '/baton settings [retro-dms on|off]'],
  ['webhooks', '/baton webhooks'],
];

export function helpBlocks(t: Catalog): Block[] {
  const lines = USAGE.map(([key, usage]) => `\`${usage}\` — ${t.help.commands[key]}`);
  lines.push(`\`/baton config history | restore &lt;n&gt; | export\` — ${escapeMrkdwn(t.config.help)}`);
  return [
    header(t.help.title),
    section(t.help.intro),
    divider(),
    section(`${t.help.commandsHeading}\n${lines.join('\n')}`),
    section(`${t.lead.helpHeading}\n${leadUsageLines(t).join('\n')}`),
    section(slaUsageLines(t).join('\n')),
    // Usage placeholders such as <deals> would read as Slack links unescaped.
    section(escapeMrkdwn(funnelUsageLines(t).join('\n'))),
    section(vocUsageLines(t).join('\n')),
    context(t.help.footer),
  ];
}
