import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { parsePlanCommand } from '../../../domain/plan.js';
import { type Catalog, messages } from '../../../i18n/index.js';
import type { GoalRefusal } from '../../../services/funnel-plan.js';
import {
  formatCount,
  funnelPlanBlocks,
  funnelPlanHelpBlocks,
  goalSetBlocks,
  planProblemText,
} from '../../blocks/funnel-plan.js';
import { notOnRosterText } from '../refusals.js';
import { requestConfig } from '../request-config.js';

type Args = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

function refusalText(t: Catalog, refusal: GoalRefusal, userId: string): string {
  return refusal.reason === 'not_on_roster'
    ? notOnRosterText(t, userId, refusal.adminIds)
    : t.funnelPlan.notAManager;
}

/**
 * `/funnel plan [set] <deals> [period]`: the plan worked back from a deal goal, or (`set`, managers
 * and admins) the goal stored for the period. `rest` is the text after `plan`. Acks itself: help
 * and bad input are answered in the ack, the plan after it.
 */
export async function funnelPlan(ctx: AppContext, args: Args, rest: string): Promise<void> {
  const { command, ack, respond, context } = args;
  const { teamId, config } = requestConfig(ctx, context, command);
  const t = messages(config.locale);
  const now = ctx.clock.now();
  const parsed = parsePlanCommand(rest, now, config.calendar.timeZone);
  if (parsed.kind === 'help') {
    await ack({ response_type: 'ephemeral', text: t.funnelPlan.helpTitle, blocks: funnelPlanHelpBlocks(t) });
    return;
  }
  if (parsed.kind === 'error') {
    const problem = planProblemText(t, parsed.problem);
    await ack({ response_type: 'ephemeral', text: problem, blocks: funnelPlanHelpBlocks(t, problem) });
    return;
  }
  await ack();
  const userId = command.user_id;
  const service = ctx.services.funnelPlan;
  const { deals, period } = parsed;
  try {
    if (parsed.set) {
      const result = await service.setGoal(teamId, userId, deals, period, now);
      if (result.kind === 'refused') {
        await respond({ response_type: 'ephemeral', text: refusalText(t, result.refusal, userId) });
      } else if (result.kind === 'problem') {
        await respond({ response_type: 'ephemeral', text: planProblemText(t, result.problem) });
      } else {
        const { goal, replaced } = result;
        await respond({
          response_type: 'ephemeral',
          text: t.funnelPlan.setTitle(formatCount(goal.deals), period.key),
          blocks: goalSetBlocks(t, goal, replaced, period),
        });
      }
      return;
    }
    const refusal = await service.planRefusal(teamId, userId);
    if (refusal) {
      await respond({ response_type: 'ephemeral', text: refusalText(t, refusal, userId) });
      return;
    }
    const planned = await service.plan(teamId, deals, period, now);
    await respond(
      planned.ok
        ? {
            response_type: 'ephemeral',
            text: t.funnelPlan.title(formatCount(deals), period.key),
            blocks: funnelPlanBlocks(t, planned.plan, period),
          }
        : { response_type: 'ephemeral', text: planProblemText(t, planned.problem) },
    );
  } catch (error) {
    ctx.logger.error('/funnel plan failed', { error, team_id: teamId });
    await respond({ response_type: 'ephemeral', text: t.errors.internal });
  }
}
