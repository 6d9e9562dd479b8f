/** Small mrkdwn pieces every VOC surface shares (capture, reverse flow, retro, report): names, links, quotes. */
import { excerpt, isVocCategory } from '../../domain/voc.js';
import type { Catalog } from '../../i18n/index.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { quote } from './lead-ownership.js';

/** The category's name in the workspace language; an uncategorised entry says so. */
export function categoryLabel(t: Catalog, category: string | null): string {
  if (category === null) return t.voc.uncategorised;
  return isVocCategory(category) ? t.voc.categories[category] : escapeMrkdwn(category);
}

/** A channel link; the id is checked so nothing else can be smuggled into the angle brackets. */
export const channelLink = (id: string) => (/^[CG][A-Z0-9]+$/.test(id) ? `<#${id}>` : escapeMrkdwn(id));

/** `<url|label>` for a Slack permalink; null for anything but a plain https URL. */
export const sourceLink = (url: string | null, label: string) =>
  url && /^https:\/\/[^\s|<>]+$/.test(url) ? `<${url}|${label}>` : null;

/** The quote on one line, escaped, for previews and fallback texts. */
export const quotePreview = (text: string, max = 150) => escapeMrkdwn(excerpt(text, max, { oneLine: true }));

/**
 * User text as mrkdwn quote lines (without the first `>`), escaped, cut with an ellipsis so the
 * result stays within `max` characters however many `&`, `<` or line breaks the escaping adds.
 */
export function quoteWithin(text: string, max: number): string {
  const trimmed = text.trim();
  const full = quote(trimmed);
  if (full.length <= max) return full;
  let out = '';
  for (const char of Array.from(trimmed)) {
    const piece = quote(char);
    if (out.length + piece.length > max - 1) break;
    out += piece;
  }
  return `${out.trimEnd()}…`;
}
