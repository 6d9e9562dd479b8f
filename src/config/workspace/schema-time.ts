/** The calendar and retro sections: working time and the weekly retro's moments. */
import { z } from 'zod';
import { isKnownCountry, knownRegions } from '../../domain/public-holidays.js';
import { WEEKDAYS, type Weekday } from './constants.js';
import { clockTime, isoDate, strictMap, unlessMissing, weekdayList, wholeNumber } from './primitives.js';
import { timeZone } from './time-zone.js';
import type { DailyHours } from './types.js';

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

/** A country `date-holidays` knows, e.g. KR; its public holidays join the team's own. */
const holidaysCountry = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isKnownCountry, {
    error: (iss) =>
      `"${String(iss.input)}" is not a country code the holiday library knows (e.g. KR, US, DE)`,
  });

/** Absent time zone and locale are taken from the workspace at start (see workspace-defaults.ts). */
export const calendarSchema = strictMap({
  time_zone: timeZone.optional(),
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
  holidays_country: holidaysCountry.optional(),
  holidays_region: z.string().trim().toUpperCase().optional(),
}).superRefine((calendar, ctx) => {
  const { holidays_country: country, holidays_region: region } = calendar;
  if (region === undefined) return;
  if (country === undefined) {
    ctx.addIssue({ code: 'custom', path: ['holidays_region'], message: 'needs holidays_country as well' });
    return;
  }
  const regions = knownRegions(country);
  if (!regions.includes(region)) {
    ctx.addIssue({
      code: 'custom',
      path: ['holidays_region'],
      message: regions.length
        ? `"${region}" is not a region of ${country} (one of: ${regions.join(', ')})`
        : `the holiday library has no regions for ${country}; leave holidays_region out`,
    });
  }
});

const weeklyTime = (day: Weekday, time: string) =>
  strictMap({ day: z.enum(WEEKDAYS).default(day), time: clockTime.default(time) }).prefault({});

const minuteOfWeek = (t: { day: Weekday; time: string }) =>
  WEEKDAYS.indexOf(t.day) * 1440 + Number(t.time.slice(0, 2)) * 60 + Number(t.time.slice(3));

export const retroSchema = strictMap({
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
