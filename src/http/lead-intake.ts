import type { CustomRoute } from '@slack/bolt';
import type { AppContext } from '../context.js';
import { parseLeadInput, pickSourceMapping } from '../domain/lead-input.js';
import { BodyTooLargeError, readBody } from './read-body.js';
import { sendJson } from './routes.js';
import { verifyWebhook } from './webhook-auth.js';

export const MAX_LEAD_BODY_BYTES = 64 * 1024;

/**
 * POST /api/leads: a web form or CRM hands Baton a lead. 202 only once the lead is committed;
 * 503 when it could not be stored, so the sender retries.
 */
export function leadIntakeRoute(ctx: AppContext, secret: string | undefined): CustomRoute {
  return {
    path: '/api/leads',
    method: 'POST',
    handler: async (req, res) => {
      if (!secret) {
        return sendJson(res, 503, {
          error: 'intake_disabled',
          message: 'Lead intake is off: set LEAD_WEBHOOK_SECRET and restart Baton.',
        });
      }
      let raw: Buffer;
      try {
        raw = await readBody(req, MAX_LEAD_BODY_BYTES);
      } catch (error) {
        if (!(error instanceof BodyTooLargeError)) throw error;
        res.setHeader('connection', 'close');
        return sendJson(res, 413, {
          error: 'payload_too_large',
          message: 'A lead body may be at most 64 KB.',
        });
      }
      const auth = verifyWebhook(req.headers, raw, secret, ctx.clock.now());
      if (!auth.ok) return sendJson(res, 401, { error: 'unauthorized', message: auth.reason });

      let body: unknown;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch (error) {
        return sendJson(res, 400, {
          error: 'invalid_json',
          message: `The body is not JSON: ${(error as Error).message}`,
        });
      }
      const source = new URL(req.url ?? '/', 'http://baton').searchParams.get('source') ?? undefined;
      const mapping = pickSourceMapping(body, source, ctx.config.intake.sources);
      const parsed = parseLeadInput(body, { source, mapping });
      if (!parsed.ok) {
        return sendJson(res, 400, {
          error: 'invalid_lead',
          message: 'Some fields are missing or invalid.',
          fields: parsed.errors,
        });
      }
      try {
        const result = await ctx.services.leads.intake(ctx.teamId, parsed.lead, ctx.clock.now());
        ctx.outbox.wake();
        return sendJson(res, 202, { lead_id: result.leadId, duplicate: result.duplicate });
      } catch (error) {
        ctx.logger.error('lead intake failed; told the sender to retry', {
          error,
          source: parsed.lead.source,
        });
        return sendJson(res, 503, { error: 'unavailable', message: 'The lead was not stored. Retry later.' });
      }
    },
  };
}
