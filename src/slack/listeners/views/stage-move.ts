import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { parseAmount } from '../../../domain/stage-input.js';
import { messages } from '../../../i18n/index.js';
import { leadLabel } from '../../blocks/lead-ownership.js';
import { noticeModal } from '../../blocks/sla-board.js';
import {
  problemBlock,
  STAGE_AMOUNT_BLOCK,
  STAGE_COMPETITOR_BLOCK,
  STAGE_CURRENCY_BLOCK,
  STAGE_INPUT_ACTION,
  STAGE_NOTE_BLOCK,
  STAGE_REASON_BLOCK,
  STAGE_REVISIT_BLOCK,
  type StageModalMetadata,
  stageProblemText,
} from '../../blocks/stage-move.js';
import { escapeMrkdwn } from '../../mrkdwn.js';
import { stageName } from '../actions/stage-move.js';
import { requestConfig } from '../request-config.js';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

function metadataOf(privateMetadata: string | undefined): StageModalMetadata | undefined {
  try {
    const m = JSON.parse(privateMetadata || '{}') as Partial<StageModalMetadata>;
    if (typeof m.lead !== 'number' || !Number.isSafeInteger(m.lead) || typeof m.to !== 'string')
      return undefined;
    return { lead: m.lead, to: m.to, ...(m.from === 'command' ? { from: 'command' as const } : {}) };
  } catch {
    return undefined;
  }
}

/**
 * The Move stage modal submitted. Moved before the ack (one short transaction), so a bad amount,
 * a missing competitor or a past revisit day comes back under its field and the modal stays open.
 */
export const submitStageMove =
  (ctx: AppContext) =>
  async ({ ack, body, view, context }: Args): Promise<void> => {
    const { teamId, config } = requestConfig(ctx, context, body);
    const t = messages(config.locale);
    const fail = (block: string, text: string) =>
      ack({ response_action: 'errors', errors: { [block]: text } });
    const meta = metadataOf(view.private_metadata);
    if (!meta) return fail(STAGE_NOTE_BLOCK, t.stages.notFound);
    const field = (block: string) => view.state.values[block]?.[STAGE_INPUT_ACTION];

    const amountText = field(STAGE_AMOUNT_BLOCK)?.value?.trim();
    const amount = amountText ? parseAmount(amountText) : null;
    if (amount === undefined) return fail(STAGE_AMOUNT_BLOCK, t.stages.badAmount);
    const request = {
      to: meta.to,
      reason: field(STAGE_REASON_BLOCK)?.selected_option?.value ?? null,
      competitor: field(STAGE_COMPETITOR_BLOCK)?.value ?? null,
      amount,
      currency: field(STAGE_CURRENCY_BLOCK)?.value ?? null,
      revisitOn: field(STAGE_REVISIT_BLOCK)?.selected_date ?? null,
      note: field(STAGE_NOTE_BLOCK)?.value ?? null,
    };
    const label = stageName(config, t);
    let result: Awaited<ReturnType<typeof ctx.services.stageMoves.move>>;
    try {
      result = await ctx.services.stageMoves.move(
        teamId,
        meta.lead,
        request,
        { actorId: body.user.id, via: 'slack' },
        ctx.clock.now(),
      );
    } catch (error) {
      await fail(STAGE_NOTE_BLOCK, t.errors.internal);
      throw error;
    }
    if (!result.ok) {
      return fail(
        problemBlock(result.problem),
        stageProblemText(t, result.problem, label, (s) => s),
      );
    }
    if (meta.from === 'command') {
      // Typed as a command, the card may be out of sight: say what happened where they are.
      const { move, lead } = result;
      const text = t.stages.moved(
        leadLabel(lead),
        escapeMrkdwn(label(move.from)),
        escapeMrkdwn(label(move.to)),
      );
      await ack({ response_action: 'update', view: noticeModal(t, t.stages.modalTitle, text) });
    } else {
      await ack();
    }
    ctx.outbox.wake();
  };
