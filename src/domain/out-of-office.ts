import { fromLocal, parseIsoDate } from './time.js';

export type OutOfOfficeRequest =
  | { kind: 'open-ended' }
  | { kind: 'until'; until: Date }
  | { kind: 'bad-date' }
  | { kind: 'past-date' };

/**
 * Reads the argument of `/baton ooo`. A date names the last day away, so the absence ends at
 * the following midnight in the person's own time zone.
 */
export function parseOutOfOffice(arg: string, timeZone: string, now: Date): OutOfOfficeRequest {
  if (arg.trim() === '') return { kind: 'open-ended' };
  const date = parseIsoDate(arg.replace(/^until\s+/i, ''));
  if (!date) return { kind: 'bad-date' };
  const dayAfter = new Date(Date.UTC(date.year, date.month - 1, date.day + 1));
  const until = fromLocal(
    {
      year: dayAfter.getUTCFullYear(),
      month: dayAfter.getUTCMonth() + 1,
      day: dayAfter.getUTCDate(),
      hour: 0,
      minute: 0,
    },
    timeZone,
  );
  return until.getTime() <= now.getTime() ? { kind: 'past-date' } : { kind: 'until', until };
}
