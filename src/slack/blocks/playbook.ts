/** The monthly playbook review: its parent message and replies (docs/retro.md, "Monthly playbook review"). */
import type { PlaybookSnapshot } from '../../domain/retro-report.js';
import type { PlaybookPart } from '../../domain/retro-thread.js';
import type { Catalog } from '../../i18n/index.js';
import { type Block, context, header, section } from './common.js';
import { elapsedText } from './first-touch.js';
import { oneDecimal, percent } from './funnel.js';
import { listText, name, periodDates, type SlackMessage } from './retro-format.js';

export interface PlaybookRenderOptions {
  /** The SLA's clock, for the unit of minutes to the first touch. */
  clock: 'business' | 'always';
}

/** The parent: the month, the month reviewed, and the prompt to revise the playbook. */
export function playbookParent(t: Catalog, s: PlaybookSnapshot): SlackMessage {
  return {
    text: t.retro.playbookText(s.monthKey),
    blocks: [
      header(t.retro.playbookTitle(s.monthKey)),
      context(t.retro.playbookReviewing(periodDates(t, s.reviewed))),
      section(t.retro.playbookPrompt),
    ],
  };
}

function cadenceReply(t: Catalog, s: PlaybookSnapshot): Block[] {
  if (s.cadence.length === 0) return [section(`${t.retro.cadenceTitle}\n${t.retro.noCadence}`)];
  const lines = s.cadence.map((c) =>
    [
      `• *${t.retro.cadenceLine(c.day, name(c.label))}*`,
      t.retro.cadenceFigures(c.due, c.done, c.skipped, c.unanswered),
      c.completion === null ? t.funnel.none : t.retro.completion(percent(c.completion)),
    ].join(' · '),
  );
  return [section(listText(t, t.retro.cadenceTitle, lines))];
}

function slaTrendReply(t: Catalog, s: PlaybookSnapshot, o: PlaybookRenderOptions): Block[] {
  if (s.sla.length === 0) return [section(`${t.retro.slaTrendTitle}\n${t.retro.noWeeks}`)];
  const lines = s.sla.map((w) =>
    [
      `• ${t.retro.weekOf(w.weekKey, w.firstDay)}: ${t.retro.slaWeekFigures(w.met, w.breached)}`,
      w.withinSla === null ? t.retro.noSlaDecided : t.retro.withinSla(percent(w.withinSla)),
      w.medianMinutes === null
        ? t.retro.noTouch
        : t.retro.medianTouch(elapsedText(t, w.medianMinutes, o.clock)),
    ].join(' · '),
  );
  return [section(listText(t, t.retro.slaTrendTitle, lines))];
}

function stagesReply(t: Catalog, s: PlaybookSnapshot): Block[] {
  if (s.stages.length === 0) return [section(`${t.retro.stagesTitle}\n${t.retro.noStages}`)];
  const lines = s.stages.map(
    (stage) =>
      `• *${name(stage.label)}* — ${stage.weeks
        .map((w) =>
          t.retro.stageWeek(
            w.weekKey,
            w.medianDays === null ? t.retro.noStay : t.retro.days(oneDecimal(t, w.medianDays)),
            w.stays,
          ),
        )
        .join(' · ')}`,
  );
  return [section(listText(t, t.retro.stagesTitle, lines))];
}

/** One reply of the monthly thread. */
export function playbookReply(
  t: Catalog,
  part: PlaybookPart,
  s: PlaybookSnapshot,
  o: PlaybookRenderOptions,
): SlackMessage {
  switch (part) {
    case 'cadence':
      return { text: t.retro.cadenceTitle, blocks: cadenceReply(t, s) };
    case 'sla_trend':
      return { text: t.retro.slaTrendTitle, blocks: slaTrendReply(t, s, o) };
    case 'stages':
      return { text: t.retro.stagesTitle, blocks: stagesReply(t, s) };
  }
}
