/** Defaults that are lists or derived; scalar defaults sit on the schema fields (schema-*.ts). */
import type { EscalationAction, EscalationTrigger, KpiRole, NotifyTarget } from './constants.js';
import type {
  CadenceStep,
  ConditionMatcher,
  EscalationStep,
  QualificationDefaults,
  QualificationRule,
  Stage,
} from './types.js';

export const DEFAULT_SEGMENTS: readonly string[] = ['smb', 'enterprise'];
export const DEFAULT_WORKING_STAGES: readonly Stage[] = [
  { key: 'Lead', label: 'Lead', stagnationDays: null },
  { key: 'MQL', label: 'MQL', stagnationDays: null },
  { key: 'SAL', label: 'SAL', stagnationDays: null },
  { key: 'SQL', label: 'SQL', stagnationDays: null },
  { key: 'Opportunity', label: 'Opportunity', stagnationDays: null },
  { key: 'Negotiation', label: 'Negotiation', stagnationDays: null },
  { key: 'Closing', label: 'Closing', stagnationDays: null },
  { key: 'Retention', label: 'Retention', stagnationDays: null },
];
export const DEFAULT_LOST_REASONS: readonly string[] = [
  'lost_to_competitor',
  'no_budget',
  'no_decision',
  'timing',
  'product_fit',
  'other',
];
export const DEFAULT_DISQUALIFY_REASONS: readonly string[] = [
  'not_a_fit',
  'unreachable',
  'spam_or_fake',
  'student_or_job_seeker',
  'competitor',
  'existing_customer',
  'duplicate',
  'other',
];
export const DEFAULT_CADENCE: readonly CadenceStep[] = [
  { day: 1, action: 'call', label: 'First call', withinMinutes: 5 },
  { day: 2, action: 'email', label: 'Follow-up email', withinMinutes: null },
  { day: 4, action: 'call', label: 'Second call', withinMinutes: null },
  { day: 7, action: 'email', label: 'Email with deck', withinMinutes: null },
  { day: 10, action: 'call', label: 'Third call', withinMinutes: null },
  { day: 14, action: 'email', label: 'Last email', withinMinutes: null },
];

const anyOf = (...values: string[]): ConditionMatcher => ({ kind: 'any_of', values });
const setOnly = (set: Partial<QualificationRule['set']>): QualificationRule['set'] => ({
  segment: null,
  stage: null,
  score: null,
  ...set,
});

/**
 * The agreed MQL/SQL definitions Baton starts with: 200+ employees is enterprise; a demo request
 * or trial is an SQL; a contact form, an e-book download or a newsletter sign-up is an MQL;
 * scores follow intent. A lead without a form stays a Lead (see DEFAULT_QUALIFICATION_DEFAULTS).
 */
export const DEFAULT_QUALIFICATION_RULES: readonly QualificationRule[] = [
  {
    when: {
      company_size: {
        kind: 'test',
        gte: 200,
        gt: null,
        lte: null,
        lt: null,
        contains: null,
        matches: null,
        exists: null,
        domainIn: null,
      },
    },
    set: setOnly({ segment: 'enterprise' }),
  },
  { when: { form: anyOf('demo_request', 'trial') }, set: setOnly({ stage: 'SQL', score: 80 }) },
  { when: { form: { kind: 'equals', value: 'contact' } }, set: setOnly({ stage: 'MQL', score: 50 }) },
  { when: { form: { kind: 'equals', value: 'ebook' } }, set: setOnly({ stage: 'MQL', score: 30 }) },
  { when: { form: { kind: 'equals', value: 'newsletter' } }, set: setOnly({ stage: 'MQL', score: 20 }) },
];
export const DEFAULT_QUALIFICATION_DEFAULTS: Readonly<QualificationDefaults> = {
  segment: 'smb',
  stage: 'Lead',
  score: 10,
};

/**
 * The default rules fitted to the workspace's own segments and stages: a part of `set` naming a
 * segment or stage it does not have is left out, and a rule left with nothing to set is dropped.
 */
export function defaultQualificationRules(segments: readonly string[], stages: readonly string[]) {
  return DEFAULT_QUALIFICATION_RULES.flatMap((rule): QualificationRule[] => {
    const { segment, stage, score } = rule.set;
    const set = {
      segment: segment !== null && segments.includes(segment) ? segment : null,
      stage: stage !== null && stages.includes(stage) ? stage : null,
      score,
    };
    if (set.segment === null && set.stage === null && set.score === null) return [];
    return [{ when: structuredClone(rule.when), set }];
  });
}

/** Default segment and stage when not written: smb and Lead if the workspace has them, else the first. */
export function defaultQualificationDefaults(
  segments: readonly string[],
  stages: readonly string[],
): { segment: string; stage: string } {
  const { segment, stage } = DEFAULT_QUALIFICATION_DEFAULTS;
  return {
    segment: segments.includes(segment) ? segment : segments[0]!,
    stage: stages.includes(stage) ? stage : stages[0]!,
  };
}

/** Which triggers make sense for each action; the first is the default `when`. */
export const ESCALATION_TRIGGERS_FOR: Record<EscalationAction, readonly EscalationTrigger[]> = {
  nudge: ['unclaimed', 'untouched'],
  auto_assign: ['unclaimed'],
  warn_owner: ['untouched'],
  breach: ['untouched'],
  reassign: ['untouched'],
};

/**
 * Whom each step tells when its `notify` is not written. The warning goes to the owner and their
 * manager (managers hear before a breach, not only after); the rest is what each step always did:
 * the nudge DMs the owner, the breach posts to the escalations channel and DMs the manager, the
 * reassign DMs the former owner. Auto-assign always tells the seller it picks, and nobody else.
 */
export const STEP_NOTIFY_DEFAULTS: Record<EscalationAction, readonly NotifyTarget[]> = {
  nudge: ['owner'],
  auto_assign: [],
  warn_owner: ['owner', 'manager'],
  breach: ['channel', 'manager'],
  reassign: ['owner'],
};

/**
 * The default ladder is relative to the SLA so changing first_touch_minutes alone keeps it
 * coherent: 25 % nudge, 50 % auto-assign, 75 % warn, 100 % breach, 150 % reassign
 * (15/30/45/60/90 for the default hour). first_touch_minutes >= 5 keeps the rounded steps
 * strictly ascending.
 */
export function defaultEscalationLadder(firstTouchMinutes: number): EscalationStep[] {
  const plan: [number, EscalationAction][] = [
    [0.25, 'nudge'],
    [0.5, 'auto_assign'],
    [0.75, 'warn_owner'],
    [1, 'breach'],
    [1.5, 'reassign'],
  ];
  return plan.map(([share, action]) => ({
    afterMinutes: Math.round(firstTouchMinutes * share),
    when: ESCALATION_TRIGGERS_FOR[action][0]!,
    action,
    enabled: true,
    notify: [...STEP_NOTIFY_DEFAULTS[action]],
  }));
}

/** Whose KPI each default stage is: marketing makes leads and MQLs, inside sales SALs and SQLs, AEs deals, CS renewals. */
const DEFAULT_KPI_ROLES: Readonly<Record<string, KpiRole>> = {
  Lead: 'marketer',
  MQL: 'marketer',
  SAL: 'sdr',
  SQL: 'sdr',
  Opportunity: 'ae',
  Negotiation: 'ae',
  Closing: 'ae',
  Retention: 'cs',
};

/** Rates to the next stage used by reverse planning until the team has enough history of its own. */
const DEFAULT_PLAN_RATES: Readonly<Record<string, number>> = {
  Lead: 0.4,
  MQL: 0.6,
  SAL: 0.5,
  SQL: 0.5,
  Opportunity: 0.6,
  Negotiation: 0.5,
  Closing: 0.9,
};
const FALLBACK_PLAN_RATE = 0.5;

/**
 * Funnel settings not written in the file, fitted to the workspace's stages. A stage the defaults
 * do not name goes to marketing up to the routing threshold, then inside sales until the deal
 * stage, AEs up to the won stage and CS after it.
 */
export function defaultFunnelRoles(
  stages: readonly string[],
  threshold: string,
  dealStage: string,
  wonStage: string,
): Record<string, KpiRole> {
  const at = (key: string) => stages.indexOf(key);
  return Object.fromEntries(
    stages.map((key, i): [string, KpiRole] => {
      const known = DEFAULT_KPI_ROLES[key];
      if (known) return [key, known];
      if (i <= at(threshold)) return [key, 'marketer'];
      if (i > at(wonStage)) return [key, 'cs'];
      return [key, i < at(dealStage) ? 'sdr' : 'ae'];
    }),
  );
}

export function defaultPlanRates(stages: readonly string[]): Record<string, number> {
  return Object.fromEntries(
    stages.slice(0, -1).map((key) => [key, DEFAULT_PLAN_RATES[key] ?? FALLBACK_PLAN_RATE]),
  );
}
