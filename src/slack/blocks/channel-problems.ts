import type { ChannelProblemKind } from '../../db/schema.js';
import type { Catalog } from '../../i18n/index.js';
import { type Block, context, header } from './common.js';
import { packedSections } from './sections.js';

export interface ChannelProblemLine {
  channel: string;
  problem: ChannelProblemKind;
  uses: string[];
}

const line = (t: Catalog, p: ChannelProblemLine) =>
  `• ${t.channels.problem[p.problem](p.channel)}${p.uses.length ? ` ${t.channels.usedFor(p.uses.join(', '))}` : ''}`;

/** The DM that tells an admin which configured channels need `/invite @Baton` or fixing. */
export function channelProblemsDm(
  t: Catalog,
  problems: ChannelProblemLine[],
): { text: string; blocks: Block[] } {
  const lines = problems.map((p) => line(t, p));
  const [first, ...rest] = lines;
  return {
    text: `${t.channels.dmTitle}\n${lines.join('\n')}`,
    // Every configured channel broken (20 segments, retro, VOC) is more than one section holds.
    blocks: [header(t.channels.dmTitle), ...packedSections(first ?? '', rest), context(t.channels.footer)],
  };
}

/** The same list as a notice at the top of an admin's Home, while any problem lasts. */
export function channelProblemsHome(t: Catalog, problems: ChannelProblemLine[]): Block[] {
  if (problems.length === 0) return [];
  return [
    ...packedSections(
      `*${t.channels.homeTitle}*`,
      problems.map((p) => line(t, p)),
    ),
    context(t.channels.footer),
  ];
}
