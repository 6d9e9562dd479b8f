/** Text helpers for SVG charts: escaping, clipping to a width, number formats. */

/** Control characters XML 1.0 forbids; a stage label carrying one would make the SVG unparseable. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text as it may appear inside an SVG element or attribute. */
export function escapeXml(text: string): string {
  return text
    .replace(XML_INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Hangul, CJK and full-width forms take about twice the width of a Latin letter. */
const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;

/** How wide `text` is, in Latin-letter units. */
export function textUnits(text: string): number {
  let units = 0;
  for (const ch of text) units += WIDE.test(ch) ? 2 : 1;
  return units;
}

/** `text` cut to at most `maxUnits` (see textUnits), ending in "…" when it was cut. */
export function clipText(text: string, maxUnits: number): string {
  if (textUnits(text) <= maxUnits) return text;
  let out = '';
  let units = 0;
  for (const ch of text) {
    const w = WIDE.test(ch) ? 2 : 1;
    if (units + w > maxUnits - 1) break;
    out += ch;
    units += w;
  }
  return `${out.trimEnd()}…`;
}

/** A rate as a percentage with one decimal: 0.375 → "37.5%". Flow rates above 100% stay as they are. */
export const formatRate = (rate: number): string => `${(rate * 100).toFixed(1)}%`;

/** A count with thousands separators: 12345 → "12,345" (Korean uses the same grouping). */
export const formatCount = (n: number): string => n.toLocaleString('en-US');
