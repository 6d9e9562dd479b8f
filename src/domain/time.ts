/** Wall-clock time in some time zone. Months are 1–12. */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const HALF_DAY_MS = 12 * 3_600_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock reading of `at` in `timeZone`, read by formatting it (the exact, slow path). */
export function toLocalExact(at: Date, timeZone: string): LocalDateTime & { second: number } {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(at)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

function exactOffset(ms: number, timeZone: string): number {
  const l = toLocalExact(new Date(ms), timeZone);
  return (
    Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second) - Math.floor(ms / SECOND_MS) * SECOND_MS
  );
}

const SECOND_MS = 1000;
const HOUR_MS = 3_600_000;
/** Hours remembered per zone before the zone's cache starts over (a few years of hours). */
const CACHE_HOURS = 50_000;
/**
 * Per zone, per UTC hour: the zone's offset through that whole hour, or null when it changes
 * inside it. Formatting a date costs microseconds and the SLA clock reads the zone dozens of
 * times per lead; zones change offset at most a few times a year, never twice within an hour.
 */
const offsets = new Map<string, Map<number, number | null>>();
let caching = true;

/** Tests compare the cached path with the exact one; production never turns it off. */
export function useZoneOffsetCache(on: boolean): void {
  caching = on;
  offsets.clear();
}

function hourOffset(ms: number, timeZone: string): number | null {
  const hour = Math.floor(ms / HOUR_MS);
  let zone = offsets.get(timeZone);
  if (!zone) {
    zone = new Map();
    offsets.set(timeZone, zone);
  }
  let offset = zone.get(hour);
  if (offset === undefined) {
    const start = hour * HOUR_MS;
    const first = exactOffset(start, timeZone);
    offset = first === exactOffset(start + HOUR_MS - SECOND_MS, timeZone) ? first : null;
    if (zone.size >= CACHE_HOURS) zone.clear();
    zone.set(hour, offset);
  }
  return offset;
}

/** The wall-clock reading of `at` in `timeZone`. */
export function toLocal(at: Date, timeZone: string): LocalDateTime & { second: number } {
  const ms = at.getTime();
  const offset = caching && Number.isFinite(ms) ? hourOffset(ms, timeZone) : null;
  if (offset === null) return toLocalExact(at, timeZone);
  const wall = new Date(Math.floor(ms / SECOND_MS) * SECOND_MS + offset);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
}

/** How far `timeZone`'s clocks read ahead of UTC at `at` (negative west of Greenwich), whole seconds. */
export function offsetMs(at: Date, timeZone: string): number {
  const ms = at.getTime();
  const offset = caching && Number.isFinite(ms) ? hourOffset(ms, timeZone) : null;
  return offset ?? exactOffset(ms, timeZone);
}

/**
 * The instant when clocks in `timeZone` read `local`. A wall time skipped by a daylight-saving
 * jump resolves to the instant just after the jump; a repeated one to its first occurrence.
 */
export function fromLocal(local: LocalDateTime, timeZone: string): Date {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  // The zone's offsets half a day either side cover any transition near this wall time.
  const before = offsetMs(new Date(wall - HALF_DAY_MS), timeZone);
  const after = offsetMs(new Date(wall + HALF_DAY_MS), timeZone);
  const valid = [wall - before, wall - after].filter((t) => wall - offsetMs(new Date(t), timeZone) === t);
  // No valid instant: the wall time fell in a spring-forward gap; the old offset lands just past it.
  return new Date(valid.length ? Math.min(...valid) : wall - before);
}

/** Parses `YYYY-MM-DD` into a real calendar date, or undefined. */
export function parseIsoDate(text: string): { year: number; month: number; day: number } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return undefined;
  }
  return { year, month, day };
}
