/**
 * What `/funnel …` asks for: a report (period, breakdown, mode and chart in any order), a
 * subcommand (`plan …`, `export …`) or help. Periods are only recognised here; parsePeriod
 * reads them against the clock.
 */
import type { FunnelBreakdown, FunnelMode } from './funnel-report.js';
import { PERIOD_KEYWORDS } from './periods.js';

export const DEFAULT_PERIOD = 'this-week';
export const MODES: readonly FunnelMode[] = ['cohort', 'flow'];
export const BREAKDOWNS: readonly FunnelBreakdown[] = ['segment', 'source', 'owner'];

export type FunnelArgsProblem =
  | { code: 'unknown_word'; word: string }
  /** `by` without one of segment, source or owner after it. */
  | { code: 'by_needs_group'; got: string | null }
  /** Two periods, two modes or two breakdowns. */
  | { code: 'twice'; first: string; second: string };

export type FunnelArgs =
  | { kind: 'report'; period: string; mode: FunnelMode; by: FunnelBreakdown | null; chart: boolean }
  | { kind: 'plan'; rest: string }
  | { kind: 'export'; rest: string }
  | { kind: 'help' }
  | { kind: 'error'; problem: FunnelArgsProblem };

/** A word that names a period, or tries to (a date range; parsePeriod says what is wrong with it). */
const looksLikePeriod = (word: string) =>
  (PERIOD_KEYWORDS as readonly string[]).includes(word) || word.includes('..') || /^\d{4}-/.test(word);

export function parseFunnelArgs(text: string): FunnelArgs {
  const trimmed = text.trim();
  const words = trimmed.split(/\s+/).filter(Boolean);
  const first = words[0]?.toLowerCase();
  // Subcommands take the rest as typed; their own parsers read it.
  if (first === 'plan' || first === 'export') {
    return { kind: first, rest: trimmed.slice(words[0]!.length).trim() };
  }
  if (words.some((w) => w.toLowerCase() === 'help')) return { kind: 'help' };

  let period: string | null = null;
  let mode: FunnelMode | null = null;
  let by: FunnelBreakdown | null = null;
  let chart = false;
  const fail = (problem: FunnelArgsProblem): FunnelArgs => ({ kind: 'error', problem });
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!.toLowerCase();
    if (word === 'by') {
      const group = words[i + 1]?.toLowerCase() ?? null;
      const breakdown = BREAKDOWNS.find((b) => b === group);
      if (!breakdown) return fail({ code: 'by_needs_group', got: words[i + 1] ?? null });
      if (by) return fail({ code: 'twice', first: `by ${by}`, second: `by ${breakdown}` });
      by = breakdown;
      i++;
    } else if ((MODES as readonly string[]).includes(word)) {
      if (mode) return fail({ code: 'twice', first: mode, second: word });
      mode = word as FunnelMode;
    } else if (word === 'chart') {
      chart = true;
    } else if (looksLikePeriod(word)) {
      if (period) return fail({ code: 'twice', first: period, second: word });
      period = word;
    } else {
      return fail({ code: 'unknown_word', word: words[i]! });
    }
  }
  return { kind: 'report', period: period ?? DEFAULT_PERIOD, mode: mode ?? 'cohort', by, chart };
}
