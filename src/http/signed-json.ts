import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppContext } from '../context.js';
import { BodyTooLargeError, readBody } from './read-body.js';
import { sendJson } from './routes.js';
import { verifyWebhook } from './webhook-auth.js';

export const MAX_WEBHOOK_BODY_BYTES = 64 * 1024;

/**
 * The part every Baton webhook shares: the route is on, the body fits, the caller is
 * authenticated and the body is JSON. Returns the parsed body, or undefined once it has
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
  try {
    return { body: JSON.parse(raw.toString('utf8')) };
  } catch (error) {
    sendJson(res, 400, {
      error: 'invalid_json',
      message: `The body is not JSON: ${(error as Error).message}`,
    });
    return undefined;
  }
}
