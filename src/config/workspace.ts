/**
 * Reads baton.yaml into a `WorkspaceConfig`. Only `loadWorkspaceConfig` touches the disk;
 * everything else is pure so tests and a future settings UI can feed text or objects directly.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import type { LeadField } from '../domain/lead-input.js';
import { withPublicHolidays } from './workspace/calendar-holidays.js';
import { normalizeLabels, reasonKey, workingStageLabel } from './workspace/normalize-labels.js';
import {
  type ConditionMatcher,
  DEFAULT_CADENCE,
  DEFAULT_DISQUALIFY_REASONS,
  DEFAULT_LOST_REASONS,
  DEFAULT_WORKING_STAGES,
  defaultEscalationLadder,
  defaultFunnelRoles,
  defaultPlanRates,
  defaultQualificationDefaults,
  defaultQualificationRules,
  ESCALATION_TRIGGERS_FOR,
  type HubspotConfig,
  type QualificationRule,
  type RoutingPolicy,
  type SourceMapping,
  STEP_NOTIFY_DEFAULTS,
  VOC_CATEGORIES,
  type VocCategory,
  WEEKDAYS,
  type Weekday,
  type WorkspaceConfig,
  type WorkspaceFile,
  workspaceFileSchema,
} from './workspace-schema.js';

/** Lines shown in the message; the full list stays on `problems`. */
const MAX_SHOWN_PROBLEMS = 20;

/** A config file that cannot be used. Each problem is one line: `<file>: <key path>: <what is wrong>`. */
export class ConfigFileError extends Error {
  override readonly name = 'ConfigFileError';

  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    const hidden = problems.length - MAX_SHOWN_PROBLEMS;
    const shown = problems.slice(0, MAX_SHOWN_PROBLEMS);
    super(hidden > 0 ? [...shown, `${file}: … and ${hidden} more problems`].join('\n') : shown.join('\n'));
  }
}

/** Reads and validates the config file at `path` (usually BATON_CONFIG or ./baton.yaml). */
export function loadWorkspaceConfig(path: string): WorkspaceConfig {
  return parseWorkspaceConfig(readConfigText(path), path);
}

/** Reads the config file at `path` as a validated document (what the versioned store keeps). */
export function loadWorkspaceDocument(path: string): Record<string, unknown> {
  return parseWorkspaceDocument(readConfigText(path), path);
}

function readConfigText(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new ConfigFileError(path, [
        `${path}: config file not found (looked for ${resolve(path)}). ` +
          'To start, run `cp baton.minimal.yaml baton.yaml`, or set BATON_CONFIG to the path of your file.',
      ]);
    }
    throw new ConfigFileError(path, [`${path}: cannot read the config file (${code ?? String(error)})`]);
  }
  return text;
}

/** Parses YAML text; `fileLabel` names the file in every error line. */
export function parseWorkspaceConfig(text: string, fileLabel: string): WorkspaceConfig {
  return validateWorkspaceConfig(parseYamlDocument(text, fileLabel), fileLabel);
}

/**
 * Parses and validates YAML text, returning the document as written (defaults not filled in):
 * what the versioned store keeps. Throws `ConfigFileError` like `parseWorkspaceConfig`.
 */
export function parseWorkspaceDocument(text: string, fileLabel: string): Record<string, unknown> {
  const data = parseYamlDocument(text, fileLabel);
  validateWorkspaceConfig(data, fileLabel);
  return data as Record<string, unknown>;
}

function parseYamlDocument(text: string, fileLabel: string): unknown {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new ConfigFileError(
      fileLabel,
      doc.errors.map((error) => {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        return `${fileLabel}: line ${line}, column ${col}: ${error.message}`;
      }),
    );
  }
  try {
    return doc.toJS();
  } catch (error) {
    // e.g. an alias to an anchor that does not exist
    throw new ConfigFileError(fileLabel, [`${fileLabel}: ${(error as Error).message}`]);
  }
}

/** One thing wrong with a config document: where (key path) and what, in the file's words. */
export interface ConfigProblem {
  path: (string | number)[];
  message: string;
}

export type DocumentCheck = { ok: true; config: WorkspaceConfig } | { ok: false; problems: ConfigProblem[] };

/**
 * Validates a file-shaped document (the YAML as plain objects) and fills in every default. The file,
 * Slack and the API all come through here, so a bad value gets the same message wherever it is from.
 */
export function checkWorkspaceDocument(data: unknown): DocumentCheck {
  if (data === null || data === undefined || typeof data !== 'object' || Array.isArray(data)) {
    return {
      ok: false,
      problems: [{ path: [], message: `the top level must be a map of settings, got ${describe(data)}` }],
    };
  }
  const result = workspaceFileSchema.safeParse(data, { error: explainIssue });
  if (!result.success) {
    return {
      ok: false,
      problems: flattenIssues(result.error.issues).map(({ path, message }) => ({
        path: path.map((key) => (typeof key === 'number' ? key : String(key))),
        message,
      })),
    };
  }
  return { ok: true, config: normalizeWorkspaceFile(result.data) };
}

/** `<key path>: <message>`, or the message alone for the whole document: one line of the file's errors. */
export function problemLine(problem: ConfigProblem): string {
  return problem.path.length > 0 ? `${yamlPath(problem.path)}: ${problem.message}` : problem.message;
}

/** Validates already-parsed data (the YAML as plain objects) and fills in every default. */
export function validateWorkspaceConfig(data: unknown, fileLabel: string): WorkspaceConfig {
  if (data === null || data === undefined) {
    throw new ConfigFileError(fileLabel, [
      `${fileLabel} is empty; see baton.minimal.yaml for the smallest working file`,
    ]);
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new ConfigFileError(fileLabel, [
      `${fileLabel}: the top level must be a map of settings (channels:, roster:, …), got ${describe(data)}`,
    ]);
  }
  const checked = checkWorkspaceDocument(data);
  if (!checked.ok) {
    throw new ConfigFileError(
      fileLabel,
      checked.problems.map((problem) => `${fileLabel}: ${problemLine(problem)}`),
    );
  }
  return checked.config;
}

// ---- Error messages ----

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a map of keys',
  record: 'a map of keys',
};

function describe(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return JSON.stringify(value);
}

/** Plainer wording than zod's defaults for the generic issues; specific rules carry their own. */
const explainIssue: z.core.$ZodErrorMap = (iss) => {
  if (iss.input === undefined && (iss.code === 'invalid_type' || iss.code === 'invalid_union'))
    return 'is required';
  switch (iss.code) {
    case 'invalid_type':
      return `must be ${EXPECTED[iss.expected] ?? iss.expected}, got ${describe(iss.input)}`;
    case 'invalid_value':
      return `${describe(iss.input)} is not one of: ${iss.values.join(', ')}`;
    case 'too_small':
      if (iss.origin === 'array') return `needs at least ${iss.minimum} item${iss.minimum === 1 ? '' : 's'}`;
      if (iss.origin === 'string') return 'must not be empty';
      return `must be at least ${iss.minimum}`;
    case 'too_big':
      if (iss.origin === 'array') return `allows at most ${iss.maximum} items`;
      return `must be at most ${iss.maximum}`;
    default:
      return undefined;
  }
};

interface Problem {
  path: PropertyKey[];
  message: string;
}

/** One problem per unknown key, and a union (e.g. stage as text or map) reports its fitting branch. */
function flattenIssues(issues: readonly z.core.$ZodIssue[], base: PropertyKey[] = []): Problem[] {
  return issues.flatMap((issue): Problem[] => {
    const path = [...base, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: [...path, key], message: issue.message }));
    }
    if (issue.code === 'invalid_union') {
      const fitting = issue.errors.filter(
        (branch) => !branch.some((i) => i.code === 'invalid_type' && !i.path.length),
      );
      if (fitting.length === 1) return flattenIssues(fitting[0]!, path);
    }
    return [{ path, message: issue.message }];
  });
}

/** `roster[1].manager`, `channels.leads.enterprise`, `routing.segments["odd key"]`. */
export function yamlPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => {
      if (typeof key === 'number') return `[${key}]`;
      const name = String(key);
      if (/^[A-Za-z_][\w-]*$/.test(name)) return i === 0 ? name : `.${name}`;
      return `[${JSON.stringify(name)}]`;
    })
    .join('');
}

// ---- Normalization: snake_case file → complete camelCase config ----

const inWeekOrder = (days: readonly Weekday[]) => WEEKDAYS.filter((d) => days.includes(d));

/** Drops the keys zod left undefined, so normalized maps hold only what was written. */
function written<V>(map: Partial<Record<LeadField, V | undefined>>): Partial<Record<LeadField, V>> {
  return Object.fromEntries(Object.entries(map).filter(([, v]) => v !== undefined)) as Partial<
    Record<LeadField, V>
  >;
}

type FileQualification = WorkspaceFile['qualification'];
type FileMatcher = NonNullable<NonNullable<FileQualification['rules']>[number]['when'][LeadField]>;

function toMatcher(test: FileMatcher): ConditionMatcher {
  if (Array.isArray(test)) return { kind: 'any_of', values: [...test] };
  if (typeof test !== 'object') return { kind: 'equals', value: test };
  return {
    kind: 'test',
    gte: test.gte ?? null,
    gt: test.gt ?? null,
    lte: test.lte ?? null,
    lt: test.lt ?? null,
    contains: test.contains ?? null,
    matches: test.matches ?? null,
    exists: test.exists ?? null,
    domainIn: test.domain_in ? [...test.domain_in] : null,
  };
}

function normalizeQualification(
  q: FileQualification,
  segments: readonly string[],
  stages: readonly string[],
): WorkspaceConfig['qualification'] {
  const fallback = defaultQualificationDefaults(segments, stages);
  const rules =
    q.rules?.map(
      (rule): QualificationRule => ({
        when: Object.fromEntries(
          Object.entries(written(rule.when)).map(([field, test]) => [field, toMatcher(test)]),
        ),
        set: {
          segment: rule.set.segment ?? null,
          stage: rule.set.stage ?? null,
          score: rule.set.score ?? null,
        },
      }),
    ) ?? defaultQualificationRules(segments, stages);
  return {
    rules,
    defaults: {
      segment: q.defaults.segment ?? fallback.segment,
      stage: q.defaults.stage ?? fallback.stage,
      score: q.defaults.score,
    },
  };
}

function normalizeWorkspaceFile(file: WorkspaceFile): WorkspaceConfig {
  const { calendar, sla, routing, stages, cadence, retro, funnel } = file;
  // An unconfigured workspace has no channels yet: segments map to nothing and the others are ''.
  const given = file.channels;
  const leads: Record<string, string> = {};
  for (const segment of file.segments) {
    const channel =
      typeof given?.leads === 'string' ? given.leads : (given?.leads[segment] ?? given?.leads.default);
    if (channel !== undefined) leads[segment] = channel;
  }
  const firstLeadsChannel = leads[file.segments[0]!] ?? '';
  const workingHours = { start: calendar.working_hours.start, end: calendar.working_hours.end };
  const workingDays = inWeekOrder(calendar.working_days);

  const escalations =
    sla.escalations?.map((step) => ({
      afterMinutes: step.after_minutes,
      when: step.when ?? ESCALATION_TRIGGERS_FOR[step.action][0]!,
      action: step.action,
      enabled: step.enabled,
      notify: [...(step.notify ?? STEP_NOTIFY_DEFAULTS[step.action])],
    })) ?? defaultEscalationLadder(sla.first_touch_minutes);
  const ladderAutoAssign =
    escalations.find((s) => s.action === 'auto_assign' && s.enabled)?.afterMinutes ?? null;

  const policyFor = (segment: string): RoutingPolicy => {
    const own = routing.segments[segment] ?? {};
    const base = routing.default;
    const mode = own.mode ?? base.mode ?? 'claim';
    const outsideHours = own.outside_hours ?? base.outside_hours ?? 'hold';
    return mode === 'claim'
      ? {
          mode,
          autoAssignAfterMinutes:
            own.auto_assign_after_minutes ?? base.auto_assign_after_minutes ?? ladderAutoAssign,
          outsideHours,
        }
      : {
          mode,
          acceptTimeoutMinutes: own.accept_timeout_minutes ?? base.accept_timeout_minutes ?? 10,
          outsideHours,
        };
  };

  const locale = file.locale ?? 'en';
  const labels = normalizeLabels(file);
  const working = (
    stages.working?.map((s) =>
      typeof s === 'string'
        ? { key: s, label: s, stagnationDays: null }
        : { key: s.key, label: s.key, stagnationDays: s.stagnation_days ?? null },
    ) ?? DEFAULT_WORKING_STAGES.map((s) => ({ ...s }))
  ).map((s) => ({ ...s, label: labels.stages[s.key] ? workingStageLabel(labels, s.key, locale) : s.label }));
  const stageKeys = working.map((s) => s.key);
  const wonStage = funnel.won_stage ?? (stageKeys.includes('Closing') ? 'Closing' : stageKeys.at(-1)!);
  const wonAt = stageKeys.indexOf(wonStage);
  const dealStage =
    funnel.deal_stage ??
    (stageKeys.indexOf('Opportunity') >= 0 && stageKeys.indexOf('Opportunity') <= wonAt
      ? 'Opportunity'
      : stageKeys[Math.max(0, wonAt - 1)]!);

  const sources = Object.fromEntries(
    Object.entries(file.intake.sources).map(([name, m]): [string, SourceMapping] => [
      name,
      { name, fields: written(m.fields), defaults: written(m.defaults) },
    ]),
  );

  const voc: Partial<Record<VocCategory, string>> = {};
  for (const category of VOC_CATEGORIES) {
    const channel = given?.voc[category];
    if (channel !== undefined) voc[category] = channel;
  }

  const timeZone = calendar.time_zone ?? 'UTC';
  return {
    teamId: file.team_id ?? null,
    locale,
    segments: [...file.segments],
    channels: {
      leads,
      escalations: given?.escalations ?? firstLeadsChannel,
      retro: given?.retro ?? firstLeadsChannel,
      voc,
    },
    roster: (file.roster ?? []).map((m) => ({
      user: m.user,
      name: m.name ?? null,
      roles: [...m.roles],
      segments: [...(m.segments ?? file.segments)],
      weight: m.weight,
      maxOpenLeads: m.max_open_leads ?? null,
      timeZone: m.time_zone ?? timeZone,
      workingHours: {
        days: m.working_hours?.days ? inWeekOrder(m.working_hours.days) : [...workingDays],
        start: m.working_hours?.start ?? workingHours.start,
        end: m.working_hours?.end ?? workingHours.end,
      },
      manager: m.manager ?? null,
    })),
    calendar: {
      timeZone,
      workingDays,
      workingHours,
      holidays: withPublicHolidays(
        calendar.holidays.map((h) =>
          typeof h === 'string' ? { date: h, name: null } : { date: h.date, name: h.name ?? null },
        ),
        calendar.holidays_country ?? null,
        calendar.holidays_region ?? null,
        locale,
      ),
      holidaysCountry: calendar.holidays_country ?? null,
      holidaysRegion: calendar.holidays_region ?? null,
    },
    labels,
    unset: {
      timeZone: calendar.time_zone === undefined,
      locale: file.locale === undefined,
      memberTimeZones: (file.roster ?? []).filter((m) => m.time_zone === undefined).map((m) => m.user),
    },
    sla: { firstTouchMinutes: sla.first_touch_minutes, clock: sla.clock, escalations },
    intake: {
      duplicateWindowDays: file.intake.duplicate_window_days,
      sources,
      importSla: { ...file.intake.import_sla },
    },
    qualification: normalizeQualification(
      file.qualification,
      file.segments,
      working.map((s) => s.key),
    ),
    routing: {
      thresholdStage: routing.threshold_stage,
      matchExistingAccounts: routing.match_existing_accounts,
      segments: Object.fromEntries(file.segments.map((s) => [s, policyFor(s)])),
    },
    stages: {
      working,
      lostReasons: (stages.lost_reasons ?? DEFAULT_LOST_REASONS).map(reasonKey),
      disqualifyReasons: (stages.disqualify_reasons ?? DEFAULT_DISQUALIFY_REASONS).map(reasonKey),
    },
    cadence: {
      stopAtStage: cadence.stop_at_stage,
      steps:
        cadence.steps?.map((s) => ({
          day: s.day,
          action: s.action,
          label: s.label,
          withinMinutes: s.within_minutes ?? null,
        })) ?? DEFAULT_CADENCE.map((s) => ({ ...s })),
    },
    funnel: {
      wonStage,
      dealStage,
      currency: funnel.currency,
      recycleReopenStage: funnel.recycle_reopen_stage ?? routing.threshold_stage,
      kpiRoles: {
        ...defaultFunnelRoles(stageKeys, routing.threshold_stage, dealStage, wonStage),
        ...funnel.kpi_roles,
      },
      plan: {
        trailingDays: funnel.plan.trailing_days,
        minSample: funnel.plan.min_sample,
        defaultRates: { ...defaultPlanRates(stageKeys), ...funnel.plan.default_rates },
      },
    },
    retro: {
      enabled: retro.enabled,
      open: { ...retro.open },
      nudge: { ...retro.nudge },
      close: { ...retro.close },
      monthlyReview: {
        enabled: retro.monthly_review.enabled,
        dayOfMonth: retro.monthly_review.day_of_month,
        time: retro.monthly_review.time,
      },
    },
    voc: { reaction: file.voc.reaction },
    retention: {
      jobsDays: file.retention.jobs_days,
      outboxDays: file.retention.outbox_days,
      eventReceiptsDays: file.retention.event_receipts_days,
      crmDays: file.retention.crm_days,
    },
    webhooks: file.webhooks.map((w) => ({
      name: w.name,
      url: w.url,
      events: w.events,
      secretEnv: w.secret_env ?? null,
      enabled: w.enabled,
    })),
    hubspot: normalizeHubspot(file.hubspot, wonStage),
  };
}

/** HubSpot's default lifecycle stages and lead statuses for Baton's default funnel; keys not in the funnel are dropped. */
const DEFAULT_LIFECYCLE: Record<string, string> = {
  Lead: 'lead',
  MQL: 'marketingqualifiedlead',
  SAL: 'salesqualifiedlead',
  SQL: 'salesqualifiedlead',
  Opportunity: 'opportunity',
  Negotiation: 'opportunity',
  Closing: 'opportunity',
  Retention: 'customer',
};
const DEFAULT_LEAD_STATUS: Record<string, string> = {
  Lead: 'NEW',
  MQL: 'NEW',
  SAL: 'OPEN',
  SQL: 'CONNECTED',
  Opportunity: 'OPEN_DEAL',
  Negotiation: 'OPEN_DEAL',
  Closing: 'OPEN_DEAL',
  Lost: 'UNQUALIFIED',
  Disqualified: 'UNQUALIFIED',
  Recycle: 'BAD_TIMING',
};

function normalizeHubspot(hubspot: WorkspaceFile['hubspot'], wonStage: string): HubspotConfig {
  return {
    lifecycleStages: { ...(hubspot.lifecycle_stages ?? DEFAULT_LIFECYCLE) },
    leadStatuses: { ...(hubspot.lead_statuses ?? DEFAULT_LEAD_STATUS) },
    firstTouchStatus: hubspot.first_touch_status,
    lostReasonProperty: hubspot.lost_reason_property ?? null,
    competitorProperty: hubspot.competitor_property ?? null,
    notes: hubspot.notes,
    eventsIn: [...hubspot.events_in],
    dealStages: { ...(hubspot.deal_stages ?? { closedwon: wonStage, closedlost: 'Lost' }) },
    contactStatuses: { ...(hubspot.contact_statuses ?? {}) },
    lostReason: hubspot.lost_reason,
    source: hubspot.source,
    form: hubspot.form ?? null,
  };
}
