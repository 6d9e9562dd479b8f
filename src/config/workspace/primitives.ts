/** Zod building blocks shared by the section schemas: strict maps, messages, ids, times, lists. */
import { z } from 'zod';
import { LEAD_FIELDS, type LeadField } from '../../domain/lead-input.js';
import { WEEKDAYS } from './constants.js';

/** A map whose unknown keys are errors that list what is allowed there, so typos never pass. */
export function strictMap<T extends z.ZodRawShape>(shape: T) {
  const allowed = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (iss) => (iss.code === 'unrecognized_keys' ? `unknown key (allowed here: ${allowed})` : undefined),
  });
}

/** Text matching `re`; anything else, of any type, gets "<value> is not <what>". */
export function pattern(re: RegExp, what: string) {
  const explain = (iss: { input?: unknown }) =>
    iss.input === undefined ? undefined : `${JSON.stringify(iss.input)} is not ${what}`;
  return z.string({ error: explain }).regex(re, { error: explain });
}

/** A union's own message, except for a missing value, which keeps the generic "is required". */
export const unlessMissing = (message: string) => (iss: { input?: unknown }) =>
  iss.input === undefined ? undefined : message;

/**
 * zod skips a refinement after any aborting issue. This lets it run as long as nothing it reads
 * (per `reads`) is broken, so a typo in one place does not hide problems elsewhere. Unknown keys
 * leave the known ones intact, so they never block.
 */
export function unlessBroken(reads: (path: readonly PropertyKey[]) => boolean) {
  return {
    when: (payload: z.core.ParsePayload) =>
      !payload.issues.some(
        (i) => i.continue !== true && i.code !== 'unrecognized_keys' && reads(i.path ?? []),
      ),
  };
}

export const wholeNumber = (min: number, max: number) => z.number().int().min(min).max(max);

/** A list whose repeated entries are reported at the repeat's own index. */
export function uniqueList<T extends z.ZodType>(item: T) {
  return z.array(item).superRefine((list, ctx) => {
    list.forEach((value, i) => {
      if (list.indexOf(value) !== i) {
        ctx.addIssue({ code: 'custom', path: [i], message: `${JSON.stringify(value)} is listed twice` });
      }
    });
  });
}

export const userId = pattern(/^[UW][A-Z0-9]{2,}$/, 'a Slack user id (like U0123ABCD)');
export const channelId = pattern(
  /^[CG][A-Z0-9]{2,}$/,
  "a Slack channel id (like C0123ABCD; it is at the bottom of the channel's details)",
);
export const slug = pattern(
  /^[a-z][a-z0-9_-]{0,31}$/,
  'a lowercase key like "smb" (a-z, 0-9, _ and -; up to 32 long)',
);
export const stageKey = pattern(
  /^[A-Za-z][A-Za-z0-9_]{0,31}$/,
  'a stage key like "MQL" (letters, digits and _)',
);
export const clockTime = pattern(/^([01]\d|2[0-3]):[0-5]\d$/, 'a 24-hour time like "09:00"');
function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  // Round-tripping rejects dates JavaScript would roll over, such as 2025-02-30.
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
  );
}

export const isoDate = z.string().refine(isRealDate, {
  error: (iss) => `"${String(iss.input)}" is not a real date in YYYY-MM-DD form (like "2025-12-25")`,
});

export const weekdayList = uniqueList(z.enum(WEEKDAYS)).min(1);

/** A map with one optional entry per intake field; an unknown field lists the allowed ones. */
export function perLeadField<T extends z.ZodType>(value: T) {
  return strictMap(
    Object.fromEntries(LEAD_FIELDS.map((field) => [field, value.optional()])) as Record<
      LeadField,
      z.ZodOptional<T>
    >,
  );
}

/** For "needs at least one of …" checks: skip them on a non-map or when a misspelt key says enough. */
export const isMapWithoutTypos = (payload: z.core.ParsePayload) =>
  typeof payload.value === 'object' &&
  payload.value !== null &&
  !Array.isArray(payload.value) &&
  !payload.issues.some((i) => i.code === 'unrecognized_keys');
