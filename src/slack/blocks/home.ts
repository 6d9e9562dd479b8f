import type { types } from '@slack/bolt';
import type { MemberSummary } from '../../domain/members.js';
import { isManager, isSeller } from '../../domain/roles.js';
import type { Catalog } from '../../i18n/index.js';
import { mention, slackDate } from '../mrkdwn.js';
import { type Block, context, divider, header, roleList, section, segmentList } from './common.js';
import type { KeyLabels } from './key-labels.js';

function tips(t: Catalog, roles: string[]): string[] {
  const out: string[] = [];
  if (isSeller(roles)) out.push(t.home.sellerTip);
  if (roles.includes('marketer')) out.push(t.home.marketerTip);
  if (isManager(roles)) out.push(t.home.managerTip);
  if (roles.includes('cs')) out.push(t.home.csTip);
  return out;
}

/** App Home for someone on the roster; `parts` (SLA board, own leads, team funnel) follow the greeting. */
export function memberHome(
  t: Catalog,
  member: MemberSummary,
  parts: Block[][] = [],
  labels?: KeyLabels,
): types.HomeView {
  const blocks: Block[] = [
    section(
      `${t.home.greeting(mention(member.userId))}\n${t.home.rosterLine(roleList(t, member.roles), segmentList(t, member.segments, labels))}`,
    ),
  ];
  if (member.away) {
    blocks.push(
      section(
        member.awayUntil ? t.home.outOfOffice(slackDate(member.awayUntil)) : t.home.outOfOfficeOpenEnded,
      ),
    );
  }
  for (const part of parts) blocks.push(...part, divider());
  for (const tip of tips(t, member.roles)) blocks.push(section(tip));
  blocks.push(context(t.home.commandsHint));
  return { type: 'home', blocks };
}

/** App Home for someone Baton does not know yet: how to get added, and by whom. */
export function strangerHome(t: Catalog, userId: string, adminIds: string[]): types.HomeView {
  const admins = adminIds.length ? adminIds.map(mention).join(', ') : t.home.anAdmin;
  return {
    type: 'home',
    blocks: [
      header(t.home.notOnRosterTitle),
      section(`${t.home.greeting(mention(userId))}\n${t.home.notOnRoster(userId, admins)}`),
      context(t.home.commandsHint),
    ],
  };
}
