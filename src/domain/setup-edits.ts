/**
 * What each set-up modal writes into the YAML-shaped config document (pure). The modal's values
 * arrive already read from Slack's view state; validation is the config schema's, after the edit.
 */
import type { EscalationStep } from '../config/workspace/types.js';
import type { Role } from './roles.js';
import { type NewMemberProfile, withFields } from './roster-command.js';

type Doc = Record<string, unknown>;
type Entry = Record<string, unknown> & { user: string };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export interface ChannelsForm {
  /** Segment → channel id; every segment's select is required in the modal. */
  leads: Record<string, string>;
  escalations: string | null;
  retro: string | null;
  /** VOC category → channel id; null = none. */
  voc: Record<string, string | null>;
}

export function applyChannels(doc: Doc, form: ChannelsForm): void {
  const channels: Record<string, unknown> = { leads: { ...form.leads } };
  if (form.escalations) channels.escalations = form.escalations;
  if (form.retro) channels.retro = form.retro;
  const voc = Object.fromEntries(Object.entries(form.voc).filter(([, c]) => c));
  if (Object.keys(voc).length > 0) channels.voc = voc;
  doc.channels = channels;
}

export interface PeopleForm {
  /** People to add, or to update when already on the roster. */
  users: string[];
  roles: Role[];
  /** Empty: new people serve every segment; people already on the roster keep theirs. */
  segments: string[];
  weight: number | null;
  cap: number | null;
  manager: string | null;
  remove: string[];
}

/**
 * Adds or updates the chosen people with the fields given, and removes those marked. A manager
 * (`teamOf`) who names no manager makes the people they add their own team.
 */
export function applyPeople(
  doc: Doc,
  form: PeopleForm,
  profiles: ReadonlyMap<string, NewMemberProfile>,
  teamOf: string | null = null,
): void {
  const roster = (Array.isArray(doc.roster) ? structuredClone(doc.roster) : []) as Entry[];
  const fields = {
    ...(form.roles.length > 0 ? { roles: [...new Set(form.roles)] } : {}),
    ...(form.segments.length > 0 ? { segments: [...new Set(form.segments)] } : {}),
    ...(form.weight !== null ? { weight: form.weight } : {}),
    ...(form.cap !== null ? { cap: form.cap } : {}),
    ...(form.manager !== null ? { manager: form.manager } : {}),
  };
  for (const user of form.users) {
    const at = roster.findIndex((m) => m.user === user);
    if (at >= 0) {
      roster[at] = withFields(roster[at]!, fields);
      continue;
    }
    const profile = profiles.get(user) ?? {};
    const entry: Entry = { user };
    if (profile.name) entry.name = profile.name;
    if (profile.tz) entry.time_zone = profile.tz;
    roster.push(withFields(entry, { manager: teamOf ?? undefined, ...fields }));
  }
  doc.roster = roster.filter((m) => !form.remove.includes(m.user));
}

export interface CalendarForm {
  timeZone: string;
  locale: string;
  workingDays: string[];
  start: string;
  end: string;
  /** ISO country whose public holidays are days off; null = none; absent = unchanged. */
  holidaysCountry?: string | null;
  /** The team's own days off, as written; absent = unchanged. */
  daysOff?: Array<{ date: string; name: string | null }>;
}

export function applyCalendar(doc: Doc, form: CalendarForm): void {
  doc.locale = form.locale;
  const calendar = isRecord(doc.calendar) ? { ...doc.calendar } : {};
  calendar.time_zone = form.timeZone;
  calendar.working_days = form.workingDays;
  calendar.working_hours = { start: form.start, end: form.end };
  doc.calendar = calendar;
  if (form.holidaysCountry !== undefined) applyHolidaysCountry(doc, form.holidaysCountry);
  if (form.daysOff !== undefined) {
    const days = form.daysOff.map((d) => (d.name ? { date: d.date, name: d.name } : d.date));
    const next = { ...(doc.calendar as Doc) };
    if (days.length > 0) next.holidays = days;
    else delete next.holidays;
    doc.calendar = next;
  }
}

export interface SlaForm {
  firstTouchMinutes: number;
  clock: string;
  /** One per step of the ladder in force, in its order. */
  steps: Array<{ enabled: boolean; afterMinutes: number }>;
}

/**
 * Writes the SLA promise, and the ladder only when a step was changed: a ladder not written out
 * keeps following `first_touch_minutes` (25/50/75/100/150 %), so changing the minutes alone
 * rescales it, as in the file.
 */
export function applySla(doc: Doc, form: SlaForm, ladder: readonly EscalationStep[]): void {
  const sla = isRecord(doc.sla) ? { ...doc.sla } : {};
  sla.first_touch_minutes = form.firstTouchMinutes;
  sla.clock = form.clock;
  const changed = ladder.some((step, i) => {
    const f = form.steps[i];
    return f !== undefined && (f.enabled !== step.enabled || f.afterMinutes !== step.afterMinutes);
  });
  if (changed) {
    sla.escalations = ladder.map((step, i) => ({
      after_minutes: form.steps[i]?.afterMinutes ?? step.afterMinutes,
      when: step.when,
      action: step.action,
      enabled: form.steps[i]?.enabled ?? step.enabled,
      // auto_assign takes no notify list; the others keep whom they tell.
      ...(step.action === 'auto_assign' ? {} : { notify: [...step.notify] }),
    }));
  }
  doc.sla = sla;
}

export interface RoutingForm {
  /** The working stage at which a lead is routed to sellers; absent = unchanged. */
  thresholdStage?: string;
  /** Send a lead from a known account to its owner first; absent = unchanged. */
  matchExistingAccounts?: boolean;
  /** Per segment: how its leads find an owner. */
  segments: Record<
    string,
    {
      mode: string;
      acceptTimeoutMinutes: number | null;
      /** Claim: minutes until an unclaimed card is auto-assigned; null = the default. */
      autoAssignMinutes?: number | null;
      outsideHours: string;
    }
  >;
}

/**
 * Writes each segment's routing policy with the minutes of its mode; the other mode's are dropped,
 * since the schema refuses them. A form without auto-assign minutes keeps the segment's own.
 */
export function applyRouting(doc: Doc, form: RoutingForm): void {
  const routing = isRecord(doc.routing) ? { ...doc.routing } : {};
  const segments = isRecord(routing.segments) ? { ...routing.segments } : {};
  for (const [segment, policy] of Object.entries(form.segments)) {
    const old = isRecord(segments[segment]) ? segments[segment] : {};
    const next: Record<string, unknown> = { mode: policy.mode, outside_hours: policy.outsideHours };
    if (policy.mode === 'round_robin' && policy.acceptTimeoutMinutes !== null)
      next.accept_timeout_minutes = policy.acceptTimeoutMinutes;
    const autoAssign =
      policy.autoAssignMinutes === undefined ? old.auto_assign_after_minutes : policy.autoAssignMinutes;
    if (policy.mode === 'claim' && autoAssign !== undefined && autoAssign !== null)
      next.auto_assign_after_minutes = autoAssign;
    segments[segment] = next;
  }
  routing.segments = segments;
  if (form.thresholdStage !== undefined) routing.threshold_stage = form.thresholdStage;
  if (form.matchExistingAccounts !== undefined) routing.match_existing_accounts = form.matchExistingAccounts;
  doc.routing = routing;
}

/** The country's public holidays join the team's own; none drops the country (and its region). */
function applyHolidaysCountry(doc: Doc, country: string | null): void {
  const calendar = isRecord(doc.calendar) ? { ...doc.calendar } : {};
  if (country) {
    // A region belongs to the country it was chosen for.
    if (calendar.holidays_country !== country) delete calendar.holidays_region;
    calendar.holidays_country = country;
  } else {
    delete calendar.holidays_country;
    delete calendar.holidays_region;
  }
  doc.calendar = calendar;
}

export interface WeeklyMoment {
  day: string;
  time: string;
}

export interface RetroForm {
  enabled: boolean;
  open: WeeklyMoment;
  nudge: WeeklyMoment;
  close: WeeklyMoment;
  monthlyEnabled: boolean;
  /** NaN when the field was not a whole number, so the schema names it. */
  monthlyDay: number;
  monthlyTime: string;
}

export function applyRetro(doc: Doc, form: RetroForm): void {
  doc.retro = {
    enabled: form.enabled,
    open: { ...form.open },
    nudge: { ...form.nudge },
    close: { ...form.close },
    monthly_review: { enabled: form.monthlyEnabled, day_of_month: form.monthlyDay, time: form.monthlyTime },
  };
}

export interface MembersHoursForm {
  /** Whose own hours to set; empty leaves every member's as it is. */
  users: string[];
  /** Empty: the calendar's days. */
  days: string[];
  start: string | null;
  end: string | null;
  /** True: the chosen people follow the calendar's hours again. */
  reset: boolean;
}

/**
 * Writes a member's own working hours (each field falling back to the calendar's); runs after
 * applyPeople, so people added in the same submission get them too.
 */
export function applyMemberHours(doc: Doc, form: MembersHoursForm): void {
  if (form.users.length === 0) return;
  const hours: Record<string, unknown> = {
    ...(form.days.length > 0 ? { days: [...form.days] } : {}),
    ...(form.start ? { start: form.start } : {}),
    ...(form.end ? { end: form.end } : {}),
  };
  if (!form.reset && Object.keys(hours).length === 0) return;
  const roster = (Array.isArray(doc.roster) ? doc.roster : []) as Entry[];
  doc.roster = roster.map((m) => {
    if (!form.users.includes(m.user)) return m;
    const { working_hours: _old, ...rest } = m;
    return form.reset ? rest : { ...rest, working_hours: hours };
  });
}

export interface CadenceStepForm {
  day: number;
  action: string;
  label: string;
}

export interface CadenceForm {
  stopAtStage: string;
  steps: CadenceStepForm[];
}

/** Writes the cadence; a step kept at the same day and action keeps its `within_minutes`. */
export function applyCadence(doc: Doc, form: CadenceForm): void {
  const cadence = isRecord(doc.cadence) ? { ...doc.cadence } : {};
  const old = (Array.isArray(cadence.steps) ? cadence.steps : []).filter(isRecord);
  cadence.stop_at_stage = form.stopAtStage;
  cadence.steps = form.steps.map((step) => {
    const before = old.find((o) => o.day === step.day && o.action === step.action);
    return {
      day: step.day,
      action: step.action,
      label: step.label,
      ...(before?.within_minutes !== undefined ? { within_minutes: before.within_minutes } : {}),
    };
  });
  doc.cadence = cadence;
}

/** Label kinds as the file names them under `labels:`. */
export const LABEL_SECTIONS = [
  'stages',
  'lost_reasons',
  'disqualify_reasons',
  'segments',
  'sources',
  'forms',
] as const;
export type LabelSection = (typeof LABEL_SECTIONS)[number];

/** Per kind, per locale: key → label in the order written (an empty label = none in that language). */
export type LabelsForm = Record<LabelSection, Record<string, Array<[key: string, label: string]>>>;

/**
 * Writes the labels section from the modal, and the reason lists from the keys written (in the
 * order first written, any language): inline labels move to `labels:`, which the modal shows
 * merged. Working stages keep their keys and stagnation days.
 */
export function applyLabels(doc: Doc, form: LabelsForm): void {
  const labels: Record<string, unknown> = isRecord(doc.labels) ? { ...doc.labels } : {};
  const keysOf: Partial<Record<LabelSection, string[]>> = {};
  for (const section of LABEL_SECTIONS) {
    const byKey: Record<string, Record<string, string>> = {};
    const keys: string[] = [];
    for (const [locale, lines] of Object.entries(form[section])) {
      for (const [key, label] of lines) {
        if (!keys.includes(key)) keys.push(key);
        if (label) byKey[key] = { ...byKey[key], [locale]: label };
      }
    }
    keysOf[section] = keys;
    if (Object.keys(byKey).length > 0) labels[section] = byKey;
    else delete labels[section];
  }
  doc.labels = labels;
  const stages = isRecord(doc.stages) ? { ...doc.stages } : {};
  stages.lost_reasons = keysOf.lost_reasons;
  stages.disqualify_reasons = keysOf.disqualify_reasons;
  if (Array.isArray(stages.working)) {
    stages.working = stages.working.map((s) => {
      if (!isRecord(s)) return s;
      const { label: _inline, ...rest } = s;
      return Object.keys(rest).length === 1 ? rest.key : rest;
    });
  }
  doc.stages = stages;
}

/**
 * Writes the qualification section as the admin wrote it (rules and defaults, in the file's
 * words); null (an empty field) leaves it out, so Baton's default rules apply.
 */
export function applyQualification(doc: Doc, section: unknown): void {
  if (section === null) delete doc.qualification;
  else doc.qualification = structuredClone(section);
}

export interface FunnelForm {
  wonStage: string;
  dealStage: string;
  recycleReopenStage: string;
  currency: string;
}

/** Writes the funnel's stages and currency; reverse planning's settings and KPI roles stay. */
export function applyFunnel(doc: Doc, form: FunnelForm): void {
  const funnel = isRecord(doc.funnel) ? { ...doc.funnel } : {};
  funnel.won_stage = form.wonStage;
  funnel.deal_stage = form.dealStage;
  funnel.recycle_reopen_stage = form.recycleReopenStage;
  funnel.currency = form.currency;
  doc.funnel = funnel;
}
