/**
 * The workspace config file (baton.yaml): constants, the zod schema of the file as written
 * (snake_case, strict) and the normalized `WorkspaceConfig` type the rest of Baton reads.
 * docs/configuration.md documents every key; keep the two in step.
 */
import { z } from 'zod';
import { LEAD_FIELDS, type LeadField, parseLeadField } from '../domain/lead-input.js';
import { isSeller, ROLES, type Role } from '../domain/roles.js';
import { LOCALES, type Locale } from '../i18n/index.js';

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
export const ROUTING_MODES = ['claim', 'round_robin'] as const;
export const OUTSIDE_HOURS_POLICIES = ['skip', 'hold'] as const;
export const CADENCE_ACTIONS = ['call', 'email', 'linkedin', 'meeting', 'other'] as const;

export type Weekday = (typeof WEEKDAYS)[number];
export type VocCategory = (typeof VOC_CATEGORIES)[number];
export type SideStage = (typeof SIDE_STAGES)[number];
export type SlaClock = (typeof SLA_CLOCKS)[number];
export type EscalationTrigger = (typeof ESCALATION_TRIGGERS)[number];
export type EscalationAction = (typeof ESCALATION_ACTIONS)[number];
export type OutsideHoursPolicy = (typeof OUTSIDE_HOURS_POLICIES)[number];
export type CadenceAction = (typeof CADENCE_ACTIONS)[number];

/** "HH:MM", 24-hour, zero-padded, so plain string comparison orders times. */
export interface DailyHours {
  start: string;
  end: string;
}
export interface MemberHours extends DailyHours {
  days: Weekday[];
}
export interface Holiday {
  date: string;
  name: string | null;
}
export interface RosterMember {
  user: string;
  name: string | null;
  roles: Role[];
  segments: string[];
  weight: number;
  /** null = no cap. */
  maxOpenLeads: number | null;
  timeZone: string;
  workingHours: MemberHours;
  manager: string | null;
}
export interface EscalationStep {
  afterMinutes: number;
  when: EscalationTrigger;
  action: EscalationAction;
  enabled: boolean;
}
export type RoutingPolicy =
  | {
      mode: 'claim';
      /**
       * Minutes an unclaimed card waits before Baton assigns it. Already resolved: the segment's
       * own setting, else routing.default's, else the SLA ladder's auto_assign step; null = never.
       */
      autoAssignAfterMinutes: number | null;
      outsideHours: OutsideHoursPolicy;
    }
  | {
      mode: 'round_robin';
      acceptTimeoutMinutes: number;
      outsideHours: OutsideHoursPolicy;
    };
export interface Stage {
  key: string;
  label: string;
  /** Days without movement before a lead counts as stuck; null = never. */
  stagnationDays: number | null;
}
export interface CadenceStep {
  day: number;
  action: CadenceAction;
  label: string;
  withinMinutes: number | null;
}
export interface WeeklyTime {
  day: Weekday;
  time: string;
}

/** Where a form tool keeps each Baton field in its own JSON. */
export interface SourceMapping {
  /** The source key (`intake.sources.<name>`); also the lead's source unless the body sends one. */
  name: string;
  /** Baton field → dotted path in the sender's JSON, e.g. `data.email`. */
  fields: Partial<Record<LeadField, string>>;
  /** Fixed values for fields the tool never sends (already checked like intake values). */
  defaults: Partial<Record<LeadField, string | number>>;
}

/**
 * One field's test in a qualification rule. Text compares case-insensitively; numbers
 * (company_size) numerically. In `test`, every operator that is not null must hold.
 */
export type ConditionMatcher =
  | { kind: 'equals'; value: string | number }
  | { kind: 'any_of'; values: (string | number)[] }
  | {
      kind: 'test';
      gte: number | null;
      gt: number | null;
      lte: number | null;
      lt: number | null;
      /** Case-insensitive substring. */
      contains: string | null;
      /** A regular expression (validated at load), applied case-insensitively. */
      matches: string | null;
      exists: boolean | null;
      /** Lower-case domains; the email's (or website's) domain or a subdomain of one must match. */
      domainIn: string[] | null;
    };

export interface QualificationRule {
  /** Field → matcher; all must hold. Empty = every lead. */
  when: Partial<Record<LeadField, ConditionMatcher>>;
  /** What a matching rule sets; null = leaves it to a later rule or the defaults. */
  set: { segment: string | null; stage: string | null; score: number | null };
}

export interface QualificationDefaults {
  segment: string;
  stage: string;
  score: number;
}

export interface WorkspaceConfig {
  teamId: string | null;
  locale: Locale;
  segments: string[];
  channels: {
    /** Every segment mapped to its leads channel. */
    leads: Record<string, string>;
    escalations: string;
    retro: string;
    /** Categories without a channel are only summarised in the weekly retro. */
    voc: Partial<Record<VocCategory, string>>;
  };
  roster: RosterMember[];
  calendar: {
    timeZone: string;
    workingDays: Weekday[];
    workingHours: DailyHours;
    holidays: Holiday[];
  };
  sla: {
    firstTouchMinutes: number;
    clock: SlaClock;
    escalations: EscalationStep[];
  };
  intake: {
    /** The same email within this many days is the same lead; 0 = never merge by email. */
    duplicateWindowDays: number;
    /** Per-source field mappings, by source key. */
    sources: Record<string, SourceMapping>;
  };
  qualification: {
    /** In order; for each of segment, stage and score the first matching rule that sets it wins. */
    rules: QualificationRule[];
    defaults: QualificationDefaults;
  };
  routing: {
    thresholdStage: string;
    /** Send a lead whose email domain or company matches an account with an open or won lead to that owner. */
    matchExistingAccounts: boolean;
    /** Every segment mapped to its effective policy (overrides merged over routing.default). */
    segments: Record<string, RoutingPolicy>;
  };
  stages: {
    working: Stage[];
    lostReasons: string[];
    disqualifyReasons: string[];
  };
  cadence: {
    stopAtStage: string;
    steps: CadenceStep[];
  };
  retro: {
    enabled: boolean;
    open: WeeklyTime;
    nudge: WeeklyTime;
    close: WeeklyTime;
    monthlyReview: { enabled: boolean; dayOfMonth: number; time: string };
  };
  voc: { reaction: string };
}

// ---- Defaults that are lists or derived; scalar defaults sit on the schema fields below. ----

export const DEFAULT_SEGMENTS: readonly string[] = ['smb', 'enterprise'];
export const DEFAULT_WORKING_STAGES: readonly Stage[] = [
  { key: 'Lead', label: 'Lead', stagnationDays: null },
  { key: 'MQL', label: 'MQL', stagnationDays: 3 },
  { key: 'SAL', label: 'SAL', stagnationDays: 7 },
  { key: 'SQL', label: 'SQL', stagnationDays: 14 },
  { key: 'Opportunity', label: 'Opportunity', stagnationDays: 21 },
  { key: 'Negotiation', label: 'Negotiation', stagnationDays: 14 },
  { key: 'Closing', label: 'Closing', stagnationDays: 7 },
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
  }));
}

// ---- Field schemas ----

/** A map whose unknown keys are errors that list what is allowed there, so typos never pass. */
function strictMap<T extends z.ZodRawShape>(shape: T) {
  const allowed = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (iss) => (iss.code === 'unrecognized_keys' ? `unknown key (allowed here: ${allowed})` : undefined),
  });
}

/** Text matching `re`; anything else, of any type, gets "<value> is not <what>". */
function pattern(re: RegExp, what: string) {
  const explain = (iss: { input?: unknown }) =>
    iss.input === undefined ? undefined : `${JSON.stringify(iss.input)} is not ${what}`;
  return z.string({ error: explain }).regex(re, { error: explain });
}

/** A union's own message, except for a missing value, which keeps the generic "is required". */
const unlessMissing = (message: string) => (iss: { input?: unknown }) =>
  iss.input === undefined ? undefined : message;

/**
 * zod skips a refinement after any aborting issue. This lets it run as long as nothing it reads
 * (per `reads`) is broken, so a typo in one place does not hide problems elsewhere. Unknown keys
 * leave the known ones intact, so they never block.
 */
function unlessBroken(reads: (path: readonly PropertyKey[]) => boolean) {
  return {
    when: (payload: z.core.ParsePayload) =>
      !payload.issues.some(
        (i) => i.continue !== true && i.code !== 'unrecognized_keys' && reads(i.path ?? []),
      ),
  };
}

const wholeNumber = (min: number, max: number) => z.number().int().min(min).max(max);

/** A list whose repeated entries are reported at the repeat's own index. */
function uniqueList<T extends z.ZodType>(item: T) {
  return z.array(item).superRefine((list, ctx) => {
    list.forEach((value, i) => {
      if (list.indexOf(value) !== i) {
        ctx.addIssue({ code: 'custom', path: [i], message: `${JSON.stringify(value)} is listed twice` });
      }
    });
  });
}

const userId = pattern(/^[UW][A-Z0-9]{2,}$/, 'a Slack user id (like U0123ABCD)');
const channelId = pattern(
  /^[CG][A-Z0-9]{2,}$/,
  "a Slack channel id (like C0123ABCD; it is at the bottom of the channel's details)",
);
const slug = pattern(
  /^[a-z][a-z0-9_-]{0,31}$/,
  'a lowercase key like "smb" (a-z, 0-9, _ and -; up to 32 long)',
);
const stageKey = pattern(/^[A-Za-z][A-Za-z0-9_]{0,31}$/, 'a stage key like "MQL" (letters, digits and _)');
const clockTime = pattern(/^([01]\d|2[0-3]):[0-5]\d$/, 'a 24-hour time like "09:00"');
function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  // Round-tripping rejects dates JavaScript would roll over, such as 2025-02-30.
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
  );
}

const isoDate = z.string().refine(isRealDate, {
  error: (iss) => `"${String(iss.input)}" is not a real date in YYYY-MM-DD form (like "2025-12-25")`,
});

export function isIanaTimeZone(name: string): boolean {
  // Intl also accepts offsets such as "+09:00"; Baton wants zone names, which start with a letter.
  if (!/^[A-Za-z]/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The closest real zone name, so "Asia/Seol" points at "Asia/Seoul". */
function similarTimeZone(name: string): string {
  const zones = [...Intl.supportedValuesOf('timeZone'), 'UTC'];
  let best = 'Asia/Seoul';
  let bestDistance = 5;
  for (const zone of zones) {
    const distance = editDistance(name.toLowerCase(), zone.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [zone, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

const timeZone = z.string().refine(isIanaTimeZone, {
  error: (iss) => {
    const value = String(iss.input);
    return `"${value}" is not an IANA time zone (e.g. ${similarTimeZone(value)})`;
  },
});

const weekdayList = uniqueList(z.enum(WEEKDAYS)).min(1);

function startBeforeEnd(hours: DailyHours, ctx: z.core.$RefinementCtx) {
  if (hours.start >= hours.end) {
    ctx.addIssue({
      code: 'custom',
      message: `start "${hours.start}" must be before end "${hours.end}" (overnight hours are not supported)`,
    });
  }
}

const holiday = z.union([isoDate, strictMap({ date: isoDate, name: z.string().trim().min(1).optional() })], {
  error: unlessMissing('must be a date like "2025-12-25", or a map with date: and name:'),
});

const calendarSchema = strictMap({
  time_zone: timeZone.default('UTC'),
  working_days: weekdayList.default(['mon', 'tue', 'wed', 'thu', 'fri']),
  working_hours: strictMap({ start: clockTime.default('09:00'), end: clockTime.default('18:00') })
    .superRefine(startBeforeEnd)
    .prefault({}),
  holidays: z
    .array(holiday)
    .superRefine((list, ctx) => {
      const dates = list.map((h) => (typeof h === 'string' ? h : h.date));
      dates.forEach((date, i) => {
        if (dates.indexOf(date) !== i)
          ctx.addIssue({ code: 'custom', path: [i], message: `"${date}" is listed twice` });
      });
    })
    .default([]),
});

const memberSchema = strictMap({
  user: userId,
  name: z.string().trim().min(1).optional(),
  roles: uniqueList(z.enum(ROLES)).min(1).default(['sdr']),
  segments: uniqueList(slug).min(1).optional(),
  weight: wholeNumber(1, 100).default(1),
  max_open_leads: wholeNumber(1, 1000).optional(),
  time_zone: timeZone.optional(),
  // Each field falls back to the calendar's, so a member can override just `start`.
  working_hours: strictMap({
    days: weekdayList.optional(),
    start: clockTime.optional(),
    end: clockTime.optional(),
  }).optional(),
  manager: userId.optional(),
});

const rosterSchema = z.array(memberSchema).superRefine(
  (roster, ctx) => {
    const users = roster.map((m) => m.user);
    roster.forEach((member, i) => {
      const first = users.indexOf(member.user);
      if (first !== i) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'user'],
          message: `"${member.user}" is already on the roster (roster[${first}])`,
        });
      }
      if (member.manager === member.user) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'manager'],
          message: 'a member cannot be their own manager',
        });
      } else if (member.manager !== undefined && !users.includes(member.manager)) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'manager'],
          message: `"${member.manager}" is not on the roster`,
        });
      }
    });
    if (!roster.some((m) => isSeller(m.roles))) {
      ctx.addIssue({
        code: 'custom',
        message:
          'no member has a seller role (sdr or ae); every lead is routed to a seller, so give at least one member roles: [sdr] or [ae]',
      });
    }
  },
  unlessBroken(
    (path) =>
      path.length < 2 || (path.length === 2 && ['user', 'roles', 'manager'].includes(String(path[1]))),
  ),
);

const escalationStep = strictMap({
  after_minutes: wholeNumber(1, 10_080),
  when: z.enum(ESCALATION_TRIGGERS).optional(),
  action: z.enum(ESCALATION_ACTIONS),
  enabled: z.boolean().default(true),
}).superRefine((step, ctx) => {
  const allowed = ESCALATION_TRIGGERS_FOR[step.action];
  if (step.when !== undefined && !allowed.includes(step.when)) {
    ctx.addIssue({
      code: 'custom',
      path: ['when'],
      message: `${step.action} only works with when: ${allowed.join(' or ')}`,
    });
  }
});

const slaSchema = strictMap({
  first_touch_minutes: wholeNumber(5, 10_080).default(60),
  clock: z.enum(SLA_CLOCKS).default('business'),
  escalations: z
    .array(escalationStep)
    .max(10)
    .superRefine((steps, ctx) => {
      steps.forEach((step, i) => {
        const previous = steps[i - 1];
        if (previous && step.after_minutes <= previous.after_minutes) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'after_minutes'],
            message: `${step.after_minutes} must be greater than the previous step's ${previous.after_minutes} (steps run in ascending order)`,
          });
        }
        if (step.action === 'breach' && steps.findIndex((s) => s.action === 'breach') !== i) {
          ctx.addIssue({ code: 'custom', path: [i, 'action'], message: 'only one breach step is allowed' });
        }
      });
    })
    .optional(),
}).superRefine((sla, ctx) => {
  sla.escalations?.forEach((step, i) => {
    if (step.action === 'breach' && step.after_minutes !== sla.first_touch_minutes) {
      ctx.addIssue({
        code: 'custom',
        path: ['escalations', i, 'after_minutes'],
        message: `the breach step must be at sla.first_touch_minutes (${sla.first_touch_minutes}), got ${step.after_minutes}`,
      });
    }
  });
});

// Fields left out inherit from routing.default, then from the built-in defaults.
const routingPolicy = strictMap({
  mode: z.enum(ROUTING_MODES).optional(),
  auto_assign_after_minutes: wholeNumber(1, 10_080).optional(),
  accept_timeout_minutes: wholeNumber(1, 1440).optional(),
  outside_hours: z.enum(OUTSIDE_HOURS_POLICIES).optional(),
});

const routingSchema = strictMap({
  threshold_stage: stageKey.default('MQL'),
  match_existing_accounts: z.boolean().default(true),
  default: routingPolicy.prefault({}),
  segments: z.record(z.string(), routingPolicy).default({}),
}).superRefine((routing, ctx) => {
  const defaultMode = routing.default.mode ?? 'claim';
  const blocks: [PropertyKey[], z.output<typeof routingPolicy>][] = [
    [['default'], routing.default],
    ...Object.entries(routing.segments).map(([key, block]): [PropertyKey[], typeof block] => [
      ['segments', key],
      block,
    ]),
  ];
  for (const [path, block] of blocks) {
    const mode = block.mode ?? defaultMode;
    const misplaced = mode === 'claim' ? 'accept_timeout_minutes' : 'auto_assign_after_minutes';
    if (block[misplaced] !== undefined) {
      const other = mode === 'claim' ? 'round_robin' : 'claim';
      ctx.addIssue({
        code: 'custom',
        path: [...path, misplaced],
        message: `only applies to mode: ${other}, but this block routes by ${mode}`,
      });
    }
  }
});

/** Lowercase keys as the intake normalizes them: a mapping is found under the lead's source. */
const sourceKey = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const SOURCE_KEY_RULE = 'a lowercase source key like "webflow" (a-z, 0-9, _ and -; up to 64 long)';

/** A map with one optional entry per intake field; an unknown field lists the allowed ones. */
function perLeadField<T extends z.ZodType>(value: T) {
  return strictMap(
    Object.fromEntries(LEAD_FIELDS.map((field) => [field, value.optional()])) as Record<
      LeadField,
      z.ZodOptional<T>
    >,
  );
}

const jsonPath = z
  .string()
  .trim()
  .max(300)
  .superRefine((path, ctx) => {
    if (/[[\]]/.test(path)) {
      ctx.addIssue({
        code: 'custom',
        message: `${JSON.stringify(path)} uses brackets; write list items as dotted keys too, like "fields.0.value"`,
      });
    } else if (path === '' || path.split('.').some((segment) => segment === '')) {
      ctx.addIssue({
        code: 'custom',
        message: `${JSON.stringify(path)} is not a dotted path like "data.email"`,
      });
    }
  });

/** A fixed default would make every lead the same one (duplicates are found by these). */
const NO_FIXED_DEFAULT: readonly LeadField[] = ['email', 'external_id'];

const sourceMapping = strictMap({
  fields: perLeadField(jsonPath).default({}),
  defaults: perLeadField(
    z.union([z.string(), z.number()], { error: unlessMissing('must be text or a number') }),
  )
    .superRefine((defaults, ctx) => {
      for (const field of LEAD_FIELDS) {
        const value = defaults[field];
        if (value === undefined) continue;
        if (NO_FIXED_DEFAULT.includes(field)) {
          ctx.addIssue({
            code: 'custom',
            path: [field],
            message: `cannot have a default: every lead would get the same ${field}, and be taken for one lead`,
          });
          continue;
        }
        const parsed = parseLeadField(field, value);
        if (!parsed.ok) ctx.addIssue({ code: 'custom', path: [field], message: parsed.message });
        else if (parsed.value === null)
          ctx.addIssue({ code: 'custom', path: [field], message: 'must not be empty' });
      }
    })
    .default({}),
});

const intakeSchema = strictMap({
  duplicate_window_days: wholeNumber(0, 365).default(30),
  sources: z
    .record(z.string(), sourceMapping)
    .superRefine(
      (sources, ctx) => {
        for (const name of Object.keys(sources)) {
          if (!sourceKey.test(name)) {
            ctx.addIssue({
              code: 'custom',
              path: [name],
              message: `${JSON.stringify(name)} is not ${SOURCE_KEY_RULE}`,
            });
          }
        }
      },
      // Only keys are read, so broken mappings never hide a bad key.
      { when: () => true },
    )
    .default({}),
});

/** For "needs at least one of …" checks: skip them on a non-map or when a misspelt key says enough. */
const isMapWithoutTypos = (payload: z.core.ParsePayload) =>
  typeof payload.value === 'object' &&
  payload.value !== null &&
  !Array.isArray(payload.value) &&
  !payload.issues.some((i) => i.code === 'unrecognized_keys');

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
/** Fields compared as numbers; all others are text. */
const NUMERIC_FIELDS: readonly LeadField[] = ['company_size'];
/** Fields `domain_in` understands. */
const DOMAIN_FIELDS: readonly LeadField[] = ['email', 'website'];

const regexSource = z
  .string()
  .min(1)
  .max(500)
  .superRefine((source, ctx) => {
    try {
      new RegExp(source, 'iu');
    } catch (error) {
      const reason = (error as Error).message.replace(/^.*: /, '');
      ctx.addIssue({
        code: 'custom',
        message: `${JSON.stringify(source)} is not a valid regular expression (${reason})`,
      });
    }
  });

const domainName = z
  .string()
  .trim()
  .toLowerCase()
  .transform((d) => d.replace(/^@/, ''))
  .pipe(
    pattern(/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/, 'a domain like "acme.com"'),
  );

const matchValue = z.union([z.string().trim().min(1), z.number()], {
  error: unlessMissing('must be text or a number'),
});

const matchTests = strictMap({
  gte: z.number().optional(),
  gt: z.number().optional(),
  lte: z.number().optional(),
  lt: z.number().optional(),
  contains: z.string().trim().min(1).optional(),
  matches: regexSource.optional(),
  exists: z.boolean().optional(),
  domain_in: z.array(domainName).min(1).optional(),
}).superRefine(
  (tests, ctx) => {
    if (CONDITION_TESTS.every((name) => tests[name] === undefined)) {
      ctx.addIssue({ code: 'custom', message: `needs at least one test (${CONDITION_TESTS.join(', ')})` });
    }
  },
  // A misspelt test already says what is allowed.
  { when: isMapWithoutTypos },
);

// Flat, so the loader can tell which form was meant and report inside it.
const matcher = z.union([z.string().trim().min(1), z.number(), z.array(matchValue).min(1), matchTests], {
  error: unlessMissing(
    `must be a value, a list of values (any of them), or a map of tests (${CONDITION_TESTS.join(', ')})`,
  ),
});

function checkCondition(field: LeadField, test: z.output<typeof matcher>, ctx: z.core.$RefinementCtx) {
  const numeric = NUMERIC_FIELDS.includes(field);
  const report = (path: PropertyKey[], message: string) =>
    ctx.addIssue({ code: 'custom', path: [field, ...path], message });
  const checkValue = (value: string | number, path: PropertyKey[]) => {
    if (numeric && typeof value !== 'number') {
      report(path, `${JSON.stringify(value)} is not a number (${field} is compared as a number)`);
    }
  };
  if (typeof test !== 'object') {
    checkValue(test, []);
    return;
  }
  if (Array.isArray(test)) {
    test.forEach((value, i) => {
      checkValue(value, [i]);
    });
    return;
  }
  const used = CONDITION_TESTS.filter((name) => test[name] !== undefined);
  for (const name of used) {
    const forNumbers = ['gte', 'gt', 'lte', 'lt'].includes(name);
    if (forNumbers && !numeric) {
      report([name], `only applies to ${NUMERIC_FIELDS.join(', ')}; ${field} is text`);
    } else if ((name === 'contains' || name === 'matches') && numeric) {
      report([name], `only applies to text; ${field} is a number (use gte, gt, lte or lt)`);
    } else if (name === 'domain_in' && !DOMAIN_FIELDS.includes(field)) {
      report([name], `only applies to ${DOMAIN_FIELDS.join(' and ')}`);
    }
  }
  if (test.exists === false && used.length > 1) {
    report(
      ['exists'],
      'exists: false cannot be combined with other tests (a missing value passes none of them)',
    );
  }
}

const conditionSchema = perLeadField(matcher).superRefine((when, ctx) => {
  for (const field of LEAD_FIELDS) {
    const test = when[field];
    if (test !== undefined) checkCondition(field, test, ctx);
  }
});

const qualificationSet = strictMap({
  segment: slug.optional(),
  stage: stageKey.optional(),
  score: wholeNumber(0, 100).optional(),
}).superRefine(
  (set, ctx) => {
    if (set.segment === undefined && set.stage === undefined && set.score === undefined) {
      ctx.addIssue({ code: 'custom', message: 'needs at least one of segment, stage or score' });
    }
  },
  { when: isMapWithoutTypos },
);

const qualificationSchema = strictMap({
  rules: z
    .array(strictMap({ when: conditionSchema.default({}), set: qualificationSet }))
    .max(100)
    .optional(),
  defaults: strictMap({
    segment: slug.optional(),
    stage: stageKey.optional(),
    score: wholeNumber(0, 100).default(DEFAULT_QUALIFICATION_DEFAULTS.score),
  }).prefault({}),
});

const stageSchema = z.union(
  [
    stageKey,
    strictMap({
      key: stageKey,
      label: z.string().trim().min(1).optional(),
      stagnation_days: wholeNumber(1, 365).optional(),
    }),
  ],
  { error: unlessMissing('must be a stage key like "MQL", or a map with key:, label: and stagnation_days:') },
);

const stagesSchema = strictMap({
  working: z
    .array(stageSchema)
    .min(2)
    .max(12)
    .superRefine((stages, ctx) => {
      const keys = stages.map((s) => (typeof s === 'string' ? s : s.key));
      keys.forEach((key, i) => {
        const path = typeof stages[i] === 'string' ? [i] : [i, 'key'];
        if ((SIDE_STAGES as readonly string[]).includes(key)) {
          ctx.addIssue({
            code: 'custom',
            path,
            message: `"${key}" is a fixed side state (${SIDE_STAGES.join(', ')}), not a working stage`,
          });
        } else if (keys.indexOf(key) !== i) {
          ctx.addIssue({ code: 'custom', path, message: `stage "${key}" is listed twice` });
        }
      });
    })
    .optional(),
  lost_reasons: uniqueList(slug).min(1).optional(),
  disqualify_reasons: uniqueList(slug).min(1).optional(),
});

const cadenceSchema = strictMap({
  stop_at_stage: stageKey.default('Opportunity'),
  steps: z
    .array(
      strictMap({
        day: wholeNumber(1, 365),
        action: z.enum(CADENCE_ACTIONS),
        label: z.string().trim().min(1),
        within_minutes: wholeNumber(1, 1440).optional(),
      }),
    )
    .max(30)
    .superRefine((steps, ctx) => {
      steps.forEach((step, i) => {
        const previous = steps[i - 1];
        if (previous && step.day < previous.day) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'day'],
            message: `day ${step.day} comes after day ${previous.day}; list steps in day order`,
          });
        }
      });
    })
    .optional(),
});

const weeklyTime = (day: Weekday, time: string) =>
  strictMap({ day: z.enum(WEEKDAYS).default(day), time: clockTime.default(time) }).prefault({});

const minuteOfWeek = (t: { day: Weekday; time: string }) =>
  WEEKDAYS.indexOf(t.day) * 1440 + Number(t.time.slice(0, 2)) * 60 + Number(t.time.slice(3));

const retroSchema = strictMap({
  enabled: z.boolean().default(true),
  open: weeklyTime('mon', '10:00'),
  nudge: weeklyTime('tue', '12:00'),
  close: weeklyTime('fri', '17:00'),
  monthly_review: strictMap({
    enabled: z.boolean().default(true),
    day_of_month: wholeNumber(1, 28).default(1),
    time: clockTime.default('10:00'),
  }).prefault({}),
}).superRefine((retro, ctx) => {
  // The retro lives within one Monday-to-Sunday week.
  const moments = [
    ['open', retro.open],
    ['nudge', retro.nudge],
    ['close', retro.close],
  ] as const;
  moments.forEach(([name, at], i) => {
    const previous = moments[i - 1];
    if (previous && minuteOfWeek(at) <= minuteOfWeek(previous[1])) {
      const [previousName, { day, time }] = previous;
      ctx.addIssue({
        code: 'custom',
        path: [name],
        message: `${at.day} ${at.time} must come after ${previousName} (${day} ${time}) within the week`,
      });
    }
  });
});

const vocSchema = strictMap({
  reaction: z
    .string()
    .trim()
    .transform((name) => name.replace(/^:(.*):$/, '$1'))
    .pipe(pattern(/^[a-z0-9_+'-]+$/, 'an emoji name like "voc" or ":voc:"'))
    .default('voc'),
});

const vocChannels = strictMap(
  Object.fromEntries(VOC_CATEGORIES.map((c) => [c, channelId.optional()])) as Record<
    VocCategory,
    z.ZodOptional<typeof channelId>
  >,
);

const channelsSchema = strictMap({
  leads: z.union([channelId, z.record(z.string(), channelId)], {
    error: unlessMissing('must be a channel id, or a map of segment to channel id'),
  }),
  escalations: channelId.optional(),
  retro: channelId.optional(),
  voc: vocChannels.prefault({}),
});

const fileShape = strictMap({
  team_id: pattern(/^T[A-Z0-9]{2,}$/, 'a Slack team id (like T0123ABCD)').optional(),
  locale: z.enum(LOCALES).default('en'),
  segments: uniqueList(
    slug.refine((s) => s !== 'default', {
      error: '"default" is reserved (it names the fallback leads channel)',
    }),
  )
    .min(1)
    .max(20)
    .default(() => [...DEFAULT_SEGMENTS]),
  channels: channelsSchema,
  roster: rosterSchema,
  calendar: calendarSchema.prefault({}),
  sla: slaSchema.prefault({}),
  intake: intakeSchema.prefault({}),
  qualification: qualificationSchema.prefault({}),
  routing: routingSchema.prefault({}),
  stages: stagesSchema.prefault({}),
  cadence: cadenceSchema.prefault({}),
  retro: retroSchema.prefault({}),
  voc: vocSchema.prefault({}),
});

/** The file as validated: snake_case, scalar defaults filled in, list defaults still to apply. */
export type WorkspaceFile = z.output<typeof fileShape>;

const workingStageKeys = (file: WorkspaceFile): string[] =>
  file.stages.working?.map((s) => (typeof s === 'string' ? s : s.key)) ??
  DEFAULT_WORKING_STAGES.map((s) => s.key);

// ---- Checks across sections ----

type Report = (path: PropertyKey[], message: string) => void;

function acrossSections(
  sections: (keyof WorkspaceFile)[],
  check: (file: WorkspaceFile, report: Report) => void,
) {
  return [
    (file: WorkspaceFile, ctx: z.core.$RefinementCtx) =>
      check(file, (path, message) => ctx.addIssue({ code: 'custom', path, message })),
    unlessBroken((path) => sections.some((s) => s === path[0])),
  ] as const;
}

const notASegment = (file: WorkspaceFile, value: string) =>
  `"${value}" is not a segment (segments: ${file.segments.join(', ')})`;

function checkLeadChannels(file: WorkspaceFile, report: Report) {
  const leads = file.channels.leads;
  if (typeof leads === 'string') return;
  for (const key of Object.keys(leads)) {
    if (key !== 'default' && !file.segments.includes(key))
      report(['channels', 'leads', key], notASegment(file, key));
  }
  const uncovered = file.segments.filter((s) => !Object.hasOwn(leads, s));
  if (!Object.hasOwn(leads, 'default') && uncovered.length > 0) {
    report(
      ['channels', 'leads'],
      `no channel for segment ${uncovered.join(', ')}; map every segment or add a "default" channel`,
    );
  }
}

function checkRosterReferences(file: WorkspaceFile, report: Report) {
  file.roster.forEach((member, i) => {
    member.segments?.forEach((s, j) => {
      if (!file.segments.includes(s)) report(['roster', i, 'segments', j], notASegment(file, s));
    });
    // Checked after merging, since a member may override only one end of the calendar's day.
    const own = member.working_hours;
    const start = own?.start ?? file.calendar.working_hours.start;
    const end = own?.end ?? file.calendar.working_hours.end;
    if ((own?.start !== undefined || own?.end !== undefined) && start >= end) {
      report(
        ['roster', i, 'working_hours'],
        `start "${start}" must be before end "${end}" (unset ones come from calendar.working_hours)`,
      );
    }
  });
  // With no seller at all the roster check has already said so; here each segment needs one.
  if (!file.roster.some((m) => isSeller(m.roles))) return;
  for (const segment of file.segments) {
    if (!file.roster.some((m) => isSeller(m.roles) && (m.segments ?? file.segments).includes(segment))) {
      report(
        ['roster'],
        `no seller (sdr or ae) covers segment "${segment}", so its leads could never be routed`,
      );
    }
  }
}

function checkRoutingReferences(file: WorkspaceFile, report: Report) {
  const blocks: [PropertyKey[], number | undefined][] = [
    [['routing', 'default'], file.routing.default.auto_assign_after_minutes],
  ];
  for (const [key, block] of Object.entries(file.routing.segments)) {
    if (!file.segments.includes(key)) report(['routing', 'segments', key], notASegment(file, key));
    blocks.push([['routing', 'segments', key], block.auto_assign_after_minutes]);
  }
  const sla = file.sla.first_touch_minutes;
  for (const [path, minutes] of blocks) {
    if (minutes !== undefined && minutes >= sla) {
      report(
        [...path, 'auto_assign_after_minutes'],
        `${minutes} must be less than sla.first_touch_minutes (${sla}), or leads breach before anyone owns them`,
      );
    }
  }
}

function notAWorkingStage(stages: readonly string[], value: string): string {
  const sameIgnoringCase = stages.find((s) => s.toLowerCase() === value.toLowerCase());
  const hint = sameIgnoringCase ? `; keys are case-sensitive, did you mean "${sameIgnoringCase}"?` : '';
  return `"${value}" is not a working stage (stages: ${stages.join(', ')})${hint}`;
}

function checkStageReferences(file: WorkspaceFile, report: Report) {
  const stages = workingStageKeys(file);
  const notAStage = (value: string) => notAWorkingStage(stages, value);
  const { threshold_stage } = file.routing;
  const { stop_at_stage } = file.cadence;
  const threshold = stages.indexOf(threshold_stage);
  const stop = stages.indexOf(stop_at_stage);
  if (threshold < 0) report(['routing', 'threshold_stage'], notAStage(threshold_stage));
  if (stop < 0) {
    report(['cadence', 'stop_at_stage'], notAStage(stop_at_stage));
  } else if (threshold >= 0 && stop <= threshold) {
    report(
      ['cadence', 'stop_at_stage'],
      `"${stop_at_stage}" must come after routing.threshold_stage "${threshold_stage}", or the cadence ends before it starts`,
    );
  }
}

function checkQualificationReferences(file: WorkspaceFile, report: Report) {
  const stages = workingStageKeys(file);
  const check = (path: PropertyKey[], set: { segment?: string | undefined; stage?: string | undefined }) => {
    if (set.segment !== undefined && !file.segments.includes(set.segment)) {
      report([...path, 'segment'], notASegment(file, set.segment));
    }
    if (set.stage !== undefined && !stages.includes(set.stage)) {
      report([...path, 'stage'], notAWorkingStage(stages, set.stage));
    }
  };
  file.qualification.rules?.forEach((rule, i) => {
    check(['qualification', 'rules', i, 'set'], rule.set);
  });
  check(['qualification', 'defaults'], file.qualification.defaults);
}

/** The whole file, validated but not yet normalized (workspace.ts turns it into a WorkspaceConfig). */
export const workspaceFileSchema = fileShape
  .superRefine(...acrossSections(['segments', 'channels'], checkLeadChannels))
  .superRefine(...acrossSections(['segments', 'roster', 'calendar'], checkRosterReferences))
  .superRefine(...acrossSections(['segments', 'routing', 'sla'], checkRoutingReferences))
  .superRefine(...acrossSections(['stages', 'routing', 'cadence'], checkStageReferences))
  .superRefine(...acrossSections(['segments', 'stages', 'qualification'], checkQualificationReferences));
