/** The retention section: how long finished bookkeeping rows are kept before the daily job deletes them. */
import { z } from 'zod';
import { strictMap } from './primitives.js';

const days = (min: number, why: string) =>
  z
    .number({ error: 'must be a whole number of days' })
    .int({ error: 'must be a whole number of days' })
    .min(min, { error: `must be at least ${min} (${why})` })
    .max(3650, { error: 'must be at most 3650 (ten years)' });

export const retentionSchema = strictMap({
  jobs_days: days(1, 'a job finished today is still its own dedupe key').default(30),
  // A round-robin offer can be closed up to a day after its DM went out, and the edit needs that DM.
  outbox_days: days(2, 'an offer DM is edited up to a day after it is sent').default(30),
  event_receipts_days: days(1, 'Slack retries an event for up to an hour').default(7),
  // Delivered/dead webhook deliveries, finished HubSpot tasks, echo records, stuck relay rows.
  crm_days: days(2, 'a webhook delivery is retried for up to a day').default(30),
});
