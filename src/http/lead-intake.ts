import type { CustomRoute } from '@slack/bolt';
import type { AppContext } from '../context.js';
import { parseLeadInput, pickSourceMapping } from '../domain/lead-input.js';
import { refuseNotSetUp } from './not-set-up.js';
import { sendJson } from './routes.js';
import { readSignedJson } from './signed-json.js';

/**
 * POST /api/leads: a web form or CRM hands Baton a lead. 202 only once the lead is committed;
 * 503 when it could not be stored, so the sender retries.
 */
export function leadIntakeRoute(ctx: AppContext, secret: string | undefined): CustomRoute {
  return {
    path: '/api/leads',
    method: 'POST',
    handler: async (req, res) => {
      const read = await readSignedJson(ctx, secret, req, res, { name: 'Lead intake', body: 'A lead body' });
      if (!read) return;
      const { body } = read;
      const config = ctx.configs.for(ctx.teamId);
      if (refuseNotSetUp(res, config)) return;
      const source = new URL(req.url ?? '/', 'http://baton').searchParams.get('source') ?? undefined;
      const mapping = pickSourceMapping(body, source, config.intake.sources);
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
