/** The people modal: add or update several people at once, and take people off the roster. */
import type { types } from '@slack/bolt';
import { WEEKDAYS } from '../../config/workspace/constants.js';
import type { PeopleScope } from '../../domain/admin-rights.js';
import { ROLES, type Role } from '../../domain/roles.js';
import { documentSegments } from '../../domain/setup-checklist.js';
import type { MembersHoursForm, PeopleForm } from '../../domain/setup-edits.js';
import type { Catalog } from '../../i18n/index.js';
import { escapeMrkdwn, mention } from '../mrkdwn.js';
import type { Block } from './common.js';
import { roleList } from './common.js';
import {
  chosenMany,
  type FieldFor,
  field,
  input,
  numberField,
  option,
  SETUP_INPUT,
  SETUP_VIEWS,
  setupModal,
  type ViewValues,
} from './setup-common.js';

export const PEOPLE_USERS = 'people_users';
export const PEOPLE_ROLES = 'people_roles';
export const PEOPLE_SEGMENTS = 'people_segments';
export const PEOPLE_WEIGHT = 'people_weight';
export const PEOPLE_CAP = 'people_cap';
export const PEOPLE_MANAGER = 'people_manager';
export const PEOPLE_REMOVE = 'people_remove';
export const PEOPLE_DAYS = 'people_days';
export const PEOPLE_START = 'people_start';
export const PEOPLE_END = 'people_end';
export const PEOPLE_RESET = 'people_hours_reset';
const ON = 'on';

type Doc = Record<string, unknown>;
type Entry = Record<string, unknown> & { user: string };

// A section holds 3000 characters; the list is cut well before.
const LIST_MAX = 2800;

function rosterList(t: Catalog, roster: Entry[]): string {
  if (roster.length === 0) return t.admin.modal.people.none;
  const lines: string[] = [];
  let length = 0;
  for (const m of roster) {
    const roles = Array.isArray(m.roles) ? (m.roles as string[]) : ['sdr'];
    const segments = Array.isArray(m.segments) ? (m.segments as string[]).map(escapeMrkdwn).join(', ') : '*';
    const extra = [
      typeof m.weight === 'number' ? `×${m.weight}` : '',
      typeof m.max_open_leads === 'number' ? `≤${m.max_open_leads}` : '',
      typeof m.manager === 'string' ? `→ ${mention(m.manager)}` : '',
    ].filter(Boolean);
    const line = `${mention(m.user)} — ${roleList(t, roles)} · ${segments}${extra.length ? ` · ${extra.join(' ')}` : ''}`;
    if (length + line.length > LIST_MAX) {
      lines.push('…');
      break;
    }
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join('\n');
}

const number = (min: number, max: number): types.NumberInput => ({
  type: 'number_input',
  action_id: SETUP_INPUT,
  is_decimal_allowed: false,
  min_value: String(min),
  max_value: String(max),
});

export function peopleModal(t: Catalog, doc: Doc, scope: PeopleScope, readOnly: boolean): types.ModalView {
  const m = t.admin.modal.people;
  const roster = (Array.isArray(doc.roster) ? doc.roster : []) as Entry[];
  const shown = scope.kind === 'team' ? roster.filter((e) => e.manager === scope.managerId) : roster;
  const roles = (scope.kind === 'team' ? ROLES.filter((r) => r !== 'admin' && r !== 'manager') : ROLES).map(
    (r) => option(t.roles[r], r),
  );
  const blocks: Block[] = [
    { type: 'section', text: { type: 'mrkdwn', text: m.current(rosterList(t, shown)) } },
  ];
  if (scope.kind === 'team')
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: t.admin.home.teamOnly }] });
  if (!readOnly) {
    blocks.push(
      input(
        PEOPLE_USERS,
        m.users,
        { type: 'multi_users_select', action_id: SETUP_INPUT },
        { optional: true, hint: m.usersHint },
      ),
      input(
        PEOPLE_ROLES,
        m.roles,
        { type: 'multi_static_select', action_id: SETUP_INPUT, options: roles },
        { optional: true },
      ),
      input(
        PEOPLE_SEGMENTS,
        m.segments,
        {
          type: 'multi_static_select',
          action_id: SETUP_INPUT,
          options: documentSegments(doc).map((s) => option(s, s)),
        },
        { optional: true, hint: m.segmentsHint },
      ),
      input(PEOPLE_WEIGHT, m.weight, number(1, 100), { optional: true, hint: m.weightHint }),
      input(PEOPLE_CAP, m.cap, number(1, 1000), { optional: true, hint: m.capHint }),
      input(PEOPLE_MANAGER, m.manager, { type: 'users_select', action_id: SETUP_INPUT }, { optional: true }),
      ...ownHoursBlocks(t),
      input(
        PEOPLE_REMOVE,
        m.remove,
        { type: 'multi_users_select', action_id: SETUP_INPUT },
        { optional: true, hint: m.removeHint },
      ),
    );
  }
  return setupModal(t, SETUP_VIEWS.people, m.title, blocks, readOnly);
}

/** A member's own working hours, for the people picked; empty fields follow the calendar. */
function ownHoursBlocks(t: Catalog): Block[] {
  const m = t.admin.modal.people;
  const days = WEEKDAYS.map((d) => option(t.admin.weekdays[d], d));
  return [
    { type: 'section', text: { type: 'mrkdwn', text: m.ownHours } },
    input(
      PEOPLE_DAYS,
      m.ownDays,
      { type: 'checkboxes', action_id: SETUP_INPUT, options: days },
      { optional: true },
    ),
    input(PEOPLE_START, m.ownStart, { type: 'timepicker', action_id: SETUP_INPUT }, { optional: true }),
    input(PEOPLE_END, m.ownEnd, { type: 'timepicker', action_id: SETUP_INPUT }, { optional: true }),
    input(
      PEOPLE_RESET,
      m.ownReset,
      { type: 'checkboxes', action_id: SETUP_INPUT, options: [option(m.on, ON)] },
      { optional: true },
    ),
  ];
}

export function readMemberHours(values: ViewValues, users: string[]): MembersHoursForm {
  return {
    users,
    days: chosenMany(values, PEOPLE_DAYS),
    start: field(values, PEOPLE_START).selected_time ?? null,
    end: field(values, PEOPLE_END).selected_time ?? null,
    reset: chosenMany(values, PEOPLE_RESET).includes(ON),
  };
}

export function readPeopleForm(values: ViewValues): PeopleForm {
  return {
    users: field(values, PEOPLE_USERS).selected_users ?? [],
    roles: chosenMany(values, PEOPLE_ROLES).filter((r): r is Role =>
      (ROLES as readonly string[]).includes(r),
    ),
    segments: chosenMany(values, PEOPLE_SEGMENTS),
    weight: numberField(values, PEOPLE_WEIGHT),
    cap: numberField(values, PEOPLE_CAP),
    manager: field(values, PEOPLE_MANAGER).selected_user ?? null,
    remove: field(values, PEOPLE_REMOVE).selected_users ?? [],
  };
}

const BY_KEY: Record<string, string> = {
  roles: PEOPLE_ROLES,
  segments: PEOPLE_SEGMENTS,
  weight: PEOPLE_WEIGHT,
  max_open_leads: PEOPLE_CAP,
  manager: PEOPLE_MANAGER,
};

const HOURS_BY_KEY: Record<string, string> = { days: PEOPLE_DAYS, start: PEOPLE_START };

/** `roster[2].weight` → the weight field; anything else about the roster → the people picker. */
export const peopleFieldFor: FieldFor = (path) => {
  if (path[0] !== 'roster') return null;
  const key = path[2];
  // Hours out of order (start not before end) are said under the end.
  if (key === 'working_hours') return HOURS_BY_KEY[String(path[3])] ?? PEOPLE_END;
  return (typeof key === 'string' && BY_KEY[key]) || PEOPLE_USERS;
};
