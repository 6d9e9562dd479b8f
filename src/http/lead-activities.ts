import type { CustomRoute } from '@slack/bolt';
import type { AppContext } from '../context.js';
import { parseActivityBody } from '../domain/activity.js';
import { MAX_LEAD_BODY_BYTES } from './lead-intake.js';
import { BodyTooLargeError, readBody } from './read-body.js';
import { sendJson } from './routes.js';
import { verifyWebhook } from './webhook-auth.js';

/**
 * POST /api/leads/{id}/activities: a CRM or dialer reports a call, email or meeting. Same auth as
 * intake. The first activity on a lead is its first touch and stops the SLA clock; 201 only once
 * it is committed.
 */
export function leadActivitiesRoute(ctx: AppContext, secret: string | undefined): CustomRoute {
  return {
    path: '/api/leads/:id/activities',
    method: 'POST',
    handler: async (req, res) => {
      if (!secret) {
        return sendJson(res, 503, {
          error: 'intake_disabled',
          message: 'The activities API is off: set LEAD_WEBHOOK_SECRET and restart Baton.',
        });
      }
      let raw: Buffer;
      try {
        raw = await readBody(req, MAX_LEAD_BODY_BYTES);
      } catch (error) {
        if (!(error instanceof BodyTooLargeError)) throw error;
        res.setHeader('connection', 'close');
        return sendJson(res, 413, { error: 'payload_too_large', message: 'A body may be at most 64 KB.' });
      }
      const now = ctx.clock.now();
      const auth = verifyWebhook(req.headers, raw, secret, now);
      if (!auth.ok) return sendJson(res, 401, { error: 'unauthorized', message: auth.reason });

      const param = req.params?.id;
      const idText = (Array.isArray(param) ? param[0] : param) ?? '';
      const leadId = /^\d{1,15}$/.test(idText) ? Number(idText) : Number.NaN;
      const notFound = () => sendJson(res, 404, { error: 'lead_not_found', message: `No lead ${idText}.` });
      if (!Number.isSafeInteger(leadId) || leadId <= 0) return notFound();

      let body: unknown;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch (error) {
        return sendJson(res, 400, {
          error: 'invalid_json',
          message: `The body is not JSON: ${(error as Error).message}`,
        });
      }
      const parsed = parseActivityBody(body, now);
      if (!parsed.ok) {
        return sendJson(res, 400, {
          error: 'invalid_activity',
          message: 'Some fields are missing or invalid.',
          fields: parsed.errors,
        });
      }
      const { kind, note, at, actorId } = parsed.activity;
      try {
        const result = await ctx.services.firstTouch.logActivity(
          ctx.teamId,
          leadId,
          { kind, note, actorId, via: 'api', at },
          now,
        );
        if (!result.ok) {
          if (result.reason === 'before_arrival') {
            return sendJson(res, 400, {
              error: 'invalid_activity',
              message: 'Some fields are missing or invalid.',
              fields: [{ field: 'occurred_at', message: 'is before the lead arrived' }],
            });
          }
          return notFound();
        }
        ctx.outbox.wake();
        const touch = result.firstTouch;
        return sendJson(res, 201, {
          activity_id: result.activityId,
          first_touch: touch
            ? {
                at: touch.at.toISOString(),
                type: touch.kind,
                minutes: Math.round(touch.minutes * 100) / 100,
                sla_state: touch.slaState,
                met: touch.met,
              }
            : null,
        });
      } catch (error) {
        ctx.logger.error('logging an activity failed; told the sender to retry', { error, lead_id: leadId });
        return sendJson(res, 503, {
          error: 'unavailable',
          message: 'The activity was not stored. Retry later.',
        });
      }
    },
  };
}
