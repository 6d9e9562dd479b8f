import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { isWithinWindow } from '../domain/request-window.js';

export type WebhookAuth = { ok: true; via: 'signature' | 'bearer' } | { ok: false; reason: string };

// Hashing both sides first makes the comparison constant-time whatever their lengths.
const sameSecret = (a: string, b: string) =>
  timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

const header = (headers: IncomingHttpHeaders, name: string) => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** `sha256=` + hex HMAC-SHA256 of `<timestamp>.<raw body>`, what senders put in X-Baton-Signature. */
export function signWebhook(secret: string, timestamp: number, rawBody: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex')}`;
}

/**
 * Checks a webhook call: an HMAC signature over timestamp and body (preferred), or a Bearer token
 * for tools that cannot sign. Reasons are safe to return to the caller: they never echo secrets.
 */
export function verifyWebhook(
  headers: IncomingHttpHeaders,
  rawBody: Buffer,
  secret: string,
  now: Date,
): WebhookAuth {
  const signature = header(headers, 'x-baton-signature');
  if (signature !== undefined) {
    const stamp = header(headers, 'x-baton-timestamp');
    if (!stamp || !/^\d{1,12}$/.test(stamp)) {
      return { ok: false, reason: 'X-Baton-Timestamp must be the Unix time in seconds when signing' };
    }
    if (!isWithinWindow(Number(stamp), now.getTime())) {
      return { ok: false, reason: 'X-Baton-Timestamp is more than 5 minutes from the current time' };
    }
    return sameSecret(signature, signWebhook(secret, Number(stamp), rawBody))
      ? { ok: true, via: 'signature' }
      : { ok: false, reason: 'X-Baton-Signature does not match the body' };
  }
  const authorization = header(headers, 'authorization');
  if (authorization?.startsWith('Bearer ')) {
    return sameSecret(authorization.slice('Bearer '.length).trim(), secret)
      ? { ok: true, via: 'bearer' }
      : { ok: false, reason: 'the Bearer token is not valid' };
  }
  return {
    ok: false,
    reason: 'sign the request (X-Baton-Signature, X-Baton-Timestamp) or send Authorization: Bearer',
  };
}
