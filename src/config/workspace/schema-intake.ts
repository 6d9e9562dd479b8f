/** The intake section: duplicate window and per-source field mappings. */
import { z } from 'zod';
import { LEAD_FIELDS, type LeadField, parseLeadField } from '../../domain/lead-input.js';
import { perLeadField, strictMap, unlessMissing, wholeNumber } from './primitives.js';

/** Lowercase keys as the intake normalizes them: a mapping is found under the lead's source. */
const sourceKey = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const SOURCE_KEY_RULE = 'a lowercase source key like "webflow" (a-z, 0-9, _ and -; up to 64 long)';

const jsonPath = z
  .string()
  .trim()
  .max(300)
  .superRefine((path, ctx) => {
    if (/[[\]]/.test(path)) {
      ctx.addIssue({
        code: 'custom',
        message: `${JSON.stringify(path)} uses brackets; write list items as dotted keys too, like "fields.0.value"`,
      });
    } else if (path === '' || path.split('.').some((segment) => segment === '')) {
      ctx.addIssue({
        code: 'custom',
        message: `${JSON.stringify(path)} is not a dotted path like "data.email"`,
      });
    }
  });

/** A fixed default would make every lead the same one (duplicates are found by these). */
const NO_FIXED_DEFAULT: readonly LeadField[] = ['email', 'external_id'];

const sourceMapping = strictMap({
  fields: perLeadField(jsonPath).default({}),
  defaults: perLeadField(
    z.union([z.string(), z.number()], { error: unlessMissing('must be text or a number') }),
  )
    .superRefine((defaults, ctx) => {
      for (const field of LEAD_FIELDS) {
        const value = defaults[field];
        if (value === undefined) continue;
        if (NO_FIXED_DEFAULT.includes(field)) {
          ctx.addIssue({
            code: 'custom',
            path: [field],
            message: `cannot have a default: every lead would get the same ${field}, and be taken for one lead`,
          });
          continue;
        }
        const parsed = parseLeadField(field, value);
        if (!parsed.ok) ctx.addIssue({ code: 'custom', path: [field], message: parsed.message });
        else if (parsed.value === null)
          ctx.addIssue({ code: 'custom', path: [field], message: 'must not be empty' });
      }
    })
    .default({}),
});

/** A bulk source's first-touch SLA: its own minutes, or `none` (no clock, no ladder). */
const importSla = z.union([wholeNumber(5, 10_080), z.literal('none')], {
  error: unlessMissing('must be a number of minutes (5 to 10080) or "none"'),
});

export const intakeSchema = strictMap({
  duplicate_window_days: wholeNumber(0, 365).default(30),
  /** Bulk imports by source: the SLA their leads get instead of `sla.first_touch_minutes`. */
  import_sla: z
    .record(z.string(), importSla)
    .superRefine((sources, ctx) => {
      for (const name of Object.keys(sources)) {
        if (!sourceKey.test(name))
          ctx.addIssue({
            code: 'custom',
            path: [name],
            message: `${JSON.stringify(name)} is not ${SOURCE_KEY_RULE}`,
          });
      }
    })
    .default({}),
  sources: z
    .record(z.string(), sourceMapping)
    .superRefine(
      (sources, ctx) => {
        for (const name of Object.keys(sources)) {
          if (!sourceKey.test(name)) {
            ctx.addIssue({
              code: 'custom',
              path: [name],
              message: `${JSON.stringify(name)} is not ${SOURCE_KEY_RULE}`,
            });
          }
        }
      },
      // Only keys are read, so broken mappings never hide a bad key.
      { when: () => true },
    )
    .default({}),
});
