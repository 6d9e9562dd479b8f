/** Lists in sections: Slack caps a section's text at 3000 characters, so lines are packed by length. */
import { type Block, section } from './common.js';

/** Slack caps section text at 3000 characters; lines are packed into sections up to this. */
export const SECTION_BUDGET = 2900;

/**
 * A line cut to fit one section, with an ellipsis. The lines are mrkdwn already escaped, so the cut
 * also drops an entity or a `<…>` token it would split (Slack would show the half, or refuse it).
 */
function fitSection(line: string): string {
  if (line.length <= SECTION_BUDGET) return line;
  const cut = line.slice(0, SECTION_BUDGET - 1).replace(/&[a-z]*$|<[^>]*$/, '');
  return `${cut}…`;
}

/** A heading and its lines in as few sections as fit, the heading on the first; longer lines are cut. */
export function packedSections(heading: string, allLines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let text = fitSection(heading);
  for (const line of allLines.map(fitSection)) {
    if (text.length + 1 + line.length > SECTION_BUDGET) {
      blocks.push(section(text));
      text = line;
    } else {
      text = `${text}\n${line}`;
    }
  }
  blocks.push(section(text));
  return blocks;
}

/** Lines (at least one) in as few sections as fit. */
export const lineSections = (lines: readonly string[]): Block[] =>
  lines.length === 0 ? [] : packedSections(lines[0]!, lines.slice(1));
