import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { ConfigChangeResult } from '../../../admin/config-service.js';
import type { AppContext } from '../../../context.js';
import { checkTeamEdit, type RosterDocEntry, type TeamEditRefusal } from '../../../domain/admin-rights.js';
import type { SetupItem } from '../../../domain/setup-checklist.js';
import type { Catalog } from '../../../i18n/index.js';
import { fieldErrors, type ViewValues } from '../../blocks/setup-common.js';
import { publishHome } from '../../home-view.js';
import { mention } from '../../mrkdwn.js';
import { currentCatalog, mayOpen } from '../../setup-views.js';
import { itemEdit } from './setup-edit-plan.js';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * A set-up modal submitted: the edit goes through ConfigService (the file's schema) before the ack,
 * so a refusal comes back under the field it is about and the modal stays open. A channels change
 * runs the channel check within the change (the config store's onChange, app.ts): public channels
 * are joined and private ones named to `/invite`; Home, published again after, shows them.
 */
export const submitSetup =
  (ctx: AppContext, item: SetupItem) =>
  async ({ ack, body, view, context, client }: Args): Promise<void> => {
    const teamId = context.teamId ?? body.team?.id ?? ctx.teamId;
    const userId = body.user.id;
    const t = currentCatalog(ctx, teamId);
    const values = view.state.values as unknown as ViewValues;
    const rights = await ctx.services.admins.rights(teamId, userId);
    if (!mayOpen(rights, item)) {
      // Someone whose rights changed while the modal was open: said under its first field.
      const first = view.blocks.find((b) => b.type === 'input')?.block_id;
      if (first) await ack({ response_action: 'errors', errors: { [first]: t.admin.refusals.notAnAdmin } });
      else await ack();
      return;
    }
    const plan = await itemEdit(
      ctx,
      teamId,
      item,
      values,
      rights.people.kind === 'team' ? rights.people.managerId : null,
    );
    if (plan.problems && Object.keys(plan.problems).length > 0) {
      await ack({ response_action: 'errors', errors: plan.problems });
      return;
    }
    let refusal: TeamEditRefusal | null = null;
    let result: ConfigChangeResult;
    try {
      result = await ctx.services.config.change(
        teamId,
        { actorId: userId, via: 'slack', source: `home:${item}` },
        (doc) => {
          const before = (Array.isArray(doc.roster) ? structuredClone(doc.roster) : []) as RosterDocEntry[];
          plan.edit(doc);
          refusal = null;
          if (item === 'people' && !rights.admin && rights.people.kind === 'team') {
            refusal = checkTeamEdit(before, doc.roster as RosterDocEntry[], rights.people.managerId);
            if (refusal) return structuredClone({ ...doc, roster: before });
          }
        },
      );
    } catch (error) {
      await ack({ response_action: 'errors', errors: { [plan.fallback]: t.errors.internal } });
      throw error;
    }
    if (refusal) {
      await ack({ response_action: 'errors', errors: { [plan.fallback]: teamRefusalText(t, refusal) } });
      return;
    }
    if (!result.ok && result.reason !== 'unchanged') {
      const errors =
        result.reason === 'invalid'
          ? fieldErrors(result.problems, plan.fieldFor, plan.fallback, plan.withPath)
          : { [plan.fallback]: t.admin.refusals.managed(result.keys.join(', ')) };
      await ack({ response_action: 'errors', errors });
      return;
    }
    await ack();
    if (!result.ok) return;
    await publishHome(ctx, client, teamId, userId);
  };

function teamRefusalText(t: Catalog, refusal: TeamEditRefusal): string {
  const who = refusal.users.map(mention).join(', ');
  return refusal.reason === 'outside_team'
    ? t.admin.refusals.outsideTeam(who)
    : t.admin.refusals.roleNotAllowed(who);
}
