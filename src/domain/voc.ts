/** Voice of the customer: checking what a person typed about a quote, and matching the capture reaction. Pure. */
import { VOC_CATEGORIES, type VocCategory } from '../config/workspace/constants.js';

export const VOC_SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
export type VocSentimentValue = (typeof VOC_SENTIMENTS)[number];

/** Longest accepted text per field, in characters (the modal enforces the same limits). */
export const VOC_LIMITS = {
  quote: 3000,
  competitor: 100,
  account: 200,
  tag: 30,
  tags: 10,
} as const;

/** An entry's fields once checked: trimmed, blank meaning absent, tags normalised. */
export interface VocFields {
  quote: string;
  category: VocCategory;
  competitor: string | null;
  leadId: number | null;
  account: string | null;
  sentiment: VocSentimentValue | null;
  tags: string[];
}

/** What the modal sends: raw text, or null for a field left blank. */
export interface VocInput {
  quote: string | null;
  category: string | null;
  competitor: string | null;
  /** The linked lead's id as the lead search put it in the option value. */
  lead: string | null;
  account: string | null;
  sentiment: string | null;
  tags: string | null;
}

export type VocProblem =
  | { field: 'quote' | 'category'; problem: 'required' }
  | { field: 'quote' | 'competitor' | 'account'; problem: 'too_long'; max: number }
  | { field: 'category' | 'sentiment' | 'lead'; problem: 'unknown' }
  | { field: 'tags'; problem: 'tag_too_long'; tag: string; max: number }
  | { field: 'tags'; problem: 'too_many'; max: number };

export type VocCheck = { ok: true; fields: VocFields } | { ok: false; problems: VocProblem[] };

export const isVocCategory = (value: string): value is VocCategory =>
  (VOC_CATEGORIES as readonly string[]).includes(value);
const isSentiment = (value: string): value is VocSentimentValue =>
  (VOC_SENTIMENTS as readonly string[]).includes(value);

/** `"Pricing, #Onboarding,  pricing"` → `['pricing', 'onboarding']`: commas or new lines between tags, `#` optional. */
export function parseTags(raw: string | null): string[] {
  const tags = (raw ?? '')
    .split(/[,\n]/)
    .map((tag) => tag.trim().replace(/^#+/, '').trim().replace(/\s+/g, ' ').toLowerCase())
    .filter((tag) => tag !== '');
  return [...new Set(tags)];
}

/** Checks the modal's fields: a quote and a category are required, the rest optional within limits. */
export function checkVocInput(input: VocInput): VocCheck {
  const problems: VocProblem[] = [];
  const text = (value: string | null) => {
    const trimmed = value?.trim() ?? '';
    return trimmed === '' ? null : trimmed;
  };

  const quote = text(input.quote);
  if (quote === null) problems.push({ field: 'quote', problem: 'required' });
  else if (quote.length > VOC_LIMITS.quote)
    problems.push({ field: 'quote', problem: 'too_long', max: VOC_LIMITS.quote });

  const categoryText = text(input.category);
  const category = categoryText !== null && isVocCategory(categoryText) ? categoryText : null;
  if (categoryText === null) problems.push({ field: 'category', problem: 'required' });
  else if (category === null) problems.push({ field: 'category', problem: 'unknown' });

  const competitor = text(input.competitor);
  if (competitor !== null && competitor.length > VOC_LIMITS.competitor)
    problems.push({ field: 'competitor', problem: 'too_long', max: VOC_LIMITS.competitor });

  const account = text(input.account);
  if (account !== null && account.length > VOC_LIMITS.account)
    problems.push({ field: 'account', problem: 'too_long', max: VOC_LIMITS.account });

  const sentimentText = text(input.sentiment);
  const sentiment = sentimentText !== null && isSentiment(sentimentText) ? sentimentText : null;
  if (sentimentText !== null && sentiment === null) problems.push({ field: 'sentiment', problem: 'unknown' });

  const leadText = text(input.lead);
  const leadId = leadText !== null && /^\d{1,15}$/.test(leadText) ? Number(leadText) : null;
  if (leadText !== null && (leadId === null || leadId === 0))
    problems.push({ field: 'lead', problem: 'unknown' });

  const tags = parseTags(input.tags);
  const long = tags.find((tag) => tag.length > VOC_LIMITS.tag);
  if (long !== undefined)
    problems.push({ field: 'tags', problem: 'tag_too_long', tag: long, max: VOC_LIMITS.tag });
  else if (tags.length > VOC_LIMITS.tags)
    problems.push({ field: 'tags', problem: 'too_many', max: VOC_LIMITS.tags });

  if (problems.length > 0 || quote === null || category === null) return { ok: false, problems };
  return { ok: true, fields: { quote, category, competitor, leadId, account, sentiment, tags } };
}

/**
 * Whether a reaction is the configured capture emoji. The config holds the bare name (`voc`); Slack
 * sends it bare, or with a skin tone (`voc::skin-tone-2`).
 */
export function isVocReaction(reaction: string, configured: string): boolean {
  return reaction === configured || reaction.startsWith(`${configured}::`);
}

/**
 * The start of a quote, at most `max` characters (an ellipsis marks a cut), never splitting an
 * emoji. `oneLine` folds line breaks and runs of spaces into single spaces, for previews.
 */
export function excerpt(text: string, max: number, { oneLine = false } = {}): string {
  const folded = oneLine ? text.replace(/\s+/g, ' ').trim() : text.trim();
  const chars = Array.from(folded);
  if (chars.length <= max) return folded;
  return `${chars
    .slice(0, Math.max(max - 1, 0))
    .join('')
    .trimEnd()}…`;
}
