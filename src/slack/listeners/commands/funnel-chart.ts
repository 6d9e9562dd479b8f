import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { renderFunnelChart } from '../../../charts/funnel-chart.js';
import {
  funnelChartAltText,
  funnelChartData,
  funnelChartFilename,
} from '../../../charts/funnel-chart-data.js';
import type { WorkspaceConfig } from '../../../config/workspace-schema.js';
import type { AppContext } from '../../../context.js';
import type { FunnelReport } from '../../../domain/funnel-report.js';
import { messages } from '../../../i18n/index.js';
import { slackErrorCode, uploadHereOrDm } from '../../file-upload.js';
import { mention } from '../../mrkdwn.js';

type Args = Pick<SlackCommandMiddlewareArgs & AllMiddlewareArgs, 'command' | 'client' | 'respond'>;

/**
 * `/funnel … chart`, after the report itself has been answered: the funnel as a PNG, shared in the
 * conversation the command was typed in, or in the caller's DM when Baton cannot post there.
 */
export async function sendFunnelChart(
  ctx: AppContext,
  config: WorkspaceConfig,
  args: Args,
  report: FunnelReport,
): Promise<void> {
  const { command, client, respond } = args;
  const t = messages(config.locale);
  try {
    const data = funnelChartData(report, t);
    const chart = {
      filename: funnelChartFilename(report.period.key),
      bytes: renderFunnelChart(data),
      title: data.title,
      altText: funnelChartAltText(data),
    };
    const target = {
      channel: command.channel_id,
      userId: command.user_id,
      comment: t.funnelChart.comment(mention(command.user_id)),
    };
    const delivery = await uploadHereOrDm(client, target, [chart]);
    if (delivery.where === 'dm') await respond({ response_type: 'ephemeral', text: t.funnelChart.sentToDm });
  } catch (error) {
    ctx.logger.warn('/funnel chart failed', { error, team_id: command.team_id });
    await respond({ response_type: 'ephemeral', text: t.funnelChart.failed(slackErrorCode(error)) });
  }
}
