import { signWebhook } from '../../src/http/webhook-auth.js';

export const WEBHOOK_SECRET = 'test-webhook-secret-0123456789abcdef';

/** A routable demo request (a small company), numbered so each is a new lead: `${prefix}-${n}`. */
export const demoLead = (prefix: string, n: number) => ({
  external_id: `${prefix}-${n}`,
  source: 'website',
  name: `Lead ${n}`,
  email: `buyer${n}@company${n}.example`,
  company: `Company ${n}`,
  company_size: 20,
  form: 'demo_request',
});

export interface SendLeadOptions {
  /** 'signature' (default) signs with HMAC; 'bearer' sends the secret as a token; 'none' sends neither. */
  auth?: 'signature' | 'bearer' | 'none';
  secret?: string;
  /** Unix seconds used for the signature (default: `now`). */
  timestamp?: number;
  /** The sender's clock; sign with the same clock the app reads. */
  now?: () => Date;
  /** Replaces the computed signature (to forge one). */
  signature?: string;
  query?: string;
  /** Sends this exact text instead of JSON-encoding `body`. */
  raw?: string;
  /** Extra request headers (e.g. a CSV content type, an Idempotency-Key); they win over the defaults. */
  headers?: Record<string, string>;
}

/** POSTs a lead to /api/leads the way a form tool or CRM does, signed unless told otherwise. */
export async function sendLead(baseUrl: string, body: unknown, o: SendLeadOptions = {}) {
  return postSigned(baseUrl, `/api/leads${o.query ?? ''}`, o.raw ?? JSON.stringify(body), o);
}

/** POSTs these exact bytes (invalid UTF-8 included) to a webhook path, signed like sendLead. */
export async function postSigned(
  baseUrl: string,
  path: string,
  raw: string | Buffer,
  o: Omit<SendLeadOptions, 'raw' | 'query'> = {},
) {
  const secret = o.secret ?? WEBHOOK_SECRET;
  const headers: Record<string, string> = { 'content-type': 'application/json', ...o.headers };
  if ((o.auth ?? 'signature') === 'signature') {
    const timestamp = o.timestamp ?? Math.floor((o.now?.() ?? new Date()).getTime() / 1000);
    headers['x-baton-timestamp'] = String(timestamp);
    headers['x-baton-signature'] = o.signature ?? signWebhook(secret, timestamp, raw);
  } else if (o.auth === 'bearer') {
    headers.authorization = `Bearer ${secret}`;
  }
  const res = await fetch(`${baseUrl}${path}`, { method: 'POST', headers, body: raw });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}
