import { type Block, section } from './common.js';

/** Slack caps section text at 3000 characters; Home packs lines into sections up to this. */
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
