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

/** The wall-clock reading of `at` in `timeZone`. */
export function toLocal(at: Date, timeZone: string): LocalDateTime & { second: number } {
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

/** How far `timeZone`'s clocks read ahead of UTC at `at` (negative west of Greenwich), whole seconds. */
export function offsetMs(at: Date, timeZone: string): number {
  const l = toLocal(at, timeZone);
  const asUtc = Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
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
