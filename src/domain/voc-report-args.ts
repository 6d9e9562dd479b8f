/**
 * What `/voc report [period] [category]` asks for, the two words in any order. Periods are only
 * recognised here (as `/funnel` does); parsePeriod reads them against the clock. A category is
 * its key, with `-` or `_` (`feature-request`, `feature_request`), in any case.
 */
import { VOC_CATEGORIES, type VocCategory } from '../config/workspace/constants.js';
import { DEFAULT_PERIOD } from './funnel-args.js';
import { PERIOD_KEYWORDS } from './periods.js';

export type VocReportArgsProblem =
  | { code: 'unknown_word'; word: string }
  /** Two periods or two categories. */
  | { code: 'twice'; first: string; second: string };

export type VocReportArgs =
  | { ok: true; period: string; category: VocCategory | null }
  | { ok: false; problem: VocReportArgsProblem };

/** A word that names a period, or tries to (a date range; parsePeriod says what is wrong with it). */
const looksLikePeriod = (word: string) =>
  (PERIOD_KEYWORDS as readonly string[]).includes(word) || word.includes('..') || /^\d{4}-/.test(word);

const categoryOf = (word: string): VocCategory | undefined =>
  VOC_CATEGORIES.find((c) => c === word.replace(/-/g, '_'));

/** The category as typed in the command (`feature-request`). */
export const categoryWord = (category: VocCategory) => category.replace(/_/g, '-');

export function parseVocReportArgs(text: string): VocReportArgs {
  let period: string | null = null;
  let category: VocCategory | null = null;
  const fail = (problem: VocReportArgsProblem): VocReportArgs => ({ ok: false, problem });
  for (const typed of text.trim().split(/\s+/).filter(Boolean)) {
    const word = typed.toLowerCase();
    const named = categoryOf(word);
    if (named) {
      if (category)
        return fail({ code: 'twice', first: categoryWord(category), second: categoryWord(named) });
      category = named;
    } else if (looksLikePeriod(word)) {
      if (period) return fail({ code: 'twice', first: period, second: word });
      period = word;
    } else {
      return fail({ code: 'unknown_word', word: typed });
    }
  }
  return { ok: true, period: period ?? DEFAULT_PERIOD, category };
}
