/** The hubspot section: how Baton's stages and events map onto HubSpot contacts, and what comes back in. */
import { z } from 'zod';
import { stageKey, strictMap } from './primitives.js';

/** The HubSpot webhook subscriptions Baton acts on (others are acknowledged and dropped). */
export const HUBSPOT_EVENTS_IN = [
  'contact.creation',
  'deal.propertyChange',
  'contact.propertyChange',
] as const;

// HubSpot internal names: property names are lower-case, option values are what the API stores.
const propertyName = z.string().regex(/^[a-z][a-z0-9_]{0,99}$/, {
  error: 'must be a HubSpot property internal name like "hs_lead_status"',
});
const optionValue = z.string().trim().min(1).max(100);

export const hubspotSchema = strictMap({
  /** Baton stage → the contact's lifecycle stage (a stage left out leaves it as it is). */
  lifecycle_stages: z.record(stageKey, optionValue).optional(),
  /** Baton stage → the contact's lead status. */
  lead_statuses: z.record(stageKey, optionValue).optional(),
  /** The lead status written on the first touch; null writes none. */
  first_touch_status: optionValue.nullable().default('ATTEMPTED_TO_CONTACT'),
  /** Contact properties for the lost reason and competitor (custom properties you create); unset writes none. */
  lost_reason_property: propertyName.optional(),
  competitor_property: propertyName.optional(),
  /** Log Baton's events on the contact's timeline as notes. */
  notes: z.boolean().default(true),
  /** Which HubSpot webhook subscriptions Baton acts on. */
  events_in: z.array(z.enum(HUBSPOT_EVENTS_IN)).default(['contact.creation', 'deal.propertyChange']),
  /** HubSpot deal stage id → Baton stage (default: closedwon → funnel.won_stage, closedlost → Lost). */
  deal_stages: z.record(z.string().min(1).max(100), stageKey).optional(),
  /** A contact's lead status set in HubSpot → Baton stage (with contact.propertyChange in events_in). */
  contact_statuses: z.record(optionValue, stageKey).optional(),
  /** The lost / disqualify reason a move from HubSpot carries (HubSpot says none). */
  lost_reason: z.string().min(1).default('other'),
  /** The form new HubSpot contacts count as for qualification (e.g. demo_request); unset sends none. */
  form: z
    .string()
    .regex(/^[a-z0-9_-]{1,64}$/)
    .optional(),
  /** The source key leads created from HubSpot contacts get. */
  source: z
    .string()
    .regex(/^[a-z0-9_-]{1,64}$/)
    .default('hubspot'),
});
