/** The stages and cadence sections: the working funnel and the follow-up plan. */
import { z } from 'zod';
import { CADENCE_ACTIONS, SIDE_STAGES } from './constants.js';
import { stageKey, strictMap, unlessMissing, wholeNumber } from './primitives.js';
import { localLabel, reasonSchema } from './schema-labels.js';

/** Reasons, each a key or a key with a label; a key listed twice is reported where it repeats. */
const reasonList = z
  .array(reasonSchema)
  .min(1)
  .superRefine((list, ctx) => {
    const keys = list.map((r) => (typeof r === 'string' ? r : r.key));
    keys.forEach((key, i) => {
      if (keys.indexOf(key) !== i)
        ctx.addIssue({ code: 'custom', path: [i], message: `"${key}" is listed twice` });
    });
  });

const stageSchema = z.union(
  [
    stageKey,
    strictMap({
      key: stageKey,
      label: localLabel.optional(),
      stagnation_days: z
        .union([
          wholeNumber(1, 365),
          // The union reports this branch's error for text, so it carries the whole message.
          z.literal('off', { error: unlessMissing('must be a number of days (1-365) or "off"') }),
        ])
        .optional(),
    }),
  ],
  { error: unlessMissing('must be a stage key like "MQL", or a map with key:, label: and stagnation_days:') },
);

export const stagesSchema = strictMap({
  working: z
    .array(stageSchema)
    .min(2)
    .max(12)
    .superRefine((stages, ctx) => {
      const keys = stages.map((s) => (typeof s === 'string' ? s : s.key));
      keys.forEach((key, i) => {
        const path = typeof stages[i] === 'string' ? [i] : [i, 'key'];
        if ((SIDE_STAGES as readonly string[]).includes(key)) {
          ctx.addIssue({
            code: 'custom',
            path,
            message: `"${key}" is a fixed side state (${SIDE_STAGES.join(', ')}), not a working stage`,
          });
        } else if (keys.indexOf(key) !== i) {
          ctx.addIssue({ code: 'custom', path, message: `stage "${key}" is listed twice` });
        }
      });
    })
    .optional(),
  lost_reasons: reasonList.optional(),
  disqualify_reasons: reasonList.optional(),
});

export const cadenceSchema = strictMap({
  stop_at_stage: stageKey.default('Opportunity'),
  steps: z
    .array(
      strictMap({
        day: wholeNumber(1, 365),
        action: z.enum(CADENCE_ACTIONS),
        label: z.string().trim().min(1),
        within_minutes: wholeNumber(1, 1440).optional(),
      }),
    )
    .max(30)
    .superRefine((steps, ctx) => {
      steps.forEach((step, i) => {
        const previous = steps[i - 1];
        if (previous && step.day < previous.day) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'day'],
            message: `day ${step.day} comes after day ${previous.day}; list steps in day order`,
          });
        }
      });
    })
    .optional(),
});
