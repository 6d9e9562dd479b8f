import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { type FunnelArgs, parseFunnelArgs } from '../../../domain/funnel-args.js';
import { parsePeriod } from '../../../domain/periods.js';
import { messages } from '../../../i18n/index.js';
import {
  funnelArgsProblemText,
  funnelHelpBlocks,
  funnelReportBlocks,
  funnelReportTitle,
  periodProblemText,
} from '../../blocks/funnel.js';
import { workspaceKeyLabels } from '../../blocks/key-labels.js';
import { notOnRosterText } from '../refusals.js';
import { requestConfig } from '../request-config.js';
import { sendFunnelChart } from './funnel-chart.js';
import { funnelExport } from './funnel-export.js';
import { funnelPlan } from './funnel-plan.js';

type Args = SlackCommandMiddlewareArgs & AllMiddlewareArgs;
type ReportRequest = Extract<FunnelArgs, { kind: 'report' }>;

/**
 * `/funnel [period] [by segment|source|owner] [cohort|flow] [chart] | plan … | export … | help`.
 * Help and unreadable input are answered in the ack; everything else after it.
 */
export const funnelCommand =
  (ctx: AppContext) =>
  async (args: Args): Promise<void> => {
    const { config } = requestConfig(ctx, args.context, args.command);
    const t = messages(config.locale);
    const request = parseFunnelArgs(args.command.text);
    switch (request.kind) {
      case 'help':
        await args.ack({ response_type: 'ephemeral', text: t.funnel.helpTitle, blocks: funnelHelpBlocks(t) });
        return;
      case 'error': {
        const problem = funnelArgsProblemText(t, request.problem);
        await args.ack({ response_type: 'ephemeral', text: problem, blocks: funnelHelpBlocks(t, problem) });
        return;
      }
      // Subcommands are answered by their own handlers, which ack themselves.
      case 'plan':
        await funnelPlan(ctx, args, request.rest);
        return;
      case 'export':
        await funnelExport(ctx, args, request.rest);
        return;
      case 'report':
        await funnelReport(ctx, args, request);
        return;
    }
  };

/** The report: the period is checked in the ack, the figures come after it through response_url. */
async function funnelReport(ctx: AppContext, args: Args, request: ReportRequest): Promise<void> {
  const { command, ack, respond, context } = args;
  const { teamId, config } = requestConfig(ctx, context, command);
  const t = messages(config.locale);
  const now = ctx.clock.now();
  const timeZone = config.calendar.timeZone;
  const parsed = parsePeriod(request.period, now, timeZone);
  if (!parsed.ok) {
    const problem = `${periodProblemText(t, parsed.problem)} ${t.funnel.accepted}`;
    await ack({ response_type: 'ephemeral', text: problem, blocks: funnelHelpBlocks(t, problem) });
    return;
  }
  await ack();
  try {
    const subject = await ctx.services.roster.homeSubject(teamId, command.user_id, now);
    if (subject.kind === 'stranger') {
      await respond({
        response_type: 'ephemeral',
        text: notOnRosterText(t, command.user_id, subject.adminIds),
      });
      return;
    }
    const query = { period: parsed.period, mode: request.mode, by: request.by };
    const report = await ctx.services.funnel.report(teamId, query, now);
    await respond({
      response_type: 'ephemeral',
      text: funnelReportTitle(t, report),
      blocks: funnelReportBlocks(t, report, {
        timeZone,
        clock: config.sla.clock,
        labels: workspaceKeyLabels(t, config),
      }),
    });
    if (request.chart) await sendFunnelChart(ctx, config, args, report);
  } catch (error) {
    ctx.logger.error('/funnel failed', { error, team_id: teamId });
    await respond({ response_type: 'ephemeral', text: t.errors.internal });
  }
}
