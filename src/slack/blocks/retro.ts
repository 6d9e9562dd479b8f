/**
 * The weekly retro's parent message (kept up to date by editing it) and the nudge DM. The replies
 * are in retro-replies.ts, the monthly review in playbook.ts.
 */
import type { Role } from '../../domain/roles.js';
import type { Catalog } from '../../i18n/index.js';
import type { WeeklyParentView } from '../../services/retro.js';
import { escapeMrkdwn, mention } from '../mrkdwn.js';
import { actionItemLine } from './action-items.js';
import { type Block, context, divider, header, section } from './common.js';
import { changeCell, count, percent } from './funnel.js';
import { listText, name, periodDates, type SlackMessage } from './retro-format.js';
import { ADD_ACTION_ITEM_ACTION } from './retro-ids.js';

/** The headline figures: the first stage's cohort, deals, SLA and VOC of the reviewed week. */
function headline(t: Catalog, view: WeeklyParentView): string {
  const { funnel, deals, speed, voc } = view.snapshot;
  const first = funnel.stages[0];
  return [
    ...(first ? [`*${name(first.label)}* ${count(t, first.count)} (${changeCell(t, first)})`] : []),
    t.retro.headlineWon(count(t, deals.won), deals.winRate === null ? t.funnel.none : percent(deals.winRate)),
    speed.withinSla === null ? t.funnel.noSlaDecided : t.retro.headlineSla(percent(speed.withinSla)),
    t.retro.headlineVoc(count(t, voc.total)),
  ].join(' · ');
}

function participationSoFar(t: Catalog, view: WeeklyParentView): string {
  const p = view.participation;
  return p.total === 0 ? t.retro.noParticipants : t.retro.participationSoFar(p.took, p.total, view.notes);
}

const itemLines = (t: Catalog, view: WeeklyParentView) => view.items.map((item) => actionItemLine(t, item));

const roleName = (t: Catalog, role: string | null) =>
  role === null ? t.retro.noRole : role in t.roles ? t.roles[role as Role] : escapeMrkdwn(role);

/** The summary the close adds: participation per role, notes, the week's VOC, the action items. */
function summary(t: Catalog, view: WeeklyParentView): Block[] {
  const p = view.participation;
  const roles = p.byRole.map((r) => {
    const who = r.took.length ? ` — ${r.took.map(mention).join(' ')}` : '';
    return `• ${t.retro.roleLine(roleName(t, r.role), r.took.length, r.members.length)}${who}`;
  });
  const voc = view.vocThisWeek;
  const items = itemLines(t, view);
  return [
    divider(),
    section(t.retro.summaryTitle),
    section(
      listText(
        t,
        t.retro.participation(p.took, p.total, p.share === null ? t.funnel.none : percent(p.share)),
        roles,
      ),
    ),
    section(
      [
        t.retro.notes(view.notes),
        ...(voc ? [t.retro.vocThisWeek(voc.count, t.funnel.dates(voc.firstDay, voc.lastDay))] : []),
      ].join('\n'),
    ),
    section(
      items.length ? listText(t, t.retro.summaryItems, items) : `${t.retro.summaryItems}\n${t.retro.noItems}`,
    ),
    section(t.retro.nextGoal),
  ];
}

/**
 * The parent: the week, the headline figures, participation so far and the action items with the
 * "Add action item" button; once closed, the summary in place of the running figures. Never @channel.
 */
export function weeklyParent(t: Catalog, view: WeeklyParentView): SlackMessage {
  const { retro, snapshot } = view;
  const closed = view.vocThisWeek !== null;
  const items = itemLines(t, view);
  const blocks: Block[] = [
    header(t.retro.weeklyTitle(retro.periodKey)),
    context(t.retro.reviewing(periodDates(t, snapshot.reviewed), snapshot.reviewed.key)),
    section(headline(t, view)),
    ...(closed
      ? summary(t, view)
      : [
          section(participationSoFar(t, view)),
          section(
            items.length
              ? listText(t, t.retro.itemsTitle, items)
              : `${t.retro.itemsTitle}\n${t.retro.noItems}`,
          ),
        ]),
    {
      type: 'actions',
      block_id: 'retro_parent_actions',
      elements: [
        {
          type: 'button',
          text: { type: 'plain_text', text: t.retro.addItem },
          action_id: ADD_ACTION_ITEM_ACTION,
          value: String(retro.id),
        },
      ],
    },
  ];
  return { text: t.retro.weeklyText(retro.periodKey), blocks };
}

/** A Slack permalink is an https URL; anything else is not turned into a link. */
const SAFE_URL = /^https:\/\/[^\s<>|]+$/;

/** The nudge DM: the week's retro is waiting for the person's reply, with a link to the thread. */
export function retroNudge(t: Catalog, weekKey: string, permalink: string | undefined): SlackMessage {
  const thread =
    permalink && SAFE_URL.test(permalink) ? `<${permalink}|${t.retro.threadLink}>` : t.retro.threadLink;
  const text = t.retro.nudge(weekKey, thread);
  return { text, blocks: [section(text)] };
}
