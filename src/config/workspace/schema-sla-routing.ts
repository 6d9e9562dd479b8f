/** The sla and routing sections: the escalation ladder and how leads find an owner. */
import { z } from 'zod';
import {
  ESCALATION_ACTIONS,
  ESCALATION_TRIGGERS,
  NOTIFY_TARGETS,
  OUTSIDE_HOURS_POLICIES,
  ROUTING_MODES,
  SLA_CLOCKS,
} from './constants.js';
import { ESCALATION_TRIGGERS_FOR } from './defaults.js';
import { stageKey, strictMap, wholeNumber } from './primitives.js';

const escalationStep = strictMap({
  after_minutes: wholeNumber(1, 10_080),
  when: z.enum(ESCALATION_TRIGGERS).optional(),
  action: z.enum(ESCALATION_ACTIONS),
  enabled: z.boolean().default(true),
  notify: z.array(z.enum(NOTIFY_TARGETS)).optional(),
}).superRefine((step, ctx) => {
  if (step.notify !== undefined) {
    if (step.action === 'auto_assign') {
      ctx.addIssue({
        code: 'custom',
        path: ['notify'],
        message: 'auto_assign always tells the seller it assigns (and the card); notify does not apply here',
      });
    }
    step.notify.forEach((target, i) => {
      if (step.notify!.indexOf(target) !== i)
        ctx.addIssue({ code: 'custom', path: ['notify', i], message: `${target} is listed twice` });
    });
    if (step.action === 'warn_owner' && step.notify.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['notify'],
        message: 'warn_owner must tell someone: list owner, manager and/or channel (or set enabled: false)',
      });
    }
  }
  const allowed = ESCALATION_TRIGGERS_FOR[step.action];
  if (step.when !== undefined && !allowed.includes(step.when)) {
    ctx.addIssue({
      code: 'custom',
      path: ['when'],
      message: `${step.action} only works with when: ${allowed.join(' or ')}`,
    });
  }
});

export const slaSchema = strictMap({
  first_touch_minutes: wholeNumber(5, 10_080).default(60),
  clock: z.enum(SLA_CLOCKS).default('business'),
  escalations: z
    .array(escalationStep)
    .max(10)
    .superRefine((steps, ctx) => {
      steps.forEach((step, i) => {
        const previous = steps[i - 1];
        if (previous && step.after_minutes <= previous.after_minutes) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'after_minutes'],
            message: `${step.after_minutes} must be greater than the previous step's ${previous.after_minutes} (steps run in ascending order)`,
          });
        }
        if (step.action === 'breach' && steps.findIndex((s) => s.action === 'breach') !== i) {
          ctx.addIssue({ code: 'custom', path: [i, 'action'], message: 'only one breach step is allowed' });
        }
      });
    })
    .optional(),
}).superRefine((sla, ctx) => {
  sla.escalations?.forEach((step, i) => {
    if (step.action === 'breach' && step.after_minutes !== sla.first_touch_minutes) {
      ctx.addIssue({
        code: 'custom',
        path: ['escalations', i, 'after_minutes'],
        message: `the breach step must be at sla.first_touch_minutes (${sla.first_touch_minutes}), got ${step.after_minutes}`,
      });
    }
  });
});

// Fields left out inherit from routing.default, then from the built-in defaults.
const routingPolicy = strictMap({
  mode: z.enum(ROUTING_MODES).optional(),
  auto_assign_after_minutes: wholeNumber(1, 10_080).optional(),
  accept_timeout_minutes: wholeNumber(1, 1440).optional(),
  outside_hours: z.enum(OUTSIDE_HOURS_POLICIES).optional(),
});

export const routingSchema = strictMap({
  threshold_stage: stageKey.default('MQL'),
  match_existing_accounts: z.boolean().default(true),
  default: routingPolicy.prefault({}),
  segments: z.record(z.string(), routingPolicy).default({}),
}).superRefine((routing, ctx) => {
  const defaultMode = routing.default.mode ?? 'claim';
  const blocks: [PropertyKey[], z.output<typeof routingPolicy>][] = [
    [['default'], routing.default],
    ...Object.entries(routing.segments).map(([key, block]): [PropertyKey[], typeof block] => [
      ['segments', key],
      block,
    ]),
  ];
  for (const [path, block] of blocks) {
    const mode = block.mode ?? defaultMode;
    const misplaced = mode === 'claim' ? 'accept_timeout_minutes' : 'auto_assign_after_minutes';
    if (block[misplaced] !== undefined) {
      const other = mode === 'claim' ? 'round_robin' : 'claim';
      ctx.addIssue({
        code: 'custom',
        path: [...path, misplaced],
        message: `only applies to mode: ${other}, but this block routes by ${mode}`,
      });
    }
  }
});
