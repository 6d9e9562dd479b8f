/** The normalized `WorkspaceConfig` the rest of Baton reads, and the types it is made of. */

import type { BatonEventType } from '../../crm/events.js';
import type { LabelTable } from '../../domain/labels.js';
import type { LeadField, SourceMapping } from '../../domain/lead-input.js';
import type { Role } from '../../domain/roles.js';
import type { Locale } from '../../i18n/index.js';
import type {
  CadenceAction,
  EscalationAction,
  EscalationTrigger,
  KpiRole,
  NotifyTarget,
  OutsideHoursPolicy,
  SlaClock,
  VocCategory,
  Weekday,
} from './constants.js';

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
  /** Set on the country's public holidays (calendar.holidays_country); the team's own days off have none. */
  public?: true;
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
  /** Whom the step tells besides the card's thread (resolved: `STEP_NOTIFY_DEFAULTS` when not written). */
  notify: NotifyTarget[];
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
  /** Days in the stage before a lead counts as stuck; null = twice the stage's historical median; 'off' = never. */
  stagnationDays: number | 'off' | null;
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

// Defined next to the intake parser that reads it, so the domain does not import the config.
export type { SourceMapping } from '../../domain/lead-input.js';

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
    /** The team's own days off and the country's public holidays, in date order, one per date. */
    holidays: Holiday[];
    /** ISO 3166 country whose public holidays are in `holidays`, and its region; null when none. */
    holidaysCountry: string | null;
    holidaysRegion: string | null;
  };
  /**
   * What the file left out, for start-up to take from the workspace's Slack profiles:
   * `calendar.time_zone`, `locale`, and the members whose time zone follows the calendar's.
   */
  unset: { timeZone: boolean; locale: boolean; memberTimeZones: string[] };
  /** Display labels per locale for the keys people see; a key without one is shown humanised. */
  labels: LabelTable;
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
    /** Bulk imports by source: first-touch minutes instead of `sla.firstTouchMinutes`, or 'none'. */
    importSla: Record<string, number | 'none'>;
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
  funnel: {
    /** Reaching this working stage is a win. */
    wonStage: string;
    /** From this working stage on, a move asks for the deal's amount and currency. */
    dealStage: string;
    /** The currency an amount is in when none is given. */
    currency: string;
    /** The working stage a recycled lead reopens at on its revisit date. */
    recycleReopenStage: string;
    /** Every working stage mapped to the role whose KPI it is in reverse planning. */
    kpiRoles: Record<string, KpiRole>;
    plan: {
      trailingDays: number;
      minSample: number;
      /** Every working stage before the last mapped to its default rate to the next stage (0-1]. */
      defaultRates: Record<string, number>;
    };
  };
  retro: {
    enabled: boolean;
    open: WeeklyTime;
    nudge: WeeklyTime;
    close: WeeklyTime;
    monthlyReview: { enabled: boolean; dayOfMonth: number; time: string };
  };
  voc: { reaction: string };
  /** Days a finished job, a sent outbox row and a Slack event receipt are kept (the daily job deletes older). */
  retention: { jobsDays: number; outboxDays: number; eventReceiptsDays: number; crmDays: number };
  /** The HubSpot connector's mapping (used only when HUBSPOT_TOKEN is set). */
  hubspot: HubspotConfig;
  /** Outbound webhook endpoints (docs/webhooks.md). */
  webhooks: WebhookEndpoint[];
}

export interface HubspotConfig {
  /** Baton stage → contact lifecycle stage / lead status; a stage missing writes nothing. */
  lifecycleStages: Record<string, string>;
  leadStatuses: Record<string, string>;
  firstTouchStatus: string | null;
  lostReasonProperty: string | null;
  competitorProperty: string | null;
  notes: boolean;
  eventsIn: string[];
  /** HubSpot deal stage → Baton stage. */
  dealStages: Record<string, string>;
  /** HubSpot lead status → Baton stage. */
  contactStatuses: Record<string, string>;
  lostReason: string;
  source: string;
  form: string | null;
}

export interface WebhookEndpoint {
  name: string;
  url: string;
  /** Event types it receives, or '*' for all. */
  events: readonly BatonEventType[] | '*';
  /**
   * The environment variable holding its signing secret (the secret never enters the config), or
   * null for `secret: stored`: a secret Baton generated in Slack, kept in webhook_secrets.
   */
  secretEnv: string | null;
  enabled: boolean;
}
