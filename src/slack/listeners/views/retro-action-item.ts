import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import { type ActionItemProblem, checkActionItem } from '../../../domain/action-items.js';
import { type Catalog, messages } from '../../../i18n/index.js';
import {
  ACTION_DUE_BLOCK,
  ACTION_DUE_INPUT,
  ACTION_OWNER_BLOCK,
  ACTION_OWNER_INPUT,
  ACTION_TEXT_BLOCK,
  ACTION_TEXT_INPUT,
  type ActionItemModalMeta,
} from '../../blocks/action-items.js';
import { requestConfig } from '../request-config.js';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const BLOCK_OF: Record<ActionItemProblem['field'], string> = {
  text: ACTION_TEXT_BLOCK,
  owner: ACTION_OWNER_BLOCK,
  due: ACTION_DUE_BLOCK,
};

/**
 * The Add action item modal submitted: fields checked (errors under each field, modal kept open),
 * then the item stored before the ack, so a refusal also shows in the modal.
 */
export const submitActionItem =
  (ctx: AppContext) =>
  async ({ ack, body, view, context }: Args): Promise<void> => {
    const { teamId, config } = requestConfig(ctx, context, body);
    const t = messages(config.locale);
    const fail = (errors: Record<string, string>) => ack({ response_action: 'errors', errors });
    const values = view.state.values;
    const now = ctx.clock.now();
    const checked = checkActionItem(
      {
        text: values[ACTION_TEXT_BLOCK]?.[ACTION_TEXT_INPUT]?.value,
        ownerId: values[ACTION_OWNER_BLOCK]?.[ACTION_OWNER_INPUT]?.selected_user,
        dueOn: values[ACTION_DUE_BLOCK]?.[ACTION_DUE_INPUT]?.selected_date,
      },
      now,
      config.calendar.timeZone,
    );
    if (!checked.ok)
      return fail(Object.fromEntries(checked.problems.map((p) => [BLOCK_OF[p.field], problemText(t, p)])));
    const meta = metaFrom(view.private_metadata);
    if (!meta) return fail({ [ACTION_TEXT_BLOCK]: t.retroActions.retroNotFound });
    try {
      const result = await ctx.services.actionItems.add(
        teamId,
        {
          ...checked.fields,
          retroId: meta.retro,
          createdBy: body.user.id,
          source: meta.source,
          viewId: view.id,
        },
        now,
      );
      if (!result.ok)
        return fail({
          [ACTION_TEXT_BLOCK]:
            result.reason === 'not_on_roster'
              ? t.retroActions.notOnRosterPlain
              : t.retroActions.retroNotFound,
        });
    } catch (error) {
      await fail({ [ACTION_TEXT_BLOCK]: t.errors.internal });
      throw error;
    }
    await ack();
    ctx.outbox.wake();
  };

function problemText(t: Catalog, p: ActionItemProblem): string {
  switch (p.problem) {
    case 'empty':
      return t.retroActions.textEmpty;
    case 'too_long':
      return t.retroActions.textTooLong(p.max);
    case 'missing':
      return t.retroActions.ownerMissing;
    case 'bad_date':
      return t.retroActions.dueBadDate;
    case 'past':
      return t.retroActions.duePast(p.today);
  }
}

/** The retro id and source reply the modal carries, if well formed. */
function metaFrom(privateMetadata: string | undefined): ActionItemModalMeta | undefined {
  try {
    const meta = JSON.parse(privateMetadata || '{}') as Partial<ActionItemModalMeta>;
    if (typeof meta.retro !== 'number' || !Number.isSafeInteger(meta.retro) || meta.retro <= 0)
      return undefined;
    const source = meta.source;
    const validSource = typeof source?.channel === 'string' && typeof source.ts === 'string';
    return { retro: meta.retro, ...(validSource ? { source } : {}) };
  } catch {
    return undefined;
  }
}
