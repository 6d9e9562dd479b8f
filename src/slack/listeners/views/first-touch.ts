import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { ACTIVITY_NOTE_MAX, isActivityKind } from '../../../domain/activity.js';
import { messages } from '../../../i18n/index.js';
import {
  TOUCH_KIND_ACTION,
  TOUCH_KIND_BLOCK,
  TOUCH_NOTE_ACTION,
  TOUCH_NOTE_BLOCK,
} from '../../blocks/first-touch.js';
import { publishHome } from '../../home-view.js';
import { requestConfig } from '../request-config.js';
import { touchRefusalPlain } from '../touch-refusals.js';
import { leadIdFrom } from './modal-lead-id.js';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * The Log first touch modal submitted. Logged before the ack (one short transaction), so a refusal
 * comes back as an error under the field and the modal stays open.
 */
export const submitTouch =
  (ctx: AppContext) =>
  async ({ ack, body, view, context, client }: Args): Promise<void> => {
    const { teamId, config } = requestConfig(ctx, context, body);
    const t = messages(config.locale);
    const fail = (block: string, text: string) =>
      ack({ response_action: 'errors', errors: { [block]: text } });
    const leadId = leadIdFrom(view.private_metadata);
    const kind = view.state.values[TOUCH_KIND_BLOCK]?.[TOUCH_KIND_ACTION]?.selected_option?.value ?? 'call';
    const note = view.state.values[TOUCH_NOTE_BLOCK]?.[TOUCH_NOTE_ACTION]?.value?.trim() || null;
    if (leadId === undefined) return fail(TOUCH_KIND_BLOCK, t.touch.notFound);
    if (!isActivityKind(kind)) return fail(TOUCH_KIND_BLOCK, t.touch.kindLabel);
    if (note && note.length > ACTIVITY_NOTE_MAX)
      return fail(TOUCH_NOTE_BLOCK, t.touch.tooLong(ACTIVITY_NOTE_MAX));
    try {
      const result = await ctx.services.firstTouch.logActivity(teamId, leadId, {
        kind,
        note,
        actorId: body.user.id,
        via: 'slack',
        at: ctx.clock.now(),
      });
      if (!result.ok) return fail(TOUCH_KIND_BLOCK, touchRefusalPlain(t, result));
    } catch (error) {
      await fail(TOUCH_KIND_BLOCK, t.errors.internal);
      throw error;
    }
    await ack();
    ctx.outbox.wake();
    if (fromHome(view.private_metadata)) await publishHome(ctx, client, teamId, body.user.id);
  };

/** Whether the modal was opened from App Home (its board then needs publishing again). */
function fromHome(privateMetadata: string | undefined): boolean {
  try {
    return (JSON.parse(privateMetadata || '{}') as { from?: unknown }).from === 'home';
  } catch {
    return false;
  }
}
