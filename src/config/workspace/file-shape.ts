/** The file's sections put together, before the checks that read across them. */
import { z } from 'zod';
import { LOCALES } from '../../i18n/index.js';
import { DEFAULT_SEGMENTS } from './defaults.js';
import { pattern, slug, strictMap, uniqueList } from './primitives.js';
import { funnelSchema } from './schema-funnel.js';
import { hubspotSchema } from './schema-hubspot.js';
import { intakeSchema } from './schema-intake.js';
import { labelsSchema } from './schema-labels.js';
import { qualificationSchema } from './schema-qualification.js';
import { retentionSchema } from './schema-retention.js';
import { routingSchema, slaSchema } from './schema-sla-routing.js';
import { cadenceSchema, stagesSchema } from './schema-stages-cadence.js';
import { channelsSchema, rosterSchema, vocSchema } from './schema-team.js';
import { calendarSchema, retroSchema } from './schema-time.js';
import { webhooksSchema } from './schema-webhooks.js';

export const fileShape = strictMap({
  team_id: pattern(/^T[A-Z0-9]{2,}$/, 'a Slack team id (like T0123ABCD)').optional(),
  locale: z.enum(LOCALES).optional(),
  segments: uniqueList(
    slug.refine((s) => s !== 'default', {
      error: '"default" is reserved (it names the fallback leads channel)',
    }),
  )
    .min(1)
    .max(20)
    .default(() => [...DEFAULT_SEGMENTS]),
  // Both may be absent: an unconfigured workspace, set up from Slack (see domain/readiness.ts).
  channels: channelsSchema.optional(),
  roster: rosterSchema.optional(),
  calendar: calendarSchema.prefault({}),
  sla: slaSchema.prefault({}),
  intake: intakeSchema.prefault({}),
  qualification: qualificationSchema.prefault({}),
  routing: routingSchema.prefault({}),
  stages: stagesSchema.prefault({}),
  cadence: cadenceSchema.prefault({}),
  funnel: funnelSchema.prefault({}),
  retro: retroSchema.prefault({}),
  voc: vocSchema.prefault({}),
  retention: retentionSchema.prefault({}),
  labels: labelsSchema.prefault({}),
  hubspot: hubspotSchema.prefault({}),
  webhooks: webhooksSchema.default([]),
});

/** The file as validated: snake_case, scalar defaults filled in, list defaults still to apply. */
export type WorkspaceFile = z.output<typeof fileShape>;
