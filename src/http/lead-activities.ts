import type { CustomRoute } from '@slack/bolt';
import type { AppContext } from '../context.js';
import { parseActivityBody } from '../domain/activity.js';
import { sendJson } from './routes.js';
import { readSignedJson } from './signed-json.js';

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
      const read = await readSignedJson(ctx, secret, req, res, {
        name: 'The activities API',
        body: 'A body',
      });
      if (!read) return;
      const now = ctx.clock.now();

      const param = req.params?.id;
      const idText = (Array.isArray(param) ? param[0] : param) ?? '';
      const leadId = /^\d{1,15}$/.test(idText) ? Number(idText) : Number.NaN;
      const notFound = () => sendJson(res, 404, { error: 'lead_not_found', message: `No lead ${idText}.` });
      if (!Number.isSafeInteger(leadId) || leadId <= 0) return notFound();

      const parsed = parseActivityBody(read.body, now);
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
