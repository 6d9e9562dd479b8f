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
}

export function applyCalendar(doc: Doc, form: CalendarForm): void {
  doc.locale = form.locale;
  const calendar = isRecord(doc.calendar) ? { ...doc.calendar } : {};
  calendar.time_zone = form.timeZone;
  calendar.working_days = form.workingDays;
  calendar.working_hours = { start: form.start, end: form.end };
  doc.calendar = calendar;
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
  /** Per segment: how its leads find an owner. */
  segments: Record<string, { mode: string; acceptTimeoutMinutes: number | null; outsideHours: string }>;
}

/**
 * Writes each segment's routing policy. A claim segment keeps its own auto-assign minutes (set in
 * the file); the keys of the other mode are dropped, since the schema refuses them.
 */
export function applyRouting(doc: Doc, form: RoutingForm): void {
  const routing = isRecord(doc.routing) ? { ...doc.routing } : {};
  const segments = isRecord(routing.segments) ? { ...routing.segments } : {};
  for (const [segment, policy] of Object.entries(form.segments)) {
    const old = isRecord(segments[segment]) ? segments[segment] : {};
    const next: Record<string, unknown> = { mode: policy.mode, outside_hours: policy.outsideHours };
    if (policy.mode === 'round_robin' && policy.acceptTimeoutMinutes !== null)
      next.accept_timeout_minutes = policy.acceptTimeoutMinutes;
    if (policy.mode === 'claim' && old.auto_assign_after_minutes !== undefined)
      next.auto_assign_after_minutes = old.auto_assign_after_minutes;
    segments[segment] = next;
  }
  routing.segments = segments;
  doc.routing = routing;
}
