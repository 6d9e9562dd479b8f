import type { IncomingMessage } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import type { AppContext } from '../context.js';
import { verifyV3 } from '../crm/hubspot/signature.js';
import { parseHubspotWebhook } from '../crm/hubspot/webhook-body.js';
import { queueHubspotTask } from '../db/queries/hubspot.js';
import { findUnstorable } from '../domain/json-safety.js';
import { BodyTooLargeError, readBody } from './read-body.js';
import { sendJson } from './routes.js';

/** 100 events of a few hundred bytes each, with room to spare. */
const MAX_BODY_BYTES = 512 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true });

const header = (req: IncomingMessage, name: string) => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/** The URL HubSpot called (it signs that): the proxy's X-Forwarded-Proto/Host when there is one. */
export function publicUri(req: IncomingMessage): string {
  const proto =
    header(req, 'x-forwarded-proto')?.split(',')[0]?.trim() ||
    ((req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http');
  const host = header(req, 'x-forwarded-host')?.split(',')[0]?.trim() || header(req, 'host') || 'localhost';
  return `${proto}://${host}${req.url ?? '/'}`;
}

/**
 * POST /crm/hubspot/webhooks: HubSpot's webhook subscriptions. The v3 signature and its timestamp
 * are checked, the events Baton acts on are queued (a repeated eventId once) and applied by the
 * HubSpot sender; 200 once queued, 503 when they could not be stored (HubSpot retries).
 */
export function hubspotWebhookRoute(
  ctx: AppContext,
  opts: { secret: string | undefined; wake: () => void },
): CustomRoute {
  const { metrics } = ctx;
  return {
    path: '/crm/hubspot/webhooks',
    method: 'POST',
    handler: async (req, res) => {
      if (!opts.secret) {
        metrics.hubspotWebhook({ outcome: 'disabled' });
        return sendJson(res, 503, {
          error: 'hubspot_disabled',
          message: 'HubSpot webhooks are off: set HUBSPOT_CLIENT_SECRET (see docs/hubspot.md).',
        });
      }
      let raw: Buffer;
      try {
        raw = await readBody(req, MAX_BODY_BYTES);
      } catch (error) {
        if (error instanceof BodyTooLargeError)
          return sendJson(res, 413, { error: 'too_large', message: 'The body is over 512 KB.' });
        throw error;
      }
      let text: string;
      try {
        text = utf8.decode(raw);
      } catch {
        return sendJson(res, 400, {
          error: 'invalid_utf8',
          field: '(body)',
          message: 'The body is not UTF-8.',
        });
      }
      const check = verifyV3({
        secret: opts.secret,
        method: req.method ?? 'POST',
        uri: publicUri(req),
        body: text,
        signature: header(req, 'x-hubspot-signature-v3'),
        timestamp: header(req, 'x-hubspot-request-timestamp'),
        now: ctx.clock.now(),
      });
      if (!check.ok) {
        metrics.hubspotWebhook({ outcome: 'unauthorized' });
        return sendJson(res, 401, { error: 'invalid_signature', message: check.reason });
      }
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch (error) {
        metrics.hubspotWebhook({ outcome: 'bad_body' });
        return sendJson(res, 400, {
          error: 'invalid_json',
          field: '(body)',
          message: `The body is not JSON: ${(error as Error).message}`,
        });
      }
      const unstorable = findUnstorable(body)[0];
      const parsed = parseHubspotWebhook(body);
      if (unstorable || !parsed.ok) {
        metrics.hubspotWebhook({ outcome: 'bad_body' });
        const fields = unstorable
          ? [{ field: unstorable.field, message: unstorable.message }]
          : parsed.ok
            ? []
            : parsed.errors;
        return sendJson(res, 400, {
          error: 'invalid_body',
          message: `${fields[0]?.field} ${fields[0]?.message}.`,
          field: fields[0]?.field,
          fields,
        });
      }
      const now = ctx.clock.now();
      const wanted = ctx.configs.for(ctx.teamId).hubspot.eventsIn;
      const events = parsed.events.filter((e) => wanted.includes(e.subscriptionType));
      try {
        let queued = 0;
        await ctx.database.db.transaction(async (tx) => {
          for (const event of events) {
            const isNew = await queueHubspotTask(tx, {
              teamId: ctx.teamId,
              direction: 'in',
              leadId: null,
              dedupeKey: `hubspot:${event.eventId}`,
              kind: event.subscriptionType,
              payload: { ...event },
              at: now,
            });
            if (isNew) queued++;
          }
        });
        metrics.hubspotWebhook({ outcome: 'accepted' });
        if (queued > 0) opts.wake();
        return sendJson(res, 200, {
          queued,
          repeated: events.length - queued,
          ignored: parsed.events.length - events.length,
        });
      } catch (error) {
        ctx.logger.error('HubSpot webhook events could not be stored; HubSpot will retry', { error });
        return sendJson(res, 503, {
          error: 'unavailable',
          message: 'The events were not stored. Retry later.',
        });
      }
    },
  };
}
