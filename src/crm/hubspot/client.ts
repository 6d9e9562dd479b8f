/**
 * HubSpot's CRM API over fetch (no SDK: Baton makes seven kinds of call and needs their status and
 * rate-limit headers as they are). Every failure is a HubSpotError that says whether to retry.
 */
export type HubspotFailure = 'rate_limited' | 'unavailable' | 'network' | 'refused';

export class HubspotError extends Error {
  override name = 'HubspotError';
  constructor(
    readonly kind: HubspotFailure,
    message: string,
    readonly status: number | null = null,
    /** HubSpot's `category` (e.g. VALIDATION_ERROR), when it said one. */
    readonly category: string | null = null,
    /** How long HubSpot asked us to wait (429), in ms. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }

  get retryable(): boolean {
    return this.kind !== 'refused';
  }
}

export interface HubspotObject {
  id: string;
  properties: Record<string, string | null>;
}

export interface HubspotDeal extends HubspotObject {
  contactIds: string[];
}

export interface HubspotClientOptions {
  token: string;
  /** https://api.hubapi.com, or a fake in tests. */
  apiUrl: string;
  /** Called once per HTTP call with its operation and outcome (for /metrics). */
  onCall?: (operation: string, outcome: string) => void;
  timeoutMs?: number;
}

/** Baton lead field → the HubSpot contact property it is read from (intake) and written to (new contacts). */
export const CONTACT_FIELDS = {
  email: 'email',
  company: 'company',
  title: 'jobtitle',
  phone: 'phone',
  website: 'website',
  industry: 'industry',
  company_size: 'numemployees',
  message: 'message',
} as const;

/** The contact properties Baton reads: the fields above and the name. */
export const CONTACT_PROPERTIES = [...Object.values(CONTACT_FIELDS), 'firstname', 'lastname'];

/** HubSpot's association type id for note → contact (HUBSPOT_DEFINED). */
const NOTE_TO_CONTACT = 202;

/** Retry-After (seconds) wins; else HubSpot's rate-limit window when its remaining count is 0; else 10 s. */
export function rateLimitWaitMs(headers: Headers): number {
  const retryAfter = Number(headers.get('retry-after'));
  if (Number.isFinite(retryAfter) && retryAfter > 0) return retryAfter * 1000;
  if (headers.get('x-hubspot-ratelimit-secondly-remaining') === '0') return 1000;
  const interval = Number(headers.get('x-hubspot-ratelimit-interval-milliseconds'));
  if (headers.get('x-hubspot-ratelimit-remaining') === '0' && interval > 0) return interval;
  return 10_000;
}

export class HubspotClient {
  readonly #base: string;
  constructor(private readonly options: HubspotClientOptions) {
    this.#base = options.apiUrl.replace(/\/+$/, '');
  }

  async #call<T>(operation: string, method: string, path: string, body?: unknown): Promise<T | null> {
    let res: Response;
    try {
      res = await fetch(`${this.#base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.options.token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
      });
    } catch (error) {
      this.options.onCall?.(operation, 'network');
      throw new HubspotError('network', `HubSpot could not be reached: ${(error as Error).message}`);
    }
    const text = await res.text().catch(() => '');
    this.options.onCall?.(operation, String(res.status));
    if (res.status === 404 && method === 'GET') return null;
    if (res.ok) return (text ? JSON.parse(text) : {}) as T;
    let parsed: { message?: string; category?: string } = {};
    try {
      parsed = JSON.parse(text);
    } catch {}
    const message = `${operation}: HubSpot answered ${res.status}${parsed.message ? `: ${parsed.message}` : ''}`;
    if (res.status === 429)
      throw new HubspotError(
        'rate_limited',
        message,
        429,
        parsed.category ?? null,
        rateLimitWaitMs(res.headers),
      );
    if (res.status >= 500)
      throw new HubspotError('unavailable', message, res.status, parsed.category ?? null);
    throw new HubspotError('refused', message, res.status, parsed.category ?? null);
  }

  /** The contact with this email (HubSpot compares emails case-insensitively), or null. */
  async findContactByEmail(email: string): Promise<HubspotObject | null> {
    const found = await this.#call<{ results: HubspotObject[] }>(
      'contacts.search',
      'POST',
      '/crm/v3/objects/contacts/search',
      {
        filterGroups: [{ filters: [{ propertyName: 'email', operator: 'EQ', value: email }] }],
        properties: ['email'],
        limit: 1,
      },
    );
    return found?.results[0] ?? null;
  }

  /** Creates a contact; when HubSpot says one with this email exists (409), returns that one's id. */
  async createContact(properties: Record<string, string>): Promise<string> {
    try {
      const created = await this.#call<HubspotObject>('contacts.create', 'POST', '/crm/v3/objects/contacts', {
        properties,
      });
      return created!.id;
    } catch (error) {
      const existing = /Existing ID: (\d+)/.exec((error as Error).message)?.[1];
      if (error instanceof HubspotError && error.status === 409 && existing) return existing;
      throw error;
    }
  }

  async getContact(id: string): Promise<HubspotObject | null> {
    const query = new URLSearchParams({ properties: CONTACT_PROPERTIES.join(',') });
    return this.#call<HubspotObject>(
      'contacts.get',
      'GET',
      `/crm/v3/objects/contacts/${encodeURIComponent(id)}?${query}`,
    );
  }

  async updateContact(id: string, properties: Record<string, string>): Promise<void> {
    await this.#call('contacts.update', 'PATCH', `/crm/v3/objects/contacts/${encodeURIComponent(id)}`, {
      properties,
    });
  }

  /** The HubSpot owner (user) id with this email, or null when there is none. */
  async ownerIdByEmail(email: string): Promise<string | null> {
    const query = new URLSearchParams({ email, limit: '1' });
    const found = await this.#call<{ results: Array<{ id: string; email: string }> }>(
      'owners.list',
      'GET',
      `/crm/v3/owners?${query}`,
    );
    return found?.results.find((o) => o.email?.toLowerCase() === email.toLowerCase())?.id ?? null;
  }

  /** A note on the contact's timeline; returns its id. */
  async createNote(contactId: string, body: string, at: Date): Promise<string> {
    const created = await this.#call<HubspotObject>('notes.create', 'POST', '/crm/v3/objects/notes', {
      properties: { hs_timestamp: at.toISOString(), hs_note_body: body },
      associations: [
        {
          to: { id: contactId },
          types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: NOTE_TO_CONTACT }],
        },
      ],
    });
    return created!.id;
  }

  /** A deal with its stage, amount and associated contacts, or null when it is gone. */
  async getDeal(id: string): Promise<HubspotDeal | null> {
    const query = new URLSearchParams({
      properties: 'dealstage,amount,deal_currency_code,dealname',
      associations: 'contacts',
    });
    const deal = await this.#call<
      HubspotObject & { associations?: { contacts?: { results: Array<{ id: string }> } } }
    >('deals.get', 'GET', `/crm/v3/objects/deals/${encodeURIComponent(id)}?${query}`);
    if (!deal) return null;
    return {
      id: deal.id,
      properties: deal.properties,
      contactIds: deal.associations?.contacts?.results.map((r) => String(r.id)) ?? [],
    };
  }
}
