/** The weekly retro's replies (a)–(f), rendered from the snapshot fixed when it opened (docs/retro.md). */
import type { RetroSnapshot, VocFigures, VocQuote } from '../../domain/retro-report.js';
import type { WeeklyPart } from '../../domain/retro-thread.js';
import type { Catalog } from '../../i18n/index.js';
import { mention } from '../mrkdwn.js';
import { actionItemLine } from './action-items.js';
import { type Block, section } from './common.js';
import { elapsedText } from './first-touch.js';
import { joinWithin } from './fit.js';
import { changeCell, count, money, oneDecimal, percent } from './funnel.js';
import { type KeyLabels, keyLabels } from './key-labels.js';
import { listText, name, periodDates, type SlackMessage } from './retro-format.js';
import { categoryLabel, quoteWithin, sourceLink } from './voc-text.js';

/** A quote is cut to this many characters; its source link has the rest. */
const QUOTE_LIMIT = 300;

export interface RetroReplyOptions {
  /** The SLA's clock, for the unit of minutes to the first touch. */
  clock: 'business' | 'always';
  /** The workspace's labels for lost reasons (default: Baton's own words, keys readable). */
  labels?: KeyLabels;
}

/** Names on one line of a reply: 100 competitors with long names would not fit a section. */
const NAME_LIST_MAX = 1200;
const nameList = (t: Catalog, items: readonly string[]) =>
  joinWithin(items, ' · ', NAME_LIST_MAX, t.funnel.more);

const share = (t: Catalog, value: number | null) => (value === null ? t.funnel.none : percent(value));
const delta = (change: number, previous: number) => ({
  change,
  changeRate: previous === 0 ? null : change / previous,
});

/** (a) The reviewed week's cohort per stage against the week before and the goal, the bottleneck, speed to lead. */
function funnelReply(t: Catalog, s: RetroSnapshot, o: RetroReplyOptions): Block[] {
  const { stages, bottleneck, goal } = s.funnel;
  const lines = stages.map((st) =>
    [
      `• *${name(st.label)}* ${count(t, st.count)}`,
      t.retro.weekBefore(count(t, st.previousCount)),
      changeCell(t, st),
      ...(st.conversion === null ? [] : [t.retro.toNext(percent(st.conversion))]),
      ...(st.goal === null ? [] : [t.retro.goalFigure(count(t, st.goal))]),
    ].join(' · '),
  );
  const label = (key: string) => name(stages.find((st) => st.stage === key)?.label ?? key);
  const speed = s.speed;
  const speedLine =
    speed.medianMinutes === null || speed.p90Minutes === null
      ? t.funnel.noTouches
      : t.funnel.speed(
          elapsedText(t, speed.medianMinutes, o.clock),
          elapsedText(t, speed.p90Minutes, o.clock),
        );
  const slaLine =
    speed.withinSla === null
      ? t.funnel.noSlaDecided
      : t.funnel.withinSla(percent(speed.withinSla), speed.met, speed.met + speed.breached);
  return [
    section(listText(t, t.retro.funnelTitle(periodDates(t, s.reviewed)), lines)),
    section(goal ? t.retro.goalLine(goal.deals, goal.firstDay, goal.lastDay) : t.retro.noGoal),
    section(
      bottleneck
        ? t.funnel.bottleneck(
            label(bottleneck.stage),
            label(bottleneck.next),
            percent(bottleneck.conversion),
            share(t, bottleneck.previousConversion),
            bottleneck.medianDays === null
              ? t.funnel.noStays
              : t.funnel.daysValue(oneDecimal(t, bottleneck.medianDays)),
          )
        : t.funnel.noBottleneck,
    ),
    section(
      `${t.funnel.speedTitle}\n${speedLine} · ${slaLine}\n${t.funnel.touched(speed.touched, speed.leads)}`,
    ),
  ];
}

/** (b) Per seller: leads, touched, met and breached, within SLA, median minutes to the first touch. */
function slaReply(t: Catalog, s: RetroSnapshot, o: RetroReplyOptions): Block[] {
  const title = t.retro.slaTitle(periodDates(t, s.reviewed));
  if (s.sellers.length === 0) return [section(`${title}\n${t.retro.noSellers}`)];
  const lines = s.sellers.map((seller) =>
    [
      `• ${t.retro.sellerLine(mention(seller.userId), seller.leads, seller.touched, seller.met, seller.breached)}`,
      seller.withinSla === null ? t.retro.noSlaDecided : t.retro.withinSla(percent(seller.withinSla)),
      seller.medianMinutes === null
        ? t.retro.noTouch
        : t.retro.medianTouch(elapsedText(t, seller.medianMinutes, o.clock)),
    ].join(' · '),
  );
  return [section(listText(t, title, lines))];
}

/** (c) Won and lost in the week (flow): win rate, amount won, per competitor, lost reasons. */
function dealsReply(t: Catalog, s: RetroSnapshot, labels: KeyLabels): Block[] {
  const d = s.deals;
  const lines = [
    t.funnel.deals(count(t, d.won), count(t, d.lost), share(t, d.winRate)),
    d.amountWon.length
      ? t.funnel.amountWon(d.amountWon.map((a) => money(t, a.amount, a.currency)).join(' · '))
      : t.funnel.noAmountWon,
  ];
  if (d.byCompetitor.length)
    lines.push(
      t.funnel.competitors(
        nameList(
          t,
          d.byCompetitor.map((c) =>
            t.funnel.competitor(name(c.competitor), c.won, c.lost, share(t, c.winRate)),
          ),
        ),
      ),
    );
  const reason = (r: string) => (r === 'unknown' ? t.retro.unknownReason : name(labels.reason(r)));
  lines.push(
    d.lostReasons.length
      ? t.retro.lostReasons(
          nameList(
            t,
            d.lostReasons.map((r) => `${reason(r.reason)} ${count(t, r.count)}`),
          ),
        )
      : t.retro.noLostReasons,
  );
  return [section(listText(t, t.retro.dealsTitle(periodDates(t, s.reviewed)), lines))];
}

function quoteText(t: Catalog, q: VocQuote): string {
  const details = [
    q.authorId ? mention(q.authorId) : mention(q.capturedBy),
    categoryLabel(t, q.category),
    ...(q.competitor ? [name(q.competitor)] : []),
    ...[sourceLink(q.permalink, t.retro.source)].filter((link): link is string => link !== null),
  ];
  return `>${quoteWithin(q.quote, QUOTE_LIMIT)}\n— ${details.join(' · ')}`;
}

/** (d) VOC captured in the week against the week before: per category, competitor, tag, and top quotes. */
function vocReply(t: Catalog, s: RetroSnapshot): Block[] {
  const v: VocFigures = s.voc;
  const title = t.retro.vocTitle(periodDates(t, s.reviewed));
  if (v.total === 0 && v.previousTotal === 0) return [section(`${title}\n${t.retro.noVoc}`)];
  const lines = [
    t.retro.vocTotal(
      count(t, v.total),
      count(t, v.previousTotal),
      changeCell(t, delta(v.total - v.previousTotal, v.previousTotal)),
    ),
    ...v.byCategory.map(
      (c) =>
        `• ${categoryLabel(t, c.category)}: ${count(t, c.count)} (${t.retro.weekBefore(count(t, c.previousCount))}, ${changeCell(t, delta(c.change, c.previousCount))})`,
    ),
  ];
  const named = [
    ...(v.byCompetitor.length
      ? [
          t.retro.competitors(
            nameList(
              t,
              v.byCompetitor.map((c) => `${name(c.competitor)} ${count(t, c.count)}`),
            ),
          ),
        ]
      : []),
    ...(v.tags.length
      ? [
          t.retro.tags(
            nameList(
              t,
              v.tags.map((g) => `#${name(g.tag)} ${count(t, g.count)}`),
            ),
          ),
        ]
      : []),
  ];
  return [
    section(listText(t, title, lines)),
    ...(named.length ? [section(listText(t, named[0]!, named.slice(1)))] : []),
    ...(v.quotes.length
      ? [section(t.retro.quotesTitle), ...v.quotes.map((q) => section(quoteText(t, q)))]
      : []),
  ];
}

/** (e) The previous retro's action items as they stood when this one opened. */
function actionsReply(t: Catalog, s: RetroSnapshot): Block[] {
  const items = s.previousActions;
  if (items.length === 0) return [section(`${t.retro.actionsTitle}\n${t.retro.noPreviousActions}`)];
  const open = items.filter((i) => i.status === 'open').length;
  const text = listText(
    t,
    t.retro.actionsTitle,
    items.map((i) => actionItemLine(t, i)),
  );
  return [section(open > 0 ? `${text}\n${t.retro.stillOpen(open)}` : text)];
}

/** (f) One prompt per role. */
const promptsReply = (t: Catalog): Block[] => [
  section(
    [
      t.retro.promptsTitle,
      `• ${t.retro.promptMarketing}`,
      `• ${t.retro.promptSales}`,
      `• ${t.retro.promptCs}`,
    ].join('\n'),
  ),
];

const REPLY_TITLES: Record<WeeklyPart, (t: Catalog, s: RetroSnapshot) => string> = {
  funnel: (t, s) => t.retro.funnelTitle(periodDates(t, s.reviewed)),
  sla: (t, s) => t.retro.slaTitle(periodDates(t, s.reviewed)),
  deals: (t, s) => t.retro.dealsTitle(periodDates(t, s.reviewed)),
  voc: (t, s) => t.retro.vocTitle(periodDates(t, s.reviewed)),
  actions: (t) => t.retro.actionsTitle,
  prompts: (t) => t.retro.promptsTitle,
};

/** One reply of the weekly thread. */
export function weeklyReply(
  t: Catalog,
  part: WeeklyPart,
  s: RetroSnapshot,
  o: RetroReplyOptions,
): SlackMessage {
  const blocks = {
    funnel: () => funnelReply(t, s, o),
    sla: () => slaReply(t, s, o),
    deals: () => dealsReply(t, s, o.labels ?? keyLabels(t)),
    voc: () => vocReply(t, s),
    actions: () => actionsReply(t, s),
    prompts: () => promptsReply(t),
  }[part]();
  return { text: REPLY_TITLES[part](t, s), blocks };
}
