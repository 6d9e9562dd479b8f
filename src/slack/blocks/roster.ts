import type { MemberSummary } from '../../domain/members.js';
import type { Catalog } from '../../i18n/index.js';
import type { SellerStatus } from '../../services/roster-status.js';
import { mention, slackDate } from '../mrkdwn.js';
import { type Block, header, roleList, section, segmentList } from './common.js';
import type { KeyLabels } from './key-labels.js';
import { sellerStatusLine } from './seller-status.js';

// A section holds 3000 characters; one line per member stays well under that in chunks of 20.
const PER_SECTION = 20;
// With a status line per seller an entry is about twice as long.
const PER_SECTION_WITH_STATUS = 8;

export function rosterBlocks(
  t: Catalog,
  roster: Array<MemberSummary & { seller?: SellerStatus | null }>,
  labels?: KeyLabels,
): Block[] {
  if (roster.length === 0) return [section(t.roster.empty)];
  const lines = roster.map((m) => {
    const line = `${mention(m.userId)} — ${roleList(t, m.roles)} · ${segmentList(t, m.segments, labels)}`;
    if (m.seller) return `${line}\n${sellerStatusLine(t, m.seller)}`;
    if (!m.away) return line;
    return `${line} · :palm_tree: ${m.awayUntil ? t.roster.oooUntil(slackDate(m.awayUntil)) : t.roster.oooOpenEnded}`;
  });
  const blocks: Block[] = [header(t.roster.title(roster.length))];
  const per = roster.some((m) => m.seller) ? PER_SECTION_WITH_STATUS : PER_SECTION;
  for (let i = 0; i < lines.length; i += per) blocks.push(section(lines.slice(i, i + per).join('\n')));
  // Keep under Slack's 50-block message limit even for very large rosters.
  return blocks.slice(0, 50);
}
