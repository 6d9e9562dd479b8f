import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { WorkspaceConfig } from '../../../config/workspace-schema.js';
import type { AppContext } from '../../../context.js';
import type { ReportPeriod } from '../../../domain/funnel-report.js';
import { parsePeriod } from '../../../domain/periods.js';
import { messages } from '../../../i18n/index.js';
import { periodProblemText } from '../../blocks/funnel.js';
import { openDm, slackErrorCode, uploadFiles } from '../../file-upload.js';
import { notOnRosterText } from '../refusals.js';
import { requestConfig } from '../request-config.js';

type Args = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** The period an export covers when none is given. */
export const DEFAULT_EXPORT_PERIOD = 'this-month';

/**
 * `/funnel export [period]`: the leads created in the period and their stage events, as CSV files
 * in the caller's DM with Baton (never in a channel: they hold personal data). Acks itself.
 */
export async function funnelExport(ctx: AppContext, args: Args, periodText: string): Promise<void> {
  const { teamId, config } = requestConfig(ctx, args.context, args.command);
  const t = messages(config.locale);
  const input = periodText.trim() || DEFAULT_EXPORT_PERIOD;
  const parsed = parsePeriod(input, ctx.clock.now(), config.calendar.timeZone);
  if (!parsed.ok) {
    const text = `${periodProblemText(t, parsed.problem)} ${t.funnelExport.usage}`;
    await args.ack({ response_type: 'ephemeral', text });
    return;
  }
  await args.ack();
  try {
    const answer = await exportToDm(ctx, config, args, teamId, parsed.period);
    await args.respond({ response_type: 'ephemeral', text: answer });
  } catch (error) {
    ctx.logger.error('/funnel export failed', { error, team_id: teamId });
    await args.respond({ response_type: 'ephemeral', text: t.errors.internal });
  }
}

/** Exports to the caller's DM (saying "exporting…" once they may) and returns the final answer. */
async function exportToDm(
  ctx: AppContext,
  config: WorkspaceConfig,
  args: Args,
  teamId: string,
  period: ReportPeriod,
): Promise<string> {
  const { command, respond, client } = args;
  const t = messages(config.locale);
  const userId = command.user_id;
  const when = t.funnelExport.period(period.firstDay, period.lastDay);

  const access = await ctx.services.funnelExport.access(teamId, userId);
  if (access.kind === 'stranger') return notOnRosterText(t, userId, access.adminIds);
  await respond({ response_type: 'ephemeral', text: t.funnelExport.sending(when) });
  const result = await ctx.services.funnelExport.export(teamId, userId, period);
  if (result.kind === 'stranger') return notOnRosterText(t, userId, result.adminIds);
  if (result.kind === 'empty') {
    return result.scope === 'mine' ? t.funnelExport.emptyMine(when) : t.funnelExport.empty(when);
  }
  try {
    const dm = await openDm(client, userId);
    const mine = result.scope === 'mine' ? t.funnelExport.commentMine : '';
    const comment = t.funnelExport.comment(when, config.calendar.timeZone) + mine;
    await uploadFiles(client, { channel: dm, comment }, result.files);
  } catch (error) {
    ctx.logger.warn('/funnel export upload failed', { error, team_id: teamId });
    return t.funnelExport.dmFailed(slackErrorCode(error));
  }
  const lines = [t.funnelExport.sent(result.leads, result.events, when)];
  if (result.scope === 'mine') lines.push(t.funnelExport.mineOnly);
  if (result.restFrom) {
    const rest = `/funnel export ${result.restFrom}..${period.lastDay}`;
    lines.push(t.funnelExport.truncated(result.cap.toLocaleString('en-US'), result.restFrom, rest));
  }
  return lines.join('\n');
}
