import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { parseLeadInput } from '../../../domain/lead-input.js';
import { messages } from '../../../i18n/index.js';
import { workspaceKeyLabels } from '../../blocks/key-labels.js';
import { leadSubmittedText } from '../../blocks/lead-submitted.js';
import { leadFormErrors, type ModalState, readLeadForm } from '../../lead-form.js';
import { cardPermalinks } from '../../permalinks.js';
import type { LeadModalMetadata } from '../commands/lead-command.js';
import { requestConfig } from '../request-config.js';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

function metadataChannel(raw: string): string | null {
  try {
    const parsed = JSON.parse(raw) as Partial<LeadModalMetadata>;
    return typeof parsed.channel === 'string' && /^[CGD][A-Z0-9]+$/.test(parsed.channel)
      ? parsed.channel
      : null;
  } catch {
    return null;
  }
}

/**
 * `/lead new` submitted: the same checks as the webhook (bad fields keep the modal open with a
 * message under each), then the same intake. The answer goes where the command was typed.
 */
export const leadNewSubmission =
  (ctx: AppContext) =>
  async ({ ack, view, body, client, context }: Args): Promise<void> => {
    const { teamId, config } = requestConfig(ctx, context, body);
    const t = messages(config.locale);
    const form = readLeadForm(view.state.values as ModalState);
    const parsed = parseLeadInput(form);
    if (!parsed.ok) {
      await ack({ response_action: 'errors', errors: leadFormErrors(t, form, parsed.errors) });
      return;
    }
    await ack();
    const userId = body.user.id;
    let text: string;
    try {
      const result = await ctx.services.leadDesk.submit(teamId, userId, parsed.lead, ctx.clock.now());
      if (result.ok) {
        ctx.outbox.wake();
        const links = await cardPermalinks(client, [result.lead], ctx.logger);
        text = leadSubmittedText(
          t,
          result,
          links,
          config.routing.thresholdStage,
          workspaceKeyLabels(t, config),
        );
      } else {
        text = t.home.notOnRoster(userId, t.home.anAdmin);
      }
    } catch (error) {
      ctx.logger.error('/lead new failed', { error, team_id: teamId });
      text = t.errors.internal;
    }
    await tell(ctx, client, metadataChannel(view.private_metadata), userId, text);
  };

/** Privately in the channel the command came from, else (or if that fails) in a DM. */
async function tell(
  ctx: AppContext,
  client: Args['client'],
  channel: string | null,
  userId: string,
  text: string,
): Promise<void> {
  if (channel) {
    try {
      await client.chat.postEphemeral({ channel, user: userId, text });
      return;
    } catch (error) {
      ctx.logger.info('could not answer /lead new in its channel; sending a DM', { error, channel });
    }
  }
  await client.chat.postMessage({ channel: userId, text });
}
