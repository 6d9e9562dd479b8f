import { comparedDays, type PeriodKeyword } from '../../domain/periods.js';
import type { VocQuote } from '../../domain/retro-report.js';
import type { VocReport } from '../../domain/voc-figures.js';
import type { VocReportArgsProblem } from '../../domain/voc-report-args.js';
import type { Catalog } from '../../i18n/index.js';
import { escapeMrkdwn, mention } from '../mrkdwn.js';
import { type Block, context, header, section } from './common.js';
import { categoryLabel, quoteWithin, sourceLink } from './voc-text.js';

/** How many competitors are listed before "and N more". */
export const VOC_COMPETITOR_LIMIT = 10;
/** A quote is cut to this many characters; the source link has the rest. */
export const VOC_QUOTE_LIMIT = 300;
/** User-made names (competitors, tags) are cut to this many characters. */
const NAME_LIMIT = 40;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const name = (text: string) => escapeMrkdwn(clip(text, NAME_LIMIT));

/** ▲2, ▼1 or ±0. */
const change = (n: number) => (n > 0 ? `▲${n}` : n < 0 ? `▼${-n}` : '±0');

function quoteText(t: Catalog, q: VocQuote): string {
  const r = t.vocReport;
  const who = q.authorId ? r.saidBy(mention(q.authorId)) : null;
  const captured = q.capturedBy !== q.authorId ? r.capturedBy(mention(q.capturedBy)) : null;
  const details = [
    [who, captured].filter(Boolean).join(', '),
    categoryLabel(t, q.category),
    q.competitor ? name(q.competitor) : null,
    sourceLink(q.permalink, r.source),
  ].filter(Boolean);
  return `>${quoteWithin(q.quote, VOC_QUOTE_LIMIT)}\n${details.join(' · ')}`;
}

/** The period's name: a keyword's, or its dates. */
function periodName(t: Catalog, report: VocReport): string {
  const { key, firstDay, lastDay } = report.period;
  return key in t.funnel.periodNames
    ? t.funnel.periodNames[key as PeriodKeyword]
    : t.funnel.dates(firstDay, lastDay);
}

/** The plain-text title, also the notification text of the answer. */
export function vocReportTitle(t: Catalog, report: VocReport): string {
  const period = periodName(t, report);
  return report.category
    ? t.vocReport.titleCategory(categoryLabel(t, report.category), period)
    : t.vocReport.title(period);
}

/**
 * The ephemeral `/voc report` answer: counts per category against the period before, the
 * competitors and tags named, and up to five quotes with who said them and a link to the source.
 */
export function vocReportBlocks(t: Catalog, report: VocReport, options: { timeZone: string }): Block[] {
  const r = t.vocReport;
  const { period, figures: f } = report;
  const compared = comparedDays(period, options.timeZone);
  const line = period.running ? t.funnel.runningLine : t.funnel.periodLine;
  const top = [
    header(vocReportTitle(t, report)),
    context(
      line(t.funnel.dates(period.firstDay, period.lastDay), t.funnel.dates(compared.first, compared.last)),
    ),
  ];
  if (f.total === 0) return [...top, section(r.empty(f.previousTotal)), context(r.footer)];

  const categories = f.byCategory.map(
    (c) => `• ${r.categoryLine(categoryLabel(t, c.category), c.count, c.previousCount, change(c.change))}`,
  );
  const shown = f.byCompetitor.slice(0, VOC_COMPETITOR_LIMIT);
  const more = f.byCompetitor.length - shown.length;
  const competitors = f.byCompetitor.length
    ? r.competitors(
        [
          shown.map((c) => `${name(c.competitor)} ${c.count}`).join(' · '),
          ...(more > 0 ? [t.funnel.more(more)] : []),
        ].join(' '),
      )
    : r.noCompetitors;
  const tags = f.tags.length ? r.tags(f.tags.map((g) => `#${name(g.tag)} ${g.count}`).join(' · ')) : r.noTags;
  return [
    ...top,
    section([r.total(f.total, f.previousTotal, change(f.total - f.previousTotal)), ...categories].join('\n')),
    section(`${competitors}\n${tags}`),
    section(r.quotesTitle),
    ...f.quotes.map((q) => section(quoteText(t, q))),
    context(r.footer),
  ];
}

/** Words `/voc report` could not read, in words, with the forms it accepts. */
export function vocReportArgsProblemText(t: Catalog, problem: VocReportArgsProblem): string {
  const r = t.vocReport;
  switch (problem.code) {
    case 'unknown_word':
      return `${r.unknownWord(escapeMrkdwn(clip(problem.word, NAME_LIMIT)))} ${r.accepted}`;
    case 'twice':
      return r.twice(
        escapeMrkdwn(clip(problem.first, NAME_LIMIT)),
        escapeMrkdwn(clip(problem.second, NAME_LIMIT)),
      );
  }
}
