import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { messages } from '../../../i18n/index.js';
import { vocModal } from '../../blocks/voc.js';
import { notOnRosterText } from '../refusals.js';
import { requestConfig } from '../request-config.js';

type Args = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** Add details in the reaction's prompt: the modal, filled in with the entry, to edit it. */
export const openVocDetails =
  (ctx: AppContext) =>
  async ({ ack, action, body, client, respond, context }: Args): Promise<void> => {
    await ack();
    const { teamId, config } = requestConfig(ctx, context, body);
    const t = messages(config.locale);
    const voc = ctx.services.voc;
    const actor = await voc.actor(teamId, body.user.id);
    const saved = actor.kind === 'member' ? await voc.find(teamId, Number(action.value)) : undefined;
    if (!saved) {
      const text =
        actor.kind === 'stranger' ? notOnRosterText(t, body.user.id, actor.adminIds) : t.voc.errors.notFound;
      await respond({ response_type: 'ephemeral', replace_original: false, text });
      return;
    }
    const { entry, lead } = saved;
    await client.views.open({
      trigger_id: body.trigger_id,
      view: vocModal(t, { metadata: { entryId: entry.id, via: entry.via }, entry, lead }),
    });
  };
