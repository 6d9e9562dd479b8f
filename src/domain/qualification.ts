/**
 * The team's agreed MQL/SQL definitions, applied: ordered rules (baton.yaml `qualification`) turn a
 * lead's fields into a segment, a stage and a score. Pure.
 */
import type { ConditionMatcher, QualificationRule, WorkspaceConfig } from '../config/workspace-schema.js';
import { type LeadField, type LeadInput, leadFieldValue } from './lead-input.js';

export type QualificationConfig = WorkspaceConfig['qualification'];

/** Which rule decided each part: an index into `qualification.rules`, or 'default'. */
export interface QualificationReasons {
  segment: number | 'default';
  stage: number | 'default';
  score: number | 'default';
}

export interface QualificationResult {
  segment: string;
  stage: string;
  score: number;
  because: QualificationReasons;
}

/**
 * For each of segment, stage and score, the first matching rule that sets it wins; what no
 * matching rule sets comes from `q.defaults`.
 */
export function qualify(lead: LeadInput, q: QualificationConfig): QualificationResult {
  const result: QualificationResult = {
    ...q.defaults,
    because: { segment: 'default', stage: 'default', score: 'default' },
  };
  const open = new Set<'segment' | 'stage' | 'score'>(['segment', 'stage', 'score']);
  for (const [index, rule] of q.rules.entries()) {
    if (open.size === 0) break;
    if (!ruleMatches(rule, lead)) continue;
    const { segment, stage, score } = rule.set;
    if (segment !== null && open.delete('segment')) {
      result.segment = segment;
      result.because.segment = index;
    }
    if (stage !== null && open.delete('stage')) {
      result.stage = stage;
      result.because.stage = index;
    }
    if (score !== null && open.delete('score')) {
      result.score = score;
      result.because.score = index;
    }
  }
  return result;
}

/** Every condition of the rule holds (a rule without conditions matches every lead). */
export function ruleMatches(rule: QualificationRule, lead: LeadInput): boolean {
  return Object.entries(rule.when).every(([field, matcher]) =>
    matcherHolds(matcher, leadFieldValue(lead, field as LeadField), field as LeadField),
  );
}

const sameText = (a: string | number, b: string | number) =>
  String(a).toLocaleLowerCase('en-US') === String(b).toLocaleLowerCase('en-US');

function equals(value: string | number, expected: string | number): boolean {
  if (typeof value === 'number' || typeof expected === 'number') {
    return typeof value === typeof expected ? value === expected : sameText(value, expected);
  }
  return sameText(value, expected);
}

const compiled = new Map<string, RegExp>();
function regex(source: string): RegExp {
  let re = compiled.get(source);
  if (!re) {
    re = new RegExp(source, 'iu');
    compiled.set(source, re);
  }
  return re;
}

/** The domain `domain_in` looks at: an email's after "@", a website's host without "www.". */
function domainOf(value: string, field: LeadField): string | null {
  if (field === 'email') return value.slice(value.lastIndexOf('@') + 1).toLowerCase();
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`);
    return url.hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** Whether one field's value passes its matcher; a value not sent (null) passes only `exists: false`. */
export function matcherHolds(
  matcher: ConditionMatcher,
  value: string | number | null,
  field: LeadField,
): boolean {
  if (matcher.kind === 'equals') return value !== null && equals(value, matcher.value);
  if (matcher.kind === 'any_of') return value !== null && matcher.values.some((v) => equals(value, v));
  if (value === null) return matcher.exists === false;
  if (matcher.exists === false) return false;
  const number = typeof value === 'number' ? value : null;
  const comparisons: [number | null, (n: number, bound: number) => boolean][] = [
    [matcher.gte, (n, b) => n >= b],
    [matcher.gt, (n, b) => n > b],
    [matcher.lte, (n, b) => n <= b],
    [matcher.lt, (n, b) => n < b],
  ];
  for (const [bound, passes] of comparisons) {
    if (bound !== null && (number === null || !passes(number, bound))) return false;
  }
  const text = String(value);
  if (
    matcher.contains !== null &&
    !text.toLocaleLowerCase('en-US').includes(matcher.contains.toLocaleLowerCase('en-US'))
  ) {
    return false;
  }
  if (matcher.matches !== null && !regex(matcher.matches).test(text)) return false;
  if (matcher.domainIn !== null) {
    const domain = domainOf(text, field);
    if (domain === null || !matcher.domainIn.some((d) => domain === d || domain.endsWith(`.${d}`))) {
      return false;
    }
  }
  return true;
}

/**
 * Whether a lead at `stage` has reached sellers: at or past `thresholdStage` in the working
 * list. A stage outside the list (a side state such as Disqualified), or a threshold that is
 * not in it, is not routed.
 */
export function isRouted(stage: string, thresholdStage: string, stageKeys: readonly string[]): boolean {
  const at = stageKeys.indexOf(stage);
  const threshold = stageKeys.indexOf(thresholdStage);
  return at >= 0 && threshold >= 0 && at >= threshold;
}
