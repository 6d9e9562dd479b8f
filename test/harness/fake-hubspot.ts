/**
 * A fake HubSpot CRM API on 127.0.0.1, built from HubSpot's public API reference: contacts
 * (search, create with 409 on a taken email, read, update with property validation), owners by
 * email, notes with associations, deals with associated contacts. Errors use HubSpot's body
 * `{ status: 'error', message, correlationId, category }`; a 429 carries the X-HubSpot-RateLimit-*
 * headers. It records every call, can fail on demand or be "down" (503), and sends v3-signed
 * webhooks the way HubSpot does.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signV3 } from '../../src/crm/hubspot/signature.js';

export interface FakeHubspotCall {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  status: number;
}

interface CrmObject {
  id: string;
  properties: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  archived: false;
}

export interface FakeNote extends CrmObject {
  contactIds: string[];
}

/** A property change as HubSpot records it (and reports it in a propertyChange webhook). */
export interface FakeChange {
  objectType: 'contact' | 'deal';
  objectId: string;
  property: string;
  value: string;
  changeSource: 'INTEGRATION' | 'CRM_UI';
  sourceId: string;
}

export type FakeFailure = { status: 429; retryAfter?: number } | { status: 500 | 502 | 503 };

/** HubSpot's default hs_lead_status options and lifecycle stages (other values are refused). */
const LEAD_STATUSES = [
  'NEW',
  'OPEN',
  'IN_PROGRESS',
  'OPEN_DEAL',
  'UNQUALIFIED',
  'ATTEMPTED_TO_CONTACT',
  'CONNECTED',
  'BAD_TIMING',
];
const LIFECYCLE = [
  'subscriber',
  'lead',
  'marketingqualifiedlead',
  'salesqualifiedlead',
  'opportunity',
  'customer',
  'evangelist',
  'other',
];
// HubSpot's default contact properties Baton may touch (from HubSpot's property reference), kept
// apart from Baton's own list so a property Baton invents is refused here as HubSpot would.
const CONTACT_PROPERTIES = new Set(
  'email firstname lastname company jobtitle phone website industry numemployees message lifecyclestage hs_lead_status hubspot_owner_id'.split(
    ' ',
  ),
);

export class FakeHubspot {
  readonly calls: FakeHubspotCall[] = [];
  readonly contacts = new Map<string, CrmObject>();
  readonly deals = new Map<string, CrmObject & { contactIds: string[] }>();
  readonly notes: FakeNote[] = [];
  readonly owners: Array<{ id: string; email: string; firstName: string; lastName: string; userId: number }> =
    [];
  readonly changes: FakeChange[] = [];
  /** The contact.creation events for contacts created through the API (what HubSpot would send). */
  readonly apiCreations: Array<Record<string, unknown>> = [];
  /** Answer every API call 503, as during an outage. */
  down = false;
  #failures: Array<FakeFailure & { pathStart: string }> = [];
  #nextId = 1001;
  #nextEventId = 1;
  #server!: Server;
  apiUrl = '';

  private constructor(
    readonly token: string,
    readonly appId: number,
    readonly portalId: number,
    /** Custom contact properties an admin created (e.g. baton_lost_reason). */
    readonly customProperties: Set<string>,
  ) {}

  static async start(
    o: { token?: string; appId?: number; portalId?: number; customProperties?: string[] } = {},
  ) {
    const fake = new FakeHubspot(
      o.token ?? 'pat-na1-fake-token-0000',
      o.appId ?? 4242,
      o.portalId ?? 777,
      new Set(o.customProperties ?? []),
    );
    fake.#server = createServer((req, res) => {
      fake
        .#handle(req, res)
        .catch((error) => fake.#error(res, 500, `fake failed: ${error}`, 'INTERNAL_ERROR'));
    });
    await new Promise<void>((resolve) => fake.#server.listen(0, '127.0.0.1', resolve));
    fake.apiUrl = `http://127.0.0.1:${(fake.#server.address() as AddressInfo).port}`;
    return fake;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }

  /** The next `times` API calls (to paths starting with `pathStart`, when given) fail this way, in order. */
  failNext(failure: FakeFailure, times = 1, pathStart = ''): void {
    for (let i = 0; i < times; i++) this.#failures.push({ ...failure, pathStart });
  }

  /** Failures planned with failNext and not used yet. */
  get pendingFailures(): number {
    return this.#failures.length;
  }

  callsTo(method: string, pathStart: string): FakeHubspotCall[] {
    return this.calls.filter((c) => c.method === method && c.path.startsWith(pathStart) && c.status < 300);
  }

  addOwner(email: string, firstName = 'Owner', lastName = 'Person'): string {
    const id = String(this.#nextId++);
    this.owners.push({ id, email, firstName, lastName, userId: Number(id) + 9000 });
    return id;
  }

  contactByEmail(email: string): CrmObject | undefined {
    return [...this.contacts.values()].find((c) => c.properties.email?.toLowerCase() === email.toLowerCase());
  }

  notesOf(contactId: string): FakeNote[] {
    return this.notes.filter((n) => n.contactIds.includes(contactId));
  }

  /** A person creates a contact in HubSpot (or a HubSpot form does); returns the contact.creation event. */
  createContactInCrm(properties: Record<string, string>) {
    const contact = this.#newObject(properties);
    this.contacts.set(contact.id, contact);
    return {
      contact,
      event: this.#event('contact.creation', contact.id, { changeFlag: 'CREATED', changeSource: 'FORM' }),
    };
  }

  addDeal(properties: Record<string, string>, contactIds: string[]): string {
    const deal = { ...this.#newObject(properties), contactIds };
    this.deals.set(deal.id, deal);
    return deal.id;
  }

  /** A person moves a deal in HubSpot; returns the deal.propertyChange event. */
  setDealStageInCrm(dealId: string, stage: string) {
    const deal = this.deals.get(dealId);
    if (!deal) throw new Error(`no deal ${dealId}`);
    deal.properties.dealstage = stage;
    return this.#changed({
      objectType: 'deal',
      objectId: dealId,
      property: 'dealstage',
      value: stage,
      changeSource: 'CRM_UI',
      sourceId: 'userId:1234',
    });
  }

  /** A person edits a contact property in HubSpot; returns the contact.propertyChange event. */
  setContactPropertyInCrm(contactId: string, property: string, value: string) {
    const contact = this.contacts.get(contactId);
    if (!contact) throw new Error(`no contact ${contactId}`);
    contact.properties[property] = value;
    return this.#changed({
      objectType: 'contact',
      objectId: contactId,
      property,
      value,
      changeSource: 'CRM_UI',
      sourceId: 'userId:1234',
    });
  }

  /** The propertyChange event HubSpot sends for a recorded change (e.g. the echo of Baton's own write). */
  eventFor(change: FakeChange) {
    return this.#event(`${change.objectType}.propertyChange`, change.objectId, {
      propertyName: change.property,
      propertyValue: change.value,
      changeSource: change.changeSource,
      sourceId: change.sourceId,
    });
  }

  /** POSTs events to Baton as HubSpot does: JSON array, v3 signature over the URL it calls. */
  async sendWebhook(
    url: string,
    events: unknown[],
    o: { secret: string; timestamp?: number; signature?: string; raw?: string },
  ): Promise<{ status: number; json: Record<string, unknown> }> {
    const body = o.raw ?? JSON.stringify(events);
    const timestamp = String(o.timestamp ?? Date.now());
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hubspot-request-timestamp': timestamp,
        'x-hubspot-signature-v3': o.signature ?? signV3(o.secret, 'POST', url, body, timestamp),
      },
      body,
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  }

  #newObject(properties: Record<string, string>): CrmObject {
    const now = new Date().toISOString();
    const id = String(this.#nextId++);
    return {
      id,
      properties: { ...properties, hs_object_id: id, createdate: now },
      createdAt: now,
      updatedAt: now,
      archived: false,
    };
  }

  #changed(change: FakeChange) {
    this.changes.push(change);
    return this.eventFor(change);
  }

  #event(subscriptionType: string, objectId: string, extra: Record<string, unknown>) {
    return {
      eventId: this.#nextEventId++,
      subscriptionId: 55,
      portalId: this.portalId,
      appId: this.appId,
      occurredAt: Date.now(),
      subscriptionType,
      attemptNumber: 0,
      objectId: Number(objectId),
      ...extra,
    };
  }

  #send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    res.writeHead(status, { 'content-type': 'application/json;charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  }

  #error(
    res: ServerResponse,
    status: number,
    message: string,
    category: string,
    headers: Record<string, string> = {},
  ) {
    this.#send(res, status, { status: 'error', message, correlationId: randomUUID(), category }, headers);
  }

  async #handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://fake');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body: unknown = text ? JSON.parse(text) : undefined;
    const call: FakeHubspotCall = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body,
      status: 0,
    };
    this.calls.push(call);
    const send = (status: number, payload: unknown, headers?: Record<string, string>) => {
      call.status = status;
      this.#send(res, status, payload, headers);
    };
    const fail = (status: number, message: string, category: string, headers?: Record<string, string>) => {
      call.status = status;
      this.#error(res, status, message, category, headers);
    };

    if (req.headers.authorization !== `Bearer ${this.token}`)
      return fail(
        401,
        'Authentication credentials not found. This API supports OAuth 2.0 authentication.',
        'INVALID_AUTHENTICATION',
      );
    if (this.down) return fail(503, 'Service Unavailable', 'SERVICE_UNAVAILABLE');
    const at = this.#failures.findIndex((f) => url.pathname.startsWith(f.pathStart));
    const failure = at >= 0 ? this.#failures.splice(at, 1)[0] : undefined;
    if (failure?.status === 429) {
      call.status = 429;
      return this.#send(
        res,
        429,
        {
          status: 'error',
          message: 'You have reached your ten_secondly_rolling limit.',
          errorType: 'RATE_LIMIT',
          correlationId: randomUUID(),
          policyName: 'TEN_SECONDLY_ROLLING',
        },
        {
          'x-hubspot-ratelimit-daily': '250000',
          'x-hubspot-ratelimit-daily-remaining': '249000',
          'x-hubspot-ratelimit-interval-milliseconds': '10000',
          'x-hubspot-ratelimit-max': '100',
          'x-hubspot-ratelimit-remaining': '0',
          ...(failure.retryAfter ? { 'retry-after': String(failure.retryAfter) } : {}),
        },
      );
    }
    if (failure) return fail(failure.status, 'Internal error', 'INTERNAL_ERROR');

    const path = url.pathname;
    const b = (body ?? {}) as Record<string, unknown>;
    const contactPath = /^\/crm\/v3\/objects\/contacts\/(\d+)$/.exec(path);
    const dealPath = /^\/crm\/v3\/objects\/deals\/(\d+)$/.exec(path);
    if (req.method === 'POST' && path === '/crm/v3/objects/contacts/search') {
      const filter = (
        b.filterGroups as Array<{ filters: Array<{ propertyName: string; operator: string; value: string }> }>
      )?.[0]?.filters?.[0];
      if (filter?.operator !== 'EQ') return fail(400, 'Invalid input JSON on line 1', 'VALIDATION_ERROR');
      const results = [...this.contacts.values()].filter(
        (c) => (c.properties[filter.propertyName] ?? '').toLowerCase() === String(filter.value).toLowerCase(),
      );
      return send(200, { total: results.length, results: results.slice(0, Number(b.limit ?? 10)) });
    }
    if (req.method === 'POST' && path === '/crm/v3/objects/contacts') {
      const props = (b.properties ?? {}) as Record<string, string>;
      const invalid = this.#invalid(props);
      if (invalid) return fail(400, invalid, 'VALIDATION_ERROR');
      const existing = props.email ? this.contactByEmail(props.email) : undefined;
      if (existing) return fail(409, `Contact already exists. Existing ID: ${existing.id}`, 'CONFLICT');
      const contact = this.#newObject(props);
      this.contacts.set(contact.id, contact);
      // HubSpot tells subscribers about contacts an integration creates too.
      this.apiCreations.push(
        this.#event('contact.creation', contact.id, {
          changeFlag: 'CREATED',
          changeSource: 'INTEGRATION',
          sourceId: String(this.appId),
        }),
      );
      return send(201, contact);
    }
    if (contactPath) {
      const contact = this.contacts.get(contactPath[1]!);
      if (!contact) return fail(404, 'resource not found', 'OBJECT_NOT_FOUND');
      if (req.method === 'GET') {
        const wanted = url.searchParams.get('properties')?.split(',') ?? ['email', 'firstname', 'lastname'];
        return send(200, {
          ...contact,
          properties: Object.fromEntries(wanted.map((p) => [p, contact.properties[p] ?? null])),
        });
      }
      if (req.method === 'PATCH') {
        const props = (b.properties ?? {}) as Record<string, string>;
        const invalid = this.#invalid(props);
        if (invalid) return fail(400, invalid, 'VALIDATION_ERROR');
        for (const [property, value] of Object.entries(props)) {
          if (contact.properties[property] === value) continue; // HubSpot reports only real changes
          contact.properties[property] = value;
          this.changes.push({
            objectType: 'contact',
            objectId: contact.id,
            property,
            value,
            changeSource: 'INTEGRATION',
            sourceId: String(this.appId),
          });
        }
        contact.updatedAt = new Date().toISOString();
        return send(200, contact);
      }
    }
    if (req.method === 'GET' && path === '/crm/v3/owners') {
      const email = url.searchParams.get('email');
      const results = this.owners
        .filter((o) => !email || o.email.toLowerCase() === email.toLowerCase())
        .map((o) => ({
          ...o,
          archived: false,
          createdAt: '2026-01-01T00:00:00Z',
          updatedAt: '2026-01-01T00:00:00Z',
        }));
      return send(200, { results });
    }
    if (req.method === 'POST' && path === '/crm/v3/objects/notes') {
      const props = (b.properties ?? {}) as Record<string, string>;
      if (!props.hs_timestamp)
        return fail(400, 'Property values were not valid: hs_timestamp is required', 'VALIDATION_ERROR');
      const associations = (b.associations ?? []) as Array<{
        to: { id: string };
        types: Array<{ associationTypeId: number }>;
      }>;
      const contactIds: string[] = [];
      for (const a of associations) {
        if (a.types?.[0]?.associationTypeId !== 202 || !this.contacts.has(String(a.to?.id)))
          return fail(400, `Invalid association: ${JSON.stringify(a)}`, 'VALIDATION_ERROR');
        contactIds.push(String(a.to.id));
      }
      const note = { ...this.#newObject(props), contactIds };
      this.notes.push(note);
      return send(201, { ...note, contactIds: undefined });
    }
    if (req.method === 'GET' && dealPath) {
      const deal = this.deals.get(dealPath[1]!);
      if (!deal) return fail(404, 'resource not found', 'OBJECT_NOT_FOUND');
      const wanted = url.searchParams.get('properties')?.split(',') ?? ['dealname', 'dealstage', 'amount'];
      const withContacts = url.searchParams.get('associations')?.split(',').includes('contacts');
      return send(200, {
        id: deal.id,
        properties: Object.fromEntries(wanted.map((p) => [p, deal.properties[p] ?? null])),
        createdAt: deal.createdAt,
        updatedAt: deal.updatedAt,
        archived: false,
        ...(withContacts
          ? {
              associations: {
                contacts: { results: deal.contactIds.map((id) => ({ id, type: 'deal_to_contact' })) },
              },
            }
          : {}),
      });
    }
    return fail(404, `No route for ${req.method} ${path}`, 'OBJECT_NOT_FOUND');
  }

  /** HubSpot's check of property names and enumeration values, as a VALIDATION_ERROR message. */
  #invalid(props: Record<string, string>): string | null {
    for (const [name, value] of Object.entries(props)) {
      if (!CONTACT_PROPERTIES.has(name) && !this.customProperties.has(name))
        return `Property values were not valid: [{"isValid":false,"message":"Property \\"${name}\\" does not exist","error":"PROPERTY_DOESNT_EXIST","name":"${name}"}]`;
      if (name === 'hs_lead_status' && !LEAD_STATUSES.includes(value))
        return `Property values were not valid: [{"isValid":false,"message":"${value} was not one of the allowed options","error":"INVALID_OPTION","name":"hs_lead_status"}]`;
      if (name === 'lifecyclestage' && !LIFECYCLE.includes(value))
        return `Property values were not valid: [{"isValid":false,"message":"${value} was not one of the allowed options","error":"INVALID_OPTION","name":"lifecyclestage"}]`;
      if (name === 'hubspot_owner_id' && value !== '' && !this.owners.some((o) => o.id === value))
        return `Property values were not valid: [{"isValid":false,"message":"${value} is not a valid owner id","error":"INVALID_OWNER_ID","name":"hubspot_owner_id"}]`;
    }
    return null;
  }
}
