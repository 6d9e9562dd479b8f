import type { ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import type { AppContext } from '../context.js';
import { parseStageBody } from '../domain/stage-input.js';
import type { StageMoveFailure } from '../services/stage-moves.js';
import { sendJson } from './routes.js';
import { readSignedJson } from './signed-json.js';

/** The body field each refused move is about, so every 400 names one. */
const PROBLEM_FIELD: Record<string, string> = {
  unknown_stage: 'stage',
  reason_required: 'reason',
  unknown_reason: 'reason',
  competitor_required: 'competitor',
  amount_required: 'amount',
  bad_amount: 'amount',
  bad_currency: 'currency',
  revisit_required: 'revisit_on',
  bad_date: 'revisit_on',
  revisit_not_future: 'revisit_on',
};

/** A refused move as a 400 body: the problem's code, a sentence, the field, and what may be sent instead. */
function problemBody(problem: StageMoveFailure): Record<string, unknown> {
  const field = PROBLEM_FIELD[problem.code];
  return field === undefined ? problemDetails(problem) : { ...problemDetails(problem), field };
}

function problemDetails(problem: StageMoveFailure): Record<string, unknown> {
  switch (problem.code) {
    case 'unknown_stage':
      return {
        error: 'unknown_stage',
        message: `There is no stage "${problem.stage}".`,
        stage: problem.stage,
        stages: problem.stages,
      };
    case 'reason_required':
      return {
        error: 'reason_required',
        message: `Moving to ${problem.stage} needs a reason.`,
        stage: problem.stage,
        reasons: problem.reasons,
      };
    case 'unknown_reason':
      return {
        error: 'unknown_reason',
        message: `"${problem.reason}" is not a reason for ${problem.stage}.`,
        reason: problem.reason,
        reasons: problem.reasons,
      };
    case 'competitor_required':
      return { error: 'competitor_required', message: 'A deal lost to a competitor needs the competitor.' };
    case 'amount_required':
      return {
        error: 'amount_required',
        message: `${problem.stage} needs the deal's amount.`,
        stage: problem.stage,
      };
    case 'bad_amount':
      return { error: 'bad_amount', message: 'The amount must be 0 or more and below 10^16.' };
    case 'bad_currency':
      return {
        error: 'bad_currency',
        message: `"${problem.currency}" is not a three-letter currency code.`,
        currency: problem.currency,
      };
    case 'revisit_required':
      return { error: 'revisit_required', message: 'Recycle needs revisit_on (YYYY-MM-DD).' };
    case 'bad_date':
      return {
        error: 'bad_date',
        message: `"${problem.value}" is not a YYYY-MM-DD date.`,
        value: problem.value,
      };
    case 'revisit_not_future':
      return {
        error: 'revisit_not_future',
        message: `revisit_on must be after today (${problem.today}, team time zone).`,
        revisit_on: problem.revisitOn,
        today: problem.today,
      };
    default:
      return { error: problem.code, message: 'The move was refused.' };
  }
}

const notFound = (res: ServerResponse, idText: string) =>
  sendJson(res, 404, { error: 'lead_not_found', message: `No lead ${idText}.` });

/**
 * POST /api/leads/{id}/stage: a CRM moves a lead through the funnel. Same auth as intake. The move
 * follows the same rules as Slack (reasons, competitor, amount, revisit day); 200 only once it is
 * committed, and asking for the stage the lead is already at changes nothing.
 */
export function leadStageRoute(ctx: AppContext, secret: string | undefined): CustomRoute {
  return {
    path: '/api/leads/:id/stage',
    method: 'POST',
    handler: async (req, res) => {
      const read = await readSignedJson(ctx, secret, req, res, { name: 'The stage API', body: 'A body' });
      if (!read) return;
      const now = ctx.clock.now();

      const param = req.params?.id;
      const idText = (Array.isArray(param) ? param[0] : param) ?? '';
      const leadId = /^\d{1,15}$/.test(idText) ? Number(idText) : Number.NaN;
      if (!Number.isSafeInteger(leadId) || leadId <= 0) return notFound(res, idText);

      const parsed = parseStageBody(read.body);
      if (!parsed.ok) {
        return sendJson(res, 400, {
          error: 'invalid_body',
          message: 'Some fields are missing or invalid.',
          fields: parsed.errors,
        });
      }
      const { request, actorId } = parsed.body;
      try {
        const result = await ctx.services.stageMoves.move(
          ctx.teamId,
          leadId,
          request,
          { actorId, via: 'api' },
          now,
        );
        if (result.ok) {
          ctx.outbox.wake();
          return sendJson(res, 200, {
            lead_id: leadId,
            from: result.move.from,
            to: result.move.to,
            moved: true,
          });
        }
        const { problem } = result;
        if (problem.code === 'not_found') return notFound(res, idText);
        if (problem.code === 'same_stage')
          return sendJson(res, 200, {
            lead_id: leadId,
            from: problem.stage,
            to: problem.stage,
            moved: false,
          });
        return sendJson(res, 400, problemBody(problem));
      } catch (error) {
        ctx.logger.error('a stage move failed; told the sender to retry', { error, lead_id: leadId });
        return sendJson(res, 503, { error: 'unavailable', message: 'The move was not stored. Retry later.' });
      }
    },
  };
}
