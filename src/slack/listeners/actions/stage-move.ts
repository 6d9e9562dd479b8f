import type { AllMiddlewareArgs, BlockStaticSelectAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { WorkspaceConfig } from '../../../config/workspace-schema.js';
import type { AppContext } from '../../../context.js';
import type { LeadRow } from '../../../db/queries/leads.js';
import type { StageMoveRequest } from '../../../domain/lead-stages.js';
import { type Catalog, messages } from '../../../i18n/index.js';
import { nameIn, rulesOf, type StageMoveFailure } from '../../../services/stage-moves.js';
import { workspaceKeyLabels } from '../../blocks/key-labels.js';
import {
  needsMore,
  parseStageValue,
  stageLabel,
  stageModal,
  stageProblemText,
} from '../../blocks/stage-move.js';
import { notOnRosterText } from '../refusals.js';
import { requestConfig } from '../request-config.js';

type Args = SlackActionMiddlewareArgs<BlockStaticSelectAction> & AllMiddlewareArgs;

/** A stage key as people see it (side stages in the workspace's language). */
export const stageName = (config: WorkspaceConfig, t: Catalog) => (key: string) =>
  stageLabel(t, nameIn(config, key));

/** Opens the Move stage modal for a move that needs more than the stage, filled in with what was given. */
export async function openStageModal(
  config: WorkspaceConfig,
  t: Catalog,
  client: WebClient,
  triggerId: string,
  lead: LeadRow,
  given: StageMoveRequest & { to: string },
  origin?: 'command',
): Promise<void> {
  await client.views.open({
    trigger_id: triggerId,
    view: stageModal(t, {
      lead,
      from: nameIn(config, lead.stage),
      to: nameIn(config, given.to),
      rules: rulesOf(config),
      reopenStage: nameIn(config, config.funnel.recycleReopenStage),
      given,
      labels: workspaceKeyLabels(t, config),
      ...(origin ? { origin } : {}),
    }),
  });
}

/** Why a move was refused, as an ephemeral (mrkdwn) answer. */
export function stageRefusalText(
  config: WorkspaceConfig,
  t: Catalog,
  problem: StageMoveFailure,
  userId: string,
) {
  return problem.code === 'not_on_roster'
    ? notOnRosterText(t, userId, problem.adminIds)
    : stageProblemText(t, problem, stageName(config, t));
}

/**
 * Move stage on a card. A move that needs nothing more happens at once (the card and its thread
 * show it); one that needs a reason, competitor, revisit day or amount opens the modal; a refusal
 * is told privately.
 */
export const moveStageFromCard =
  (ctx: AppContext) =>
  async ({ ack, action, body, client, respond, context }: Args): Promise<void> => {
    await ack();
    const { teamId, config } = requestConfig(ctx, context, body);
    const t = messages(config.locale);
    const picked = parseStageValue(action.selected_option?.value);
    if (!picked) return;
    const request = { to: picked.stage };
    const result = await ctx.services.stageMoves.move(
      teamId,
      picked.leadId,
      request,
      { actorId: body.user.id, via: 'slack' },
      ctx.clock.now(),
    );
    if (result.ok) {
      ctx.outbox.wake();
      return;
    }
    if (result.lead && needsMore(result.problem)) {
      await openStageModal(config, t, client, body.trigger_id, result.lead, request);
      return;
    }
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: stageRefusalText(config, t, result.problem, body.user.id),
    });
  };
