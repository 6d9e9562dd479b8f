// The SLA clock reads zones through a per-hour offset cache (domain/time.ts) instead of formatting
// every instant. These properties hold the cached path to the exact one: the same wall clock for
// any zone and instant, and the same SLA due times, working minutes and ladders over random
// calendars, holidays and daylight-saving changes.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Weekday } from '../../../src/config/workspace-schema.js';
import {
  addBusinessMinutes,
  type BusinessCalendar,
  businessMinutesBetween,
  firstTouchDueAt,
} from '../../../src/domain/business-time.js';
import { fromLocal, offsetMs, toLocal, toLocalExact, useZoneOffsetCache } from '../../../src/domain/time.js';
import { findNextWorkingStart } from '../../../src/domain/working-time.js';

const ZONES = [
  'UTC',
  'Asia/Seoul',
  'Europe/Berlin',
  'Europe/London',
  'Europe/Dublin', // "negative" daylight saving in the rules
  'America/New_York',
  'America/St_Johns', // -3:30, with daylight saving
  'America/Sao_Paulo', // dropped daylight saving in 2019
  'America/Santiago',
  'Australia/Lord_Howe', // a 30-minute daylight-saving change
  'Pacific/Chatham', // +12:45 / +13:45
  'Asia/Kathmandu', // +5:45
  'Asia/Kolkata',
  'Asia/Tehran',
  'Africa/Casablanca', // moves back an hour for Ramadan each year
  'Pacific/Apia', // skipped 30 December 2011
  'Antarctica/Troll', // a two-hour daylight-saving change
];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The exact offset at `ms`, from formatting (what the cache must agree with). */
function exactOffset(ms: number, timeZone: string): number {
  const l = toLocalExact(new Date(ms), timeZone);
  return Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second) - Math.floor(ms / 1000) * 1000;
}

/** Every instant in [from, to) where the zone's offset changes, to the second. */
function changesOf(timeZone: string, from: number, to: number): number[] {
  const found: number[] = [];
  for (let t = from; t < to; t += HOUR) {
    if (exactOffset(t, timeZone) === exactOffset(t + HOUR, timeZone)) continue;
    let same = t / 1000;
    let changed = (t + HOUR) / 1000;
    while (changed - same > 1) {
      const mid = Math.floor((same + changed) / 2);
      if (exactOffset(mid * 1000, timeZone) === exactOffset(t, timeZone)) same = mid;
      else changed = mid;
    }
    found.push(changed * 1000);
  }
  return found;
}

// Each zone's real offset changes in 2026 (and Apia's skipped day in 2011), found by formatting.
const CHANGES = new Map(
  ZONES.map((z) => [
    z,
    [
      ...changesOf(z, Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1)),
      ...changesOf(z, Date.UTC(2011, 11, 28), Date.UTC(2012, 0, 2)),
    ],
  ]),
);

const zone = fc.constantFrom(...ZONES);
/** An instant for `timeZone`: anywhere, near one of its offset changes, or in the years leads arrive. */
const instantIn = (timeZone: string) => {
  const changes = CHANGES.get(timeZone) ?? [];
  return fc.oneof(
    fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }),
    fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2032, 0, 1) }),
    ...(changes.length > 0
      ? [
          fc
            .tuple(fc.constantFrom(...changes), fc.integer({ min: -3 * HOUR, max: 3 * HOUR }))
            .map(([c, d]) => c + d),
          fc.tuple(fc.constantFrom(...changes), fc.integer({ min: -DAY, max: DAY })).map(([c, d]) => c + d),
        ]
      : []),
  );
};
const zoned = zone.chain((z) => fc.tuple(fc.constant(z), instantIn(z)));

const clock = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const WEEK: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A team calendar around `at`: random working days and hours, and holidays in the weeks after it. */
const calendar = (timeZone: string, at: number) =>
  fc
    .record({
      timeZone: fc.constant(timeZone),
      workingDays: fc.subarray(WEEK, { minLength: 1 }),
      hours: fc.tuple(clock, clock).filter(([a, b]) => a < b),
      holidays: fc.uniqueArray(fc.integer({ min: -2, max: 30 }), { maxLength: 6 }),
    })
    .map(
      (c): BusinessCalendar => ({
        timeZone: c.timeZone,
        workingDays: c.workingDays,
        workingHours: { start: c.hours[0], end: c.hours[1] },
        holidays: c.holidays.map((d) => ({ date: isoDay(at + d * DAY), name: null })),
      }),
    );

/** Runs `read` once on the exact path (formatting every instant), once on the cached one. */
function bothWays<T>(read: () => T): { exact: T; cached: T } {
  useZoneOffsetCache(false);
  const exact = read();
  useZoneOffsetCache(true);
  return { exact, cached: read() };
}

afterEach(() => useZoneOffsetCache(true));

describe('the zone offset cache', () => {
  it('reads the same wall clock and offset as formatting the instant', () => {
    fc.assert(
      fc.property(zoned, ([timeZone, ms]) => {
        const at = new Date(ms);
        expect(toLocal(at, timeZone)).toEqual(toLocalExact(at, timeZone));
        const { exact, cached } = bothWays(() => offsetMs(at, timeZone));
        expect(cached).toBe(exact);
      }),
      { numRuns: 3000 },
    );
  });

  it('resolves wall times to the same instants, skipped and repeated ones included', () => {
    fc.assert(
      fc.property(zoned, fc.integer({ min: 0, max: 95 }), ([timeZone, ms], quarter) => {
        const day = new Date(ms);
        const local = {
          year: day.getUTCFullYear(),
          month: day.getUTCMonth() + 1,
          day: day.getUTCDate(),
          hour: Math.floor(quarter / 4),
          minute: (quarter % 4) * 15,
        };
        const { exact, cached } = bothWays(() => fromLocal(local, timeZone).getTime());
        expect(cached).toBe(exact);
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the same SLA due times, working minutes and next working starts', () => {
    fc.assert(
      fc.property(
        zoned.chain(([z, ms]) => fc.tuple(fc.constant(ms), calendar(z, ms))),
        fc.integer({ min: 0, max: 3 * 24 * 60 }),
        fc.constantFrom<'business' | 'always'>('business', 'always'),
        ([ms, cal], minutes, slaClock) => {
          const at = new Date(ms);
          const hours = { days: cal.workingDays, start: cal.workingHours.start, end: cal.workingHours.end };
          const read = () => {
            const due = addBusinessMinutes(at, minutes, cal);
            return {
              due: due.getTime(),
              back: businessMinutesBetween(at, due, cal),
              firstTouch: firstTouchDueAt(at, { firstTouchMinutes: minutes, clock: slaClock }, cal).getTime(),
              next: findNextWorkingStart(
                at,
                hours,
                cal.timeZone,
                cal.holidays.map((h) => h.date),
              )?.getTime(),
            };
          };
          const { exact, cached } = bothWays(read);
          expect(cached).toEqual(exact);
        },
      ),
      { numRuns: 300 },
    );
  });
});
