import type { MemberSummary } from '../../domain/members.js';
import type { Catalog } from '../../i18n/index.js';
import type { SellerStatus } from '../../services/roster-status.js';
import { mention, slackDate } from '../mrkdwn.js';
import { type Block, header, roleList, section, segmentList } from './common.js';
import type { KeyLabels } from './key-labels.js';
import { packedSections } from './sections.js';
import { sellerStatusLine } from './seller-status.js';

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
  // Sections are packed by length: a member's line with many segments and a status runs long.
  const [first, ...rest] = lines;
  const blocks: Block[] = [header(t.roster.title(roster.length)), ...packedSections(first!, rest)];
  // Keep under Slack's 50-block message limit even for very large rosters.
  return blocks.slice(0, 50);
}
