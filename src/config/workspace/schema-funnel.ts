/** The funnel section: what counts as a win, when a deal needs an amount, and reverse planning. */
import { z } from 'zod';
import { KPI_ROLES } from './constants.js';
import { pattern, stageKey, strictMap, wholeNumber } from './primitives.js';

const rate = z.number().gt(0, { error: 'must be a share above 0, like 0.25' }).lte(1, {
  error: 'must be a share up to 1 (1 = 100 %)',
});

export const funnelSchema = strictMap({
  won_stage: stageKey.optional(),
  deal_stage: stageKey.optional(),
  currency: pattern(/^[A-Z]{3}$/, 'a three-letter currency code like "USD" or "KRW"').default('USD'),
  recycle_reopen_stage: stageKey.optional(),
  kpi_roles: z.record(stageKey, z.enum(KPI_ROLES)).optional(),
  plan: strictMap({
    trailing_days: wholeNumber(7, 365).default(90),
    min_sample: wholeNumber(1, 100_000).default(30),
    default_rates: z.record(stageKey, rate).optional(),
  }).prefault({}),
});
