/**
 * Writes one Baton event to the lead's HubSpot contact: find or create the contact, set the owner
 * and mapped properties, add the note. Each step is recorded as done before the next, so a retry
 * after a failure (or a crash) repeats nothing HubSpot already has.
 */
import type { Database } from '../../db/client.js';
import {
  findHubspotContact,
  type HubspotTaskRow,
  linkHubspotContact,
  recordHubspotWrites,
  saveHubspotProgress,
} from '../../db/queries/hubspot.js';
import { findLead, type LeadRow } from '../../db/queries/leads.js';
import { CONTACT_FIELDS, type HubspotClient, HubspotError } from './client.js';
import type { OutPlan } from './plan.js';

export interface OutDeps {
  database: Database;
  client: HubspotClient;
  /** The HubSpot owner id for a Slack user (null: no HubSpot user with their email). */
  ownerFor(teamId: string, slackUserId: string): Promise<string | null>;
  now(): Date;
  warn(message: string, fields: Record<string, unknown>): void;
}

interface OutProgress {
  contactId?: string;
  propertiesDone?: boolean;
  noteId?: string;
}

/** The contact's properties for a new contact made from the lead. */
export function contactPropertiesOf(lead: LeadRow): Record<string, string> {
  const [first, ...rest] = (lead.name ?? '').trim().split(/\s+/);
  const fields: Record<keyof typeof CONTACT_FIELDS, string | number | null> = {
    email: lead.email,
    company: lead.company,
    title: lead.title,
    phone: lead.phone,
    website: lead.website,
    industry: lead.industry,
    company_size: lead.companySize,
    message: lead.message,
  };
  const props: Record<string, string> = {};
  if (first) props.firstname = first;
  if (rest.length > 0) props.lastname = rest.join(' ');
  for (const [field, property] of Object.entries(CONTACT_FIELDS)) {
    const value = fields[field as keyof typeof CONTACT_FIELDS];
    if (value !== null && value !== '') props[property] = String(value);
  }
  return props;
}

async function contactFor(deps: OutDeps, lead: LeadRow): Promise<string> {
  const linked = await findHubspotContact(deps.database.db, lead.teamId, lead.id);
  if (linked) return linked;
  if (!lead.email) throw new HubspotError('refused', 'the lead has no email to find its HubSpot contact by');
  const found = await deps.client.findContactByEmail(lead.email);
  const id = found?.id ?? (await deps.client.createContact(contactPropertiesOf(lead)));
  await linkHubspotContact(deps.database.db, lead.teamId, lead.id, id, deps.now());
  return id;
}

export async function deliverOut(deps: OutDeps, task: HubspotTaskRow): Promise<'done' | 'no_lead'> {
  if (task.leadId === null) return 'no_lead';
  const lead = await findLead(deps.database.db, task.teamId, task.leadId);
  if (!lead) return 'no_lead';
  const plan = task.payload as unknown as OutPlan & { occurredAt: string };
  const progress: OutProgress = { ...(task.progress as OutProgress) };
  const save = () => saveHubspotProgress(deps.database.db, task.id, { ...progress });

  if (!progress.contactId) {
    progress.contactId = await contactFor(deps, lead);
    await save();
  }
  const contactId = progress.contactId;

  if (!progress.propertiesDone) {
    const properties = { ...plan.properties };
    if (plan.owner) {
      // The owner as it is now: a claim then a release moments later both end as "no owner".
      const owner = lead.ownerId ? await deps.ownerFor(lead.teamId, lead.ownerId) : '';
      if (owner === null) {
        deps.warn('the lead owner has no HubSpot user with their email; owner not set', {
          lead_id: lead.id,
          owner: lead.ownerId,
        });
      } else {
        properties.hubspot_owner_id = owner;
      }
    }
    if (Object.keys(properties).length > 0) {
      // Recorded first: HubSpot's echo may arrive before our PATCH returns.
      await recordHubspotWrites(deps.database.db, {
        teamId: lead.teamId,
        objectType: 'contact',
        objectId: contactId,
        properties,
        at: deps.now(),
      });
      await deps.client.updateContact(contactId, properties);
    }
    progress.propertiesDone = true;
    await save();
  }

  if (plan.note && !progress.noteId) {
    progress.noteId = await deps.client.createNote(contactId, plan.note, new Date(plan.occurredAt));
    await save();
  }
  return 'done';
}
