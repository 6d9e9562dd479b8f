import type { types } from '@slack/bolt';
import type { Catalog } from '../../i18n/index.js';
import type { ClockItem, Listing, SlaBoard } from '../../services/sla-board.js';
import { mention, slackDate } from '../mrkdwn.js';
import { type Block, context, divider, header, section } from './common.js';
import { wholePercent } from './figures.js';
import { elapsedText, TOUCH_ACTION } from './first-touch.js';
import { leadRef } from './lead-lookup.js';
import { packedSections } from './sections.js';

/** Where a Log first touch button on the board sits; the lead id follows the colon. */
export const SLA_TOUCH_BLOCK = 'sla_touch';

const plain = (text: string) => ({ type: 'plain_text' as const, text });

/** `/sla …` usage lines, also listed by `/baton help`. */
export const slaUsageLines = (t: Catalog) => [
  `\`/sla\` — ${t.slaBoard.helpLine}`,
  `\`/sla help\` — ${t.slaBoard.helpCommand}`,
];

export function slaHelpBlocks(t: Catalog, unknown?: string): Block[] {
  return [
    header(t.slaBoard.helpTitle),
    ...(unknown ? [section(unknown)] : []),
    section(t.slaBoard.helpUsage),
    section(slaUsageLines(t).join('\n')),
    context(t.help.footer),
  ];
}

function more<T>(t: Catalog, list: Listing<T>): string[] {
  return list.total > list.items.length ? [t.slaBoard.more(list.total - list.items.length)] : [];
}

function leftText(t: Catalog, item: ClockItem, clock: SlaBoard['clock']): string {
  const minutes = Math.round(item.leftMinutes);
  return minutes < 0
    ? t.slaBoard.overdue(elapsedText(t, -minutes, clock))
    : t.slaBoard.left(elapsedText(t, minutes, clock));
}

/** A running clock with its Log first touch button. */
function clockBlock(t: Catalog, board: SlaBoard, item: ClockItem): Block {
  const left = leftText(t, item, board.clock);
  const due = slackDate(item.dueAt);
  const text =
    board.scope === 'team'
      ? t.slaBoard.runningTeamLine(mention(item.lead.ownerId ?? ''), leadRef(item.lead), left, due)
      : t.slaBoard.runningLine(leadRef(item.lead), left, due);
  return {
    type: 'section',
    block_id: `${SLA_TOUCH_BLOCK}:${item.lead.id}`,
    text: { type: 'mrkdwn', text },
    accessory: {
      type: 'button',
      action_id: TOUCH_ACTION,
      value: String(item.lead.id),
      text: plain(t.touch.button),
    },
  };
}

const bullets = (lines: string[]) => lines.map((l) => `• ${l}`).join('\n');

/**
 * The board as blocks: unclaimed leads, running clocks (each with Log first touch), and this
 * week's breaches — or, for the team, breaches and on-time first touches per seller. At most
 * 10 + 15 lead lines, so well under Slack's 50 blocks.
 */
export function slaBoardBlocks(t: Catalog, board: SlaBoard): Block[] {
  const s = t.slaBoard;
  const team = board.scope === 'team';
  const blocks: Block[] = [header(team ? s.teamTitle : s.title)];

  const unclaimed = board.unclaimed.items.map((item) =>
    s.unclaimedLine(
      leadRef(item.lead),
      elapsedText(t, item.ageMinutes, board.clock),
      item.dueAt ? slackDate(item.dueAt) : '—',
    ),
  );
  const unclaimedTitle = (team ? s.unclaimedTeam : s.unclaimedMine)(board.unclaimed.total);
  // Ten lead lines with long escaped names pass 3000 characters: packed by length.
  blocks.push(
    ...packedSections(unclaimedTitle, [
      ...(unclaimed.length ? unclaimed.map((l) => `• ${l}`) : [s.noneUnclaimed]),
      ...more(t, board.unclaimed),
    ]),
  );

  blocks.push(divider());
  const runningTitle = (team ? s.runningTeam : s.runningMine)(board.running.total);
  if (board.running.items.length === 0) {
    blocks.push(section(`${runningTitle}\n${team ? s.noneRunningTeam : s.noneRunning}`));
  } else {
    blocks.push(section(runningTitle));
    for (const item of board.running.items) blocks.push(clockBlock(t, board, item));
    for (const line of more(t, board.running)) blocks.push(context(line));
  }

  blocks.push(divider());
  if (team) {
    const { touched, met, breached } = board.totals;
    const rate = touched ? s.metRate(wholePercent(met / touched), met, touched) : s.metRateNone;
    const sellers = board.byOwner.map((o) =>
      s.sellerLine(o.ownerId ? mention(o.ownerId) : s.nobody, o.breached, o.met, o.touched),
    );
    blocks.push(
      section(
        `${s.weekTeam}\n${rate}\n${s.breachesBySeller(breached)}${sellers.length ? `\n${bullets(sellers.slice(0, 20))}` : ''}${sellers.length > 20 ? `\n${s.more(sellers.length - 20)}` : ''}`,
      ),
    );
  } else {
    const lines = board.breaches.items.map((b) => `• ${s.breachLine(leadRef(b.lead), slackDate(b.dueAt))}`);
    blocks.push(
      ...packedSections(s.breachesMine(board.breaches.total), [
        ...(lines.length ? lines : [s.noneBreaches]),
        ...more(t, board.breaches),
      ]),
    );
  }
  blocks.push(context((board.clock === 'always' ? s.clockAlways : s.clockBusiness)(board.slaMinutes)));
  return blocks;
}

/** A small modal that only tells something (a refusal on a Home button, where there is no message to answer). */
export function noticeModal(t: Catalog, title: string, text: string): types.ModalView {
  return {
    type: 'modal',
    title: plain(title.slice(0, 24)),
    close: plain(t.slaBoard.ok),
    blocks: [section(text)],
  };
}
