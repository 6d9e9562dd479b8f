import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { webhookUrlProblem } from '../../../config/workspace/schema-webhooks.js';
import type { AppContext } from '../../../context.js';
import type { Catalog } from '../../../i18n/index.js';
import { type WebhookSettingResult, WebhookSettings } from '../../../services/webhook-settings.js';
import { CRM_NAME, CRM_URL, crmFieldFor, readWebhookModal, secretView } from '../../blocks/settings-crm.js';
import type { ViewValues } from '../../blocks/setup-common.js';
import { publishHome } from '../../home-view.js';
import { currentCatalog } from '../../setup-views.js';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * The endpoint modal submitted: checked before the ack, so a refusal sits under its field and the
 * modal stays open. Adding answers with the new secret, shown once in the modal itself.
 */
export const submitWebhook =
  (ctx: AppContext) =>
  async ({ ack, body, view, context, client }: Args): Promise<void> => {
    const teamId = context.teamId ?? body.team?.id ?? ctx.teamId;
    const userId = body.user.id;
    const t = currentCatalog(ctx, teamId);
    const editing = view.private_metadata || null;
    const form = readWebhookModal(view.state.values as unknown as ViewValues);
    const first = editing ? CRM_URL : CRM_NAME;
    if (!(await ctx.services.admins.isAdmin(teamId, userId))) {
      await ack({ response_action: 'errors', errors: { [first]: t.admin.refusals.notAnAdmin } });
      return;
    }
    const urlProblem = webhookUrlProblem(form.url);
    if (urlProblem) {
      await ack({ response_action: 'errors', errors: { [CRM_URL]: urlProblem } });
      return;
    }
    const settings = new WebhookSettings(ctx.database, ctx.services.config);
    const by = { actorId: userId, via: 'slack' as const, source: 'home:webhooks' };
    const fields = { url: form.url, events: form.events, enabled: form.enabled };
    let result: WebhookSettingResult;
    try {
      result = editing
        ? await settings.edit(teamId, by, editing, fields)
        : await settings.add(teamId, by, form.name ?? '', fields, ctx.clock.now());
    } catch (error) {
      await ack({ response_action: 'errors', errors: { [first]: t.errors.internal } });
      throw error;
    }
    if (!result.ok) {
      const errors = refusal(t, result, editing, form.name ?? '');
      await ack({ response_action: 'errors', errors });
      return;
    }
    if (result.secret)
      await ack({ response_action: 'update', view: secretView(t, form.name ?? '', result.secret) });
    else await ack();
    await publishHome(ctx, client, teamId, userId);
  };

/** One refusal, under the field it is about (the first problem the config schema found). */
function refusal(
  t: Catalog,
  result: Exclude<WebhookSettingResult, { ok: true }>,
  editing: string | null,
  name: string,
): Record<string, string> {
  const c = t.crmSettings;
  const first = editing ? CRM_URL : CRM_NAME;
  if (result.reason === 'taken') return { [CRM_NAME]: c.nameTaken(name) };
  if (result.reason === 'gone') return { [first]: c.gone(editing ?? name) };
  const r = result.result;
  if (r.reason === 'invalid') {
    const problem = r.problems.find((p) => p.path[0] === 'webhooks') ?? r.problems[0];
    return { [problem ? crmFieldFor(problem.path, !editing) : first]: problem?.message ?? t.errors.internal };
  }
  if (r.reason === 'managed_by_file') return { [first]: t.admin.refusals.managed(r.keys.join(', ')) };
  return { [first]: t.errors.internal };
}
