import { describe, expect, it } from 'vitest';
import { signingUri, signV3, verifyV3 } from '../../../src/crm/hubspot/signature.js';

// Vectors computed outside this code, by HubSpot's documented recipe (method + URI + body +
// timestamp, HMAC-SHA256 with the client secret, base64), with:
//   printf '%s' 'POSThttps://…' | openssl dgst -sha256 -hmac 'my-client-secret' -binary | base64
const SECRET = 'my-client-secret';
const URI = 'https://baton.example.com/crm/hubspot/webhooks?portal=77';
const BODY =
  '[{"eventId":1,"subscriptionType":"contact.creation","objectId":123,"occurredAt":1700000000000}]';
const TS = '1700000000000';
const VECTOR = 'LRu0sMFhF8CS1DgTmTIc0NrA8wyrQRT6Ik5yIMC9+yE=';

const check = (over: Partial<Parameters<typeof verifyV3>[0]> = {}) =>
  verifyV3({
    secret: SECRET,
    method: 'POST',
    uri: URI,
    body: BODY,
    signature: VECTOR,
    timestamp: TS,
    now: new Date(Number(TS) + 60_000),
    ...over,
  });

describe('HubSpot v3 signature', () => {
  it('matches the vector computed from HubSpot’s documented algorithm', () => {
    expect(signV3(SECRET, 'POST', URI, BODY, TS)).toBe(VECTOR);
    expect(check()).toEqual({ ok: true });
  });

  it('decodes the escapes HubSpot decodes before signing', () => {
    const encoded = 'https://baton.example.com/crm/hubspot/webhooks?email=a%40b.example&x=%281%29';
    expect(signingUri(encoded)).toBe(
      'https://baton.example.com/crm/hubspot/webhooks?email=a@b.example&x=(1)',
    );
    expect(signV3(SECRET, 'POST', encoded, '[]', TS)).toBe('ZKSrv96hgvbioEgV51PZkn3CgROQJoHLRqvluhUOIms=');
  });

  it('refuses a changed body, URI, method or secret', () => {
    expect(check({ body: BODY.replace('123', '124') }).ok).toBe(false);
    expect(check({ uri: URI.replace('77', '78') }).ok).toBe(false);
    expect(check({ method: 'PUT' }).ok).toBe(false);
    expect(check({ secret: 'other' })).toEqual({
      ok: false,
      reason: 'X-HubSpot-Signature-v3 does not match the request',
    });
  });

  it('refuses timestamps more than 5 minutes away, and missing headers', () => {
    expect(check({ now: new Date(Number(TS) + 5 * 60_000) }).ok).toBe(true);
    expect(check({ now: new Date(Number(TS) + 5 * 60_000 + 1) })).toMatchObject({ ok: false });
    expect(check({ now: new Date(Number(TS) - 5 * 60_000 - 1) })).toMatchObject({ ok: false });
    expect(check({ timestamp: undefined })).toMatchObject({ ok: false });
    expect(check({ timestamp: '17e11' })).toMatchObject({ ok: false });
    expect(check({ signature: undefined })).toEqual({
      ok: false,
      reason: 'X-HubSpot-Signature-v3 is missing',
    });
  });
});
