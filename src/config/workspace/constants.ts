/** The fixed vocabularies of the workspace config file and the types named after them. */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const VOC_CATEGORIES = [
  'objection',
  'feature_request',
  'competitor',
  'pricing',
  'praise',
  'churn_risk',
  'lead_quality',
  'other',
] as const;
/** Funnel side states every workspace has; they are fixed, never part of `stages.working`. */
export const SIDE_STAGES = ['Lost', 'Disqualified', 'Recycle'] as const;
export const SLA_CLOCKS = ['business', 'always'] as const;
export const ESCALATION_TRIGGERS = ['unclaimed', 'untouched'] as const;
export const ESCALATION_ACTIONS = ['nudge', 'auto_assign', 'warn_owner', 'breach', 'reassign'] as const;
/** Whom a ladder step tells: the lead's owner, the owner's manager, the escalations channel. */
export const NOTIFY_TARGETS = ['owner', 'manager', 'channel'] as const;
export const ROUTING_MODES = ['claim', 'round_robin'] as const;
export const OUTSIDE_HOURS_POLICIES = ['skip', 'hold'] as const;
export const CADENCE_ACTIONS = ['call', 'email', 'linkedin', 'meeting', 'other'] as const;
/** Roles a stage's reverse-planning KPI can belong to. */
export const KPI_ROLES = ['marketer', 'sdr', 'ae', 'cs'] as const;

export type Weekday = (typeof WEEKDAYS)[number];
export type VocCategory = (typeof VOC_CATEGORIES)[number];
export type SideStage = (typeof SIDE_STAGES)[number];
export type SlaClock = (typeof SLA_CLOCKS)[number];
export type EscalationTrigger = (typeof ESCALATION_TRIGGERS)[number];
export type EscalationAction = (typeof ESCALATION_ACTIONS)[number];
export type NotifyTarget = (typeof NOTIFY_TARGETS)[number];
export type OutsideHoursPolicy = (typeof OUTSIDE_HOURS_POLICIES)[number];
export type CadenceAction = (typeof CADENCE_ACTIONS)[number];
export type KpiRole = (typeof KPI_ROLES)[number];

/** The tests a qualification condition can make on one field. */
export const CONDITION_TESTS = [
  'gte',
  'gt',
  'lte',
  'lt',
  'contains',
  'matches',
  'exists',
  'domain_in',
] as const;
