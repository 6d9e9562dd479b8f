/** Pieces every retro message shares: dates, names and lists that stay within a section. */
import type { SnapshotPeriod } from '../../domain/retro-report.js';
import type { Catalog } from '../../i18n/index.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import type { Block } from './common.js';

/** A message's notification text and its blocks. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** Slack's limit on a section's text. */
const SECTION_MAX = 3000;
/** User-made names (stages, competitors, reasons, tags) are cut to this many characters. */
const NAME_LIMIT = 40;

/** A user-made name, cut and escaped. */
export const name = (text: string) =>
  escapeMrkdwn(text.length > NAME_LIMIT ? `${text.slice(0, NAME_LIMIT - 1)}…` : text);

/** "2026-03-02 – 2026-03-08". */
export const periodDates = (t: Catalog, p: Pick<SnapshotPeriod, 'firstDay' | 'lastDay'>) =>
  t.funnel.dates(p.firstDay, p.lastDay);

/** A title and its lines in one section's text; lines that do not fit become "…and N more". */
export function listText(t: Catalog, title: string, lines: readonly string[]): string {
  for (let shown = lines.length; shown > 0; shown--) {
    const rest = lines.length - shown;
    const text = [title, ...lines.slice(0, shown), ...(rest > 0 ? [t.funnel.more(rest)] : [])].join('\n');
    if (text.length <= SECTION_MAX) return text;
  }
  return lines.length > 0 ? `${title}\n${t.funnel.more(lines.length)}` : title;
}
