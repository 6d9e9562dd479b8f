import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { AppContext } from '../../../context.js';
import {
  CONTEXT_FIELDS,
  type ContextField,
  checkContext,
  parseLeadRef,
} from '../../../domain/lead-context.js';
import { type Catalog, messages } from '../../../i18n/index.js';
import { CONTEXT_INPUT_ACTION, LEAD_REF_BLOCK } from '../../blocks/lead-context.js';
import { requestConfig } from '../request-config.js';
import { leadIdFrom } from './modal-lead-id.js';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
type Errors = Record<string, string>;

/**
 * The Add context modal submitted: fields checked (errors under each field, modal kept open),
 * the lead found (from the card, or the number/email typed in), then stored before the ack.
 */
export const submitContext =
  (ctx: AppContext) =>
  async ({ ack, body, view, context }: Args): Promise<void> => {
    const { teamId, config } = requestConfig(ctx, context, body);
    const t = messages(config.locale);
    const text = (block: string) => view.state.values[block]?.[CONTEXT_INPUT_ACTION]?.value ?? null;
    const fail = (errors: Errors) => ack({ response_action: 'errors', errors });

    const errors: Errors = {};
    const input = Object.fromEntries(CONTEXT_FIELDS.map((f) => [f, text(f)])) as Record<
      ContextField,
      string | null
    >;
    const checked = checkContext(input);
    if (!checked.ok) {
      for (const p of checked.problems)
        errors[p.field ?? 'note'] =
          p.problem === 'empty' ? t.leadContext.atLeastOne : t.leadContext.tooLong(p.max);
    }
    const fromCard = leadIdFrom(view.private_metadata);
    const leadId = fromCard ?? (await leadFromRef(ctx, t, teamId, text(LEAD_REF_BLOCK), errors));
    if (!checked.ok || leadId === undefined) return fail(errors);

    const refusalBlock = fromCard === undefined ? LEAD_REF_BLOCK : 'note';
    try {
      const result = await ctx.services.leadContext.add(
        teamId,
        { leadId, authorId: body.user.id, fields: checked.fields, viewId: view.id },
        ctx.clock.now(),
      );
      if (!result.ok) {
        const why = result.reason === 'not_found' ? t.leadContext.notFound : t.leadContext.notOnRosterPlain;
        return fail({ [refusalBlock]: why });
      }
    } catch (error) {
      await fail({ [refusalBlock]: t.errors.internal });
      throw error;
    }
    await ack();
    ctx.outbox.wake();
  };

/** The lead typed into the modal (number or email); records an error under the field when none. */
async function leadFromRef(
  ctx: AppContext,
  t: Catalog,
  teamId: string,
  typed: string | null,
  errors: Errors,
): Promise<number | undefined> {
  if (!typed?.trim()) {
    errors[LEAD_REF_BLOCK] = t.leadContext.leadRefMissing;
    return undefined;
  }
  const lead = await ctx.services.leadContext.byRef(teamId, parseLeadRef(typed));
  if (!lead) errors[LEAD_REF_BLOCK] = t.leadContext.leadNotFound;
  return lead?.id;
}
