/**
 * Text that fits Slack's limits: escaping user text for mrkdwn can make it five times longer
 * (`&` → `&amp;`), so user text is cut after escaping, never before, and lists are cut by length.
 */
import { escapeMrkdwn } from '../mrkdwn.js';

/** User text escaped for mrkdwn and cut with an ellipsis so the escaped text is at most `max` long. */
export function escapedWithin(text: string, max: number): string {
  const full = escapeMrkdwn(text);
  if (full.length <= max) return full;
  let out = '';
  for (const char of text) {
    const piece = escapeMrkdwn(char);
    if (out.length + piece.length > max - 1) break;
    out += piece;
  }
  return `${out}…`;
}

/** Items joined while they fit in `max` characters; `more(n)` says how many were left out. */
export function joinWithin(
  items: readonly string[],
  separator: string,
  max: number,
  more: (n: number) => string,
): string {
  let text = '';
  for (const [i, item] of items.entries()) {
    const next = i === 0 ? item : `${text}${separator}${item}`;
    const rest = items.length - i - 1;
    // Room for the "and N more" that would follow if a later item does not fit.
    const tail = rest > 0 ? more(rest).length + 1 : 0;
    if (next.length + tail > max) return i === 0 ? more(items.length) : `${text} ${more(items.length - i)}`;
    text = next;
  }
  return text;
}
