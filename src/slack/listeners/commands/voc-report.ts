import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { parsePeriod } from '../../../domain/periods.js';
import { parseVocReportArgs } from '../../../domain/voc-report-args.js';
import { messages } from '../../../i18n/index.js';
import { periodProblemText } from '../../blocks/funnel.js';
import { vocReportArgsProblemText, vocReportBlocks, vocReportTitle } from '../../blocks/voc-report.js';
import { notOnRosterText } from '../refusals.js';
import { requestConfig } from '../request-config.js';

type Args = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/**
 * `/voc report [period] [category]`, called by `/voc` after it acked: the figures for roster
 * members, or what could not be read, always ephemerally through the response_url.
 */
export async function answerVocReport(ctx: AppContext, args: Args, text: string): Promise<void> {
  const { command, respond, context } = args;
  const { teamId, config } = requestConfig(ctx, context, command);
  const t = messages(config.locale);
  const answer = (reply: string) => respond({ response_type: 'ephemeral', text: reply });
  const now = ctx.clock.now();
  const timeZone = config.calendar.timeZone;
  const request = parseVocReportArgs(text);
  if (!request.ok) {
    await answer(vocReportArgsProblemText(t, request.problem));
    return;
  }
  const parsed = parsePeriod(request.period, now, timeZone);
  if (!parsed.ok) {
    await answer(`${periodProblemText(t, parsed.problem)} ${t.vocReport.accepted}`);
    return;
  }
  try {
    const subject = await ctx.services.roster.homeSubject(teamId, command.user_id, now);
    if (subject.kind === 'stranger') {
      await answer(notOnRosterText(t, command.user_id, subject.adminIds));
      return;
    }
    const report = await ctx.services.vocReport.report(teamId, {
      period: parsed.period,
      category: request.category,
    });
    await respond({
      response_type: 'ephemeral',
      text: vocReportTitle(t, report),
      blocks: vocReportBlocks(t, report, { timeZone }),
    });
  } catch (error) {
    ctx.logger.error('/voc report failed', { error, team_id: teamId });
    await answer(t.errors.internal);
  }
}
