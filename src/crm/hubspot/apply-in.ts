/**
 * Applies one verified HubSpot webhook event: a new contact becomes a Baton lead (through the
 * intake service, like POST /api/leads), a deal stage or lead status change moves the lead. A
 * change Baton itself wrote and HubSpot echoes back is recognised and ignored, so nothing loops.
 */
import type { ConfigSource } from '../../config/config-source.js';
import type { Database } from '../../db/client.js';
import { leadsOfHubspotContacts, linkHubspotContact, takeHubspotEcho } from '../../db/queries/hubspot.js';
import { parseLeadInput } from '../../domain/lead-input.js';
import type { LeadService } from '../../services/leads.js';
import type { StageMoveService } from '../../services/stage-moves.js';
import { CONTACT_FIELDS, type HubspotClient, HubspotError, type HubspotObject } from './client.js';
import type { HubspotWebhookEvent } from './webhook-body.js';

export interface InDeps {
  database: Database;
  configs: ConfigSource;
  client: HubspotClient;
  leads: LeadService;
  stageMoves: StageMoveService;
  /** The HubSpot app id: a change whose sourceId is ours is our own. */
  appId: string | null;
  now(): Date;
}

/** What became of the event (counted in /metrics). */
export type InOutcome = 'lead_created' | 'duplicate' | 'moved' | 'echo' | 'ignored';

/** How long after Baton's write its echo is still recognised (HubSpot retries a webhook for up to a day). */
const ECHO_WINDOW_MS = 24 * 3_600_000;
const SIDE_WITH_REASON = ['Lost', 'Disqualified'];

/** The intake body for a contact, in Baton's field names. */
export function leadBodyOf(
  contact: HubspotObject,
  source: string,
  form: string | null,
): Record<string, unknown> {
  const p = contact.properties;
  const body: Record<string, string | null | undefined> = {
    external_id: `hubspot-contact-${contact.id}`,
    source,
    name: [p.firstname, p.lastname].filter((s) => s?.trim()).join(' '),
    form,
  };
  for (const [field, property] of Object.entries(CONTACT_FIELDS)) body[field] = p[property];
  body.email ??= '';
  return Object.fromEntries(
    Object.entries(body).filter(([k, v]) => k === 'email' || (v != null && v !== '')),
  );
}

async function createLead(deps: InDeps, teamId: string, event: HubspotWebhookEvent): Promise<InOutcome> {
  const config = deps.configs.for(teamId);
  const contact = await deps.client.getContact(String(event.objectId));
  if (!contact) return 'ignored'; // deleted since
  const body = leadBodyOf(contact, config.hubspot.source, config.hubspot.form);
  const parsed = parseLeadInput(body, { source: config.hubspot.source });
  if (!parsed.ok) {
    const fields = parsed.errors.map((e) => `${e.field} ${e.message}`).join('; ');
    throw new HubspotError('refused', `contact ${contact.id} cannot be a lead: ${fields}`);
  }
  const result = await deps.leads.intake(teamId, parsed.lead, deps.now());
  await linkHubspotContact(deps.database.db, teamId, result.leadId, contact.id, deps.now());
  return result.duplicate ? 'duplicate' : 'lead_created';
}

async function moveLeads(
  deps: InDeps,
  teamId: string,
  leadIds: number[],
  to: string,
  extra: { amount?: number | null; currency?: string | null },
): Promise<InOutcome> {
  const config = deps.configs.for(teamId);
  let moved = false;
  for (const leadId of leadIds) {
    const result = await deps.stageMoves.move(
      teamId,
      leadId,
      { to, reason: SIDE_WITH_REASON.includes(to) ? config.hubspot.lostReason : null, ...extra },
      { actorId: null, via: 'api' },
      deps.now(),
    );
    if (result.ok) moved = true;
    else if (result.problem.code !== 'same_stage' && result.problem.code !== 'not_found')
      throw new HubspotError('refused', `lead ${leadId} cannot move to ${to}: ${result.problem.code}`);
  }
  return moved ? 'moved' : 'ignored';
}

async function isEcho(deps: InDeps, teamId: string, objectType: string, event: HubspotWebhookEvent) {
  if (deps.appId && event.sourceId === deps.appId) return true;
  return takeHubspotEcho(deps.database.db, {
    teamId,
    objectType,
    objectId: String(event.objectId),
    property: event.propertyName ?? '',
    value: event.propertyValue ?? '',
    since: new Date(deps.now().getTime() - ECHO_WINDOW_MS),
  });
}

export async function applyIn(deps: InDeps, teamId: string, event: HubspotWebhookEvent): Promise<InOutcome> {
  const config = deps.configs.for(teamId).hubspot;
  switch (event.subscriptionType) {
    case 'contact.creation': {
      // A contact Baton created for one of its leads comes back as a creation: not a new lead.
      const ours = deps.appId !== null && event.sourceId === deps.appId;
      const linked = await leadsOfHubspotContacts(deps.database.db, teamId, [String(event.objectId)]);
      return ours || linked.length > 0 ? 'echo' : createLead(deps, teamId, event);
    }
    case 'contact.propertyChange': {
      if (await isEcho(deps, teamId, 'contact', event)) return 'echo';
      const to =
        event.propertyName === 'hs_lead_status'
          ? config.contactStatuses[event.propertyValue ?? '']
          : undefined;
      if (!to) return 'ignored';
      const leads = await leadsOfHubspotContacts(deps.database.db, teamId, [String(event.objectId)]);
      return moveLeads(deps, teamId, leads, to, {});
    }
    case 'deal.propertyChange': {
      if (event.propertyName !== 'dealstage') return 'ignored';
      if (await isEcho(deps, teamId, 'deal', event)) return 'echo';
      const to = config.dealStages[event.propertyValue ?? ''];
      if (!to) return 'ignored';
      const deal = await deps.client.getDeal(String(event.objectId));
      if (!deal) return 'ignored';
      const leads = await leadsOfHubspotContacts(deps.database.db, teamId, deal.contactIds);
      const amount = Number(deal.properties.amount);
      const hasAmount =
        deal.properties.amount != null && deal.properties.amount !== '' && Number.isFinite(amount);
      return moveLeads(deps, teamId, leads, to, {
        ...(hasAmount ? { amount } : {}),
        ...(deal.properties.deal_currency_code ? { currency: deal.properties.deal_currency_code } : {}),
      });
    }
    default:
      return 'ignored';
  }
}
