import type { WebClient } from '@slack/web-api';
import type { WorkspaceConfig } from '../../../config/workspace-schema.js';
import type { AppContext } from '../../../context.js';
import { parseLeadQuery } from '../../../domain/lead-query.js';
import { resolveStage, SIDE_STAGE_KEYS } from '../../../domain/lead-stages.js';
import { parseStageCommand } from '../../../domain/stage-input.js';
import type { Catalog } from '../../../i18n/index.js';
import { rulesOf } from '../../../services/stage-moves.js';
import { leadLabel } from '../../blocks/lead-ownership.js';
import { needsMore } from '../../blocks/stage-move.js';
import { escapeMrkdwn } from '../../mrkdwn.js';
import { openStageModal, stageName, stageRefusalText } from '../actions/stage-move.js';

/** Whether `/lead` text is a stage move: `<lead> stage …`. */
export const isStageCommand = (text: string) => /^\S+\s+stage(\s|$)/i.test(text.trim());

/**
 * `/lead <id | email> stage <stage> [amount [currency]] [reason] [revisit YYYY-MM-DD]`: moves the
 * lead when the words say all the move needs; otherwise opens the Move stage modal with what was
 * typed filled in. Answers are private.
 */
export async function leadStage(
  ctx: AppContext,
  config: WorkspaceConfig,
  t: Catalog,
  teamId: string,
  command: { user_id: string; trigger_id: string },
  text: string,
  reply: (message: { text: string }) => Promise<unknown>,
  client: WebClient,
): Promise<void> {
  const moves = ctx.services.stageMoves;
  const rules = rulesOf(config);
  const parsed = parseStageCommand(text, rules);
  const query = parsed && parseLeadQuery(parsed.ref);
  if (!parsed || !query || query.kind === 'text') return void (await reply({ text: t.stages.needLead }));
  if (parsed.kind === 'no_stage') {
    const stages = [...rules.working, ...SIDE_STAGE_KEYS].map(escapeMrkdwn).join(', ');
    return void (await reply({ text: t.stages.noStage(stages) }));
  }
  const lead = (await ctx.services.leadDesk.search(teamId, query)).leads[0];
  if (!lead) return void (await reply({ text: t.stages.noLead(escapeMrkdwn(parsed.ref)) }));

  const { request } = parsed;
  const result = await moves.move(
    teamId,
    lead.id,
    request,
    { actorId: command.user_id, via: 'slack' },
    ctx.clock.now(),
  );
  const label = stageName(config, t);
  if (result.ok) {
    ctx.outbox.wake();
    const { move } = result;
    await reply({
      text: t.stages.moved(
        leadLabel(result.lead),
        escapeMrkdwn(label(move.from)),
        escapeMrkdwn(label(move.to)),
      ),
    });
    return;
  }
  const to = resolveStage(request.to, rules.working);
  if (result.lead && to && needsMore(result.problem)) {
    await openStageModal(config, t, client, command.trigger_id, result.lead, { ...request, to }, 'command');
    return;
  }
  await reply({ text: stageRefusalText(config, t, result.problem, command.user_id) });
}
