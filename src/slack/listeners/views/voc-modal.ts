import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { checkVocInput } from '../../../domain/voc.js';
import { messages } from '../../../i18n/index.js';
import {
  parseVocMetadata,
  readVocModal,
  vocFieldErrors,
  vocRefusalErrors,
  vocSavedView,
} from '../../blocks/voc.js';
import { requestConfig } from '../request-config.js';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * The VOC modal submitted: fields checked (errors under each, modal kept open), then saved before
 * the ack — a new entry, or the one the modal was opened on — and the modal turns into where it went.
 */
export const submitVoc =
  (ctx: AppContext) =>
  async ({ ack, body, view, context }: Args): Promise<void> => {
    const { teamId, config } = requestConfig(ctx, context, body);
    const t = messages(config.locale);
    const checked = checkVocInput(readVocModal(view.state.values));
    if (!checked.ok) {
      await ack({ response_action: 'errors', errors: vocFieldErrors(t, checked.problems) });
      return;
    }
    const metadata = parseVocMetadata(view.private_metadata);
    if (!metadata) {
      ctx.logger.warn('VOC modal submitted without readable metadata', { view_id: view.id });
      await ack({ response_action: 'errors', errors: { quote: t.errors.internal } });
      return;
    }
    try {
      const saved = await ctx.services.voc.save(
        teamId,
        { ...metadata, by: body.user.id, fields: checked.fields, viewId: view.id },
        ctx.clock.now(),
      );
      if (!saved.ok) {
        await ack({ response_action: 'errors', errors: vocRefusalErrors(t, saved) });
        return;
      }
      await ack({ response_action: 'update', view: vocSavedView(t, saved) });
    } catch (error) {
      await ack({ response_action: 'errors', errors: { quote: t.errors.internal } });
      throw error;
    }
    ctx.outbox.wake();
  };
