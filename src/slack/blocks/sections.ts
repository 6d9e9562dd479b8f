/** Lists in sections: Slack caps a section's text at 3000 characters, so lines are packed by length. */
import { type Block, section } from './common.js';

/** Slack caps section text at 3000 characters; lines are packed into sections up to this. */
export const SECTION_BUDGET = 2900;

/** A heading and its lines in as few sections as fit, the heading on the first. */
export function packedSections(heading: string, lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let text = heading;
  for (const line of lines) {
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
