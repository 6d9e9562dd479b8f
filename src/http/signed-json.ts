import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppContext } from '../context.js';
import { findUnstorable, locateInvalidUtf8, type UnstorableKind } from '../domain/json-safety.js';
import { BodyTooLargeError, readBody } from './read-body.js';
import { sendJson } from './routes.js';
import { verifyWebhook } from './webhook-auth.js';

export const MAX_WEBHOOK_BODY_BYTES = 64 * 1024;

// Fatal: bytes that are not UTF-8 are refused, never silently turned into U+FFFD and stored.
const utf8 = new TextDecoder('utf-8', { fatal: true });

const ERROR_CODES: Record<UnstorableKind, string> = {
  nul: 'invalid_text',
  lone_surrogate: 'invalid_text',
  too_deep: 'too_deep',
  number_out_of_range: 'number_out_of_range',
};

/** A 400 for a body Baton cannot store as sent: `field` names the first place, `fields` every one. */
function refuseUnstorable(res: ServerResponse, body: unknown): boolean {
  const problems = findUnstorable(body);
  const first = problems[0];
  if (!first) return false;
  sendJson(res, 400, {
    error: ERROR_CODES[first.kind],
    message: `${first.field} ${first.message}.`,
    field: first.field,
    fields: problems.map(({ field, message }) => ({ field, message })),
  });
  return true;
}

function refuseInvalidUtf8(res: ServerResponse, raw: Buffer): void {
  const bad = locateInvalidUtf8(raw);
  const offset = bad?.offset ?? 0;
  const byte = `0x${(bad?.byte ?? 0).toString(16).toUpperCase().padStart(2, '0')}`;
  const where = bad?.field ? (bad.inKey ? ` in the key ${bad.field}` : ` in the value of ${bad.field}`) : '';
  const message = `is not valid UTF-8: the byte ${byte} at byte offset ${offset}${where} begins an invalid UTF-8 sequence; send the body as UTF-8`;
  const field = bad?.field ?? 'body';
  sendJson(res, 400, {
    error: 'invalid_utf8',
    message: `The body ${message}.`,
    field,
    offset,
    fields: [{ field, message }],
  });
}

/**
 * The part every Baton webhook shares: the route is on, the body fits, the caller is
 * authenticated, and the body is UTF-8 JSON that Baton can store exactly as sent. Returns the parsed body, or undefined once it has
 * answered the request with the right 4xx/503.
 */
export async function readSignedJson(
  ctx: AppContext,
  secret: string | undefined,
  req: IncomingMessage,
  res: ServerResponse,
  /** What the route takes, for its answers: 'Lead intake' → "Lead intake is off…". */
  what: { name: string; body: string },
): Promise<{ body: unknown } | undefined> {
  if (!secret) {
    sendJson(res, 503, {
      error: 'intake_disabled',
      message: `${what.name} is off: set LEAD_WEBHOOK_SECRET and restart Baton.`,
    });
    return undefined;
  }
  let raw: Buffer;
  try {
    raw = await readBody(req, MAX_WEBHOOK_BODY_BYTES);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    res.setHeader('connection', 'close');
    sendJson(res, 413, { error: 'payload_too_large', message: `${what.body} may be at most 64 KB.` });
    return undefined;
  }
  const auth = verifyWebhook(req.headers, raw, secret, ctx.clock.now());
  if (!auth.ok) {
    sendJson(res, 401, { error: 'unauthorized', message: auth.reason });
    return undefined;
  }
  let text: string;
  try {
    text = utf8.decode(raw);
  } catch {
    refuseInvalidUtf8(res, raw);
    return undefined;
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    sendJson(res, 400, {
      error: 'invalid_json',
      message: `The body is not JSON: ${(error as Error).message}`,
    });
    return undefined;
  }
  // NUL, lone surrogates, runaway nesting: PostgreSQL or JSON.stringify would fail (a 503 the
  // sender retries forever) or change the value, so the sender hears which field to fix.
  return refuseUnstorable(res, body) ? undefined : { body };
}
