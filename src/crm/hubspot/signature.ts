/**
 * HubSpot's v3 request signature: base64 HMAC-SHA256, keyed with the app's client secret, of
 * method + URI + body + timestamp (X-HubSpot-Request-Timestamp, ms). HubSpot decodes a few
 * percent-escapes in the URI before signing, so we do too; requests older than 5 minutes are refused.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const MAX_AGE_MS = 5 * 60_000;

// The escapes HubSpot's documentation lists as decoded before the URI is signed.
const DECODED: Record<string, string> = {
  '%3A': ':',
  '%2F': '/',
  '%3F': '?',
  '%40': '@',
  '%21': '!',
  '%24': '$',
  '%27': "'",
  '%28': '(',
  '%29': ')',
  '%2A': '*',
  '%2C': ',',
  '%3B': ';',
};

export function signingUri(uri: string): string {
  return uri.replace(/%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi, (m) => DECODED[m.toUpperCase()] ?? m);
}

export function signV3(secret: string, method: string, uri: string, body: string, timestamp: string): string {
  return createHmac('sha256', secret)
    .update(`${method.toUpperCase()}${signingUri(uri)}${body}${timestamp}`, 'utf8')
    .digest('base64');
}

export type V3Check = { ok: true } | { ok: false; reason: string };

export function verifyV3(input: {
  secret: string;
  method: string;
  uri: string;
  body: string;
  signature: string | undefined;
  timestamp: string | undefined;
  now: Date;
}): V3Check {
  const { signature, timestamp } = input;
  if (!signature) return { ok: false, reason: 'X-HubSpot-Signature-v3 is missing' };
  if (!timestamp || !/^\d{1,15}$/.test(timestamp))
    return { ok: false, reason: 'X-HubSpot-Request-Timestamp must be the Unix time in milliseconds' };
  if (Math.abs(input.now.getTime() - Number(timestamp)) > MAX_AGE_MS)
    return { ok: false, reason: 'X-HubSpot-Request-Timestamp is more than 5 minutes from the current time' };
  const expected = Buffer.from(signV3(input.secret, input.method, input.uri, input.body, timestamp));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected)
    ? { ok: true }
    : { ok: false, reason: 'X-HubSpot-Signature-v3 does not match the request' };
}
