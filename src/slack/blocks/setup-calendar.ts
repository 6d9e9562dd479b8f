/** The calendar modal: time zone (searchable), language, working days and hours. */
import type { types } from '@slack/bolt';
import { WEEKDAYS } from '../../config/workspace/constants.js';
import type { CalendarForm } from '../../domain/setup-edits.js';
import type { Catalog, Locale } from '../../i18n/index.js';
import { LOCALES } from '../../i18n/index.js';
import type { Block } from './common.js';
import {
  chosen,
  chosenMany,
  type FieldFor,
  field,
  input,
  MAX_TEXT,
  multilineText,
  type Option,
  option,
  SETUP_INPUT,
  SETUP_VIEWS,
  setupModal,
  tooLongNote,
  type ViewValues,
} from './setup-common.js';

export const CAL_TZ = 'cal_tz';
export const CAL_LOCALE = 'cal_locale';
export const CAL_DAYS = 'cal_days';
export const CAL_START = 'cal_start';
export const CAL_END = 'cal_end';
export const CAL_HOLIDAYS = 'cal_holidays';
export const CAL_DAYS_OFF = 'cal_days_off';
/** The countries offered for public holidays (any other the file sets is offered too). */
export const HOLIDAY_COUNTRIES = ['KR', 'US', 'GB', 'DE', 'JP'] as const;
const NO_COUNTRY = 'none';
/** The time zone select asks Baton for options as the admin types (there are ~400 zones; a static select holds 100). */
export const TIME_ZONE_ACTION = 'setup_time_zone';

/** What the modal starts from: the document's values, else the admin's profile, else the defaults. */
export interface CalendarInitial {
  timeZone: string;
  locale: Locale;
  workingDays: string[];
  start: string;
  end: string;
  holidaysCountry: string | null;
  /** The team's own days off (not the country's). */
  daysOff: Array<{ date: string; name: string | null }>;
  /** True when the zone or language came from the admin's Slack profile. */
  fromProfile: boolean;
}

/** "UTC+09:00" for the zone at `at`. */
export function utcOffset(zone: string, at: Date): string {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  return name === 'GMT' ? 'UTC+00:00' : name.replace('GMT', 'UTC');
}

export const timeZoneOption = (t: Catalog, zone: string, at: Date): Option =>
  option(t.admin.options.timeZone(zone, utcOffset(zone, at)), zone);

const ZONES = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')];

/** Up to 100 zones matching what was typed (`seoul`, `new york`, `asia/`), for the external select. */
export function timeZoneOptions(t: Catalog, query: string, at: Date): Option[] {
  const q = query.trim().toLowerCase().replace(/\s+/g, '_');
  return ZONES.filter((z) => z.toLowerCase().includes(q))
    .slice(0, 100)
    .map((z) => timeZoneOption(t, z, at));
}

export function calendarModal(
  t: Catalog,
  initial: CalendarInitial,
  at: Date,
  readOnly: boolean,
): types.ModalView {
  const m = t.admin.modal.calendar;
  const days = WEEKDAYS.map((d) => option(t.admin.weekdays[d], d));
  const locales = LOCALES.map((l) => option(m.localeNames[l], l));
  const blocks: Block[] = [
    input(
      CAL_TZ,
      m.timeZone,
      {
        type: 'external_select',
        action_id: TIME_ZONE_ACTION,
        min_query_length: 2,
        initial_option: timeZoneOption(t, initial.timeZone, at),
      },
      { hint: m.timeZoneHint },
    ),
    input(CAL_LOCALE, m.locale, {
      type: 'static_select',
      action_id: SETUP_INPUT,
      options: locales,
      initial_option: locales.find((o) => o.value === initial.locale),
    }),
    input(CAL_DAYS, m.workingDays, {
      type: 'checkboxes',
      action_id: SETUP_INPUT,
      options: days,
      ...(initial.workingDays.length > 0
        ? { initial_options: days.filter((o) => initial.workingDays.includes(o.value ?? '')) }
        : {}),
    }),
    input(CAL_START, m.start, { type: 'timepicker', action_id: SETUP_INPUT, initial_time: initial.start }),
    input(CAL_END, m.end, { type: 'timepicker', action_id: SETUP_INPUT, initial_time: initial.end }),
    holidaysBlock(t, initial.holidaysCountry),
    ...daysOffBlocks(t, initial.daysOff),
  ];
  if (initial.fromProfile)
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: m.fromProfile }] });
  return setupModal(t, SETUP_VIEWS.calendar, m.title, blocks, readOnly);
}

function holidaysBlock(t: Catalog, current: string | null): Block {
  const m = t.admin.modal.calendar;
  const countries: string[] = [...HOLIDAY_COUNTRIES];
  if (current && !countries.includes(current)) countries.push(current);
  const options = [
    option(m.countries.none ?? NO_COUNTRY, NO_COUNTRY),
    ...countries.map((c) => option(`${m.countries[c] ?? c} (${c})`, c)),
  ];
  return input(
    CAL_HOLIDAYS,
    m.holidays,
    {
      type: 'static_select',
      action_id: SETUP_INPUT,
      options,
      initial_option: options.find((o) => o.value === (current ?? NO_COUNTRY)),
    },
    { hint: m.holidaysHint },
  );
}

/** The team's days off; none when they do not fit a field (an absent field leaves them as they are). */
function daysOffBlocks(t: Catalog, daysOff: CalendarInitial['daysOff']): Block[] {
  const initial = daysOff.map((d) => (d.name ? `${d.date} ${d.name}` : d.date)).join('\n');
  if (initial.length > MAX_TEXT) return [tooLongNote(t)];
  return [
    input(CAL_DAYS_OFF, t.admin.modal.calendar.daysOff, multilineText(initial), {
      optional: true,
      hint: t.admin.modal.calendar.daysOffHint,
    }),
  ];
}

/** `2026-12-31 Year-end` per line; the date is checked by the schema, which names a bad one. */
function readDaysOff(raw: string): Array<{ date: string; name: string | null }> {
  return raw
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [date = '', ...name] = line.split(/\s+/);
      return { date, name: name.join(' ') || null };
    });
}

export function readCalendarForm(values: ViewValues): CalendarForm {
  const daysOff = field(values, CAL_DAYS_OFF);
  const country = chosen(values, CAL_HOLIDAYS);
  return {
    timeZone: values[CAL_TZ]?.[TIME_ZONE_ACTION]?.selected_option?.value ?? '',
    locale: chosen(values, CAL_LOCALE) ?? '',
    workingDays: chosenMany(values, CAL_DAYS),
    start: field(values, CAL_START).selected_time ?? '',
    end: field(values, CAL_END).selected_time ?? '',
    // A submission without the field (an older modal) leaves the country as it was.
    ...(country === null ? {} : { holidaysCountry: country === NO_COUNTRY ? null : country }),
    // Slack sends an emptied optional text input as null; an older modal had no such field.
    ...(CAL_DAYS_OFF in values ? { daysOff: readDaysOff(daysOff.value ?? '') } : {}),
  };
}

export const calendarFieldFor: FieldFor = (path) => {
  if (path[0] === 'locale') return CAL_LOCALE;
  if (path[0] !== 'calendar') return null;
  if (path[1] === 'time_zone') return CAL_TZ;
  if (path[1] === 'working_days') return CAL_DAYS;
  if (path[1] === 'working_hours') return path[2] === 'start' ? CAL_START : CAL_END;
  if (path[1] === 'holidays_country' || path[1] === 'holidays_region') return CAL_HOLIDAYS;
  if (path[1] === 'holidays') return CAL_DAYS_OFF;
  return null;
};
